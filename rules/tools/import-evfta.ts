/**
 * Maintainer tool: turns the EU-side product-specific rules for Viet Nam (the
 * EU–Viet Nam FTA, Protocol 1, Annex II, as applied in Northern Ireland and
 * kept in the UK Online Trade Tariff prototype) into `rules/evfta/psr.json`,
 * diffs that list row by row against the UKVFTA list and writes
 * `rules/evfta/differences.md` and `rules/evfta/import-report.md`.
 *
 *   npx tsx rules/tools/import-evfta.ts                      (reads ../shared/data/uk-tariff-roo)
 *   SHARED_DIR=/path npx tsx rules/tools/import-evfta.ts
 *   npx tsx rules/tools/import-evfta.ts --seed-translations  (adds the UKVFTA translations whose
 *                                                             legal text is the same to
 *                                                             rules/evfta/translations.json; keeps
 *                                                             every entry already there)
 *
 * Each EU rule text is structured through `rules/evfta/translations.json` (one
 * entry per distinct text; entries marked `"from": "ukvfta"` are the UKVFTA hand
 * translations of the same legal wording, the others were translated for this
 * list). Nothing is guessed: a text without a translation stops the import.
 *
 * HS basis: the EU list is the legal list itself (HS 2012 headings and
 * descriptions), each row's 10-digit min/max being only the legal heading
 * padded. Rows are therefore keyed on the legal heading label, not re-cut onto a
 * later nomenclature; where the prototype's min/max is wider than its label
 * (e.g. "1510" given as 1510–1519) the label wins and the correction is listed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import { ROOT, SHARED, type SourceRuleSet, finishImport, percentsOf, stripMarkdown, problemsSection } from './kit.js';

const root = ROOT;
const shared = SHARED;
const EU_PATH = 'data/uk-tariff-roo/ott-prototype/app/data/roo/xi/psr_new/vietnam.json';
const UK_PATH = 'data/uk-tariff-roo/trade-tariff-backend/lib/rules_of_origin/roo_schemes_uk/rule_sets/vietnam.json';
const OUT = join(root, 'rules/evfta');

interface Translation {
  text: string;
  rule: string;
  from?: 'ukvfta';
  note?: string;
}
interface Translations {
  translations: Translation[];
  /** Whole-row rules that replace the translation of a rule set's text, with a legal citation. */
  ruleSetOverrides: { index: number; heading: string; rule: string; text: string; cite: { source: string; ref: string }; note: string }[];
}
interface Resolution {
  key: string;
  status: 'resolved' | 'open';
  resolution: string;
  cite?: { source: string; ref: string };
}

// ---------------------------------------------------------------- text helpers

/** Markdown to plain legal text: links to their label, non-breaking spaces, emphasis. */
export function plainText(md: string): string {
  return stripMarkdown(md)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ ([.,;:])/g, '$1')
    .trim();
}

