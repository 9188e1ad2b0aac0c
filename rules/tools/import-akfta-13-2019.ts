/**
 * Maintainer tool: turns the transcript of the earlier AKFTA product-specific list
 * (the Phụ lục of Circular 13/2019/TT-BCT, HS 2017, applied from 13 September 2019
 * until 30 April 2026) into `rules/akfta/psr-13-2019.json` and
 * `rules/akfta/import-report-13-2019.md`.
 *
 *   npx tsx rules/tools/import-akfta-13-2019.ts     (HS 2017 descriptions from ../shared)
 *
 * Input: `rules/akfta/source/psr-13-2019.transcript.txt` (layout in its header):
 * "<STT> <code> :: <criterion>" per numbered row, "@ <offset>" for the read window
 * a row starts in, "+ <offset>" when the row above runs on into the next window.
 *
 * Like the current list, this one is selective: goods it does not name fell under the
 * general rule (RVC 40 % or CTH), which the engine takes from agreement.json
 * `generalRule`. Criteria are structured by a small grammar over the abbreviations the
 * list defines in its item 1 (RVC, CC, CTH, CTSH, WO, WO-AK) and the wording of its
 * provisos; rows that give one rule per product ("A. … B. …") or a separate rule for
 * named Korean 10-digit lines become "ex" rows. A criterion neither the grammar nor a
 * hand translation (HAND) covers stops the import: nothing is guessed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import type { PsrRow } from '../../src/rules/schema.js';
import { ROOT, hsDescriptions, problemsSection, readTranscript, rowsPerChapter, finishImport } from './kit.js';

const DIR = join(ROOT, 'rules/akfta');
const TRANSCRIPT = join(DIR, 'source/psr-13-2019.transcript.txt');
const OUT_PSR = 'psr-13-2019.json';
const OUT_REPORT = 'import-report-13-2019.md';
const SOURCE_ID = 'circ-13-2019-certo';
const SOURCE_COMMIT = 'f341a094209fb96ac3cdc2f551ebfde043387f06';
const SOURCE_PATH =
  'docs/legal/wiki/13-2019-tt-bct-thong-tu-sua-oi-bo-sung-mot-so-ieu-cua-thong-tu-so-20-2014-tt-bct-ngay-25-thang-6-nam-2014-cua-bo-truong-.md';
const SOURCE_CHARS = 242282;
const WINDOW = 16000;
const LAST_STT = 575;

type Reading = { rule: string; note?: string; incomplete?: string };

// ---------------------------------------------------------------------------
// Building blocks of the expressions
// ---------------------------------------------------------------------------

/** WO-AK (list item 1(e)): obtained or produced in any AKFTA Party only from WO materials or products. */
const WOAK =
  'WO or PE and Declared(akfta_wo_ak, "the good is obtained or produced in the territory of one or more Parties exclusively from materials or products that are wholly obtained (Article 3 of Phụ lục I to Circular 20/2014/TT-BCT) in a Party")';
const CUT_SEWN_PARTIES = 'Declared(akfta_cut_sewn_in_parties, "the good is both cut and sewn in the territory of one or more AKFTA Parties")';
/** The fabric headings the Chapter 62-63 provisos name (50.07, 51.11-51.13, 52.08-52.12, 53.09-53.11, 54.07-54.08, 55.12-55.16, 58.01-58.02, 60.01-60.06). */
const FABRIC_HEADINGS = '[h5007, h5111..h5113, h5208..h5212, h5309..h5311, h5407..h5408, h5512..h5516, h5801..h5802, h6001..h6006]';

function milkRule(what: string): string {
  return `CTH and Declared(akfta_milk_non_party_weight, "the materials of or from milk imported from a non-Party do not exceed 50 % by weight of all materials of or from milk used to produce the good of ${what}") or RVC(45% FOB)`;
}

const MILK_NOTE =
  'The weight limit applies to milk materials imported from a non-Party, a split by source and by nature that a bill of materials does not carry; it is therefore declared.';
