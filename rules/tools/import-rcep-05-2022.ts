/**
 * Maintainer tool: turns the transcript of the earlier RCEP product-specific list
 * (Phụ lục I "Quy tắc cụ thể mặt hàng" of MOIT Circular 05/2022/TT-BCT, HS 2012, the
 * list Viet Nam applied to RCEP shipments from 1 January 2022 until 31 December 2022)
 * into `rules/rcep/psr-05-2022.json`, and writes `rules/rcep/import-report-05-2022.md`.
 *
 *   npx tsx rules/tools/import-rcep-05-2022.ts     (HS 2012 descriptions from ../shared)
 *
 * Input: `rules/rcep/source/psr-05-2022.transcript.txt` (layout in its header): one line
 * per table row, "<code> :: <criterion as printed>", "@ <offset>" for the read window,
 * a leading "<" on the code when the row's code closes the previous window.
 *
 * The criteria use the same abbreviations as the HS 2022 list (points 4-7 of the
 * Appendix are worded alike in both circulars), so the grammar of the current importer
 * (`translate` in import-rcep.ts) reads them. Two differences in wording are handled
 * here: a list of three alternatives is printed "CTH, RVC40, hoặc CR" (the HS 2022 list
 * prints "CTH, hoặc RVC40, hoặc CR"), and the 38.08 cell has its own wording, translated
 * by hand below. A criterion that neither covers stops the import.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import type { PsrRow } from '../../src/rules/schema.js';
import { ROOT, checkRowRule, criterionTable, hsDescriptions, hsSubheadings, problemsSection, readTranscript, rowsPerChapter } from './kit.js';
import { tableRow, translate } from './import-rcep.js';

const DIR = join(ROOT, 'rules/rcep');
const TRANSCRIPT = join(DIR, 'source/psr-05-2022.transcript.txt');
const OUT_PSR = 'psr-05-2022.json';
const OUT_REPORT = 'import-report-05-2022.md';
const SOURCE_ID = 'circ-05-2022-certo';
const SOURCE_FILE =
  'docs/legal/wiki/05-2022-tt-bct-thong-tu-quy-inh-quy-tac-xuat-xu-hang-hoa-trong-hiep-inh-oi-tac-kinh-te-toan-dien-khu-vuc.md';
const SOURCE_CHARS = 561051;
const WINDOW = 16000;
/** The table ends in the window starting here (Phụ lục II follows at about 424,000). */
const LAST_TABLE_WINDOW = 416000;

/** Criteria the shared grammar does not cover, with their hand translation. */
const HAND: Record<string, { rule: string; note: string }> = {
  'CTSH với điều kiện ít nhất 50% trọng lượng của hoạt chất hoặc các thành phần có xuất xứ, hoặc RVC40': {
    rule: '(CTSH and Declared(rcep_3808_active_ingredient_weight, "at least 50 % by weight of the active ingredient or ingredients is originating")) or RVC(40% FOB)',
    note:
      'Heading 38.08 (HS 2012 list): the condition that at least half the weight of the active ingredient or ingredients be originating is kept as a declaration, because its base (the weight of the active ingredients, not of the product) is not one the Weight() leaf measures. The cell has a line break after "CTSH"; the words were joined in reading order. The HS 2022 list words this condition differently (see psr.json, 38.08).',
  },
};

/** "CTH, RVC40, hoặc CR" → "CTH hoặc RVC40 hoặc CR": a comma that separates two criteria is read as "hoặc" (point 4). */
function normalise(text: string): string {
  return text.replace(/, (?=(?:WO|CC|CTH|CTSH|CR|RVC\d+)\b)/g, ' hoặc ');
}

function reading(text: string): { rule: string; note?: string } {
  if (HAND[text]) return HAND[text];
  return translate(normalise(text));
}

type Entry = { rule: string; count: number; codes: string[] };

