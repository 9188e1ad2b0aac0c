/**
 * Maintainer tool: turns the hand transcript of the AANZFTA product-specific
 * rules annexed to Circular 02/2024/TT-BCT (HS 2022, amending Circular
 * 31/2015/TT-BCT) into `rules/aanzfta/psr.json`, with `rules/aanzfta/import-report.md`
 * listing every distinct criterion text and the expression it became.
 *
 *   npx tsx rules/tools/import-aanzfta.ts          (descriptions from ../shared)
 *   SHARED_DIR=/path npx tsx rules/tools/import-aanzfta.ts
 *
 * Input: `rules/aanzfta/source/psr.transcript.txt` (format in its header):
 *   "@ 16000"                          rows below come from that 16,000-character read window
 *   "0101.21 0101.29 :: WO"            table rows sharing one criterion, copied verbatim
 *   "NOTE 28 :: <chapter note>"        a chapter note printed in the table
 *   "# COMPLETED <codes> @wiki N :: t" last line of a criterion, read in the layout conversion
 *
 * The criteria use the abbreviations defined in the annex's general notes (7: WO,
 * RVC (XX), CC, CTH, CTSH; 3: alternatives are at the exporter's choice; 5-6: the
 * classification change and its exclusions bind non-originating materials only).
 * A small grammar below structures them; the handful of texts it does not cover
 * carry a hand translation in OVERRIDES / EX_SPLITS. Nothing is guessed: a text
 * that neither covers stops the import.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import type { PsrRow } from '../../src/rules/schema.js';
import { ROOT, hsDescriptions, hsSubheadings, readTranscript } from './kit.js';

const dir = join(ROOT, 'rules/aanzfta');
const TRANSCRIPT = join(dir, 'source/psr.transcript.txt');
const SOURCE_ID = 'circ-02-2024-certo';
const SOURCE_FILE =
  'docs/legal/canonical/corpus/02-2024-tt-bct-thong-tu-so-02-2024-tt-bct-ngay-15-thang-01-nam-2024-cua-bo-truong-bo-cong-thuong-sua-doi-bo-sung-mot-so-.md';
const LAYOUT_SOURCE_ID = 'circ-02-2024-certo-layout';
const LAYOUT_FILE =
  'docs/legal/wiki/02-2024-tt-bct-thong-tu-so-02-2024-tt-bct-ngay-15-thang-01-nam-2024-cua-bo-truong-bo-cong-thuong-sua-oi-bo-sung-mot-so-i.md';
const WINDOW = 16000;

type Translation = { rule: string; note?: string };
type ExPart = { ex: string; rule: string; note?: string };

// ---- declarations: conditions only the producer can attest, in the annex's own terms ----
const SMOKED = 'AnyHeading and Declared(aanzfta_smoked_in_party, "the product is smoked in the territory of a Party")';
const COOKED = 'AnyHeading and Declared(aanzfta_cooked_in_parties, "the product is cooked in the territory of the Parties")';
const REFINED =
  'AnyHeading and Declared(aanzfta_refining_ch15, "the product is produced by a refining process that removes the odour, taste, colour and acidity of the crude fat or oil (chemical or physical refining, Chapter 15 note)")';
const WET_TO_DRY = 'AnyHeading and Declared(aanzfta_wet_to_dry, "the hide or skin is changed from the wet state to the dry state")';
const DEDICATED_PARTS =
  'AnyHeading and Declared(aanzfta_parts_of_same_subheading, "the apparatus is made from parts produced solely for apparatus of the same subheading")';
const RECORDED =
  'Declared(aanzfta_recorded_media, "the product is obtained by recording sound or other phenomena on blank or unrecorded media of the same subheading; such recording confers origin whether or not the classification changes")';
const GREIGE_FINISHED =
  'Declared(aanzfta_fabric_dyed_printed_finished, "the product is made from fabric woven (formed) but not further worked or finished, and that fabric is dyed or printed and undergoes at least two further finishing operations in one or more Parties before becoming a ready-to-use finished product; washing or drying is not a finishing operation (chapter note of Chapters 50, 52-55 and 58; the list of finishing operations the note refers to is not encoded)")';
const CUT_ASSEMBLED = 'Declared(aanzfta_cut_and_assembled, "the product is cut or knit to shape and assembled in one or more Parties")';
const RAW_FABRIC_ANY =
  'Declared(aanzfta_greige_fabric_finished_parties, "where the starting material is fabric, that fabric is greige or unbleached and is fully finished in the territory of one or more Parties")';
const RAW_FABRIC_ONE =
  'Declared(aanzfta_greige_fabric_finished_one_party, "where the starting material is fabric, that fabric is greige or unbleached and is fully finished in the territory of one Party")';
const ACTIVE_50 =
  'Declared(aanzfta_active_ingredients_50pct, "at least 50 % by weight of the active ingredient or ingredients is originating")';
const WASTE =
  'Declared(aanzfta_waste_of_party, "the product originates in the Party where it was derived from production or consumption")';
const CHEMICAL_REACTION = 'Process(chemical_reaction)';

/** Whole criterion texts with a hand translation (the grammar would distort them). */
export const OVERRIDES: Record<string, Translation> = {};

