/**
 * Maintainer tool: turns the hand transcript of the Viet Nam – Cuba product
 * specific rules (Phụ lục I of Circular 08/2020/TT-BCT, HS 2017) into
 * `rules/vn_cuba/psr.json`, with a report of every distinct criterion and its
 * expression.
 *
 *   npx tsx rules/tools/import-vn_cuba.ts          (descriptions from ../shared)
 *   SHARED_DIR=/path npx tsx rules/tools/import-vn_cuba.ts
 *
 * Input: `rules/vn_cuba/source/psr.transcript.txt` (format in its header): one
 * line per table row, `24 0305.31 :: WO` (row number as printed, subheading,
 * criterion verbatim), and `@ <offset>` lines giving the read window.
 *
 * Criteria use the abbreviations WO, CC, CTH, CTSH, RVC(n) ("hoặc" = or, "+" =
 * both, "CTH ngoại trừ từ A đến B" = CTH without non-originating materials of
 * headings A to B); two longer texts carry a hand translation below. Every row
 * is marked incomplete: Article 5 of the circular also lets a good originate by a
 * change of heading (5(3)) or by a regional value content whose threshold the
 * circular prints as "X%" (5(4)), so failing the listed rule never proves that a
 * good is not originating (see README). A text the grammar and the overrides do
 * not cover stops the import.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import type { PsrRow } from '../../src/rules/schema.js';
import { ROOT, hsDescriptions, readTranscript } from './kit.js';

const dir = join(ROOT, 'rules/vn_cuba');
const TRANSCRIPT = join(dir, 'source/psr.transcript.txt');
const SOURCE_ID = 'certo-08-2020';
const SOURCE_FILE = 'docs/legal/wiki/08-2020-tt-bct-thong-tu-quy-inh-quy-tac-xuat-xu-hang-hoa-trong-hiep-inh-thuong-mai-viet-nam-cuba.md';
const WINDOW = 16000;
const FIRST_ROW = 24;

const INCOMPLETE =
  'Article 5 of Circular 08/2020/TT-BCT also treats a good as originating when every non-originating material changes heading (5(3)) or when its regional value content is not lower than a threshold the circular prints as "X%" (5(4)); the listed rule applies where neither is met (5(5)). Whether these routes stay open for listed goods, and the threshold X, are not settled: "X%" is printed in both conversions read (the layout copy and the official-text copy of the articles), so a good that fails the listed rule is undetermined, not non-originating.';

const RECORDING = (sub: string) =>
  `RVC(40); hoặc CTH; hoặc ghi âm hoặc những hoạt động ghi tương tự khác lên các thiết bị trắng hoặc chưa ghi thuộc phân nhóm ${sub} sẽ coi là có xuất xứ cho dù có sự thay đổi mã số hàng hóa hay không`;

/** Hand translations of the criteria the grammar does not cover. */
export const OVERRIDES: Record<string, { rule: string; note: string }> = {
  'RVC(40); hoặc CC và sản phẩm phải được cắt và may tại lãnh thổ của bất kỳ nước thành viên nào': {
    rule: 'RVC(40% FOB) or CC and Declared(vn_cuba_cut_sewn_in_party, "the garment is cut and sewn in the territory of Viet Nam or Cuba")',
    note: 'Read as "RVC(40); or (CC and cut and sewn in a Party)": the semicolon closes the first alternative. Cutting and sewing may take place in either Party, so it is a declaration rather than Process(cutting_sewing), which the engine reads as the producer\'s own operation.',
  },
  ...Object.fromEntries(
    ['8523.29', '8523.49', '8523.80'].map((sub) => [
      RECORDING(sub),
      {
        rule: `RVC(40% FOB) or CTH or Declared(vn_cuba_recording_${sub.replace('.', '')}, "sound or other similar recording is carried out in the exporting Party onto blank or unrecorded media of subheading ${sub}")`,
        note: 'The third alternative confers origin by the recording itself, whether or not the classification changes; the engine cannot observe the recording, so it is a declaration.',
      },
    ]),
  ),
};

/** One alternative of a criterion → expression. */
function alternative(alt: string): { rule: string; note?: string } {
  let m: RegExpMatchArray | null;
  if ((m = alt.match(/^RVC\((\d+(?:\.\d+)?)\)$/))) return { rule: `RVC(${m[1]}% FOB)` };
  if ((m = alt.match(/^RVC\((\d+(?:\.\d+)?)\)\s*\+\s*(CC|CTH|CTSH)$/))) return { rule: `RVC(${m[1]}% FOB) and ${m[2]}` };
  if (/^(WO|CC|CTH|CTSH)$/.test(alt)) return { rule: alt };
  if ((m = alt.match(/^CTH ngoại trừ từ (\d{4}) đến (\d{4})$/))) return { rule: `CTH(except: h${m[1]}..h${m[2]})` };
  if ((m = alt.match(/^CTH ex\. (\d{4})\.(\d\d)$/)))
    return {
      rule: `CTH(except: sh${m[1]}${m[2]})`,
      note: `"CTH ex. ${m[1]}.${m[2]}" is read as a change of heading excluding non-originating materials of subheading ${m[1]}.${m[2]}; since that subheading lies in the product's own heading, CTH already excludes it and the exclusion changes nothing.`,
    };
  throw new Error(`criterion not covered by the grammar: "${alt}"`);
}

