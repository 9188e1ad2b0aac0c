/**
 * Maintainer tool: turns the transcript of the AKFTA product-specific rules of
 * Circular 49/2025/TT-BCT (Phụ lục I, mục II, HS 2022) into `rules/akfta/psr.json`
 * and `rules/akfta/import-report.md`.
 *
 *   npx tsx rules/tools/import-akfta.ts          (descriptions from ../shared)
 *   SHARED_DIR=/path npx tsx rules/tools/import-akfta.ts
 *
 * Input: `rules/akfta/source/psr.transcript.txt` (format in its header): one line
 * "<STT> <code> :: <criterion>" per numbered row of the list, with "@ <offset>"
 * lines naming the read window the rows start in and "+ <offset>" lines for a row
 * that runs on into the next window.
 *
 * The list is selective: goods it does not name follow the general rule of
 * Article 7(1) (agreement.json `generalRule`). Each criterion is structured by a
 * small grammar over the abbreviations the annex defines in its part I (RVC, CC,
 * CTH, CTSH, WO, WO-AK) and the provisos it uses ("với điều kiện nguyên liệu ...
 * đạt WO / WO-AK / có xuất xứ", "ngoại trừ từ ..."); rows split by product
 * ("A. Đối với ...: ... B. Đối với hàng hóa khác: ...") and rows with a carve-out
 * for Korean 10-digit tariff lines become "ex" rows the caller chooses between.
 * Criteria the grammar does not cover carry a hand translation (OVERRIDES). A text
 * that neither covers stops the import: nothing is guessed.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import type { PsrRow } from '../../src/rules/schema.js';
import { ROOT, hsDescriptions, readTranscript } from './kit.js';

const dir = join(ROOT, 'rules/akfta');
const TRANSCRIPT = join(dir, 'source/psr.transcript.txt');
const SOURCE_ID = 'circ-49-2025-certo';
const SOURCE_PATH =
  'docs/legal/canonical/corpus/49-2025-tt-bct-thong-tu-so-49-2025-tt-bct-ngay-09-09-2025-cua-bo-truong-bo-cong-thuong-quy-dinh-quy-tac-xuat-xu-hang-hoa.md';
const WINDOW = 16000;

/** "WO-AK" (annex part I, item 6): obtained or produced in any Party only from materials or products that are WO under Article 6. */
const WO_AK =
  'WO or PE and Declared(akfta_wo_ak, "the good is obtained or produced in the territory of one or more Parties exclusively from materials or products that are wholly obtained (Article 6) in a Party")';
/** Fabrics the Chapter 62-63 provisos name: 50.07, 51.11-51.13, 52.08-52.12, 53.09-53.11, 54.07-54.08, 55.12-55.16, 58.01-58.02, 60.01-60.06. */
const FABRICS = '[h5007, h5111..h5113, h5208..h5212, h5309..h5311, h5407..h5408, h5512..h5516, h5801..h5802, h6001..h6006]';
const CUT_SEWN_ANY_PARTY = 'Declared(akfta_cut_sewn_in_parties, "the good is both cut and sewn in the territory of one or more AKFTA Parties")';
const DYEING =
  'CTH or Process(printing) or Process(dyeing) and Declared(akfta_dyeing_two_operations, "the dyeing was accompanied by at least two preparatory or finishing operations") or RVC(40% FOB)';
const MILK = (scope: string) =>
  `CTH and Declared(akfta_milk_non_party_weight, "the materials of or from milk imported from a non-Party do not exceed 50 % by weight of all materials of or from milk used to produce the good of ${scope}") or RVC(45% FOB)`;

type Translation = { rule: string; note?: string; incomplete?: string };