/** Criteria that give different rules for parts of the subheading: one "ex" row per part. */
export const EX_SPLITS: Record<string, ExPart[]> = {
  '1. Đối với điệp, kể cả điệp nữ hoàng, thuộc giống Pecten, Chlamys hoặc Placopecten: WO hoặc không yêu cầu chuyển đổi mã số hàng hoá với điều kiện sản phẩm phải được hun khói bên trong lãnh thổ của một nước thành viên; và 2. Đối với điệp và các loài động vật thân mềm khác thuộc họ Pectinidae: RVC(40) hoặc CTSH hoặc không yêu cầu chuyển đổi mã số hàng hoá với điều kiện sản phẩm phải được hun khói bên trong lãnh thổ của một nước thành viên':
    [
      { ex: 'scallops, including queen scallops, of the genera Pecten, Chlamys or Placopecten', rule: `WO or (${SMOKED})` },
      {
        ex: 'scallops and other molluscs of the family Pectinidae (other than those of part 1)',
        rule: `RVC(40% FOB) or CTSH or (${SMOKED})`,
        note: 'The annex names part 2 as "scallops and other molluscs of the family Pectinidae", which literally includes the genera of part 1; the more specific part 1 is read as taking precedence for those genera. The caller chooses the part.',
      },
    ],
  '1.RVC(40) hoặc CTH ngoại trừ từ phân nhóm 2403.99 đối với các nguyên liệu thay thế thuốc lá đã chế biến 2. RVC(40) hoặc CTSH ngoại trừ từ phân nhóm 3824.99 đối với hàng hoá khác':
    [
      { ex: 'processed tobacco substitutes', rule: 'RVC(40% FOB) or CTH(except: sh240399)' },
      { ex: 'other goods', rule: 'RVC(40% FOB) or CTSH(except: sh382499)' },
    ],
  '1. Đối với thuốc trừ côn trùng, thuốc diệt cỏ, thuốc chống nẩy mầm và thuốc điều hòa sinh trưởng cây trồng không chứa một hoặc nhiều các chất sau: alachlor (ISO); aldicarb (ISO); azinphos-methyl (ISO); endosulfan (ISO); parathionmethyl (ISO) (methyl-parathion); penta- and octabromodiphenyl ethers; perfluorooctane sulphonic axit và muối của nó; perfluorooctane sulphonamides; perfluorooctane sulphonyl fluoride: RVC(40) hoặc CTH;2. Đối với các hàng hoá khác: RVC(40) hoặc CTSH với điều kiện ít nhất 50% trọng lượng của thành phần hoạt tính (active) hoặc các thành phần có xuất xứ':
    [
      {
        ex: 'insecticides, herbicides, anti-sprouting products and plant-growth regulators not containing any of alachlor, aldicarb, azinphos-methyl, endosulfan, parathion-methyl, penta- or octabromodiphenyl ethers, perfluorooctane sulphonic acid or its salts, perfluorooctane sulphonamides or perfluorooctane sulphonyl fluoride',
        rule: 'RVC(40% FOB) or CTH',
      },
      { ex: 'other goods', rule: `RVC(40% FOB) or (CTSH and ${ACTIVE_50})` },
    ],
};

