/**
 * Maintainer tool: turns the UK Online Trade Tariff rule sets for the CPTPP
 * (Annex 3-D and the textile Annex 4-A as the UK applies them, keyed to HS2012)
 * into our rule file `rules/cptpp/psr.json`, with a report of every check in
 * `rules/cptpp/import-report.md`.
 *
 *   npx tsx rules/tools/import-cptpp.ts
 *   SHARED_DIR=/path npx tsx rules/tools/import-cptpp.ts
 *
 * How it works:
 *  1. Every rule string of a rule set is turned into plain text and cut into
 *     clauses. The source splits an RVC method list ("a) 40% under the build-up
 *     method" / "b) 50% under the build-down method" / "c) …") over several
 *     rules: those continuation lines are joined back onto the clause they
 *     belong to. A rule string holding two clauses ("…, *or* No change …", or
 *     two sentences "A change to …. A change to …") is split. Trailing notes
 *     ("See also Appendix 1 …", "Note: Where more than one …") go to the row note.
 *  2. Each clause is parsed by a small grammar of the recurring phrasings of the
 *     Annex: "A change to <subject> from any other chapter|heading|subheading
 *     [, except from <HS list>][, provided <condition>]" and "No change in tariff
 *     classification required for <subject>, provided <condition>". Conditions:
 *     regional value content (one method or an a)/b)/c) list of methods),
 *     value or weight caps on named HS materials, and a fixed list of
 *     production conditions that only the producer can attest (Declared).
 *  3. What the grammar cannot structure (materials named by description, not
 *     by HS code) is looked up in the hand-made table `rules/cptpp/fixes.json`:
 *     one entry per clause text, each with why. Whole-set overrides there
 *     handle sets whose clauses do not combine plainly.
 *  4. Clauses are grouped by their subject. Clauses about "a good of <scope>"
 *     are alternatives of one row. Clauses naming particular goods ("A change to
 *     Thunnus … of subheading 0304.49") and "any other good of <scope>" become
 *     "ex" rows of the same scope, between which the caller chooses.
 *
 * Nothing is guessed: a clause the grammar cannot read and the fixes table does
 * not cover stops the import (exit code 1) and is listed in the report.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import type { RuleNode } from '../../src/rules/ast.js';
import { ROOT, SHARED, type SourceRule, type SourceRuleSet, finishImport, stripMarkdown, problemsSection } from './kit.js';

const root = ROOT;
const shared = SHARED;
const SOURCE_PATH = 'data/uk-tariff-roo/trade-tariff-backend/lib/rules_of_origin/roo_schemes_uk/rule_sets/cptpp.json';
const HS2012_PATH = 'data/hs-correlation-unsd/classification-json/classificationH4.json';
const COMMIT = '3c0266943e2746de296ea4d5ad2e1979154df5ea';
const OUT = join(root, 'rules/cptpp');

interface Fix {
  /** The clause text exactly as the importer prints it in the report. */
  text: string;
  /** "all" (the whole scope), "other" (any other good of the scope) or a description of the goods the clause is about. */
  subject: string;
  rule: string;
  why: string;
}
interface SetOverride {
  index: number;
  heading: string;
  rows: { ex?: string; rule: string }[];
  why: string;
}
/** Two wordings of the same goods within one rule set. */
interface SubjectAlias {
  index: number;
  from: string;
  to: string;
  why: string;
}
interface Fixes {
  clauses: Fix[];
  sets: SetOverride[];
  subjectAliases?: SubjectAlias[];
}

/** Markdown to plain legal text: links to their label, non-breaking spaces, emphasis. */
export function plainText(md: string): string {
  return stripMarkdown(md)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n\s*\n/g, '\n')
    .trim();
}

/** One line of legal text: whitespace collapsed. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------------------
// Clause splitting
// ---------------------------------------------------------------------------

interface Clause {
  text: string;
  /** The source's operator for this clause: "or" links it to the clause before as an alternative. */
  operator: string | null;
}

const NOTE_PATTERNS: RegExp[] = [
  /\n?See also Appendix 1 \(Provisions Related to the Product-Specific Rules of Origin for Certain Vehicles and Parts of Vehicles\)\.?/,
  /\n?Note: Where more than one product-specific rule is applicable to a good of subheading \d{6}, the good must satisfy the requirements of each applicable product-specific rule\./,
];