/** Hand translations, keyed by the normalised criterion (or part of an A/B or carve-out row). */
export const OVERRIDES: Record<string, Translation> = {
  'CTH, với điều kiện trọng lượng các nguyên liệu sữa/từ sữa nhập khẩu từ một nước không phải là thành viên không được vượt quá 50% trọng lượng của toàn bộ nguyên liệu sữa/từ sữa để sản xuất ra sản phẩm của Nhóm 04.03; hoặc RVC 45%':
    {
      rule: MILK('heading 04.03'),
      note: 'The weight proviso concerns milk materials imported from a non-Party, a distinction by source and nature the bill of materials does not carry: it is a declaration.',
    },
  'CTH, với điều kiện trọng lượng các nguyên liệu sữa/từ sữa nhập khẩu từ một nước không phải nước thành viên không được vượt quá 50% trọng lượng của toàn bộ nguyên liệu sữa/từ sữa để sản xuất ra sản phẩm thuộc Phân nhóm 0406.30; hoặc RVC 45%':
    {
      rule: MILK('subheading 0406.30'),
      note: 'The weight proviso concerns milk materials imported from a non-Party, a distinction by source and nature the bill of materials does not carry: it is a declaration.',
    },
  'CTH, với điều kiện trị giá nguyên liệu không có xuất xứ của Nhóm 24.03 không vượt quá 60% trị giá FOB của sản phẩm': {
    rule: 'CTH and MaxNOM(60% FOB, of: h2403)',
  },
  'CTH; hoặc việc in hay nhuộm phải đi kèm với ít nhất hai công đoạn sơ chế hoặc hoàn thiện sản phẩm; hoặc RVC 40%': {
    rule: DYEING,
    note: 'The middle alternative ("printing or dyeing accompanied by at least two preparatory or finishing operations") is read as Process(printing) (whose definition carries the two operations) or dyeing with a declaration of the two operations.',
  },
  'CC; với điều kiện hàng hóa được cắt và khâu tại lãnh thổ của bất kỳ nước thành viện nào; hoặc RVC 40%': {
    rule: `CC and ${CUT_SEWN_ANY_PARTY} or RVC(40% FOB)`,
    note: 'Printed with a semicolon after "CC" and "thành viện" for "thành viên"; read as the Chapter 62 rule "CC, provided that the good is cut and sewn in the territory of any Party; or RVC 40%". Cutting and sewing may take place in any Party, so it is a declaration rather than an operation of the exporter.',
  },
  'CC, với điều kiện sản phẩm được cắt và khâu tại lãnh thổ của bất kì nước thành viên nào; hoặc RVC 40%': {
    rule: `CC and ${CUT_SEWN_ANY_PARTY} or RVC(40% FOB)`,
    note: 'Cutting and sewing may take place in any Party (not only the exporting one), so it is a declaration rather than an operation of the exporter.',
  },
  'CC, với điều kiện vải của Nhóm 50.07, từ Nhóm 51.11 đến Nhóm 51.13, từ Nhóm 52.08 đến Nhóm 52.12, từ Nhóm 53.09 đến Nhóm 53.11, từ Nhóm 54.07 đến Nhóm 54.08, từ Nhóm 55.12 đến Nhóm 55.16, từ Nhóm 58.01 đến Nhóm 58.02, từ Nhóm 60.01 đến Nhóm 60.06 có xuất xứ tại lãnh thổ của bất kì nước thành viên nào và sản phẩm được cắt và khâu tại lãnh thổ của bất kì nước thành viên nào; hoặc RVC 40%':
    {
      rule: `CC and WOMaterials(${FABRICS}) and ${CUT_SEWN_ANY_PARTY} or RVC(40% FOB)`,
      note: 'The fabrics named must originate in a Party: WOMaterials(...) is read in its engine meaning, no non-originating material of those headings (originating fabric of another Party counts through accumulation, Article 10). Cutting and sewing in any Party is a declaration.',
    },
  'CC, với điều kiện vải của Nhóm 50.07, từ Nhóm 51.11 đến Nhóm 51.13, từ Nhóm 52.08 đến Nhóm 52.12, từ Nhóm 53.09 đến Nhóm 53.11, từ Nhóm 54.07 đến Nhóm 54.08, từ Nhóm 55.12 đến Nhóm 55.16, từ Nhóm 58.01 đến Nhóm 58.02, từ Nhóm 60.01 đến Nhóm 60.06 có xuất xứ và sản phẩm được cắt và khâu tại lãnh thổ nước thành viên xuất khẩu; hoặc RVC 40%':
    {
      rule: `CC and WOMaterials(${FABRICS}) and Process(cutting_sewing) or RVC(40% FOB)`,
      note: 'The fabrics named must be originating (WOMaterials: no non-originating material of those headings) and the good cut and sewn in the exporting Party, an operation of the exporter (Process(cutting_sewing)). "tại lãnh thổ nước thành viên xuất khẩu" is read as qualifying the cutting and sewing; if it also required the fabric to originate in the exporting Party itself, originating fabric of another Party would not count.',
    },
  'Chuyển đổi sang các loại gạch, đá tráng men của Nhóm 69.07 từ các loại gạch, đá không tráng men thuộc Nhóm 69.07; hoặc CTH; hoặc RVC 40%': {
    rule: '(CTH(allow: h6907) and Declared(akfta_6907_glazed_from_unglazed, "the good is glazed tiles or stones of heading 69.07 and every non-originating material of heading 69.07 used is unglazed tiles or stones")) or CTH or RVC(40% FOB)',
    note: 'First alternative: a change to glazed tiles of 69.07 from unglazed tiles of 69.07; materials of other headings are read as free (as under the CTH alternative), the nature of the 69.07 materials is declared.',
  },
  'Chuyển sang mạch điện tử tích hợp nhiều thành phần (MCOs) từ hàng hóa không phải là MCOs của Nhóm 85.42; hoặc CTH; hoặc RVC 40%': {
    rule: '(CTH(allow: h8542) and Declared(akfta_8542_mco, "the good is a multi-component integrated circuit (MCO) and no non-originating material of heading 85.42 used is itself an MCO")) or CTH or RVC(40% FOB)',
    note: 'First alternative: a change to multi-component integrated circuits (MCOs) from goods of 85.42 that are not MCOs; materials of other headings are read as free (as under the CTH alternative), the MCO conditions are declared.',
  },
  'Chuyển đổi sang Phân nhóm 8517.71 từ bên trong Phân nhóm này hoặc CTSH; hoặc RVC 40%@851779': {
    rule: 'CTSH or RVC(40% FOB)',
    incomplete:
      'The first alternative printed for 8517.79 reads "a change to subheading 8517.71 from within this subheading", naming 8517.71 instead of the product\'s own 8517.79 (probably a misprint). Read literally it cannot apply to a good of 8517.79; read as 8517.79 it would also allow non-originating materials of 8517.79. A good failing CTSH and RVC 40 % is therefore undetermined.',
    note: 'Only the alternatives that are unambiguous are encoded; see incomplete.',
  },
  'CTSH, ngoại trừ từ muối của triethanolamine thuộc Phân nhóm 2922.19; hoặc RVC 40%': {
    rule: 'CTSH and Declared(akfta_292215_no_tea_salts, "no non-originating salts of triethanolamine of subheading 2922.19 are used") or RVC(40% FOB)',
    note: 'The exclusion names the salts of triethanolamine only, not every good of 2922.19, so it is a declaration rather than CTSH(except: sh292219).',
  },
  // Korean carve-out of 1904.90 (part for HSK 1904.90-1010 and -1090).
  'CTH, với điều kiện quy định De minimis không áp dụng cho nguyên liệu không có xuất xứ được nhập khẩu từ một nước không phải nước thành viên dùng để sản xuất ra sản phẩm trừ khi nguyên liệu không có xuất xứ đó có mã HS 6 số khác với mã HS 6 số của thành phẩm; hoặc RVC 40%':
    {
      rule: 'CTH and Declared(akfta_190490_no_deminimis_same_subheading, "no non-originating material imported from a non-Party and classified in the same 6-digit subheading as the good is used (the de minimis rule of Article 13 does not apply to such materials)") or RVC(40% FOB)',
      note: 'The proviso withdraws the de minimis rule for non-Party materials of the good\'s own 6-digit subheading; the engine cannot withdraw the tolerance for one row, so the condition is a declaration.',
    },
};

