/**
 * Maintainer tool: turns the hand transcript of the VIFTA product-specific rules
 * (Phụ lục I of Circular 11/2024/TT-BCT) into `rules/vifta/psr.json`, with a
 * report of every distinct criterion and its expression.
 *
 *   npx tsx rules/tools/import-vifta.ts          (descriptions from ../shared)
 *   SHARED_DIR=/path npx tsx rules/tools/import-vifta.ts
 *
 * Input: `rules/vifta/source/psr.transcript.txt` (format in its header): one line
 * per table row, "Chương 9 :: CC | 40%" or "ex 0901 :: CTSH | N/A", and "@ <offset>"
 * lines naming the read window the rows below come from.
 *
 * Readings (the annex's own notes, see README and the import report):
 * - columns (3) and (4) are alternatives (table head "(3) hoặc (4)"; note 1(đ));
 * - column (3): "CC", "CTH", "CTSH" are the changes of chapter, heading and
 *   subheading (notes 4(b)-(d)); "WO" is defined by note 4(a) as "the materials of
 *   the same Chapter are wholly obtained (Article 6)", so it becomes
 *   WOMaterials(ch<product chapter>), not a wholly-obtained product;
 * - column (4): a percentage is read as the maximum value of non-originating
 *   materials, as a share of the ex-works price (Article 8(1)(c) speaks of "the
 *   maximum percentage value of non-originating materials specified in Annex I";
 *   the circular's values are ex-works based, Articles 3(6), 8 and 13); "N/A" is no
 *   alternative (note 4(đ));
 * - an "ex" heading row whose description is the whole heading becomes a heading
 *   row; one whose description is narrower (EX_PARTS) becomes an "ex" row the
 *   caller chooses against the chapter row.
 * Anything else in the transcript stops the import.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import type { PsrRow } from '../../src/rules/schema.js';
import { ROOT, finishImport, hsDescriptions, problemsSection, readTranscript } from './kit.js';

const dir = join(ROOT, 'rules/vifta');
const TRANSCRIPT = join(dir, 'source/psr.transcript.txt');
const SOURCE_ID = 'vn-circ-11-2024';
const SOURCE_PATH =
  'docs/legal/wiki/11-2024-tt-bct-thong-tu-so-11-2024-tt-bct-quy-inh-quy-tac-xuat-xu-hang-hoa-trong-hiep-inh-thuong-mai-tu-do-giua-chinh-ph.md';
const WINDOW = 16000;

/**
 * "ex" rows whose description in the annex is narrower than the heading: the rule
 * covers only that part, the rest of the heading stays under the chapter row.
 * Every other "ex" row of the table repeats the whole heading text (checked by hand
 * against the HS heading; see the import report).
 */
const EX_PARTS: Record<string, { ex: string; note: string }> = {
  '0901': {
    ex: 'Coffee (the annex describes the part as "Cà phê." only)',
    note:
      'Annex I lists "ex 0901 Cà phê." (coffee) under Chapter 9, whose own rule is CC or 40 %. Heading 09.01 also covers coffee husks and skins and coffee substitutes containing coffee; the annex does not say whether they are part of "Cà phê", so the caller chooses between this row and the Chapter 9 row.',
  },
};

const WO_NOTE =
  'Annex I note 4(a) defines "WO" as the materials of the same Chapter being wholly obtained under Article 6 of the circular, so the rule is that every material of the product\'s chapter used is wholly obtained (WOMaterials), not that the product itself is wholly obtained. A product wholly obtained under Article 6 originates under Article 5(1) whatever this row says.';
const PERCENT_NOTE =
  'Column (4) gives only a percentage. It is read as the maximum value of non-originating materials as a share of the ex-works price: Article 8(1)(c) of the circular refers to "the maximum percentage value of non-originating materials specified in Annex I", and the circular measures values against the ex-works price (Articles 3(6), 8(1)(a), 13). The annex notes do not define column (4) themselves; see the limitation column-4-percent-reading.';

type Row = PsrRow;

/** Column (3) → expression for a product of `chapter`. */
function column3(text: string, chapter: string): string {
  if (text === 'WO') return `WOMaterials(ch${chapter})`;
  if (text === 'CC' || text === 'CTH' || text === 'CTSH') return text;
  throw new Error(`column (3) not covered: "${text}"`);
}

/** Column (4) → expression, or undefined for "N/A". */
function column4(text: string): string | undefined {
  if (text === 'N/A') return undefined;
  const m = text.match(/^(\d+(?:\.\d+)?)%$/);
  if (m) return `MaxNOM(${m[1]}% EXW)`;
  throw new Error(`column (4) not covered: "${text}"`);
}

export function translate(c3: string, c4: string, chapter: string): string {
  const alts = [column3(c3, chapter), column4(c4)].filter((x): x is string => x !== undefined);
  return alts.join(' or ');
}