/** Cuts the rules of a set into clauses (see the module comment, step 1). */
export function splitClauses(rules: SourceRule[]): { clauses: Clause[]; notes: string[] } {
  const clauses: Clause[] = [];
  const notes: string[] = [];
  for (const r of rules) {
    // "*or*" between two clauses inside one rule string.
    const pieces = r.rule.split(/,?\s*\*or\*\s*\n/);
    pieces.forEach((piece, pieceIndex) => {
      let text = plainText(piece);
      for (const p of NOTE_PATTERNS) {
        const m = p.exec(text);
        if (m) {
          notes.push(oneLine(m[0]));
          text = (text.slice(0, m.index) + text.slice(m.index + m[0].length)).trim();
        }
      }
      if (!text) return;
      if (/^- [b-d]\)/.test(text)) {
        // Continuation of an RVC method list.
        const last = clauses[clauses.length - 1];
        if (!last) throw new Error(`continuation line without a clause: ${text}`);
        last.text = `${last.text}\n${text}`;
        return;
      }
      // Two sentences, each a clause of its own.
      text.split(/\n(?=(?:A change to|No change in tariff classification) )/).forEach((sentence, k) => {
        clauses.push({ text: sentence.trim(), operator: k > 0 ? null : pieceIndex > 0 ? 'or' : r.operator });
      });
    });
  }
  return { clauses, notes };
}

// ---------------------------------------------------------------------------
// Selector grammar: "heading 5106 to heading 5110, 5205 to 5206 or 5401 to 5402, subheading 540333 through 540339"
// ---------------------------------------------------------------------------

const LEVEL_PREFIX: Record<number, string> = { 2: 'ch', 4: 'h', 6: 'sh' };

/** Parses a list of HS codes and ranges into selector items, or undefined when words other than codes occur. */
export function parseHsList(src: string): string[] | undefined {
  const tokens = oneLine(src)
    .replace(/[.;:]$/, '')
    .replace(/,/g, ' , ')
    .split(' ')
    .filter(Boolean);
  const items: string[] = [];
  let i = 0;
  const level = /^(chapter|chapters|heading|headings|subheading|subheadings)$/;
  const code = (): string | undefined => {
    let word: string | undefined;
    if (tokens[i] && level.test(tokens[i]!)) word = tokens[i++];
    let t = tokens[i];
    if (!t || !/^\d+$/.test(t)) return undefined;
    // "chapter 2": chapters are written without their leading zero.
    if (word?.startsWith('chapter') && t.length === 1) t = `0${t}`;
    if (!LEVEL_PREFIX[t.length]) return undefined;
    // A level word must agree with the number of digits.
    if (word && LEVEL_PREFIX[t.length] !== { chapter: 'ch', heading: 'h', subheading: 'sh' }[word.replace(/s$/, '')]) return undefined;
    i++;
    return `${LEVEL_PREFIX[t.length]}${t}`;
  };
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t === ',' || t === 'or' || t === 'and') {
      i++;
      continue;
    }
    const a = code();
    if (!a) return undefined;
    if (tokens[i] === 'to' || tokens[i] === 'through') {
      i++;
      const b = code();
      if (!b || a.replace(/\d+/, '') !== b.replace(/\d+/, '') || b < a) return undefined;
      items.push(a === b ? a : `${a}..${b}`);
    } else items.push(a);
  }
  return items.length ? items : undefined;
}

/** Whether the brackets in a string pair up (so that outer brackets around it may be dropped). */
function balanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

const selector = (items: string[]) => (items.length === 1 ? items[0]! : `[${items.join(', ')}]`);

// ---------------------------------------------------------------------------
// Condition grammar
// ---------------------------------------------------------------------------

const METHODS: Record<string, { id: string; basis: string }> = {
  'build-up': { id: 'build_up', basis: 'TV' },
  'build-down': { id: 'build_down', basis: 'TV' },
  'focused value': { id: 'focused_value', basis: 'TV' },
  'net cost': { id: 'net_cost', basis: 'NC' },
};

function rvcItem(s: string): string | undefined {
  const m = /^(\d+(?:\.\d+)?)% under the (build-up|build-down|net cost|focused value) method(?: taking into account only the non-originating materials of (.+?))?\.?$/.exec(oneLine(s));
  if (!m) return undefined;
  const method = METHODS[m[2]!]!;
  if (method.id === 'focused_value') {
    if (!m[3]) return undefined;
    const items = parseHsList(m[3]);
    if (!items) return undefined;
    return `RVC(${m[1]}% ${method.basis}, method: ${method.id}, of: ${selector(items)})`;
  }
  if (m[3]) return undefined;
  return `RVC(${m[1]}% ${method.basis}, method: ${method.id})`;
}