const FABRIC_PREFIX = 'CC, với điều kiện vải thuộc Nhóm 50.07, từ Nhóm 51.11 cho đến Nhóm 51.13, từ Nhóm 52.08 cho đến Nhóm 52.12, từ Nhóm 53.09 cho đến Nhóm 53.11, từ Nhóm 54.07 cho đến Nhóm 54.08, từ Nhóm 55.12 cho đến Nhóm 55.16, từ Nhóm 58.01 cho đến Nhóm 58.02, từ Nhóm 60.01 cho đến Nhóm 60.06';

/**
 * Hand translations, keyed by the criterion (or one part of it) with spacing normalised and the word "nhóm" (heading)
 * capitalised where it is not part of "Phân nhóm", because the fabric lists print it both ways.
 */
const HAND: Record<string, Reading> = {
  'CTH, với điều kiện trọng lượng các nguyên liệu sữa/từ sữa nhập khẩu từ một nước không phải là thành viên không được vượt quá 50% trọng lượng của toàn bộ nguyên liệu sữa/từ sữa để sản xuất ra sản phẩm thuộc Nhóm 04.03; hoặc RVC 45%':
    { rule: milkRule('heading 04.03'), note: MILK_NOTE },
  'CTH, với điều kiện trọng lượng các nguyên liệu sữa/từ sữa nhập khẩu từ một nước không phải là thành viên không được vượt quá 50% trọng lượng của toàn bộ nguyên liệu sữa/từ sữa để sản xuất ra sản phẩm thuộc Phân nhóm 0406.30; hoặc RVC 45%':
    { rule: milkRule('subheading 0406.30'), note: MILK_NOTE },
  'CTH, với điều kiện trị giá của nguyên liệu không có xuất xứ thuộc Nhóm 24.03 không vượt quá 60% trị giá FOB của sản phẩm': {
    rule: 'CTH and MaxNOM(60% FOB, of: h2403)',
    note: 'The value limit on non-originating materials of heading 24.03 is MaxNOM over that heading; there is no RVC alternative.',
  },
  'CTH; hoặc việc in hay nhuộm phải đi kèm với ít nhất hai công đoạn sơ chế hoặc hoàn thiện sản phẩm; hoặc RVC 40%': {
    rule: 'CTH or Process(printing) or Process(dyeing) and Declared(akfta_dyeing_two_operations, "the dyeing was accompanied by at least two preparatory or finishing operations") or RVC(40% FOB)',
    note: 'Middle alternative (printing or dyeing together with at least two preparatory or finishing operations): Process(printing), whose definition includes the two operations, or Process(dyeing) with the two operations declared.',
  },
  'CC, với điều kiện sản phẩm được cắt và khâu tại lãnh thổ của bất kì nước thành viên nào; hoặc RVC 40%': {
    rule: `CC and ${CUT_SEWN_PARTIES} or RVC(40% FOB)`,
    note: 'Cutting and sewing may be done in any Party, not only by the exporter, so the condition is declared.',
  },
  [`${FABRIC_PREFIX} phải có xuất xứ và sản phẩm được cắt và khâu tại lãnh thổ nước thành viên xuất khẩu; hoặc RVC 40%`]: {
    rule: `CC and WOMaterials(${FABRIC_HEADINGS}) and Process(cutting_sewing) or RVC(40% FOB)`,
    note: 'The named fabrics must be originating: WOMaterials over those headings (no non-originating fabric of them). Cutting and sewing in the exporting Party is an operation of the exporter: Process(cutting_sewing). The phrase "tại lãnh thổ nước thành viên xuất khẩu" is read as bearing on the cutting and sewing; if it also required the fabric to originate in the exporting Party itself, fabric originating in another Party would not count.',
  },
  [`${FABRIC_PREFIX} phải có xuất xứ tại lãnh thổ của bất kì nước thành viên nào và sản phẩm được cắt và khâu tại lãnh thổ của bất kì nước thành viên nào; hoặc RVC 40%`]: {
    rule: `CC and WOMaterials(${FABRIC_HEADINGS}) and ${CUT_SEWN_PARTIES} or RVC(40% FOB)`,
    note: 'The named fabrics must originate in a Party: WOMaterials over those headings in its engine sense (no non-originating fabric of them; fabric of another Party counts through accumulation). Cutting and sewing in any Party is declared.',
  },
  'Chuyển đổi đến các loại gạch, đá tráng men thuộc Nhóm 69.07 từ các loại gạch, đá không tráng men thuộc Nhóm 69.07; hoặc CTH; hoặc RVC 40%': {
    rule: '(CTH(allow: h6907) and Declared(akfta_6907_glazed_from_unglazed, "the good is glazed tiles or stones of heading 69.07 and every non-originating material of heading 69.07 used is unglazed tiles or stones")) or CTH or RVC(40% FOB)',
    note: 'First alternative: glazed tiles of 69.07 made from unglazed tiles of 69.07; materials of other headings are free as under CTH, and the nature of the 69.07 materials is declared.',
  },
  'Chuyển sang mạch điện tử tích hợp nhiều thành phần (MCOs) từ hàng hóa không phải là MCOs thuộc Nhóm 8542; hoặc CTH; hoặc RVC 40%': {
    rule: '(CTH(allow: h8542) and Declared(akfta_8542_mco, "the good is a multi-component integrated circuit (MCO) and no non-originating material of heading 85.42 used is itself an MCO")) or CTH or RVC(40% FOB)',
    note: 'The heading is printed "Nhóm 8542" (without the dot). First alternative: MCOs made from goods of 85.42 that are not MCOs; materials of other headings are free as under CTH, the MCO conditions are declared.',
  },
  'CTSH, ngoại trừ từ muối của triethanolamine thuộc Phân nhóm 2922.19; hoặc RVC 40%': {
    rule: 'CTSH and Declared(akfta_292215_no_tea_salts, "no non-originating salts of triethanolamine of subheading 2922.19 are used") or RVC(40% FOB)',
    note: 'Only the salts of triethanolamine within 2922.19 are excluded, not the whole subheading, so the exclusion is declared rather than written CTSH(except: sh292219).',
  },
  // The Korean part of 1904.90 (HSK 1904.90.1010 and 1904.90.1090).
  'CTH, với điều kiện nguyên tắc De minimis không áp dụng cho nguyên liệu không có xuất xứ được nhập khẩu từ một nước không phải là thành viên dùng để sản xuất ra sản phẩm trừ khi nguyên liệu không có xuất xứ đó có mã HS 6 số khác với mã HS 6 số của thành phẩm; hoặc RVC 40%':
    {
      rule: 'CTH and Declared(akfta_190490_no_deminimis_same_subheading, "no non-originating material imported from a non-Party and classified in the same 6-digit subheading as the good is used (the de minimis rule does not apply to such materials)") or RVC(40% FOB)',
      note: 'The proviso takes away the de minimis tolerance for non-Party materials of the good\'s own 6-digit subheading; the engine cannot switch the tolerance off for one row, so the condition is declared.',
    },
};