/** "2204.22 hoặc 2204.29", "5111 đến 5113, 5208 đến 5212, …", "các phân nhóm 2403.91 và 2403.99." → selectors. */
export function exceptList(list: string): string[] {
  const s = list
    .replace(/^(các )?phân nhóm /, '')
    .replace(/\.$/, '')
    .trim();
  const code = (c: string): string => {
    if (/^\d{4}\.\d\d$/.test(c)) return `sh${c.replace('.', '')}`;
    if (/^\d{4}$/.test(c)) return `h${c}`;
    throw new Error(`unreadable code "${c}" in exception list "${list}"`);
  };
  return s
    .split(/, | hoặc | và /)
    .map((x) => x.trim())
    .filter(Boolean)
    .map((item) => {
      const m = item.match(/^(\S+) đến (\S+)$/);
      if (!m) return code(item);
      const [a, b] = [code(m[1] ?? ''), code(m[2] ?? '')];
      if (a.replace(/\d/g, '') !== b.replace(/\d/g, '')) throw new Error(`range of unequal levels "${item}"`);
      return `${a}..${b}`;
    });
}

const sel = (items: string[]): string => (items.length === 1 ? (items[0] ?? '') : `[${items.join(', ')}]`);

/** One alternative of a criterion → expression (parenthesised when compound). */
function alternative(alt: string): Translation {
  let m: RegExpMatchArray | null;
  const a = alt.replace(/\.$/, '').trim();
  if ((m = a.match(/^RVC\s*\(?(\d+)\)?$/))) return { rule: `RVC(${m[1]}% FOB)` };
  if ((m = a.match(/^(WO|CC|CTH|CTSH)$/))) return { rule: m[1] ?? a };
  if ((m = a.match(/^(CC|CTH|CTSH),? ngoại trừ từ (.+)$/))) return { rule: `${m[1]}(except: ${sel(exceptList(m[2] ?? ''))})` };
  if ((m = a.match(/^RVC\((\d+)\) \+ (CC|CTH|CTSH)$/))) return { rule: `(RVC(${m[1]}% FOB) and ${m[2]})` };
  if ((m = a.match(/^RVC\((\d+)\) \+ (CC|CTH|CTSH) ngoại trừ từ (.+)$/)))
    return {
      rule: `(RVC(${m[1]}% FOB) and ${m[2]}(except: ${sel(exceptList(m[3] ?? ''))}))`,
      note: 'The exclusion is printed after "RVC(35) + CTSH" and is read as limiting that combined alternative only.',
    };
  switch (a) {
    case 'không yêu cầu chuyển đổi mã số hàng hoá với điều kiện sản phẩm phải được hun khói bên trong lãnh thổ của một nước thành viên':
      return { rule: `(${SMOKED})` };
    case 'không yêu cầu chuyển đổi mã số hàng hoá với điều kiện sản phẩm phải được nấu chín bên trong lãnh thổ của các nước thành viên':
      return { rule: `(${COOKED})` };
    case 'không yêu cầu chuyển đổi mã số hàng hoá với điều kiện sản phẩm được sản xuất bằng quy trình tinh chế':
      return { rule: `(${REFINED})` };
    case 'không yêu cầu thay đổi mã số hàng hóa với điều kiện có sự thay đổi từ dạng ướt sang dạng khô':
      return { rule: `(${WET_TO_DRY})` };
    case 'Không thay đổi phân nhóm với điều kiện máy móc, dụng cụ, và thiết bị này được sản xuất từ các bộ phận được sản xuất duy nhất cho máy móc, dụng cụ hoặc thiết bị thuộc cùng phân nhóm đó':
      return { rule: `(${DEDICATED_PARTS})` };
    case 'làm từ vải đã được dệt thành hình nhưng chưa thực hiện các công đoạn tiếp theo hoặc chưa hoàn thiện với điều kiện vải này được nhuộm hoặc in và trải qua ít nhất hai công đoạn hoàn thiện tiếp theo tại lãnh thổ của một hoặc nhiều nước thành viên trước khi trở thành sản phẩm hoàn thiện có thể sử dụng được ngay':
      return { rule: GREIGE_FINISHED };
    case 'RVC(40) với điều kiện sản phẩm được cắt hoặc kết thành hình và được ráp tại một hoặc nhiều nước thành viên':
    case 'RVC(40) với điều kiện sản phẩm được cắt hoặc kết thành hình và ráp tại lãnh thổ của một hoặc nhiều nước thành viên':
      return { rule: `(RVC(40% FOB) and ${CUT_ASSEMBLED})` };
    case 'CC với điều kiện nguyên liệu ban đầu là vải, vải này phải là vải thô hoặc vải chưa tẩy trắng và được hoàn thiện toàn bộ tại lãnh thổ của một hoặc nhiều nước thành viên':
      return { rule: `(CC and ${RAW_FABRIC_ANY})` };
    case 'CC với điều kiện nguyên liệu ban đầu là vải, vải này phải là vải thô hoặc vải chưa tẩy trắng và được hoàn thiện toàn bộ tại lãnh thổ của một nước thành viên':
      return {
        rule: `(CC and ${RAW_FABRIC_ONE})`,
        note: 'The proviso is printed after "CC" and is read as qualifying the CC alternative only, as in headings 63.01-63.05 where it follows CC alone; RVC(40) stands on its own.',
      };
    case 'CTSH với điều kiện ít nhất 50% trọng lượng của thành phần hoạt tính (active) hoặc các thành phần có xuất xứ':
      return { rule: `(CTSH and ${ACTIVE_50})`, note: 'The proviso is printed after "CTSH" and is read as qualifying the CTSH alternative only.' };
    case 'Sản phẩm thuộc phân nhóm này có xuất xứ tại nước thành viên nơi thu được sản phẩm này từ việc sản xuất hoặc tiêu thụ':
      return { rule: WASTE };
  }
  if (/^Ghi âm thanh hoặc ghi âm những nội dung tương tự khác lên trên các phương tiện lưu trữ trắng hoặc chưa ghi thuộc phân nhóm \d{4}\.\d\d vẫn được coi là có xuất xứ cho dù có sự chuyển đổi mã số hàng hóa hay không$/.test(a))
    return { rule: RECORDED };
  throw new Error(`criterion not covered by the grammar: "${alt}"`);
}

