/**
 * Maintainer tool: turns ATIGA Attachment 1 (the textile list, HS 2022) and the
 * break-down rules of the PSR Implementing Guidelines into `rules/atiga/psr.json`,
 * with a report of every check in `rules/atiga/import-report.md`.
 *
 *   npx tsx rules/tools/import-atiga.ts            (reads ../shared/data/atiga-attachment1-textiles-hs2022)
 *   SHARED_DIR=/path npx tsx rules/tools/import-atiga.ts
 *
 * One row per numbered list line. Each line takes the working or processing of
 * its Section (A fibres and yarns, B fabrics and articles, C apparel and made-up
 * articles), translated by hand per product group in `rules/atiga/translations.json`.
 * The list gives a sufficient route only; the Annex 3 rule of the same line is
 * not in the source, so every textile row is flagged `incomplete` (a product that
 * fails the listed route is undetermined, never non-originating).
 *
 * Nothing is guessed: an unknown row shape, an HS code that is not an HS 2022
 * subheading, a rule that does not parse or a percentage missing from a rule
 * stops the import and is listed in the report.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import { ROOT, SHARED, percentsOf, problemsSection } from './kit.js';

const root = ROOT;
const shared = SHARED;
const DIR = 'data/atiga-attachment1-textiles-hs2022';
const LIST = `${DIR}/atiga_annex3_psr_hs2022.md`;
const IG = `${DIR}/atiga_psr_implementing_guidelines.md`;

interface Group {
  id: string;
  section: 'A' | 'B' | 'C';
  products: string;
  rule: string;
  note: string;
}
interface IgEntry {
  id: string;
  no: number;
  scope: string;
  ex?: string;
  description: string;
  text: string;
  rule: string;
}
interface Translations {
  texts: Record<'A' | 'B' | 'C', string>;
  groups: Group[];
  implementingGuidelines: IgEntry[];
}

/** One numbered line of the textile list. */
export interface ListLine {
  section: 'A' | 'B' | 'C';
  no: number;
  /** 6-digit subheading or 8-digit AHTN item. */
  code: string;
  ex: boolean;
  description: string;
  heading?: string;
  page: number;
  line: number;
}

const WOVEN = ['5007', '5111', '5112', '5113', '5208', '5209', '5210', '5211', '5212', '5309', '5310', '5311', '5407', '5408', '5512', '5513', '5514', '5515', '5516', '5801', '5803', '5806'];

/** The product group of a list line, from its section and HS code. */
export function groupOf(section: 'A' | 'B' | 'C', code: string): string {
  const h = code.slice(0, 4);
  const ch = code.slice(0, 2);
  const sh = code.slice(0, 6);
  if (section === 'A') {
    if (h >= '5401' && h <= '5406') return 'A-filament-yarn';
    if (['5501', '5502', '5503', '5504', '5506', '5507'].includes(h)) return 'A-fibre';
    if (h === '5105' || h === '5505') return 'A-other';
    return 'A-spun-yarn';
  }
  if (section === 'B') {
    if (WOVEN.includes(h) || sh === '580210' || sh === '580220') return 'B-woven';
    if (ch === '60') return 'B-knitted';
    if (h === '5602' || h === '5603') return 'B-nonwoven';
    return 'B-other';
  }
  if (ch === '61' || ch === '62' || sh === '630622' || sh === '630629') return 'C-apparel';
  if (ch === '63') return 'C-madeup';
  return 'C-other';
}

