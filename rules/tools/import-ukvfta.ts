/**
 * Maintainer tool: turns the UK Online Trade Tariff rule sets for Viet Nam into
 * our rule file `rules/ukvfta/psr.json`, with a report of every check.
 *
 *   npm run rules:import            (reads ../shared/data/uk-tariff-roo)
 *   SHARED_DIR=/path npm run rules:import
 *
 * Each source rule text is structured through the hand-reviewed translation
 * table `rules/ukvfta/translations.json` (one entry per distinct legal text,
 * each checked against the prose: every percentage in the text must appear in
 * the expression, and the source's class tags must agree with the rule kinds).
 * Rule sets whose lines do not simply combine with "or" carry a whole-set
 * override there. Nothing is guessed: a text without a translation stops the
 * import and is listed in the report.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import { ROOT, SHARED, type SourceRuleSet, finishImport, percentsOf, stripMarkdown, problemsSection } from './kit.js';
import type { RuleNode } from '../../src/rules/ast.js';

const root = ROOT;
const shared = SHARED;
const SOURCE_PATH = 'data/uk-tariff-roo/trade-tariff-backend/lib/rules_of_origin/roo_schemes_uk/rule_sets/vietnam.json';

interface Translations {
  translations: { text: string; rule: string; note?: string }[];
  ruleSetOverrides: { index: number; heading: string; rule: string; note: string }[];
  addedRows: { scope: string; description: string; rule: string; text: string; source: string; note?: string }[];
  /** Corrections of the source's product descriptions (never of rules), each with why. */
  labelOverrides?: { index: number; heading: string; description: string; note: string }[];
}

/** Shortest HS prefix length at which the 10-digit min/max become a clean range. */
export function toScope(min: string, max: string): { from: string; to: string } {
  for (const len of [2, 4, 6, 8, 10]) {
    if (/^0*$/.test(min.slice(len)) && /^9*$/.test(max.slice(len))) return { from: min.slice(0, len), to: max.slice(0, len) };
  }
  return { from: min, to: max };
}

/** Markdown to plain legal text: links to their label, non-breaking spaces, emphasis. */
export function plainText(md: string): string {
  return stripMarkdown(md)
    .replace(/\n{2,}/g, '\n')
    .trim();
}

function kinds(node: RuleNode, out: Set<string>): Set<string> {
  if (node.kind === 'any_of' || node.kind === 'all_of') node.of.forEach((n) => kinds(n, out));
  else {
    out.add(node.kind === 'tariff_shift' ? `tariff_shift:${node.level}` : node.kind);
    // The source tags a same-heading value allowance as MAXNOM, and a wholly-obtained
    // share the engine cannot compute (a declared condition) as WO.
    if (node.kind === 'tariff_shift' && node.sameLevelMax) out.add('value_allowance');
    if (node.kind === 'declared_condition' && /wholly obtained/i.test(node.text)) out.add('declared_wholly_obtained');
  }
  return out;
}

const CLASS_KIND: Record<string, string[]> = {
  CTH: ['tariff_shift:heading'],
  CTSH: ['tariff_shift:subheading'],
  CC: ['tariff_shift:chapter'],
  MAXNOM: ['max_non_originating', 'value_allowance'],
  WO: ['wholly_obtained', 'materials_wholly_obtained', 'declared_wholly_obtained'],
};