/** Alternatives are joined by " hoặc " ("or"); "hoặc" inside exception lists and provisos is not a split point. */
const SPLIT = / hoặc (?=RVC|CC\b|CTH\b|CTSH\b|WO\b|không yêu cầu|Không thay đổi|Ghi âm|làm từ vải)/;

/** A criterion → expression. */
export function translate(text: string): Translation {
  if (OVERRIDES[text]) return OVERRIDES[text];
  const parts = text.split(SPLIT).map((p) => alternative(p.trim()));
  const notes = parts.map((p) => p.note).filter((n): n is string => !!n);
  return { rule: parts.map((p) => p.rule).join(' or '), ...(notes.length ? { note: notes.join(' ') } : {}) };
}

function main(): void {
  const desc = hsDescriptions('HS2022');
  const hs6 = hsSubheadings(desc);
  const rows: PsrRow[] = [];
  const texts = new Map<string, { rule: string; note?: string; count: number; ex?: ExPart[] }>();
  const chapterNotes = new Map<string, string>();
  const completed = new Map<string, { offset: number; text: string }>();
  const seen = new Set<string>();
  // "# COMPLETED" comments carry the last line of a criterion, read in the layout conversion.
  const onComment = (line: string) => {
    const m = line.match(/^# COMPLETED (.+) @wiki (\d+) :: (.+)$/);
    if (m) for (const c of (m[1] ?? '').split(/\s+/)) completed.set(c.replace('.', ''), { offset: Number(m[2]), text: m[3] ?? '' });
  };
  for (const { offset, parts, line } of readTranscript(TRANSCRIPT, { onComment })) {
    const note = line.match(/^NOTE (\d\d) :: (.+)$/);
    if (note) {
      chapterNotes.set(note[1] ?? '', note[2] ?? '');
      continue;
    }
    const [codesPart, textPart] = parts;
    if (codesPart === undefined || !textPart || offset < 0) throw new Error(`malformed transcript line: ${line}`);
    const text = textPart.replace(/\s+/g, ' ').trim();
    const split = EX_SPLITS[text];
    const t: Translation = split ? { rule: '' } : translate(text);
    for (const part of split ?? [t]) {
      const parsed = parseRuleExpression(part.rule);
      if (!parsed.success) throw new Error(`expression for "${text}" does not parse: ${parsed.issue.message} (${part.rule})`);
    }
    const entry = texts.get(text) ?? { ...t, count: 0, ...(split ? { ex: split } : {}) };
    for (const tok of codesPart.trim().split(/\s+/)) {
      if (!/^\d{4}\.\d\d$/.test(tok)) throw new Error(`bad code token "${tok}"`);
      const code = tok.replace('.', '');
      if (seen.has(code)) throw new Error(`code ${code} listed twice`);
      seen.add(code);
      entry.count++;
      const chapter = code.slice(0, 2);
      const reaction = chapterNotes.get(chapter);
      const done = completed.get(code);
      const ref =
        `Phụ lục (Quy tắc cụ thể mặt hàng), ${tok}, ${SOURCE_FILE}, characters ${offset}-${offset + WINDOW}` +
        (done ? `; last line of the criterion ("${done.text}") dropped in that conversion, read in ${LAYOUT_FILE} (source ${LAYOUT_SOURCE_ID}), characters ${done.offset}-${done.offset + WINDOW}` : '');
      const parts: (ExPart | Translation)[] = split ?? [t];
      parts.forEach((part, i) => {
        const notes: string[] = [];
        if (part.note) notes.push(part.note);
        let rule = part.rule;
        if (reaction) {
          rule = `(${rule}) or ${CHEMICAL_REACTION}`;
          notes.push(
            `Chapter ${chapter} note: a good of the chapter resulting from a chemical reaction in a Party is originating even where it does not meet the RVC and CTC criteria; a chemical reaction is a process (including a biochemical process) producing a molecule with a new structure, and dissolution, removal of solvents (including water) and addition or removal of water of crystallisation are not chemical reactions. Encoded as the alternative Process(chemical_reaction).`,
          );
        }
        rows.push({
          id: split ? `${code}.${i + 1}` : code,
          scope: code,
          ...('ex' in part ? { ex: part.ex } : {}),
          description: desc.get(code) ?? '',
          rule,
          text,
          cite: { source: SOURCE_ID, ref },
          ...(notes.length ? { note: notes.join(' ') } : {}),
        });
      });
    }
    texts.set(text, entry);
  }
  const missing = hs6.filter((c) => !seen.has(c));
  const unknown = [...seen].filter((c) => !desc.has(c));
  if (unknown.length) throw new Error(`codes not in HS 2022: ${unknown.join(', ')}`);
  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'aanzfta', hsVersion: 'HS2022', rows, gaps: [] };
  writeFileSync(join(dir, 'psr.json'), `${JSON.stringify(psr, null, 2)}\n`);
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  const report = [
    '# AANZFTA PSR import report',
    '',
    `Generated by \`rules/tools/import-aanzfta.ts\` from \`source/psr.transcript.txt\` (transcript of the Phụ lục "Quy tắc cụ thể mặt hàng" of Circular 02/2024/TT-BCT, HS 2022).`,
    '',
    `- Table rows transcribed: ${seen.size} subheadings (every HS 2022 subheading: ${missing.length === 0 ? 'yes' : `no, missing ${missing.join(', ')}`}).`,
    `- psr.json rows: ${rows.length} (${rows.length - seen.size} extra rows because ${Object.keys(EX_SPLITS).length} criterion texts give separate rules for parts of a subheading and are split into "ex" rows).`,
    `- Distinct criterion texts: ${texts.size}. Gaps: none.`,
    `- Chapter notes applied as an extra alternative (chemical reaction): Chapters ${[...chapterNotes.keys()].join(', ')}.`,
    `- Criteria whose last line is missing in the canonical conversion and was read in the layout conversion: ${[...completed.keys()].length} subheadings (${[...new Set([...completed.values()].map((v) => v.text))].join(', ')}).`,
    '',
    '## Reading of the annex',
    '',
    '- "RVC(40)" (also printed "RVC40") → `RVC(40% FOB)`: general note 7(b) refers to the formula of Article 5 of Phụ lục I of Circular 31/2015, computed on FOB. "RVC(35) + CTSH" / "RVC(40) + CTSH" → both required.',
    '- "A hoặc B" → `A or B` (general note 3: the exporter chooses). "X, ngoại trừ từ …" → `X(except: …)` on the alternative it is printed in; a 4-digit code is a heading (`h`), a 6-digit code a subheading (`sh`), "A đến B" a range.',
    '- "không yêu cầu chuyển đổi mã số hàng hoá với điều kiện …" (no change of classification required, provided …) → `AnyHeading and Declared(…)`: the condition (smoking, cooking, refining, wet-to-dry, parts made for the same subheading) is a fact of production only the producer can attest.',
    '- Textile process rules are kept as declarations, not as `Process(…)` leaves, because they carry conditions the process ids do not express: the fabric rule of Chapters 50-55 and 58 (greige fabric dyed or printed plus at least two finishing operations, washing or drying excluded by the chapter notes), "cut or knit to shape and assembled in one or more Parties" (Chapters 42, 43, 61-63), and the greige/unbleached fabric proviso of Chapter 63.',
    '- Waste and scrap ("Sản phẩm thuộc phân nhóm này có xuất xứ tại nước thành viên nơi thu được sản phẩm này từ việc sản xuất hoặc tiêu thụ") → a declaration that the good was derived from production or consumption in the Party.',
    '- Chapters 28, 29 and 32 carry a chapter note: a good resulting from a chemical reaction in a Party is originating where it fails the RVC and CTC criteria; encoded as an extra alternative `Process(chemical_reaction)` on every row of those chapters (the note\'s definition and exclusions are repeated in each row note). General note 8 makes chapter notes apply to every heading and subheading of the chapter.',
    '- Where a proviso follows the last alternative only ("RVC(40) hoặc CC với điều kiện …", "RVC(40) hoặc CTSH với điều kiện …"), it is read as qualifying that alternative only; the row note says so.',
    '',
    '## Every distinct criterion',
    '',
    '| rows | criterion (verbatim) | expression |',
    '|---|---|---|',
    ...[...texts].map(([text, e]) =>
      e.ex
        ? `| ${e.count} | ${esc(text)} | ${e.ex.map((p, i) => `ex ${i + 1} (${esc(p.ex)}): \`${esc(p.rule)}\``).join('<br>')} |`
        : `| ${e.count} | ${esc(text)} | \`${esc(e.rule)}\`${e.note ? ` (${esc(e.note)})` : ''} |`,
    ),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'import-report.md'), report);
  console.log(`psr.json: ${rows.length} rows from ${seen.size} subheadings; ${texts.size} distinct criteria; missing HS 2022 subheadings: ${missing.length}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