/** Part A of 8517.61 / 8517.62: "Chuyển đổi từ Bộ truyền động thuộc Phân nhóm X hoặc CTSH; hoặc RVC 40%". */
function fromTransmission(code: string): Reading {
  const sh = `sh${code.replace('.', '')}`;
  return {
    rule: `(CTSH(allow: ${sh}) and Declared(akfta_${code.replace('.', '')}_from_transmission, "every non-originating material of subheading ${code} used is transmission apparatus")) or CTSH or RVC(40% FOB)`,
    note: `First alternative: a change from the apparatus of ${code} the row names; materials of other subheadings are free as under CTSH and the nature of the ${code} materials is declared. The list prints "Bộ truyền động" (literally a drive unit) where the HS 2022 list of Circular 49/2025 has "thiết bị truyền dẫn" (transmission apparatus); read as transmission apparatus, the meaning the row needs under 8517.61/8517.62.`,
  };
}

// ---------------------------------------------------------------------------
// Grammar
// ---------------------------------------------------------------------------

export function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
}

/** The key HAND is looked up with: "nhóm" (heading) capitalised unless it follows "Phân". */
function handKey(text: string): string {
  return text.replace(/(?<!Phân )\bnhóm\b/g, 'Nhóm');
}

/** Codes lists: "Chương 12", "các Chương 1, 2, và 5", "các Nhóm 10.03 và 10.06", "Nhóm 50.04 cho đến Nhóm 50.05", "các Phân nhóm 1211.20, 1302.14 và 1302.19". */
export function materials(list: string): string[] {
  const out: string[] = [];
  for (const raw of list.split(/, và lấy từ /)) {
    const p = raw.trim().replace(/^từ /, '');
    let m: RegExpMatchArray | null;
    if ((m = p.match(/^[Nn]hóm (\d\d)\.(\d\d) cho đến [Nn]hóm (\d\d)\.(\d\d)$/))) {
      out.push(`h${m[1]}${m[2]}..h${m[3]}${m[4]}`);
      continue;
    }
    const items = (q: string) => q.split(/,\s*(?:và\s+)?|\s+và\s+/).map((x) => x.trim()).filter(Boolean);
    if ((m = p.match(/^(?:các )?Chương (.+)$/))) {
      for (const c of items(m[1] ?? '')) {
        if (!/^\d{1,2}$/.test(c)) throw new Error(`unreadable chapter "${c}" in "${list}"`);
        out.push(`ch${c.padStart(2, '0')}`);
      }
    } else if ((m = p.match(/^(?:các )?[Pp]hân nhóm (.+)$/))) {
      for (const c of items(m[1] ?? '')) {
        if (!/^\d{4}\.\d\d$/.test(c)) throw new Error(`unreadable subheading "${c}" in "${list}"`);
        out.push(`sh${c.replace('.', '')}`);
      }
    } else if ((m = p.match(/^(?:các )?[Nn]hóm (.+)$/))) {
      for (const c of items(m[1] ?? '')) {
        if (!/^\d\d\.\d\d$/.test(c)) throw new Error(`unreadable heading "${c}" in "${list}"`);
        out.push(`h${c.replace('.', '')}`);
      }
    } else throw new Error(`unreadable material list "${list}"`);
  }
  return out;
}
const selector = (s: string[]) => (s.length === 1 ? (s[0] ?? '') : `[${s.join(', ')}]`);