/** 8517.61 / 8517.62 part A: "Chuyển đổi từ thiết bị truyền dẫn thuộc Phân nhóm X hoặc CTSH". */
function transmissionChange(sub: string): Translation {
  const sh = `sh${sub.replace('.', '')}`;
  return {
    rule: `(CTSH(allow: ${sh}) and Declared(akfta_${sub.replace('.', '')}_from_transmission, "every non-originating material of subheading ${sub} used is transmission apparatus")) or CTSH or RVC(40% FOB)`,
    note: `First alternative: a change from transmission apparatus of ${sub}; materials of other subheadings are read as free (as under CTSH), the nature of the ${sub} materials is declared.`,
  };
}

/** Normalises spacing and the "WO- AK" printing; drops a final full stop. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/WO- AK/g, 'WO-AK').trim().replace(/\.$/, '');
}

/** "Chương 3", "các Chương 1, 2, và 5", "các Nhóm 10.03 và 10.06", "Nhóm 04.01 đến Nhóm 04.04, và từ các Chương 10 và 11", "các Phân nhóm 1211.20, 1302.14 và 1302.19", "Nhóm 1212.21". */
export function selectorList(list: string): string[] {
  const out: string[] = [];
  for (const part of list.split(/, và từ |, từ /)) {
    let m: RegExpMatchArray | null;
    const p = part.trim().replace(/^từ /, '');
    if ((m = p.match(/^(?:các )?Chương ([\d ,và]+)$/))) {
      for (const c of (m[1] ?? '').split(/,|và/).map((x) => x.trim()).filter(Boolean)) out.push(`ch${c.padStart(2, '0')}`);
    } else if ((m = p.match(/^[Nn]hóm (\d\d)\.(\d\d) đến [Nn]hóm (\d\d)\.(\d\d)$/))) out.push(`h${m[1]}${m[2]}..h${m[3]}${m[4]}`);
    else if ((m = p.match(/^(?:các )?(?:[Pp]hân nhóm|[Nn]hóm) ([\d., và]+)$/))) {
      for (const c of (m[1] ?? '').split(/,|và/).map((x) => x.trim()).filter(Boolean)) {
        if (/^\d\d\.\d\d$/.test(c)) out.push(`h${c.replace('.', '')}`);
        else if (/^\d{4}\.\d\d$/.test(c)) out.push(`sh${c.replace('.', '')}`);
        else throw new Error(`unreadable code "${c}" in "${list}"`);
      }
    } else throw new Error(`unreadable material list "${list}"`);
  }
  return out;
}
const sel = (s: string[]): string => (s.length === 1 ? (s[0] ?? '') : `[${s.join(', ')}]`);