function main(): void {
  const desc = hsDescriptions('HS2012');
  const problems: string[] = [];
  const rows: PsrRow[] = [];
  const texts = new Map<string, Entry>();
  const split: string[] = [];
  const seen = new Set<string>();
  const windows = new Set<number>();
  for (const { offset, parts: fields, line, lineNumber } of readTranscript(TRANSCRIPT, { onWindow: (o) => windows.add(o) })) {
    const [codePart, textPart] = fields;
    if (codePart === undefined || !textPart || fields.length !== 2 || offset < 0 || offset % WINDOW !== 0) {
      throw new Error(`malformed transcript line ${lineNumber}: ${line}`);
    }
    const { printed, scope, text, start, end } = tableRow(codePart, textPart, offset, { desc, hs: 'HS 2012', seen, split, window: WINDOW, sourceChars: SOURCE_CHARS }, problems);
    const r = reading(text);
    const parsed = parseRuleExpression(r.rule);
    if (!parsed.success) throw new Error(`expression for "${text}" does not parse: ${parsed.issue.message}`);
    const entry = texts.get(text) ?? { rule: r.rule, count: 0, codes: [] };
    entry.count++;
    if (entry.codes.length < 3) entry.codes.push(printed);
    texts.set(text, entry);
    const row: PsrRow = {
      id: scope,
      scope,
      description: desc.get(scope) ?? '',
      rule: r.rule,
      text,
      cite: { source: SOURCE_ID, ref: `Phụ lục I, ${printed}, ${SOURCE_FILE}, characters ${start}-${end}` },
      ...(r.note ? { note: r.note } : {}),
    };
    checkRowRule(row as unknown as Record<string, unknown>, problems);
    rows.push(row);
  }
  const scopes = [...seen];
  for (const s of scopes) {
    const inner = scopes.filter((o) => o !== s && o.startsWith(s));
    if (inner.length) problems.push(`${s} has a row and so do ${inner.join(', ')} (the most specific would apply)`);
  }
  // Annex 3A gives a rule for every good: every HS 2012 subheading must fall under exactly one row.
  const subs = hsSubheadings(desc);
  const uncovered = subs.filter((s) => !scopes.some((x) => s.startsWith(x)));
  if (uncovered.length) problems.push(`${uncovered.length} HS 2012 subheadings have no row: ${uncovered.slice(0, 30).join(', ')}`);
  const windowList = [...windows].sort((a, b) => a - b);
  const expected = Array.from({ length: LAST_TABLE_WINDOW / WINDOW + 1 }, (_, i) => i * WINDOW);
  if (windowList.join() !== expected.join()) problems.push(`read windows ${windowList.join(', ')} are not 0 to ${LAST_TABLE_WINDOW} in steps of ${WINDOW}`);

  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'rcep', hsVersion: 'HS2012', rows, gaps: [] };
  writeFileSync(join(DIR, OUT_PSR), `${JSON.stringify(psr, null, 2)}\n`);

  const level = (n: number) => rows.filter((r) => r.scope.length === n).length;
  const chapters = rowsPerChapter(rows);
  const report = [
    '# RCEP PSR import report: earlier list, Circular 05/2022/TT-BCT (HS 2012)',
    '',
    'Generated by `npx tsx rules/tools/import-rcep-05-2022.ts` from `source/psr-05-2022.transcript.txt` (Phụ lục I "Quy tắc cụ',
    'thể mặt hàng" of Circular 05/2022/TT-BCT, HS 2012, as converted in TinsuAI/certo). It writes `psr-05-2022.json`.',
    '',
    `- Rows: ${rows.length} (${level(2)} chapter-level, ${level(4)} heading-level, ${level(6)} subheading-level); no two-part criteria, so no "ex" rows.`,
    `- Distinct criterion texts: ${texts.size}; each maps to one expression below, and every expression parses.`,
    `- Rows whose code closes one read window and whose criterion opens the next (cited over both): ${split.join(', ') || 'none'}.`,
    `- Rows per chapter: ${[...chapters].map(([c, n]) => `${c}:${n}`).join(' ')}.`,
    `- HS 2012 subheadings: ${subs.length}; without a row: ${uncovered.length}.`,
    `- Coverage: read windows @ 0 to @ ${LAST_TABLE_WINDOW} (characters 0-${LAST_TABLE_WINDOW + WINDOW} of ${SOURCE_CHARS}): the headnotes and the`,
    '  whole table, Chapters 01-97. The rest of the file (Phụ lục II-IV and the circular\'s articles) has no table rows.',
    '- Gaps (law without a rule): none. Annex 3A gives a rule for every good (Circular 05/2022 Article 5(3) refers to Phụ lục I',
    '  for goods made with non-originating materials; there is no residual rule).',
    '',
    'Reading of the criteria (Phụ lục I points 4-7, worded as in the HS 2022 list): any one of several criteria suffices',
    '("hoặc", and a comma between two criteria, → `or`); CC / CTH / CTSH = change of chapter / heading / subheading, which',
    'with its exclusions ("ngoại trừ từ …" → `except:`) concerns non-originating materials only; RVC40 = a regional value',
    'content of at least 40 % under Article 8 of Circular 05/2022 (FOB-based) → `RVC(40% FOB)`; WO = wholly obtained (a',
    'good meeting PE also qualifies, point 7(đ)); CR = the chemical reaction rule (point 7(e)) → `Process(chemical_reaction)`.',
    'Single criteria are read by `translate` of `rules/tools/import-rcep.ts`.',
    '',
    ...criterionTable(texts, HAND),
    '',
    ...problemsSection(problems),
  ].join('\n');
  writeFileSync(join(DIR, OUT_REPORT), report);
  console.log(`${OUT_PSR}: ${rows.length} rows; ${texts.size} distinct criteria; ${uncovered.length} of ${subs.length} HS 2012 subheadings without a row; ${problems.length} problem(s)`);
  if (problems.length) {
    for (const p of problems) console.error(`  ${p}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