function main(): void {
  const desc = hsDescriptions('HS2022');
  const rows: Row[] = [];
  const problems: string[] = [];
  const texts = new Map<string, { rule: string; count: number; scopes: string[] }>();
  const seen = new Set<string>();
  let chapterRows = 0;
  let headingRows = 0;
  let exRows = 0;
  for (const { offset, line } of readTranscript(TRANSCRIPT)) {
    const m = line.match(/^(Chương (\d{1,2})|ex (\d{2})\.?(\d{2})) :: (\S+) \| (\S+)$/);
    if (!m || offset < 0) throw new Error(`malformed transcript line: ${line}`);
    const [, printed, chNum, h1, h2, c3 = '', c4 = ''] = m;
    const scope = chNum ? chNum.padStart(2, '0') : `${h1}${h2}`;
    const chapter = scope.slice(0, 2);
    if (seen.has(scope)) throw new Error(`${scope} listed twice`);
    seen.add(scope);
    const rule = translate(c3, c4, chapter);
    const parsed = parseRuleExpression(rule);
    if (!parsed.success) throw new Error(`expression for "${line}" does not parse: ${parsed.issue.message}`);
    const pct = c4.match(/^(\d+)%$/)?.[1];
    if (pct && !rule.includes(`MaxNOM(${pct}% EXW)`)) problems.push(`${printed}: percentage ${pct} not carried into ${rule}`);
    const text = `(3) ${c3} | (4) ${c4}`;
    const notes = [c3 === 'WO' ? WO_NOTE : '', pct ? PERCENT_NOTE : ''];
    const part = EX_PARTS[scope];
    if (part) notes.unshift(part.note);
    else if (!chNum)
      notes.unshift(
        `Printed as "${printed}" under Chapter ${Number(chapter)}: the "ex" marks the part of the chapter the rule covers (Annex I note 2), and the description given is the whole heading, so the row covers heading ${h1}.${h2}.`,
      );
    const note = notes.filter(Boolean).join(' ');
    if (!desc.get(scope)) problems.push(`${scope}: no HS 2022 description`);
    rows.push({
      id: part ? `${scope}.1` : scope,
      scope,
      ...(part ? { ex: part.ex } : {}),
      description: desc.get(scope) ?? '',
      rule,
      text,
      cite: { source: SOURCE_ID, ref: `Phụ lục I, ${printed}, ${SOURCE_PATH}, characters ${offset}-${offset + WINDOW}` },
      ...(note ? { note } : {}),
    });
    if (chNum) chapterRows++;
    else if (part) exRows++;
    else headingRows++;
    const e = texts.get(text) ?? { rule, count: 0, scopes: [] };
    e.count++;
    e.scopes.push(printed ?? scope);
    texts.set(text, e);
  }
  const chaptersWithoutRow = [...Array(97).keys()].map((i) => String(i + 1).padStart(2, '0')).filter((c) => !seen.has(c));
  if (chaptersWithoutRow.join(',') !== '77') problems.push(`chapters without a chapter row: ${chaptersWithoutRow.join(', ')}`);
  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'vifta', hsVersion: 'HS2022', rows, gaps: [] };
  writeFileSync(join(dir, 'psr.json'), `${JSON.stringify(psr, null, 2)}\n`);
  const report = [
    '# VIFTA PSR import report',
    '',
    `Generated by \`rules/tools/import-vifta.ts\` from \`source/psr.transcript.txt\` (Phụ lục I of Circular 11/2024/TT-BCT).`,
    '',
    `- rows: ${rows.length} (${chapterRows} chapter rows, ${headingRows} heading rows printed "ex" with the whole heading's description, ${exRows} "ex" row for part of a heading)`,
    `- distinct criteria: ${texts.size}`,
    `- chapters without a row: ${chaptersWithoutRow.join(', ') || 'none'} (Chapter 77 is reserved in the HS)`,
    '- gaps: none',
    `- problems: ${problems.length}`,
    '',
    '## Criteria',
    '',
    'Column (3) and column (4) are alternatives (table head "(3) hoặc (4)", Annex I note 1(đ)). `text` keeps both columns as printed.',
    '',
    '| rows | criterion (columns 3 and 4) | expression | where |',
    '|---|---|---|---|',
    ...[...texts].map(([text, e]) => `| ${e.count} | ${text.replace(/\|/g, '\\|')} | \`${e.rule.replace(/ch\d\d\)/, 'ch<NN>)')}\` | ${e.scopes.join(', ')} |`),
    '',
    '(`ch<NN>` is the product\'s own chapter: the chapter of the row.)',
    '',
    '## Readings',
    '',
    `- **WO (column 3)**: ${WO_NOTE}`,
    `- **Percentages (column 4)**: ${PERCENT_NOTE}`,
    '- **N/A (column 4)**: "không có quy tắc xuất xứ để áp dụng" (note 4(đ)): no second alternative.',
    '- **"ex" rows**: Annex I note 2 says a rule after "ex" applies only to the goods described in column (2), not to the whole chapter. 29 of the 30 "ex" rows repeat the whole text of the heading (checked against the HS 2022 heading texts), so they are heading rows, which the lookup prefers to the chapter row. "ex 0901 Cà phê." is narrower than heading 09.01, so it is an `ex` row: for codes of 09.01 the caller chooses between it and the Chapter 9 row.',
    '- **Note 5** ("Sử dụng quy tắc CC, CTH và CTSH phải áp dụng theo công đoạn sản xuất": the CC, CTH and CTSH rules are applied according to the production operations) is not encoded separately: the engine judges the change of classification on the declared bill of materials and checks the minimal operations of Article 10.',
    '- **HS version**: the annex does not name its HS edition. All rows are chapter or heading rows; every heading named exists with the same heading text in HS 2022 (descriptions are taken from the HS 2022 nomenclature).',
    '',
    ...problemsSection(problems),
  ].join('\n');
  finishImport(dir, report, problems, [4, 10]);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