/** One alternative (no "hoặc" at top level) → expression. */
function alternative(alt: string): string {
  let m: RegExpMatchArray | null;
  if (alt === 'WO') return 'WO';
  if (alt === 'WO-AK') return WO_AK;
  if ((m = alt.match(/^(CC|CTH|CTSH)$/))) return m[1] ?? alt;
  if ((m = alt.match(/^RVC (\d+)%$/))) return `RVC(${m[1]}% FOB)`;
  if ((m = alt.match(/^(CC|CTH|CTSH) \+ RVC (\d+)%$/))) return `${m[1]} and RVC(${m[2]}% FOB)`;
  if ((m = alt.match(/^(CC|CTH|CTSH), ngoại trừ từ (.+)$/))) return `${m[1]}(except: ${sel(selectorList(m[2] ?? ''))})`;
  if ((m = alt.match(/^(CC|CTH|CTSH|RVC \d+%), với điều kiện nguyên liệu (?:của|từ) (.+?) (?:đạt(?: được)? WO(?:-AK)?|có xuất xứ tại lãnh thổ của bất kì nước thành viên nào)$/))) {
    const head = (m[1] ?? '').startsWith('RVC') ? alternative(m[1] ?? '') : (m[1] ?? '');
    return `${head} and WOMaterials(${sel(selectorList(m[2] ?? ''))})`;
  }
  if ((m = alt.match(/^Chuyển đổi sang Phân nhóm (\d{4}\.\d\d) từ bên trong Phân nhóm này$/))) return `CTSH(allow: sh${(m[1] ?? '').replace('.', '')})`;
  throw new Error(`criterion not covered by the grammar: "${alt}"`);
}