/** Declared conditions: fixed phrasings of the Annex that only the producer can attest. */
const DECLARED: { re: RegExp; id: (m: RegExpExecArray) => string }[] = [
  { re: /^the good is smoked from a good that is not smoked$/, id: () => 'smoked_from_unsmoked' },
  { re: /^the good is crushed or ground from a good that is not crushed or ground$/, id: () => 'crushed_or_ground_from_whole' },
  { re: /^there is a change from a good in the wet state$/, id: () => 'dried_from_wet_state' },
  {
    re: /^the total alcoholic volume of the non-originating materials does not exceed (\d+)% of the volume of the total alcoholic strength of the good$/,
    id: (m) => `non_originating_alcohol_max_${m[1]}pct`,
  },
  {
    re: /^the good is cut or knit to shape, or both, and sewn or otherwise assembled in the territory of one or more of the Parties$/,
    id: () => 'cut_or_knit_and_assembled_in_parties',
  },
  { re: /^not less than (\d+)% by weight of the total polymer content is originating$/, id: (m) => `polymer_content_originating_min_${m[1]}pct` },
  {
    re: /^not less than (\d+)% by weight of the active ingredient or ingredients is originating$/,
    id: (m) => `active_ingredient_originating_min_${m[1]}pct`,
  },
  {
    re: /^not less than (\d+)% by dry weight of the unmanufactured tobacco or tobacco refuse of heading 2401 is originating$/,
    id: (m) => `tobacco_2401_originating_min_${m[1]}pct`,
  },
];

/** Parses the text after "provided (that)". */
export function parseCondition(src: string): string | undefined {
  const s = oneLine(src).replace(/\.$/, '');
  let m = /^there is a regional value content of not less than:? ?(.*)$/.exec(s);
  if (m) {
    const rest = m[1]!;
    if (/^- a\)/.test(rest)) {
      const items = rest.split(/\s*- [a-d]\)\s*/).filter(Boolean);
      const parts = items.map(rvcItem);
      if (parts.some((p) => !p)) return undefined;
      return parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`;
    }
    return rvcItem(rest);
  }
  m = /^the value of non-originating materials of (.+) does not exceed (\d+(?:\.\d+)?)% of the value of the good$/.exec(s);
  if (m) {
    const items = parseHsList(m[1]!);
    return items ? `MaxNOM(${m[2]}% TV, of: ${selector(items)})` : undefined;
  }
  m = /^the weight of non-originating materials of (.+) does not exceed (\d+(?:\.\d+)?)% by weight of the good$/.exec(s);
  if (m) {
    const items = parseHsList(m[1]!);
    return items ? `Weight(${m[2]}%, of: ${selector(items)})` : undefined;
  }
  for (const d of DECLARED) {
    const dm = d.re.exec(s);
    if (dm) return `Declared(${d.id(dm)}, "${s.replace(/"/g, "'")}")`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Clause grammar
// ---------------------------------------------------------------------------

const SHIFT: Record<string, string> = { chapter: 'CC', heading: 'CTH', subheading: 'CTSH' };

export type Subject = { kind: 'all' } | { kind: 'other'; text: string } | { kind: 'desc'; text: string };

interface ParsedClause {
  subject: Subject;
  rule: string;
  /** HS codes the subject names ("of subheading 030444"), to check against the set's label. */
  codes: string;
}

/** "a good of subheading 030461 through 030473" etc.: what the clause is about. */
export function parseSubject(src: string): { subject: Subject; codes: string } | undefined {
  const s = oneLine(src);
  const scope = /\bof (?:heading|subheading) (\d{6}|\d{4})\b(?: (?:to|through) (?:heading |subheading )?(\d{6}|\d{4})\b)?/.exec(s);
  if (!scope) return undefined;
  const codes = scope[2] ? `${scope[1]}-${scope[2]}` : scope[1]!;
  if (new RegExp(`^a good of (?:heading|subheading) ${scope[0].replace(/^of (?:heading|subheading) /, '')}$`).test(s)) {
    return { subject: { kind: 'all' }, codes };
  }
  if (/^any other good\b/.test(s)) return { subject: { kind: 'other', text: s }, codes };
  return { subject: { kind: 'desc', text: s }, codes };
}