/** A criterion of the annex → rule expression ("hoặc" = the exporter's choice). */
export function translate(text: string): { rule: string; note?: string } {
  const o = OVERRIDES[text];
  if (o) return o;
  const alts = text.split(/ hoặc /).map((a) => alternative(a.trim()));
  const notes = alts.map((a) => a.note).filter(Boolean);
  return { rule: alts.map((a) => a.rule).join(' or '), ...(notes.length ? { note: notes.join(' ') } : {}) };
}

function main(): void {
  const desc = hsDescriptions('HS2017');
  const rows: PsrRow[] = [];
  const problems: string[] = [];
  const texts = new Map<string, { rule: string; count: number }>();
  const seen = new Set<string>();
  let expected = FIRST_ROW;
  for (const { offset, line } of readTranscript(TRANSCRIPT)) {
    const m = line.match(/^(\d+) (\d{4})\.(\d\d) :: (.+)$/);
    if (!m || offset < 0) throw new Error(`malformed transcript line: ${line}`);
    const stt = Number(m[1]);
    if (stt !== expected) problems.push(`row number ${stt} follows ${expected - 1}`);
    expected = stt + 1;
    const code = `${m[2]}${m[3]}`;
    const shown = `${m[2]}.${m[3]}`;
    if (seen.has(code)) throw new Error(`code ${shown} listed twice`);
    seen.add(code);
    if (!desc.has(code)) problems.push(`${shown} (row ${stt}) is not a code of HS 2017`);
    const text = (m[4] ?? '').replace(/\s+/g, ' ').trim();
    const t = translate(text);
    const parsed = parseRuleExpression(t.rule);
    if (!parsed.success) throw new Error(`expression for "${text}" does not parse: ${parsed.issue.message}`);
    const entry = texts.get(text) ?? { rule: t.rule, count: 0 };
    entry.count++;
    texts.set(text, entry);
    const note =
      code === '841410' || code === '841420'
        ? `The conversion prints "CTH hoặc" on the 8414.10 line, "RVC(40)+CTSH" on the 8414.20 line and "RVC(40) hoặc CTH" on the line after; read as "CTH hoặc RVC(40)+CTSH" for 8414.10 (a two-line cell) and "RVC(40) hoặc CTH" for 8414.20 (see README).`
        : undefined;
    const notes = [t.note, note].filter(Boolean).join(' ');
    rows.push({
      id: code,
      scope: code,
      description: desc.get(code) ?? '',
      rule: t.rule,
      text,
      cite: { source: SOURCE_ID, ref: `Phụ lục I, row ${stt}, ${shown}, ${SOURCE_FILE}, characters ${offset}-${offset + WINDOW}` },
      ...(notes ? { note: notes } : {}),
      incomplete: INCOMPLETE,
    });
  }
  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'vn_cuba', hsVersion: 'HS2017', rows, gaps: [] };
  writeFileSync(join(dir, 'psr.json'), `${JSON.stringify(psr, null, 2)}\n`);
  const chapters = [...new Set(rows.map((r) => r.scope.slice(0, 2)))].sort();
  const report = [
    '# VN–Cuba PSR import report',
    '',
    'Generated by `rules/tools/import-vn_cuba.ts` from `source/psr.transcript.txt` (Phụ lục I of Circular 08/2020/TT-BCT, HS 2017).',
    '',
    `- ${rows.length} rows (table rows ${FIRST_ROW}-${expected - 1}), one per listed subheading; ${texts.size} distinct criteria.`,
    `- Rows 1-${FIRST_ROW - 1} are missing: the conversion of the scanned annex starts at row ${FIRST_ROW} (page 1 of the scan was not extracted), and the official-text copy of the circular (source certo-08-2020-canonical) holds the articles only, without any annex. They precede 0305.31, so they lie in Chapters 01-03.`,
    `- Chapters with rows: ${chapters.join(', ')}.`,
    '- Every row carries `incomplete` (Article 5(3)-(4) of the circular: change of heading, or RVC of "X%"): failing the listed rule gives undetermined.',
    '- No gaps.',
    '',
    '## Criteria',
    '',
    'WO: wholly obtained; CC, CTH, CTSH: change of chapter, heading, subheading (Article 3(1)-(2) defines the heading change at 4 digits and chapter, heading, subheading as 2, 4 and 6 digits); RVC(n): regional value content of at least n % of the FOB value (Article 5(4): "trị giá FOB xuất khẩu của hàng hóa cuối cùng"); "hoặc": alternatives; "+": both.',
    '',
    '| rows | annex criterion | expression |',
    '|---|---|---|',
    ...[...texts].map(([text, e]) => `| ${e.count} | ${text} | \`${e.rule.replace(/\|/g, '\\|')}\` |`),
    '',
    '## Problems',
    '',
    ...(problems.length ? problems.map((p) => `- ${p}`) : ['None: the row numbers run without a break and every code is a code of HS 2017 (classificationH5.json).']),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'import-report.md'), report);
  console.log(`psr.json: ${rows.length} rows; ${texts.size} distinct criteria; ${problems.length} problem(s)`);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
  }
}

main();