/** A whole criterion (or one part of an A/B row) → expression. */
export function translate(text: string, scope: string): Translation {
  const t = normalise(text);
  // The fabric lists are printed with "Nhóm" and "nhóm" mixed; the overrides are keyed on "Nhóm".
  const o = OVERRIDES[`${t}@${scope}`] ?? OVERRIDES[t] ?? OVERRIDES[t.replace(/(?<!Phân )\bnhóm\b/g, 'Nhóm')];
  if (o) return o;
  let m: RegExpMatchArray | null;
  if ((m = t.match(/^Chuyển đổi từ thiết bị truyền dẫn thuộc Phân nhóm (\d{4}\.\d\d) hoặc CTSH; hoặc RVC 40%$/))) return transmissionChange(m[1] ?? '');
  // "Chuyển đổi sang Phân nhóm X từ bên trong Phân nhóm này hoặc CTSH": X must be the product's own subheading.
  if ((m = t.match(/^Chuyển đổi sang Phân nhóm (\d{4})\.(\d\d) từ/)) && `${m[1]}${m[2]}` !== scope)
    throw new Error(`"${t}" names subheading ${m[1]}.${m[2]} for a good of ${scope}: needs a hand translation`);
  const alts = t.split(/;\s*hoặc\s+|\s+hoặc\s+(?=(?:CC|CTH|CTSH|RVC)\b)/).map((a) => a.trim());
  const rule = alts.map(alternative).join(' or ');
  const notes: string[] = [];
  if (/WOMaterials/.test(rule) && /đạt/.test(t))
    notes.push(
      'A proviso that materials "đạt WO / WO-AK" (are wholly obtained in a Party) is WOMaterials(...): the engine treats a material as meeting it when it is originating with evidence, which is wider than wholly obtained where an originating material of those codes could qualify other than by WO.',
    );
  if (/WOMaterials/.test(rule) && /có xuất xứ/.test(t)) notes.push('"có xuất xứ tại lãnh thổ của bất kì nước thành viên nào" (originating in any Party) is WOMaterials(...): no non-originating material of those codes.');
  if (/Nhóm 1212\.21/.test(t)) notes.push('"Nhóm 1212.21" is printed with the word for heading but a subheading code; read as subheading 1212.21.');
  if (/CTSH\(allow/.test(rule)) notes.push('"Chuyển đổi sang Phân nhóm X từ bên trong Phân nhóm này hoặc CTSH" (a change to X from within X or from any other subheading) is CTSH(allow: X): non-originating materials of the product\'s own subheading may also be used.');
  if (/WO-AK/.test(t) && !/đạt/.test(t.replace(/^WO-AK/, ''))) notes.push('WO-AK (annex part I, item 6): WO in the exporting Party, or produced in a Party exclusively from materials wholly obtained in any Party, which is declared.');
  return { rule, ...(notes.length ? { note: notes.join(' ') } : {}) };
}

type Part = { ex?: string; text: string };

/** Splits rows that carry different criteria for parts of the code. */
export function splitParts(text: string, shown: string): Part[] {
  const t = normalise(text);
  let m: RegExpMatchArray | null;
  if ((m = t.match(/^A\. Đối với (.+?): (.+?) B\. Đối với (.+?): (.+)$/)))
    return [
      { ex: `A. ${m[1]}`, text: m[2] ?? '' },
      { ex: `B. ${m[3]}`, text: m[4] ?? '' },
    ];
  if ((m = t.match(/^Riêng với (?:các )?mã HS (.+?) của Hàn Quốc: (.+?)\. Đối với các mã HS khác: (.+)$/)))
    return [
      { ex: `Korean tariff lines (HSK) ${(m[1] ?? '').replace(/ và /g, ' and ')} only ("Riêng với ... của Hàn Quốc")`, text: m[2] ?? '' },
      { ex: `Other goods of ${shown} ("Đối với các mã HS khác")`, text: m[3] ?? '' },
    ];
  return [{ text: t }];
}

/** English labels of the A/B parts (the Vietnamese label is kept in `ex` after it). */
const PART_EN: Record<string, string> = {
  'A. húng tây, cỏ xạ hương; lá nguyệt quế': 'thyme; bay leaves',
  'A. bột gạo, bột lúa mạch đen': 'rice flour, rye flour',
  'A. rong biển chế biến sẵn': 'prepared seaweed',
  'A. nguyên liệu thay thế lá thuốc lá đã chế biến': 'processed tobacco substitutes',
  'A. tấm, pa-nen, ngói và các sản phẩm tương tự khác': 'sheets, panels, tiles and similar articles',
  'A. máy hút bụi gia dụng': 'household vacuum cleaners',
  'A. thiết bị truyền dẫn có gắn máy thu': 'transmission apparatus incorporating reception apparatus',
  'A. đầu quay đĩa có cơ chế đổi đĩa tự động': 'record decks with automatic record-changing mechanism',
  'A. máy thu hình màu dùng trong truyền hình': 'colour television receivers',
  'A. ống hiển thị dữ liệu/đồ họa, đơn sắc': 'data/graphic display tubes, monochrome',
  'A. ống đèn Klystrons': 'klystrons',
  'A. máy cung cấp năng lượng cho hàng rào điện tử': 'electric fence energisers',
  'A. hộp số': 'gear boxes',
  'A. cầu chủ động có vi sai và cầu bị động': 'drive-axles with differential and non-driving axles',
  'A. hệ thống giảm chấn (kể cả giảm sóc)': 'suspension systems (including shock absorbers)',
  'A. két nước làm mát': 'radiators',
  'A. ống xả và bộ giảm thanh': 'silencers (mufflers) and exhaust pipes',
  'B. hàng hóa khác': 'other goods',
  'B. các bộ phận của hộp số': 'parts of gear boxes',
  'B. các bộ phận của cầu chủ động có vi sai và các cầu bị động': 'parts of drive-axles with differential and of non-driving axles',
  'B. các bộ phận của hệ thống giảm chấn (kể cả giảm sóc)': 'parts of suspension systems (including shock absorbers)',
  'B. các bộ phận của két nước làm mát': 'parts of radiators',
  'B. các bộ phận của ống xả và bộ giảm thanh': 'parts of silencers (mufflers) and exhaust pipes',
};

function main(): void {
  const desc = hsDescriptions('HS2022');
  const rows: PsrRow[] = [];
  const texts = new Map<string, { rule: string; note?: string; incomplete?: string; count: number; first: string }>();
  let expected = 1;
  const listed: { stt: number; scope: string; offset: number; next?: number }[] = [];
  for (const { offset, line } of readTranscript(TRANSCRIPT)) {
    if (line.startsWith('+')) {
      const last = listed[listed.length - 1];
      if (!last) throw new Error('"+" before any row');
      last.next = Number(line.slice(1).trim());
      continue;
    }
    const m = line.match(/^(\d+) (Chương \d\d|\d\d\.\d\d|\d{4}\.\d\d) :: (.+)$/);
    if (!m || offset < 0) throw new Error(`malformed transcript line: ${line}`);
    const stt = Number(m[1]);
    if (stt !== expected) throw new Error(`STT ${stt} out of order (expected ${expected})`);
    expected++;
    const code = m[2] ?? '';
    const scope = code.startsWith('Chương') ? code.slice(7) : code.replace('.', '');
    listed.push({ stt, scope, offset });
    (listed[listed.length - 1] as { text?: string }).text = m[3];
  }
  const seen = new Set<string>();
  for (const r of listed) {
    const text = (r as { text?: string }).text ?? '';
    if (seen.has(r.scope)) throw new Error(`code ${r.scope} listed twice`);
    seen.add(r.scope);
    const shown = r.scope.length === 2 ? `Chương ${r.scope}` : r.scope.length === 4 ? `${r.scope.slice(0, 2)}.${r.scope.slice(2)}` : `${r.scope.slice(0, 4)}.${r.scope.slice(4)}`;
    const end = (r.next ?? r.offset) + WINDOW;
    const cite = { source: SOURCE_ID, ref: `Phụ lục I, STT ${r.stt}, ${shown}, ${SOURCE_PATH}, characters ${r.offset}-${end}` };
    const parts = splitParts(text, shown);
    parts.forEach((p, i) => {
      const t = translate(p.text, r.scope);
      const parsed = parseRuleExpression(t.rule);
      if (!parsed.success) throw new Error(`expression for "${p.text}" does not parse: ${parsed.issue.message}`);
      const key = p.ex ? `${p.ex}: ${normalise(p.text)}` : normalise(p.text);
      const entry = texts.get(key) ?? { ...t, count: 0, first: shown };
      entry.count++;
      texts.set(key, entry);
      const en = p.ex ? (PART_EN[p.ex] ?? (p.ex.startsWith('Korean') || p.ex.startsWith('Other goods') ? undefined : null)) : undefined;
      if (en === null) throw new Error(`no English label for part "${p.ex}"`);
      const exLabel = p.ex ? (en ? `${p.ex.slice(0, 2)} ${en} (${p.ex.slice(3)})` : p.ex) : undefined;
      const partNote =
        p.ex && p.ex.startsWith('Korean')
          ? 'The annex gives this rule only for the Korean 10-digit tariff lines named (HSK); Form AK Overleaf Note 7 takes the HS number of the importing Party. Choose this part only for goods classified under those Korean lines.'
          : p.ex && p.ex.startsWith('Other goods')
            ? 'The annex gives a separate rule for the Korean 10-digit tariff lines it names (the other "ex" row of this code); this part covers every other good of the code. The caller chooses the part.'
            : p.ex
            ? 'The annex splits the rule for this code by product (parts A and B): one "ex" row per part; the caller chooses the part.'
            : undefined;
      const note = [partNote, t.note].filter(Boolean).join(' ');
      rows.push({
        id: parts.length > 1 ? `${r.scope}.${i + 1}` : r.scope,
        scope: r.scope,
        ...(exLabel ? { ex: exLabel } : {}),
        description: desc.get(r.scope) ?? '',
        rule: t.rule,
        text: normalise(text),
        cite,
        ...(note ? { note } : {}),
        ...(t.incomplete ? { incomplete: t.incomplete } : {}),
      });
    });
  }
  if (expected !== 536) throw new Error(`transcript ends at STT ${expected - 1}, expected 535`);
  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'akfta', hsVersion: 'HS2022', rows, gaps: [] };
  writeFileSync(join(dir, 'psr.json'), `${JSON.stringify(psr, null, 2)}\n`);
  const levels = { chapter: 0, heading: 0, subheading: 0 };
  for (const r of listed) levels[r.scope.length === 2 ? 'chapter' : r.scope.length === 4 ? 'heading' : 'subheading']++;
  const chapters = [...new Set(listed.map((r) => r.scope.slice(0, 2)))].sort();
  const provisoChapters = [...new Set(rows.filter((r) => /WOMaterials|Process\(cutting_sewing\)/.test(r.rule)).map((r) => r.scope.slice(0, 2)))].sort();
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const report = [
    '# AKFTA PSR import report',
    '',
    `Generated by \`rules/tools/import-akfta.ts\` from \`source/psr.transcript.txt\` (Circular 49/2025/TT-BCT, Phụ lục I, mục II, HS 2022).`,
    '',
    `- List rows (STT) read: ${listed.length} (1-535 in sequence, each code once): ${levels.chapter} chapter rows, ${levels.heading} heading rows, ${levels.subheading} subheading rows.`,
    `- Rows written to psr.json: ${rows.length} (${rows.filter((r) => r.ex).length} "ex" rows: ${rows.filter((r) => r.ex).length / 2} codes split into two parts).`,
    `- Rows marked incomplete: ${rows.filter((r) => r.incomplete).length} (${rows.filter((r) => r.incomplete).map((r) => r.scope).join(', ') || 'none'}).`,
    `- Chapters with at least one row: ${chapters.length} (${chapters.join(', ')}).`,
    `- Chapters with a row whose proviso the engine's tolerance could absorb (WOMaterials or Process(cutting_sewing)): ${provisoChapters.join(', ')}; see agreement.json tolerance.uncertainChapters.`,
    `- Distinct criteria (parts counted separately): ${texts.size}; hand translations (overrides): ${Object.keys(OVERRIDES).length}.`,
    '- Gaps: none. Codes the list does not name follow the general rule of Article 7(1) (agreement.json `generalRule`), which the engine applies in chapters declared complete.',
    '',
    '## Reading notes',
    '',
    '- Abbreviations as defined in Phụ lục I, part I: RVC = regional value content by the formula of Article 7(2), not less than the percentage (FOB basis) → `RVC(n% FOB)`; CC / CTH / CTSH = change of chapter / heading / subheading; WO = Article 6; WO-AK = obtained or produced in any Party only from WO materials or products. "A; hoặc B" and "A hoặc B" → `A or B`; "X + RVC n%" → `X and RVC(n% FOB)`; "ngoại trừ từ Nhóm …" → `(except: …)`.',
    '- The RVC definition adds that the last production process is performed in a Party; the exporter\'s own production satisfies it and it is not encoded separately.',
    '- Rows split by product ("A. Đối với …: … B. Đối với hàng hóa khác: …") and the four rows with a carve-out for Korean 10-digit lines ("Riêng với mã HS … của Hàn Quốc: … Đối với các mã HS khác: …": 1901.90, 1904.90, 2005.99, 2103.90) are two "ex" rows each; the caller chooses (subdivision).',
    '- Source misprints are kept in `text`: "WO- AK" (normalised for parsing), "thành viện" (Chapter 61), "đạt được WO-AK" (2008.19), "Nhóm 1212.21" (a subheading code), and 8517.79 naming 8517.71 (row marked incomplete).',
    '',
    '## Criteria',
    '',
    '| rows | first | criterion (verbatim, normalised spacing) | expression | note |',
    '|---|---|---|---|---|',
    ...[...texts].map(([text, e]) => `| ${e.count} | ${e.first} | ${esc(text)} | \`${esc(e.rule)}\` | ${esc([e.note, e.incomplete ? `INCOMPLETE: ${e.incomplete}` : ''].filter(Boolean).join(' '))} |`),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'import-report.md'), report);
  console.log(`psr.json: ${rows.length} rows from ${listed.length} list rows; ${texts.size} distinct criteria; proviso chapters ${provisoChapters.join(',')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