export function parseClause(text: string): ParsedClause | undefined {
  const s = oneLine(text).replace(/\.$/, '');
  let m = /^A change to (.+?) from any other (chapter|heading|subheading)(?:,? except from (.+?))?(?:,? provided (?:that )?(.+))?$/.exec(s);
  if (m) {
    const subj = parseSubject(m[1]!.replace(/,$/, ''));
    if (!subj) return undefined;
    let shift = SHIFT[m[2]!]!;
    if (m[3]) {
      const items = parseHsList(m[3]);
      if (!items) return undefined;
      shift = `${shift}(except: ${selector(items)})`;
    }
    let rule = shift;
    if (m[4]) {
      const cond = parseCondition(m[4]);
      if (!cond) return undefined;
      rule = `${shift} and ${cond}`;
    }
    return { subject: subj.subject, rule, codes: subj.codes };
  }
  m = /^No change in tariff classification required for (.+?),? provided (?:that )?(.+)$/.exec(s);
  if (m) {
    const subj = parseSubject(m[1]!);
    if (!subj) return undefined;
    const cond = parseCondition(m[2]!);
    if (!cond) return undefined;
    return { subject: subj.subject, rule: cond.replace(/^\((.*)\)$/, '$1'), codes: subj.codes };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

/** Percentages the text sets as thresholds (not those that only describe goods or materials). */
function thresholdPercents(text: string): Set<string> {
  const out = new Set<string>();
  const s = oneLine(text);
  for (const re of [/(\d+(?:\.\d+)?)% under the/g, /does not exceed (\d+(?:\.\d+)?)%/g, /not less than (\d+(?:\.\d+)?)% by/g]) {
    for (const m of s.matchAll(re)) out.add(String(Number(m[1])));
  }
  return out;
}

function rulePercents(node: RuleNode, out: Set<string>): Set<string> {
  if (node.kind === 'any_of' || node.kind === 'all_of') node.of.forEach((n) => rulePercents(n, out));
  else if ('percent' in node) out.add(String(Number(node.percent)));
  else if (node.kind === 'declared_condition') for (const m of node.text.matchAll(/(\d+(?:\.\d+)?)\s*%/g)) out.add(String(Number(m[1])));
  return out;
}

function kinds(node: RuleNode, out: Set<string>): Set<string> {
  if (node.kind === 'any_of' || node.kind === 'all_of') node.of.forEach((n) => kinds(n, out));
  else out.add(node.kind);
  return out;
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

function hs2012Names(): Map<string, string> {
  const json = JSON.parse(readFileSync(join(shared, HS2012_PATH), 'utf8')) as { results: { id: string; text: string }[] };
  const out = new Map<string, string>();
  for (const r of json.results) if (/^\d{2,6}$/.test(r.id)) out.set(r.id, r.text.replace(/^\d+\s*-\s*/, '').trim());
  return out;
}

function describe(names: Map<string, string>, label: string): string {
  const [a, b] = label.split('-') as [string, string?];
  const na = names.get(a) ?? '';
  if (!b) return na;
  const nb = names.get(b) ?? '';
  const level = a.length === 4 ? 'headings' : 'subheadings';
  return `${level} ${a} to ${b}: ${na} … ${nb}`;
}

function main(): void {
  const source = JSON.parse(readFileSync(join(shared, SOURCE_PATH), 'utf8')) as { rule_sets: SourceRuleSet[] };
  const fixes = JSON.parse(readFileSync(join(OUT, 'fixes.json'), 'utf8')) as Fixes;
  const names = hs2012Names();
  const byText = new Map(fixes.clauses.map((f) => [f.text, f]));
  const usedFixes = new Set<string>();
  const subjectAliases = fixes.subjectAliases ?? [];
  const usedAliases = new Set<SubjectAlias>();
  const setOverrides = new Map(fixes.sets.map((o) => [o.index, o]));
  const problems: string[] = [];
  const unparsed: { index: number; heading: string; text: string }[] = [];
  let mechanicalClauses = 0;
  let operatorAgreements = 0;
  let fixedClauses = 0;
  let mechanicalRows = 0;
  let fixedRows = 0;
  const rows: Record<string, unknown>[] = [];

  for (const f of fixes.clauses) {
    const p = parseRuleExpression(f.rule);
    if (!p.success) problems.push(`fix does not parse: ${JSON.stringify(f.rule)}: ${p.issue.message}`);
  }

  source.rule_sets.forEach((set, index) => {
    const label = set.heading;
    if (!/^(\d{4}|\d{6})(-(\d{4}|\d{6}))?$/.test(label)) {
      problems.push(`rule set ${index}: label "${label}" is not an HS2012 code or range`);
      return;
    }
    const scope = label;
    const { clauses, notes } = splitClauses(set.rules);
    const text = set.rules.map((r) => plainText(r.rule)).join('\n');
    const cite = { source: 'uk-ott-backend', ref: `ORD Annex II row "${label}" (rule_sets/cptpp.json, rule set ${index})` };
    const override = setOverrides.get(index);
    if (override) {
      if (override.heading !== label) problems.push(`set override ${index} names "${override.heading}" but the set is "${label}"`);
      override.rows.forEach((r, k) => {
        const p = parseRuleExpression(r.rule);
        if (!p.success) problems.push(`set override ${index}: ${p.issue.message}`);
        rows.push({
          id: override.rows.length > 1 ? `${scope}.${k + 1}` : scope,
          scope,
          ...(r.ex ? { ex: r.ex } : {}),
          description: r.ex ?? describe(names, scope),
          rule: r.rule,
          text,
          cite,
          note: [`Fixed by hand: ${override.why}`, ...notes].join(' '),
        });
        fixedRows++;
      });
      return;
    }

    // Parse every clause, mechanically or through the fixes table.
    const groups: { key: string; subject: Subject; rules: string[]; texts: string[]; fixed: string[] }[] = [];
    let previousKey: string | undefined;
    for (const c of clauses) {
      const printed = oneLine(c.text);
      let parsed: { subject: Subject; rule: string } | undefined = parseClause(c.text);
      let fixNote: string | undefined;
      if (parsed) {
        mechanicalClauses++;
        const p = parseClause(c.text)!;
        if (p.codes !== label) problems.push(`rule set ${index} (${label}): the clause names ${p.codes}: ${printed}`);
        if (byText.has(printed)) problems.push(`rule set ${index}: fix listed for a clause the grammar reads: ${printed}`);
      } else {
        const f = byText.get(printed);
        if (!f) {
          unparsed.push({ index, heading: label, text: printed });
          continue;
        }
        usedFixes.add(printed);
        fixedClauses++;
        const subject: Subject =
          f.subject === 'all' ? { kind: 'all' } : f.subject.startsWith('any other good') ? { kind: 'other', text: f.subject } : { kind: 'desc', text: f.subject };
        parsed = { subject, rule: f.rule };
        fixNote = f.why;
      }
      const alias = subjectAliases.find((a) => a.index === index && parsed!.subject.kind !== 'all' && a.from === (parsed!.subject as { text: string }).text);
      if (alias) {
        usedAliases.add(alias);
        parsed = { ...parsed, subject: { kind: 'desc', text: alias.to } };
        fixNote = alias.why;
        fixedClauses++;
        mechanicalClauses--;
      }
      const key = parsed.subject.kind === 'all' ? 'all' : `${parsed.subject.kind}:${parsed.subject.text}`;
      // The source's operator must agree: "or" between clauses about the same goods, none between different goods.
      if (previousKey !== undefined) {
        // A clause about the whole scope concerns the particular goods too.
        const same = key === previousKey || key === 'all' || previousKey === 'all';
        if ((c.operator === 'or') === same) operatorAgreements++;
        else problems.push(`rule set ${index} (${label}): operator "${c.operator}" before a clause about ${same ? 'the same' : 'other'} goods: ${printed}`);
      }
      previousKey = key;
      let g = groups.find((x) => x.key === key);
      if (!g) {
        g = { key, subject: parsed.subject, rules: [], texts: [], fixed: [] };
        groups.push(g);
      }
      g.rules.push(parsed.rule);
      g.texts.push(printed);
      if (fixNote) g.fixed.push(fixNote);
    }
    if (groups.length === 0) return;
    const hasAll = groups.some((g) => g.subject.kind === 'all');
    if (hasAll && groups.length > 1) {
      // Clauses about every good of the scope hold for the particular goods too; the
      // clauses about particular goods add alternatives for those goods only.
      const all = groups.find((g) => g.subject.kind === 'all')!;
      if (groups.some((g) => g.subject.kind === 'other')) problems.push(`rule set ${index} (${label}): "any other good" next to clauses about the whole scope`);
      groups.splice(groups.indexOf(all), 1);
      for (const g of groups) {
        g.rules.unshift(...all.rules);
        g.texts.unshift(...all.texts);
        g.fixed.unshift(...all.fixed);
      }
      groups.push({ ...all, key: 'other', subject: { kind: 'other', text: `any other good of ${label.length === 4 ? 'heading' : 'subheading'} ${label}` } });
    } else if (!hasAll && !groups.some((g) => g.subject.kind === 'other')) {
      problems.push(`rule set ${index} (${label}): clauses about particular goods only, no rule for the other goods of the scope`);
    }
    groups.forEach((g, k) => {
      // "or" is associative and "and" binds tighter: alternatives join without brackets.
      const rule = g.rules.map((r) => r.replace(/^\((.*)\)$/, (all, inner: string) => (balanced(inner) ? inner : all))).join(' or ');
      const parsed = parseRuleExpression(rule);
      if (!parsed.success) {
        problems.push(`rule set ${index} (${label}): ${parsed.issue.message}: ${rule}`);
        return;
      }
      // Every threshold of the legal text must be in the rule, and the other way round.
      const inText = new Set(g.texts.flatMap((t) => [...thresholdPercents(t)]));
      const inRule = rulePercents(parsed.rule, new Set());
      for (const p of inText) if (!inRule.has(p)) problems.push(`rule set ${index} (${label}): threshold ${p}% of the text is missing from ${rule}`);
      for (const p of inRule) if (!inText.has(p)) problems.push(`rule set ${index} (${label}): ${p}% of ${rule} is not a threshold of the text`);
      // The source's only class tag, MAXNOM, must be a value cap in our rule.
      if (set.rules.some((r) => r.class.includes('MAXNOM')) && groups.length === 1 && !kinds(parsed.rule, new Set()).has('max_non_originating')) {
        problems.push(`rule set ${index} (${label}): class MAXNOM but the rule has no value cap`);
      }
      const ex = g.subject.kind === 'all' ? undefined : g.subject.text;
      const rowNotes = [...(g.fixed.length ? [`Fixed by hand: ${g.fixed.join(' ')}`] : []), ...notes];
      rows.push({
        id: groups.length > 1 ? `${scope}.${k + 1}` : scope,
        scope,
        ...(ex ? { ex } : {}),
        description: ex ?? describe(names, scope),
        rule,
        text: g.texts.join('\nor\n'),
        cite,
        ...(rowNotes.length ? { note: rowNotes.join(' ') } : {}),
      });
      if (g.fixed.length) fixedRows++;
      else mechanicalRows++;
    });
  });

  for (const f of fixes.clauses) if (!usedFixes.has(f.text)) problems.push(`fix not used (the source has no such clause): ${f.text}`);
  for (const a of subjectAliases) if (!usedAliases.has(a)) problems.push(`subject alias not used: rule set ${a.index}: ${a.from}`);
  for (const u of unparsed) problems.push(`rule set ${u.index} (${u.heading}): no grammar match and no fix for: ${u.text}`);

  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'cptpp', hsVersion: 'HS2012', rows, gaps: [] };
  writeFileSync(join(OUT, 'psr.json'), `${JSON.stringify(psr, null, 2)}\n`);

  const sets = source.rule_sets;
  const report = [
    '# CPTPP import report',
    '',
    'Generated by `npx tsx rules/tools/import-cptpp.ts`; do not edit by hand.',
    '',
    `- Source: \`${SOURCE_PATH}\` (trade-tariff-backend@${COMMIT})`,
    `- Rule sets: ${sets.length}; source rule strings: ${sets.reduce((n, s) => n + s.rules.length, 0)}`,
    `- Clauses after joining the a)/b)/c) RVC method lists and splitting combined strings: ${mechanicalClauses + fixedClauses + unparsed.length}`,
    `- Clauses structured mechanically by the grammar: ${mechanicalClauses}; fixed by hand (rules/cptpp/fixes.json): ${fixedClauses}; not structured: ${unparsed.length}`,
    `- Clauses whose link to the clause before (the source's "or" or none) agrees with their subjects: ${operatorAgreements}`,
    `- Rows written: ${rows.length}; structured mechanically: ${mechanicalRows}; with at least one hand-fixed clause or a whole-set override: ${fixedRows} (whole-set overrides: ${fixes.sets.length})`,
    '',
    ...problemsSection(problems),
    '## Hand fixes',
    '',
    ...fixes.clauses.map((f) => `- \`${f.rule}\` (subject: ${f.subject}) for "${f.text}" — ${f.why}`),
    ...subjectAliases.map((a) => `- rule set ${a.index}: subject "${a.from}" read as "${a.to}" — ${a.why}`),
    ...fixes.sets.map((o) => `- rule set ${o.index} (${o.heading}): ${o.rows.map((r) => `\`${r.rule}\``).join('; ')} — ${o.why}`),
    '',
  ].join('\n');
  finishImport(OUT, report, problems, [4, 10]);
}

main();