function main(): void {
  const source = JSON.parse(readFileSync(join(shared, SOURCE_PATH), 'utf8')) as { rule_sets: SourceRuleSet[] };
  const tr = JSON.parse(readFileSync(join(root, 'rules/ukvfta/translations.json'), 'utf8')) as Translations;
  const byText = new Map(tr.translations.map((t) => [t.text, t]));
  // Which rows refer to the textile tolerances of Annex I Notes 6 and 7 (extract-ukvfta-textile-notes.ts).
  const notesPath = join(root, 'rules/ukvfta/textile-notes.json');
  const textileNotes = existsSync(notesPath)
    ? new Map((JSON.parse(readFileSync(notesPath, 'utf8')) as { rows: { id: string; notes: string[] }[] }).rows.map((r) => [r.id, r.notes]))
    : new Map<string, string[]>();
  const overrides = new Map(tr.ruleSetOverrides.map((o) => [o.index, o]));
  const labels = new Map((tr.labelOverrides ?? []).map((o) => [o.index, o]));
  const problems: string[] = [];
  const checked: string[] = [];
  const untranslated = new Set<string>();

  for (const t of tr.translations) {
    const parsed = parseRuleExpression(t.rule);
    if (!parsed.success) {
      problems.push(`translation does not parse: ${JSON.stringify(t.rule)}: ${parsed.issue.message}`);
      continue;
    }
    const inText = new Set([...t.text.matchAll(/\*\*(\d+(?:\.\d+)?)%\*\*/g)].map((m) => String(Number(m[1]))));
    const inRule = percentsOf(parsed.rule);
    for (const p of inText) if (!inRule.has(p)) problems.push(`percentage ${p}% of the text is missing from ${JSON.stringify(t.rule)}`);
    for (const p of inRule) if (!inText.has(p)) problems.push(`percentage ${p}% of ${JSON.stringify(t.rule)} is not in the text`);
  }

  const sets = source.rule_sets;
  const scopes = sets.map((s) => toScope(s.min, s.max));
  const rows: unknown[] = [];
  const idCount = new Map<string, number>();
  sets.forEach((set, i) => {
    const { from, to } = scopes[i]!;
    const scope = from === to ? from : `${from}-${to}`;
    const shared = scopes.some((o, j) => j !== i && o.from === from && o.to === to);
    const nestedEx = set.heading.startsWith('ex ') && scopes.some((o, j) => j !== i && o.from.length < from.length && from.slice(0, o.from.length) >= o.from && to.slice(0, o.to.length) <= o.to);
    const override = overrides.get(i);
    let rule: string;
    if (override) {
      if (override.heading !== set.heading) problems.push(`override for rule set ${i} names "${override.heading}" but the set is "${set.heading}"`);
      rule = override.rule;
    } else {
      const parts = set.rules.map((r) => {
        const t = byText.get(r.rule);
        if (!t) untranslated.add(r.rule);
        return t?.rule ?? '';
      });
      rule = parts.length === 1 ? parts[0]! : parts.map((p) => (/ or /.test(p) ? `(${p})` : p)).join(' or ');
    }
    const parsed = parseRuleExpression(rule);
    if (rule && !parsed.success) problems.push(`rule set ${i} (${set.heading}): ${parsed.issue.message}`);
    if (parsed.success) {
      // The source's class tags must agree with the kinds in our rule.
      const have = kinds(parsed.rule, new Set());
      for (const c of new Set(set.rules.flatMap((r) => r.class))) {
        const want = CLASS_KIND[c];
        if (want && !want.some((k) => have.has(k))) problems.push(`rule set ${i} (${set.heading}): class ${c} but the rule has no ${want.join('/')}`);
        else if (want) checked.push(c);
      }
    }
    const label = labels.get(i);
    if (label && label.heading !== set.heading) problems.push(`label override for rule set ${i} names "${label.heading}" but the set is "${set.heading}"`);
    const description = (label?.description ?? set.subdivision ?? '').trim();
    const n = (idCount.get(scope) ?? 0) + 1;
    idCount.set(scope, n);
    rows.push({
      id: n === 1 ? scope : `${scope}.${n}`,
      scope,
      ...(shared || nestedEx ? { ex: description || set.heading } : {}),
      description,
      rule,
      // Footnote markers the source glued to a rule line ("3.5 or …") are not part of the legal wording.
      text: set.rules.map((r) => plainText(r.rule).replace(/^\d(?:\.\d)* or\n/, '')).join('\nor\n'),
      cite: { source: 'uk-ott-backend', ref: `Annex II row "${set.heading}" (rule_sets/vietnam.json, rule set ${i})` },
      ...(override || label ? { note: [override?.note, label?.note].filter(Boolean).join(' ') } : {}),
    });
  });
  // Disambiguate ids of rows sharing a scope: the first one gets ".1" too.
  for (const r of rows as { id: string; scope: string }[]) if ((idCount.get(r.scope) ?? 0) > 1 && r.id === r.scope) r.id = `${r.scope}.1`;
  for (const r of rows as { id: string; textileTolerances?: string[] }[]) {
    const notes = textileNotes.get(r.id);
    if (notes?.length) r.textileTolerances = notes.map((n) => (n === 'note6' ? 'mixed' : 'otherHeading'));
  }
  for (const a of tr.addedRows) {
    rows.push({ id: a.scope, scope: a.scope, description: a.description, rule: a.rule, text: a.text, cite: { source: 'uk-ord-vn', ref: a.source }, ...(a.note ? { note: a.note } : {}) });
  }
  for (const t of untranslated) problems.push(`no translation for: ${JSON.stringify(t)}`);

  const gaps = tr.addedRows.length
    ? []
    : [
        { scope: '4101-4103', reason: "Annex II has no rule for raw hides and skins: the 'ex Chapter 41' row of the Viet Nam ORD carries no rule of its own and the UK list has none" },
        { scope: '4114-4115', reason: "Annex II has no rule for chamois, patent and composition leather: the 'ex Chapter 41' row of the Viet Nam ORD carries no rule of its own and the UK list has none" },
      ];
  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'ukvfta', hsVersion: 'HS2022', rows, gaps };
  writeFileSync(join(root, 'rules/ukvfta/psr.json'), `${JSON.stringify(psr, null, 2)}\n`);

  const report = [
    '# UKVFTA import report',
    '',
    'Generated by `npm run rules:import` (rules/tools/import-ukvfta.ts); do not edit by hand.',
    '',
    `- Source: \`${SOURCE_PATH}\` (trade-tariff-backend@3c0266943e2746de296ea4d5ad2e1979154df5ea)`,
    `- Rule sets: ${sets.length}; rules: ${sets.reduce((n, s) => n + s.rules.length, 0)}; distinct rule texts: ${new Set(sets.flatMap((s) => s.rules.map((r) => r.rule))).size}`,
    `- Translations: ${tr.translations.length}; whole-set overrides: ${tr.ruleSetOverrides.length}; rows added from the legal text: ${tr.addedRows.length}`,
    `- Rows written: ${rows.length}; declared gaps: ${gaps.length}`,
    `- Class-tag checks passed: ${checked.length}`,
    `- Rows that could not be structured: ${untranslated.size}`,
    '',
    ...problemsSection(problems),
    '## Whole-set overrides',
    '',
    ...tr.ruleSetOverrides.map((o) => `- rule set ${o.index} (${o.heading}): \`${o.rule}\` — ${o.note}`),
    '',
  ].join('\n');
  finishImport(join(root, 'rules/ukvfta'), report, problems);
}

main();