const clean = (s: string): string =>
  s
    .replace(/<br>/g, ' ')
    .replace(/~~/g, '')
    .replace(/\*\*/g, '')
    .replace(/(^|\s)_([^_]*)_(?=\s|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();

/** Parses the markdown conversion of Attachment 1 into its numbered lines. */
export function parseList(md: string, problems: string[]): ListLine[] {
  const lines = md.split('\n');
  const out: ListLine[] = [];
  let section: 'A' | 'B' | 'C' | undefined;
  let page = 1;
  let heading: string | undefined;
  lines.forEach((raw, i) => {
    const m = /^\*\*([ABC])\.\*\*/.exec(raw);
    if (m) section = m[1] as 'A' | 'B' | 'C';
    if (/^Page \*\*\d+\*\* of \*\*41\*\*/.test(raw)) page = Number(/\*\*(\d+)\*\*/.exec(raw)![1]) + 1;
    if (!raw.startsWith('|')) return;
    const cells = raw.replace(/^\|/, '').replace(/\|\s*$/, '').split('|').map((c) => c.replace(/^Col\d$/, ''));
    if (cells.length !== 4) return;
    const [noCell, headCell, codeCell, descCell] = cells as [string, string, string, string];
    const head = clean(headCell);
    if (/^\d\d\.\d\d$/.test(head)) heading = head;
    const no = clean(noCell);
    if (!/^\d+$/.test(no)) {
      // A description that runs on into the next table row (item 270, 58.09).
      if (!no && !clean(codeCell) && !head && /^\|\|\|\|~~/.test(raw) && out.length) out[out.length - 1]!.description += ' ' + clean(descCell);
      return;
    }
    if (!section) {
      problems.push(`line ${i + 1}: numbered row before any Section`);
      return;
    }
    const code = clean(codeCell);
    const cm = /^(ex\.)?(\d{4})\.(\d{2})(?:\.(\d{2}) \(AHTN\))?$/.exec(code);
    if (!cm) {
      problems.push(`line ${i + 1}: unreadable code ${JSON.stringify(code)}`);
      return;
    }
    out.push({
      section,
      no: Number(no),
      code: cm[2]! + cm[3]! + (cm[4] ?? ''),
      ex: Boolean(cm[1]),
      description: clean(descCell),
      ...(heading ? { heading } : {}),
      page,
      line: i + 1,
    });
  });
  return out;
}

/** Percentages written in a legal text: "40 %", "40%", "RVC40", "five percent". */
function textPercents(text: string): Set<string> {
  const out = new Set<string>();
  for (const x of text.matchAll(/(\d+(?:\.\d+)?)\s*(?:%|percent|per cent)/gi)) out.add(String(Number(x[1])));
  for (const x of text.matchAll(/RVC\s*\(?(\d+(?:\.\d+)?)/g)) out.add(String(Number(x[1])));
  return out;
}

function main(): void {
  const problems: string[] = [];
  const tr = JSON.parse(readFileSync(join(root, 'rules/atiga/translations.json'), 'utf8')) as Translations;
  const hs = new Set((JSON.parse(readFileSync(join(root, 'rules/hs/hs2022-subheadings.json'), 'utf8')) as { subheadings: string[] }).subheadings);
  const groups = new Map(tr.groups.map((g) => [g.id, g]));

  // Every translation parses, and the percentages of its legal text and of its rule agree.
  const checks: string[] = [];
  for (const g of tr.groups) {
    const p = parseRuleExpression(g.rule);
    if (!p.success) problems.push(`group ${g.id}: ${p.issue.message} at ${p.issue.offset}`);
    else {
      const inText = textPercents(tr.texts[g.section]);
      const inRule = percentsOf(p.rule, new Set());
      for (const x of inText) if (!inRule.has(x)) problems.push(`group ${g.id}: ${x}% of the Section ${g.section} text is missing from the rule`);
      for (const x of inRule) if (!inText.has(x)) problems.push(`group ${g.id}: ${x}% of the rule is not in the text`);
      checks.push(`| ${g.id} | ${g.section} | ${[...inText].join(', ') || '—'} | ${[...inRule].join(', ') || '—'} |`);
    }
  }
  for (const e of tr.implementingGuidelines) {
    const p = parseRuleExpression(e.rule);
    if (!p.success) problems.push(`IG ${e.id}: ${p.issue.message}`);
    else {
      const inText = textPercents(e.text);
      const inRule = percentsOf(p.rule, new Set());
      for (const x of inText) if (!inRule.has(x)) problems.push(`IG ${e.id}: ${x}% of the text is missing from the rule`);
      for (const x of inRule) if (!inText.has(x)) problems.push(`IG ${e.id}: ${x}% of the rule is not in the text`);
      checks.push(`| ${e.id} | IG | ${[...inText].join(', ') || '—'} | ${[...inRule].join(', ') || '—'} |`);
    }
  }

  const md = readFileSync(join(shared, LIST), 'utf8');
  const list = parseList(md, problems);
  const ig = readFileSync(join(shared, IG), 'utf8');

  // Numbering: each Section runs 1..n without gaps or repeats.
  const counts: Record<string, number> = {};
  for (const s of ['A', 'B', 'C'] as const) {
    const nos = list.filter((l) => l.section === s).map((l) => l.no);
    counts[s] = nos.length;
    nos.forEach((n, i) => {
      if (n !== i + 1) problems.push(`Section ${s}: item ${i + 1} expected, found ${n}`);
    });
  }

  const incomplete =
    'ATIGA Attachment 1 gives this line a sufficient textile route only; the line\'s own rule in Annex 3 (product-specific rules, usually with an RVC 40 % or change-of-classification alternative) is not transcribed here. A product that does not meet the textile route may still originate under Annex 3.';
  const rows: unknown[] = [];
  const byGroup: Record<string, number> = {};
  const seen = new Map<string, number>();
  for (const l of list) {
    const sub = l.code.slice(0, 6);
    if (!hs.has(sub)) problems.push(`Section ${l.section} item ${l.no} (line ${l.line}): ${sub} is not an HS 2022 subheading`);
    const gid = groupOf(l.section, l.code);
    const g = groups.get(gid);
    if (!g) {
      problems.push(`no translation group ${gid}`);
      continue;
    }
    byGroup[gid] = (byGroup[gid] ?? 0) + 1;
    const key = l.code;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    const shared = list.filter((o) => o.code === l.code).length > 1;
    const ex = l.ex || shared ? `${l.description.replace(/^[-\s]+/, '') || 'part of the subheading'} (Attachment 1, Section ${l.section}, item ${l.no})` : undefined;
    rows.push({
      id: `${l.section.toLowerCase()}-${String(l.no).padStart(3, '0')}`,
      scope: l.code,
      ...(ex !== undefined ? { ex } : {}),
      description: l.heading && !/^\d/.test(l.description) && l.description.startsWith('-') ? `${l.heading}: ${l.description}` : l.description,
      rule: g.rule,
      text: `Section ${l.section}. ${tr.texts[l.section]}`,
      cite: { source: 'atiga-att1', ref: `Attachment 1, Section ${l.section}, item ${l.no} (${l.ex ? 'ex. ' : ''}${l.code.length === 8 ? `AHTN ${l.code.slice(0, 4)}.${l.code.slice(4, 6)}.${l.code.slice(6)}` : `${l.code.slice(0, 4)}.${l.code.slice(4)}`}), page ${l.page} of 41 (markdown line ${l.line})` },
      note: `Product group ${gid}: ${g.note}`,
      incomplete,
    });
  }
  for (const e of tr.implementingGuidelines) {
    const anchor = new RegExp(`^\\|${e.no}\\|`, 'm');
    const m = anchor.exec(ig);
    if (!m) problems.push(`IG row ${e.no} not found in the guidelines`);
    else if (!ig.slice(m.index, ig.indexOf('\n', m.index)).includes(e.text.replace(/ except from heading \d+/, ''))) problems.push(`IG row ${e.no}: text "${e.text}" not found`);
    const line = m ? ig.slice(0, m.index).split('\n').length : 0;
    rows.push({
      id: e.id,
      scope: e.scope,
      ...(e.ex ? { ex: e.ex } : {}),
      description: e.description,
      rule: e.rule,
      text: e.text,
      cite: { source: 'atiga-psr-ig', ref: `Implementing Guidelines for the PSR, section 1, table row No. ${e.no} (markdown line ${line})` },
      note: 'Break-down rule of an Annex 3 line as explained by the Implementing Guidelines (which do not form part of the Agreement; the Agreement prevails in a conflict).',
    });
  }

  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'atiga', hsVersion: 'HS2022', rows, gaps: [] };
  const report = [
    '# ATIGA import report',
    '',
    'Generated by `rules/tools/import-atiga.ts`; do not edit.',
    '',
    `- Source list: \`shared/${LIST}\``,
    `- Numbered lines read: ${list.length} (Section A ${counts.A}, Section B ${counts.B}, Section C ${counts.C})`,
    `- Implementing Guidelines rows: ${tr.implementingGuidelines.length}`,
    `- Rows written: ${rows.length}`,
    `- Problems: ${problems.length}`,
    '',
    '## Rows per product group',
    '',
    '| group | rows |',
    '|---|---|',
    ...Object.entries(byGroup).map(([g, n]) => `| ${g} | ${n} |`),
    '',
    '## Percentage check (legal text vs rule)',
    '',
    '| translation | text | % in text | % in rule |',
    '|---|---|---|---|',
    ...checks,
    '',
    '## Codes listed more than once',
    '',
    ...[...seen.entries()].filter(([, n]) => n > 1).map(([c, n]) => `- ${c}: ${n} lines (written as "ex" rows; the caller chooses)`),
    '',
    ...problemsSection(problems),
  ].join('\n');
  writeFileSync(join(root, 'rules/atiga/import-report.md'), report);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  writeFileSync(join(root, 'rules/atiga/psr.json'), JSON.stringify(psr, null, 2) + '\n');
  console.log(`atiga: ${rows.length} rows (${list.length} list lines, ${tr.implementingGuidelines.length} IG rows)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