/** XML fragments of the EU data (`<ul xmlns="http://trade.europa.eu">…`) to one line of text. */
export function stripXml(s: string | null): string {
  return (s ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Loose comparison key for legal wording: case, markdown, links, punctuation,
 * hyphenation breaks ("man- made"), plural "headings"/"chapters", "sub-heading"
 * and footnote markers ("process(es)1") are ignored. Digits and words are kept
 * in order, so thresholds and HS codes still have to agree.
 */
export function looseKey(md: string): string {
  return plainText(md)
    .toLowerCase()
    .replace(/\)(\d)(?=[\s.,;]|$)/g, ')')
    .replace(/\b(man|making)-\s+/g, '$1-')
    .replace(/\bmanmade\b/g, 'man-made')
    .replace(/\bsub-heading/g, 'subheading')
    .replace(/\bnon-woven/g, 'nonwoven')
    .replace(/\b(heading|chapter|subheading)s\b/g, '$1')
    // "heading 1101 to heading 1108" = "headings 1101 to 1108": the code's length tells the level.
    .replace(/\b(?:(?:subheading|heading|chapter)\s+)+(?=\d)/g, '')
    .replace(/\bproducts\b/g, 'product')
    .replace(/[^a-z0-9%]+/g, ' ')
    .replace(/\b(the|of|in|to)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------- HS scope from the legal label

/** "Chapter 3", "ex Chapter 3", "0304", "ex 0306", "4104 - 4106", "4104 to 4106", "ex 5004 -  5006". */
export function labelScope(heading: string): { from: string; to: string; ex: boolean } | undefined {
  const h = heading.trim();
  const ex = /^ex\s/i.test(h);
  const body = h.replace(/^ex\s+/i, '');
  let m = /^Chapter\s+(\d{1,2})$/i.exec(body);
  if (m) {
    const c = m[1]!.padStart(2, '0');
    return { from: c, to: c, ex };
  }
  m = /^(\d{4}|\d{6})(?:\s*(?:-|to)\s*(?:ex\s+)?(\d{4}|\d{6}))?$/.exec(body);
  if (m) return { from: m[1]!, to: m[2] ?? m[1]!, ex };
  return undefined;
}

/** Shortest HS prefix length at which the 10-digit min/max become a clean range. */
export function rangeScope(min: string, max: string): { from: string; to: string } {
  for (const len of [2, 4, 6, 8, 10]) {
    if (/^0*$/.test(min.slice(len)) && /^9*$/.test(max.slice(len))) return { from: min.slice(0, len), to: max.slice(0, len) };
  }
  return { from: min, to: max };
}

const scopeString = (s: { from: string; to: string }) => (s.from === s.to ? s.from : `${s.from}-${s.to}`);

/** 4-digit headings (or chapters) a label covers, for matching rows across the two lists. */
function span(s: { from: string; to: string }): { level: number; lo: number; hi: number } {
  return { level: s.from.length === 2 ? 2 : 4, lo: Number(s.from.slice(0, s.from.length === 2 ? 2 : 4)), hi: Number(s.to.slice(0, s.to.length === 2 ? 2 : 4)) };
}

// ---------------------------------------------------------------- rule checks (as for the UKVFTA import)

const textPercents = (t: string) => new Set([...t.matchAll(/\*\*(\d+(?:[.,]\d+)?)%\*\*|(\d+(?:[.,]\d+)?)\s?%/g)].map((m) => String(Number((m[1] ?? m[2])!.replace(',', '.')))));

// ---------------------------------------------------------------- main

function readJson<T>(p: string): T {
  return JSON.parse(readFileSync(p, 'utf8')) as T;
}

interface EuRow {
  index: number;
  set: SourceRuleSet;
  text: string;
  scope: { from: string; to: string };
  labelEx: boolean;
  sub: string;
  duplicateOf?: number;
  rangeCorrected?: string;
}

function loadEu(): EuRow[] {
  const eu = readJson<{ rule_sets: SourceRuleSet[] }>(join(shared, EU_PATH)).rule_sets;
  const rows: EuRow[] = [];
  eu.forEach((set, index) => {
    if (set.rules.length !== 1) throw new Error(`EU rule set ${index} has ${set.rules.length} rules; the importer expects one rule string per set`);
    const label = labelScope(set.heading);
    const range = rangeScope(set.min, set.max);
    if (!label) throw new Error(`EU rule set ${index}: cannot read the heading label "${set.heading}"`);
    const scope = { from: label.from, to: label.to };
    const row: EuRow = { index, set, text: set.rules[0]!.rule, scope, labelEx: label.ex, sub: stripXml(set.subdivision) };
    if (scopeString(range) !== scopeString(scope)) row.rangeCorrected = `${scopeString(range)} → ${scopeString(scope)}`;
    const dup = rows.find((r) => r.set.heading === set.heading && r.sub === row.sub && r.text === row.text && scopeString(r.scope) === scopeString(scope));
    if (dup) row.duplicateOf = dup.index;
    rows.push(row);
  });
  return rows;
}

function seedTranslations(euRows: EuRow[]): void {
  const path = join(OUT, 'translations.json');
  let tr: Translations;
  try {
    tr = readJson<Translations>(path);
  } catch {
    tr = { translations: [], ruleSetOverrides: [] };
  }
  const uk = readJson<{ translations: { text: string; rule: string; note?: string }[] }>(join(root, 'rules/ukvfta/translations.json'));
  const ukByKey = new Map<string, { text: string; rule: string; note?: string }>();
  for (const t of uk.translations) if (!ukByKey.has(looseKey(t.text))) ukByKey.set(looseKey(t.text), t);
  const have = new Set(tr.translations.map((t) => t.text));
  let added = 0;
  for (const text of new Set(euRows.map((r) => r.text))) {
    if (have.has(text)) continue;
    const u = ukByKey.get(looseKey(text));
    if (!u) continue;
    tr.translations.push({ text, rule: u.rule, from: 'ukvfta', ...(u.note ? { note: u.note } : {}) });
    added++;
  }
  writeFileSync(path, `${JSON.stringify(tr, null, 2)}\n`);
  console.log(`seeded ${added} translation(s) from rules/ukvfta/translations.json`);
}

function main(): void {
  const euRows = loadEu();
  if (process.argv.includes('--seed-translations')) {
    seedTranslations(euRows);
    return;
  }
  const tr = readJson<Translations>(join(OUT, 'translations.json'));
  const resolutions = readJson<{ resolutions: Resolution[] }>(join(OUT, 'resolutions.json')).resolutions;
  const byText = new Map(tr.translations.map((t) => [t.text, t]));
  const overrides = new Map(tr.ruleSetOverrides.map((o) => [o.index, o]));
  const problems: string[] = [];

  // Check every translation: it parses, and its percentages are those of the text.
  for (const t of tr.translations) {
    const parsed = parseRuleExpression(t.rule);
    if (!parsed.success) {
      problems.push(`translation does not parse: ${JSON.stringify(t.rule)}: ${parsed.issue.message}`);
      continue;
    }
    const inText = textPercents(t.text);
    const inRule = percentsOf(parsed.rule, new Set());
    for (const p of inText) if (!inRule.has(p)) problems.push(`percentage ${p}% of the text is missing from ${JSON.stringify(t.rule)}`);
    for (const p of inRule) if (!inText.has(p)) problems.push(`percentage ${p}% of ${JSON.stringify(t.rule)} is not in the text`);
  }
  for (const o of tr.ruleSetOverrides) {
    const parsed = parseRuleExpression(o.rule);
    if (!parsed.success) problems.push(`override ${o.index} does not parse: ${parsed.issue.message}`);
    const set = euRows[o.index];
    if (!set || set.set.heading !== o.heading) problems.push(`override for rule set ${o.index} names "${o.heading}" but the set is "${set?.set.heading}"`);
  }

  // ---- rows
  const kept = euRows.filter((r) => r.duplicateOf === undefined);
  const scopeCount = new Map<string, number>();
  for (const r of kept) scopeCount.set(scopeString(r.scope), (scopeCount.get(scopeString(r.scope)) ?? 0) + 1);
  const untranslated = new Set<string>();
  const rows: Record<string, unknown>[] = [];
  const idCount = new Map<string, number>();
  const diffs = diffAgainstUk(euRows);
  const noteFor = new Map<number, string[]>();
  for (const d of diffs) for (const i of d.euIndexes ?? []) if (d.rowNote) noteFor.set(i, [...(noteFor.get(i) ?? []), d.rowNote]);
  // Rows whose legal alternatives may be missing (an open difference): a failure there proves nothing.
  const openKeys = new Set(resolutions.filter((x) => x.status === 'open').map((x) => x.key));
  const incompleteFor = new Map<number, string[]>();
  for (const d of diffs) {
    if (!d.rowNote || !openKeys.has(d.key) || !/^(alternatives|partial|uk-only):/.test(d.key)) continue;
    for (const i of d.euIndexes ?? []) incompleteFor.set(i, [...(incompleteFor.get(i) ?? []), d.rowNote]);
  }
  for (const r of kept) {
    const scope = scopeString(r.scope);
    const override = overrides.get(r.index);
    const t = byText.get(r.text);
    if (!t && !override) untranslated.add(r.text);
    const rule = override?.rule ?? t?.rule ?? '';
    const n = (idCount.get(scope) ?? 0) + 1;
    idCount.set(scope, n);
    const shared = (scopeCount.get(scope) ?? 0) > 1;
    const desc = r.sub || r.set.heading;
    const notes = [...(t?.note && !override ? [t.note] : []), ...(override ? [override.note] : []), ...(r.rangeCorrected ? [`HS range of the EU source corrected to its heading label (${r.rangeCorrected}).`] : []), ...(noteFor.get(r.index) ?? [])];
    rows.push({
      id: n === 1 ? scope : `${scope}.${n}`,
      scope,
      ...(r.labelEx || shared ? { ex: shared ? `${r.set.heading.trim()}: ${desc}` : desc } : {}),
      description: desc,
      rule,
      text: override ? override.text : plainText(r.text),
      cite: override ? override.cite : { source: 'ott-xi-psr', ref: `Annex II row "${r.set.heading.replace(/\s+/g, ' ').trim()}" (psr_new/vietnam.json, rule set ${r.index})` },
      ...(notes.length ? { note: notes.join(' ') } : {}),
      ...(incompleteFor.has(r.index) ? { incomplete: incompleteFor.get(r.index)!.join(' ') } : {}),
    });
  }
  for (const r of rows as { id: string; scope: string }[]) if ((idCount.get(r.scope) ?? 0) > 1 && r.id === r.scope) r.id = `${r.scope}.1`;
  for (const t of untranslated) problems.push(`no translation for: ${JSON.stringify(t)}`);
  for (const row of rows as { id: string; rule: string }[]) {
    if (!row.rule) continue;
    const p = parseRuleExpression(row.rule);
    if (!p.success) problems.push(`row ${row.id}: ${p.issue.message}`);
  }

  const gaps = [
    { scope: '4101-4103', reason: "Annex II gives no rule of its own for raw hides and skins: the EU list has no row for them (the 'ex Chapter 41' heading row carries no rule in the UK mirror of the list either)" },
    { scope: '4113', reason: 'The EU source has no row for heading 4113; the UK mirror of Annex II groups it with 4107 and 4112 ("4107, 4112 and 4113"), which the EU source does not confirm (differences.md)' },
    { scope: '7110', reason: "The EU source has no row for heading 7110 (platinum); its goods would otherwise fall to the looser 'ex Chapter 71' row, while the UK mirror of Annex II gives 7110 the stricter rules of 7106 and 7108 — unconfirmed for the EVFTA (differences.md D149, D150)" },
    { scope: '4114-4115', reason: "Annex II gives no rule of its own for chamois, patent and composition leather: the EU list has no row for them (the 'ex Chapter 41' heading row carries no rule in the UK mirror of the list either)" },
  ];
  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'evfta', hsVersion: 'HS2012', rows, gaps };
  writeFileSync(join(OUT, 'psr.json'), `${JSON.stringify(psr, null, 2)}\n`);

  // ---- differences
  const resByKey = new Map(resolutions.map((r) => [r.key, r]));
  for (const d of diffs) if (!resByKey.has(d.key)) problems.push(`difference without a resolution entry (resolved or open): ${d.key}`);
  for (const r of resolutions) if (!diffs.some((d) => d.key === r.key)) problems.push(`resolution for a difference that no longer exists: ${r.key}`);
  const resolved = diffs.filter((d) => resByKey.get(d.key)?.status === 'resolved').length;
  const md = [
    '# EVFTA (EU list) vs UKVFTA (UK list): differences, row by row',
    '',
    'Generated by `npx tsx rules/tools/import-evfta.ts` from the two source lists and the hand-written',
    '`rules/evfta/resolutions.json`; do not edit by hand. EU list: `ott-prototype/' + EU_PATH.split('ott-prototype/')[1] + '` (279 rule sets, one',
    'rule string each). UK list: `trade-tariff-backend/' + UK_PATH.split('trade-tariff-backend/')[1] + '` (383 rule sets). Rows are matched on',
    'their legal heading label (the UK list re-cuts one legal row into several HS2022 ranges; those copies are',
    'counted once). Texts are compared after normalising markdown, whitespace, hyphenation breaks, plural',
    '"headings" and footnote markers.',
    '',
    `**${diffs.length} differences: ${resolved} resolved, ${diffs.length - resolved} open.**`,
    '',
    '| kind | count | resolved |',
    '|---|---|---|',
    ...[...new Set(diffs.map((d) => d.kind))].map((k) => `| ${k} | ${diffs.filter((d) => d.kind === k).length} | ${diffs.filter((d) => d.kind === k && resByKey.get(d.key)?.status === 'resolved').length} |`),
    '',
    ...diffs.flatMap((d, i) => {
      const r = resByKey.get(d.key);
      return [
        `## D${String(i + 1).padStart(3, '0')} ${d.title}`,
        '',
        `- key: \`${d.key}\`; kind: ${d.kind}`,
        ...d.lines.map((l) => `- ${l}`),
        `- **${r?.status === 'resolved' ? 'Resolved' : 'Open'}:** ${r?.resolution ?? '(no entry)'}${r?.cite ? ` [${r.cite.source}: ${r.cite.ref}]` : ''}`,
        '',
      ];
    }),
  ].join('\n');
  writeFileSync(join(OUT, 'differences.md'), md);

  const reused = tr.translations.filter((t) => t.from === 'ukvfta').length;
  const report = [
    '# EVFTA import report',
    '',
    'Generated by `npx tsx rules/tools/import-evfta.ts`; do not edit by hand.',
    '',
    `- Source: \`${EU_PATH}\` (trade-tariff/ott-prototype@e5ab46257d219d7ba9fe07ba6cac270b8806e917)`,
    `- Compared with: \`${UK_PATH}\` (trade-tariff/trade-tariff-backend@3c0266943e2746de296ea4d5ad2e1979154df5ea)`,
    `- Rule sets: ${euRows.length}; exact duplicates dropped: ${euRows.length - kept.length}; distinct rule texts: ${new Set(euRows.map((r) => r.text)).size}`,
    `- Translations: ${tr.translations.length} (${reused} reused from UKVFTA, ${tr.translations.length - reused} new); whole-set overrides: ${tr.ruleSetOverrides.length}`,
    `- Rows written: ${rows.length}; declared gaps: ${gaps.length}; HS ranges corrected to the label: ${kept.filter((r) => r.rangeCorrected).length}`,
    `- Differences vs UKVFTA: ${diffs.length} (${resolved} resolved, ${diffs.length - resolved} open)`,
    `- Rows that could not be structured: ${untranslated.size}`,
    '',
    ...problemsSection(problems),
  ].join('\n');
  finishImport(OUT, report, problems);
}

// ---------------------------------------------------------------- diff against the UK list

interface Difference {
  key: string;
  kind: string;
  title: string;
  lines: string[];
  euIndexes?: number[];
  /** Short note copied onto the EU row(s) in psr.json. */
  rowNote?: string;
}

interface UkCell {
  label: string;
  sub: string;
  rules: string[];
  indexes: number[];
  ranges: string[];
  scope: { from: string; to: string };
}

function diffAgainstUk(euRows: EuRow[]): Difference[] {
  const ukSets = readJson<{ rule_sets: SourceRuleSet[] }>(join(shared, UK_PATH)).rule_sets;
  // One cell per legal row: the UK re-cut copies (same label, same rules) are merged.
  const cells: UkCell[] = [];
  ukSets.forEach((s, i) => {
    const label = labelScope(s.heading);
    if (!label) throw new Error(`UK rule set ${i}: cannot read "${s.heading}"`);
    const rules = s.rules.map((r) => r.rule);
    const sub = (s.subdivision ?? '').trim();
    const anyOther = /^Any other product from/i.test(sub);
    const cell = cells.find((c) => c.label === s.heading && c.rules.join('\u0000') === rules.join('\u0000') && (anyOther || c.sub === sub || label.from.length === 2));
    const range = scopeString(rangeScope(s.min, s.max));
    if (cell) {
      cell.indexes.push(i);
      cell.ranges.push(range);
    } else cells.push({ label: s.heading, sub, rules, indexes: [i], ranges: [range], scope: { from: label.from, to: label.to } });
  });

  const diffs: Difference[] = [];
  const usedCells = new Set<UkCell>();
  const q = (s: string) => `"${plainText(s).replace(/\n/g, ' / ')}"`;
  const kept = euRows.filter((r) => r.duplicateOf === undefined);

  for (const r of euRows) {
    if (r.duplicateOf !== undefined) {
      diffs.push({
        key: `duplicate:${r.index}`,
        kind: 'duplicate row in EU source',
        title: `${r.set.heading}: rule set ${r.index} repeats rule set ${r.duplicateOf}`,
        lines: [`EU rule sets ${r.duplicateOf} and ${r.index} have the same label, description and rule; the copy is dropped.`],
      });
    }
    if (r.rangeCorrected && r.duplicateOf === undefined) {
      diffs.push({
        key: `range:${r.index}`,
        kind: 'HS range wider than the heading label',
        title: `${r.set.heading}: source range ${r.rangeCorrected.split(' → ')[0]}`,
        lines: [`EU rule set ${r.index} is labelled "${r.set.heading}" (${r.sub || 'no description'}) but its min/max cover ${r.rangeCorrected.split(' → ')[0]}; the row is keyed on ${r.rangeCorrected.split(' → ')[1]}.`],
        euIndexes: [r.index],
      });
    }
  }

  for (const r of kept) {
    const es = span(r.scope);
    const cand = cells.filter((c) => {
      const cs = span(c.scope);
      return cs.level === es.level && cs.lo <= es.hi && es.lo <= cs.hi;
    });
    if (cand.length === 0) {
      diffs.push({ key: `eu-only:${r.index}`, kind: 'row only in EU list', title: `${r.set.heading} (${r.sub})`, lines: [`EU rule: ${q(r.text)}`, 'No UK rule set carries this label.'], euIndexes: [r.index] });
      continue;
    }
    const ek = looseKey(r.text);
    // Prefer the candidate whose description matches; then any whose rules contain the EU text.
    const subKey = looseKey(r.sub);
    const scored = cand
      .map((c) => {
        const keys = c.rules.map(looseKey);
        let score = 0;
        if (keys.join(' ') === ek) score += 4;
        else if (keys[0] === ek) score += 3;
        else if (keys.includes(ek)) score += 2;
        if (subKey && looseKey(c.sub) === subKey) score += 2;
        else if (subKey && (looseKey(c.sub).includes(subKey) || subKey.includes(looseKey(c.sub)))) score += 1;
        if (c.label.replace(/\s+/g, '') === r.set.heading.replace(/\s+/g, '')) score += 1;
        if (/^Any other product/i.test(c.sub)) score -= 1;
        return { c, score, keys };
      })
      .sort((a, b) => b.score - a.score);
    const best = scored[0]!;
    // Mark every candidate cell with the same legal label and rules as used.
    usedCells.add(best.c);
    for (const s of scored) if (s.keys.join(' ') === best.keys.join(' ') && (s.c.label === best.c.label || labelScope(s.c.label)!.ex || span(s.c.scope).lo > span(best.c.scope).hi || span(s.c.scope).hi < span(best.c.scope).lo)) usedCells.add(s.c);
    const c = best.c;
    const keys = best.keys;
    const ukText = c.rules.map(q).join(' **or** ');
    const where = `EU rule set ${r.index} "${r.set.heading.replace(/\s+/g, ' ')}"${r.sub ? ` (${r.sub})` : ''}; UK rule set(s) ${c.indexes.join(', ')} "${c.label}"${c.sub ? ` (${c.sub})` : ''}`;
    if (c.label.replace(/\s+/g, '').replace(/to/g, '-') !== r.set.heading.replace(/\s+/g, '')) {
      diffs.push({
        key: `label:${r.index}`,
        kind: 'different heading grouping',
        title: `EU "${r.set.heading.replace(/\s+/g, ' ')}" vs UK "${c.label}"`,
        lines: [where, `EU scope ${scopeString(r.scope)}; UK scope ${scopeString(c.scope)} (UK ranges: ${[...new Set(c.ranges)].join(', ')}).`],
        euIndexes: [r.index],
      });
    }
    if (keys.join(' ') === ek) continue; // same rule
    if (keys.length > 1 && keys[0] === ek) {
      diffs.push({
        key: `alternatives:${r.index}`,
        kind: 'UK list has further alternatives',
        title: `${r.set.heading.replace(/\s+/g, ' ')}${r.sub ? ` (${r.sub.slice(0, 60)})` : ''}`,
        lines: [where, `EU: ${q(r.text)}`, `UK: ${ukText}`],
        euIndexes: [r.index],
        rowNote: `The UK mirror of this Annex II row (UKVFTA list) has ${keys.length - 1} further alternative(s) that the EU source does not carry; not confirmed for the EVFTA, so not applied (differences.md, key alternatives:${r.index}).`,
      });
      continue;
    }
    if (keys.includes(ek)) {
      diffs.push({
        key: `partial:${r.index}`,
        kind: 'EU text is one of several UK alternatives',
        title: `${r.set.heading.replace(/\s+/g, ' ')}${r.sub ? ` (${r.sub.slice(0, 60)})` : ''}`,
        lines: [where, `EU: ${q(r.text)}`, `UK: ${ukText}`],
        euIndexes: [r.index],
        rowNote: `The UK mirror of this Annex II row has other alternatives besides this one; not confirmed for the EVFTA, so not applied (differences.md, key partial:${r.index}).`,
      });
      continue;
    }
    diffs.push({
      key: `wording:${r.index}`,
      kind: 'different rule wording',
      title: `${r.set.heading.replace(/\s+/g, ' ')}${r.sub ? ` (${r.sub.slice(0, 60)})` : ''}`,
      lines: [where, `EU: ${q(r.text)}`, `UK: ${ukText}`],
      euIndexes: [r.index],
    });
  }

  for (const c of cells) {
    if (usedCells.has(c)) continue;
    diffs.push({
      key: `uk-only:${c.indexes[0]}`,
      kind: 'row only in UK list',
      title: `${c.label}${c.sub ? ` (${c.sub.slice(0, 70)})` : ''}`,
      lines: [`UK rule set(s) ${c.indexes.join(', ')} (ranges ${[...new Set(c.ranges)].join(', ')}): ${c.rules.map(q).join(' **or** ')}`, 'No EU rule set matches this row.'],
      // The goods of this UK row fall to the EU chapter row: say so on that row.
      euIndexes: kept.filter((r) => r.scope.from.length === 2 && r.scope.from === c.scope.from.slice(0, 2)).map((r) => r.index),
      rowNote: `Heading ${scopeString(c.scope)}${c.sub ? ` (${c.sub.slice(0, 60)})` : ''} has its own row in the UK mirror of Annex II but none in the EU source, so its goods fall to this chapter row; unconfirmed for the EVFTA (differences.md, key uk-only:${c.indexes[0]}).`,
    });
  }
  return diffs;
}

main();