const SHIFT = /^(CC|CTH|CTSH)$/;

/** One alternative (no top-level "hoặc") → expression. */
function alternative(alt: string, scope: string): string {
  let m: RegExpMatchArray | null;
  if (alt === 'WO') return 'WO';
  if (alt === 'WO-AK') return WOAK;
  if (SHIFT.test(alt)) return alt;
  if ((m = alt.match(/^RVC (\d+)%$/))) return `RVC(${m[1]}% FOB)`;
  if ((m = alt.match(/^(CC|CTH|CTSH) \+ RVC (\d+)%$/))) return `${m[1]} and RVC(${m[2]}% FOB)`;
  if ((m = alt.match(/^(CC|CTH|CTSH), ngoại trừ từ (.+)$/))) return `${m[1]}(except: ${selector(materials(m[2] ?? ''))})`;
  if (
    (m = alt.match(
      /^(CC|CTH|CTSH|RVC \d+%), với điều kiện nguyên liệu (?:lấy từ|từ|thuộc) (.+?) phải (?:phải )?(?:đạt (?:được )?tiêu chí WO(?:-AK)?|có xuất xứ tại lãnh thổ của bất kì nước thành viên nào)$/,
    ))
  ) {
    const head = m[1] ?? '';
    return `${SHIFT.test(head) ? head : alternative(head, scope)} and WOMaterials(${selector(materials(m[2] ?? ''))})`;
  }
  if ((m = alt.match(/^Chuyển đổi từ (?:các loại máy và thiết bị|các bộ phận|các loại thẻ) thuộc cùng [Pp]hân nhóm (\d{4})\.(\d\d)$/))) {
    if (`${m[1]}${m[2]}` !== scope) throw new Error(`"${alt}" names subheading ${m[1]}.${m[2]} in the row of ${scope}`);
    return `CTSH(allow: sh${m[1]}${m[2]})`;
  }
  throw new Error(`criterion not covered by the grammar: "${alt}"`);
}

/** A criterion (or one part of a split row) → expression with notes. */
export function read(text: string, scope: string): Reading {
  const t = clean(text);
  const hand = HAND[handKey(t)];
  if (hand) return hand;
  let m: RegExpMatchArray | null;
  if ((m = t.match(/^Chuyển đổi từ Bộ truyền động thuộc Phân nhóm (\d{4}\.\d\d) hoặc CTSH; hoặc RVC 40%$/))) {
    if (m[1]?.replace('.', '') !== scope) throw new Error(`"${t}" names another subheading than ${scope}`);
    return fromTransmission(m[1] ?? '');
  }
  const alts = t.split(/;\s*hoặc\s+|\s+hoặc\s+(?=(?:CC|CTH|CTSH|RVC)\b)/).map((a) => a.trim());
  const rule = alts.map((a) => alternative(a, scope)).join(' or ');
  const notes: string[] = [];
  if (/WOMaterials/.test(rule) && /tiêu chí WO/.test(t))
    notes.push(
      'The proviso that materials of the named codes "phải đạt (được) tiêu chí WO / WO-AK" is WOMaterials(...): the engine accepts a material of those codes when it is originating with evidence, which is wider than the text where such a material could originate other than by being wholly obtained.',
    );
  if (/WOMaterials/.test(rule) && /có xuất xứ tại lãnh thổ/.test(t))
    notes.push('"phải có xuất xứ tại lãnh thổ của bất kì nước thành viên nào" (originating in any Party) is WOMaterials(...): no non-originating material of those codes.');
  if (/CTSH\(allow/.test(rule))
    notes.push(
      '"Chuyển đổi từ … thuộc cùng Phân nhóm X hoặc CTSH" (a change from goods of the same subheading X, or from any other subheading) is CTSH(allow: X): non-originating materials of the product\'s own subheading may be used as well.',
    );
  if (/(^|; )WO-AK(;|$)/.test(t))
    notes.push('WO-AK (list item 1(e)): wholly obtained in the exporting Party, or produced in a Party only from materials wholly obtained in any Party (declared).');
  if (/phải phải/.test(t)) notes.push('The doubled word "phải phải" is a misprint and does not change the proviso.');
  return { rule, ...(notes.length ? { note: notes.join(' ') } : {}) };
}

type Part = { label?: { vi: string; en: string }; text: string };

/** English for the product parts the list names (Vietnamese label as printed → English). */
const PART_EN: Record<string, string> = {
  'Lá húng tây, cỏ xạ hương; lá nguyệt quế': 'thyme; bay leaves',
  'Bột gạo, Bột lúa mạch đen': 'rice flour, rye flour',
  'Tấm, panen, ngói và các sản phẩm tương tự khác': 'sheets, panels, tiles and similar articles',
  'Máy hút bụi gia dụng': 'household vacuum cleaners',
  'Bộ truyền động có gắn máy thu': 'transmission apparatus incorporating reception apparatus',
  'Đầu quay đĩa có cơ chế đổi đĩa tự động': 'record decks with automatic record-changing mechanism',
  'Máy thu màu dùng trong truyền hình': 'colour television receivers',
  'Ống hiển thị dữ liệu/đồ họa, đơn sắc': 'data/graphic display tubes, monochrome',
  'Ống đèn Klystrons': 'klystrons',
  'Máy cung cấp năng lượng cho hàng rào điện': 'electric fence energisers',
  'Hộp số': 'gear boxes',
  'Cầu chủ động có vi sai và các trục không lái': 'drive-axles with differential and non-driving axles',
  'Hệ thống giảm chấn (kể cả giảm sóc)': 'suspension systems (including shock absorbers)',
  'Két nước làm mát': 'radiators',
  'Ống xả và bộ giảm thanh': 'silencers (mufflers) and exhaust pipes',
  'Loại khác': 'other goods',
  'Các sản phẩm khác': 'other goods',
};
/** Part B of the 87.08 rows is "Các bộ phận" (the parts) of what part A names. */
const PARTS_8708: Record<string, string> = {
  '870840': 'parts of gear boxes',
  '870850': 'parts of drive-axles with differential and of non-driving axles',
  '870880': 'parts of suspension systems (including shock absorbers)',
  '870891': 'parts of radiators',
  '870892': 'parts of silencers (mufflers) and exhaust pipes',
};

/** Splits a criterion giving separate rules for parts of the code. */
export function parts(text: string, scope: string, shown: string): Part[] {
  const t = clean(text);
  let m: RegExpMatchArray | null;
  if ((m = t.match(/^A\. (?:Riêng với|Đối với) (.+?): (.+?) B\. (?:Đối với )?(.+?): (.+)$/))) {
    const [a, b] = [m[1] ?? '', m[3] ?? ''];
    const en = (vi: string) => (vi === 'Các bộ phận' ? PARTS_8708[scope] : PART_EN[vi]);
    for (const vi of [a, b]) if (!en(vi)) throw new Error(`no English label for part "${vi}" of ${shown}`);
    return [
      { label: { vi: `A. ${a}`, en: `A. ${en(a)}` }, text: m[2] ?? '' },
      { label: { vi: `B. ${b}`, en: `B. ${en(b)}` }, text: m[4] ?? '' },
    ];
  }
  if ((m = t.match(/^Riêng với ((?:các )?mã HS (.+?) của Hàn Quốc): (.+?); Đối với các mã HS khác: (.+)$/))) {
    const lines = (m[2] ?? '').replace(/ và /g, ', ');
    return [
      { label: { vi: `Riêng với ${m[1]}`, en: `Korean tariff lines (HSK) ${lines} only` }, text: m[3] ?? '' },
      { label: { vi: 'Đối với các mã HS khác', en: `other goods of ${shown}` }, text: m[4] ?? '' },
    ];
  }
  return [{ text: t }];
}

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

interface Listed {
  stt: number;
  code: string;
  scope: string;
  text: string;
  offset: number;
  next?: number;
}

function readList(problems: string[]): Listed[] {
  const listed: Listed[] = [];
  const windows: number[] = [];
  for (const { offset, line } of readTranscript(TRANSCRIPT, { onWindow: (o) => windows.push(o) })) {
    if (line.startsWith('+')) {
      const last = listed[listed.length - 1];
      if (!last) throw new Error('"+" line before any row');
      last.next = Number(line.slice(1).trim());
      if (last.next !== last.offset + WINDOW) problems.push(`STT ${last.stt}: continuation window ${last.next} does not follow ${last.offset}`);
      continue;
    }
    const m = line.match(/^(\d+) (Chương \d\d|\d\d\.\d\d|\d{4}\.\d\d) :: (.+)$/);
    if (!m || offset < 0) throw new Error(`malformed transcript line: ${line}`);
    const code = m[2] ?? '';
    listed.push({ stt: Number(m[1]), code, scope: code.startsWith('Chương') ? code.slice(7) : code.replace('.', ''), text: m[3] ?? '', offset });
  }
  windows.forEach((w, i) => {
    if (w !== i * WINDOW) problems.push(`read window ${i} starts at ${w}, expected ${i * WINDOW}`);
  });
  if (windows.length !== Math.ceil(SOURCE_CHARS / WINDOW)) problems.push(`${windows.length} read windows, expected ${Math.ceil(SOURCE_CHARS / WINDOW)}`);
  listed.forEach((r, i) => {
    if (r.stt !== i + 1) problems.push(`STT ${r.stt} out of sequence (expected ${i + 1})`);
  });
  if (listed.length !== LAST_STT) problems.push(`${listed.length} rows read, expected ${LAST_STT}`);
  return listed;
}

function main(): void {
  const desc = hsDescriptions('HS2017');
  const problems: string[] = [];
  const listed = readList(problems);
  const rows: PsrRow[] = [];
  const seen = new Set<string>();
  const criteria = new Map<string, Reading & { count: number; first: string }>();
  let handUsed = 0;
  for (const r of listed) {
    if (seen.has(r.scope)) problems.push(`code ${r.code} listed twice`);
    seen.add(r.scope);
    if (!desc.has(r.scope)) problems.push(`${r.code} (STT ${r.stt}) is not a code of HS 2017`);
    // Codes above the 6-digit level must not overlap: a heading row and a subheading row of the same heading would be ambiguous.
    for (const s of seen) if (s !== r.scope && (s.startsWith(r.scope) || r.scope.startsWith(s))) problems.push(`${r.code} overlaps ${s}`);
    const end = (r.next ?? r.offset) + WINDOW;
    const cite = {
      source: SOURCE_ID,
      ref: `Phụ lục (Quy tắc cụ thể mặt hàng), STT ${r.stt}, ${r.code}; ${SOURCE_PATH} @ ${SOURCE_COMMIT}, characters ${r.offset}-${Math.min(end, SOURCE_CHARS)}`,
    };
    const ps = parts(r.text, r.scope, r.code);
    ps.forEach((p, i) => {
      let reading: Reading;
      try {
        reading = read(p.text, r.scope);
      } catch (e) {
        problems.push(`STT ${r.stt} ${r.code}: ${(e as Error).message}`);
        return;
      }
      if (HAND[handKey(clean(p.text))]) handUsed++;
      const parsed = parseRuleExpression(reading.rule);
      if (!parsed.success) {
        problems.push(`STT ${r.stt} ${r.code}: expression does not parse (${parsed.issue.message}): ${reading.rule}`);
        return;
      }
      const key = p.label ? `${p.label.vi}: ${clean(p.text)}` : clean(p.text);
      const c = criteria.get(key) ?? { ...reading, count: 0, first: r.code };
      c.count++;
      criteria.set(key, c);
      const partNote = !p.label
        ? undefined
        : p.label.en.startsWith('Korean')
          ? 'The list gives this rule only for the Korean 10-digit tariff lines it names (HSK); choose this part only for goods classified under those lines.'
          : p.label.vi === 'Đối với các mã HS khác'
            ? 'The list gives a separate rule for the Korean 10-digit lines it names (the other "ex" row of this code); this part covers every other good of the code. The caller chooses the part.'
            : 'The list gives one rule per product for this code (parts A and B): one "ex" row each, the caller chooses the part.';
      const note = [partNote, reading.note].filter(Boolean).join(' ');
      rows.push({
        id: ps.length > 1 ? `${r.scope}.${i + 1}` : r.scope,
        scope: r.scope,
        ...(p.label ? { ex: `${p.label.en} ("${p.label.vi}")` } : {}),
        description: desc.get(r.scope) ?? '',
        rule: reading.rule,
        text: clean(r.text),
        cite,
        ...(note ? { note } : {}),
        ...(reading.incomplete ? { incomplete: reading.incomplete } : {}),
      });
    });
  }

  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'akfta', hsVersion: 'HS2017', rows, gaps: [] };
  writeFileSync(join(DIR, OUT_PSR), `${JSON.stringify(psr, null, 2)}\n`);

  const agreement = JSON.parse(readFileSync(join(DIR, 'agreement.json'), 'utf8')) as { tolerance?: { uncertainChapters?: string[] } };
  const uncertain = new Set(agreement.tolerance?.uncertainChapters ?? []);
  const provisoChapters = [...new Set(rows.filter((r) => /WOMaterials|Process\(cutting_sewing\)|MaxNOM/.test(r.rule)).map((r) => r.scope.slice(0, 2)))].sort();
  const notCovered = provisoChapters.filter((c) => !uncertain.has(c));
  const levels = { chapter: 0, heading: 0, subheading: 0 };
  for (const r of listed) levels[r.scope.length === 2 ? 'chapter' : r.scope.length === 4 ? 'heading' : 'subheading']++;
  const perChapter = rowsPerChapter(rows);
  const exRows = rows.filter((r) => r.ex);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const report = [
    '# AKFTA earlier list (Circular 13/2019/TT-BCT): import report',
    '',
    `Generated by \`rules/tools/import-akfta-13-2019.ts\` from \`source/psr-13-2019.transcript.txt\` (the Phụ lục "Quy tắc cụ thể mặt hàng" of Circular 13/2019/TT-BCT, HS 2017).`,
    '',
    `- List rows (STT) read: ${listed.length} (1-${LAST_STT} in sequence, each code once): ${levels.chapter} chapter rows, ${levels.heading} heading rows, ${levels.subheading} subheading rows.`,
    `- Rows written to ${OUT_PSR}: ${rows.length} (${exRows.length} "ex" rows for ${new Set(exRows.map((r) => r.scope)).size} codes split into two parts).`,
    `- Chapters with at least one row: ${perChapter.size} (${[...perChapter.keys()].join(', ')}).`,
    `- Distinct criteria (parts counted separately): ${criteria.size}; parts read by hand translation: ${handUsed}.`,
    `- Chapters with a row whose proviso the tolerance could absorb (WOMaterials, Process(cutting_sewing), MaxNOM): ${provisoChapters.join(', ')}; ${notCovered.length ? `NOT in agreement.json tolerance.uncertainChapters: ${notCovered.join(', ')}` : 'all are in agreement.json tolerance.uncertainChapters'}.`,
    `- Every code checked against the HS 2017 nomenclature (UNSD classificationH5); no heading row overlaps a subheading row.`,
    '- Gaps: none. The list is selective; goods it does not name follow the general rule (RVC 40 % or CTH), which the engine applies from agreement.json `generalRule` in chapters declared complete.',
    '',
    '## Reading notes',
    '',
    '- Item 1 of the list defines: RVC = regional value content by the formula of Article 4 of Phụ lục I to Circular 20/2014/TT-BCT, not below the stated percentage, with the last production process in a Party → `RVC(n% FOB)` (the exporter\'s own production meets the last-process condition); CC / CTH / CTSH = change of chapter / heading / subheading by every non-originating material; WO = Article 3 of that Phụ lục I; WO-AK = obtained or produced in any AKFTA Party only from WO materials or products; De minimis = Article 10 of that Phụ lục I. Item 2: the list is in HS 2017, as adopted at the 17th AKFTA Implementing Committee (Seoul, 12-14 February 2019).',
    '- "A; hoặc B" and "A hoặc B" → `A or B`; "X + RVC n%" → `X and RVC(n% FOB)`; "ngoại trừ từ Nhóm a (cho đến Nhóm b)" → `(except: …)`.',
    '- Rows with parts "A. Riêng với / Đối với … B. …" and the four rows with a rule for named Korean 10-digit lines (1901.90, 1904.90, 2005.99, 2103.90) are two "ex" rows each; the caller chooses.',
    '- Printing quirks kept in `text`: "nhóm"/"Nhóm" mixed in the fabric lists, "Nhóm 8542" without a dot (85.42), "phải phải" (1901.90, other goods), a final full stop after some criteria (dropped), "Bộ truyền động" in 8517.61/8517.62 part A (see those rows).',
    '',
    '## Criteria',
    '',
    '| rows | first | criterion (as printed, spacing normalised) | expression | note |',
    '|---|---|---|---|---|',
    ...[...criteria].map(([text, c]) => `| ${c.count} | ${c.first} | ${esc(text)} | \`${esc(c.rule)}\` | ${esc([c.note, c.incomplete ? `INCOMPLETE: ${c.incomplete}` : ''].filter(Boolean).join(' '))} |`),
    '',
    '## Rows per chapter',
    '',
    [...perChapter].map(([ch, n]) => `${ch}: ${n}`).join('; '),
    '',
    ...problemsSection(problems),
  ].join('\n');
  finishImport(DIR, report, problems, [4, 11], OUT_REPORT);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
