/**
 * Maintainer tool: builds `rules/atiga/psr.json` (HS 2022) from the product-specific
 * rules Viet Nam applies under ATIGA, with a report in `rules/atiga/import-report.md`.
 *
 *   npx tsx rules/tools/import-atiga.ts            (reads ../shared for Attachment 1 and HS descriptions)
 *   SHARED_DIR=/path npx tsx rules/tools/import-atiga.ts
 *
 * Inputs
 * - `rules/atiga/source/psr.transcript.txt`: hand transcript of Phụ lục I ("Quy tắc cụ
 *   thể mặt hàng", HS 2022) of Circular 03/2023/TT-BCT, one line per table row
 *   (`0201.10 :: RVC40 hoặc CC`), with `@ <offset>` lines for the read windows.
 * - `rules/atiga/source/ahtn-list.transcript.txt`: the AHTN 2022 list that closes the
 *   same file; its first page (title, rule, items 1-20) is missing from both
 *   conversions read, so its subheadings are only flagged. It is most likely the ITA
 *   list (Phụ lục IV of Circular 22/2016/TT-BCT; ATIGA Article 28(3) lets goods on it
 *   originate by assembly from materials on the same list); see README.
 * - ATIGA Attachment 1 (textile list, HS 2022) from ../shared and the product-group
 *   translations of `rules/atiga/translations.json`: the content of the circular's
 *   "Quy tắc hàng dệt may" (Phụ lục II of the same circular lists the same 163/344/298
 *   lines; see README).
 *
 * Each criterion text is structured by a small grammar for the abbreviations the
 * circular defines (RVC40, RVC35, CC, CTH, CTSH, WO, "ngoại trừ từ nhóm/phân nhóm …",
 * alternatives joined by "hoặc"), a table of the few longer phrases, and a table of
 * the labels of break-down rules ("Đối với …:", "Bằng thép:"), which become "ex" rows
 * the caller chooses between. Nothing is guessed: a text or a label outside these
 * tables, a code that is not an HS 2022 subheading, a textile row without its
 * Attachment 1 line or the reverse stops the import.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import { ROOT, SHARED, checkRowRule, hsDescriptions, problemsSection, readTranscript } from './kit.js';

const TRANSCRIPT = 'rules/atiga/source/psr.transcript.txt';
const AHTN_LIST = 'rules/atiga/source/ahtn-list.transcript.txt';
const ATT1 = 'data/atiga-attachment1-textiles-hs2022/atiga_annex3_psr_hs2022.md';
const SRC_PATH = 'docs/legal/wiki/03-2023-tt-bct-thong-tu-sua-oi-bo-sung-mot-so-ieu-cua-thong-tu-so-22-2016-tt-bct-ngay-03-thang-10-nam-2016-cua-bo-truong.md';
const SRC_2019 = 'docs/legal/wiki/10-2019-tt-bct-thong-tu-sua-oi-bo-sung-thong-tu-so-22-2016-tt-bct-ngay-03-thang-10-nam-2016-cua-bo-truong-bo-cong-thuong.md';
const WINDOW = 16000;

interface Group {
  id: string;
  section: 'A' | 'B' | 'C';
  products: string;
  rule: string;
  note: string;
}
interface Translations {
  texts: Record<'A' | 'B' | 'C', string>;
  groups: Group[];
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

// ---------------------------------------------------------------------------
// Criterion grammar
// ---------------------------------------------------------------------------

/** Placeholder for the textile rule inside a parsed criterion. */
const TEXTILE = '«TEXTILE»';

export const CUT_SEWN =
  'Declared(atiga_cut_sewn, "The product was cut and sewn in the territory of one or more ASEAN Member States (ATIGA PSR, Chapters 61-63)")';

/** The longer phrases the circular uses as one alternative, with their reading. */
export const PHRASES: Record<string, { rule: string; note: string }> = {
  'không yêu cầu Chuyển đổi mã số hàng hóa với điều kiện hàng hóa được sản xuất bằng phương pháp tinh chế': {
    rule: 'Process(refining)',
    note: 'No change of classification is required if the good is produced by refining: read as the process "refining", which the producer declares.',
  },
  'không yêu cầu Chuyển đổi mã số hàng hóa với điều kiện có chuyển đổi từ da ướt sang da khô': {
    rule: 'Declared(atiga_wet_to_dry_leather, "The leather was converted in the exporting Member State from the wet state to the dry (crust) state")',
    note: 'No change of classification is required if the leather is converted from wet to dry: a fact only the producer can attest.',
  },
  'không yêu cầu Chuyển đổi mã số hàng hóa với điều kiện máy móc, dụng cụ và thiết bị này được sản xuất từ các bộ phận thuộc cùng phân nhóm được sản xuất riêng cho máy móc, dụng cụ hoặc thiết bị đó': {
    rule: 'Declared(atiga_parts_same_subheading, "The apparatus is made from parts of its own subheading that were produced specifically for that apparatus (no change of classification required)")',
    note: 'No change of classification is required if the apparatus is made from parts of the same subheading produced specifically for it: a fact only the producer can attest.',
  },
  'ghi âm hoặc những hoạt động ghi tương tự khác lên các thiết bị trắng hoặc chưa ghi sẽ coi là có xuất xứ cho dù có chuyển đổi mã số hàng hóa hay không': {
    rule: 'Declared(atiga_recording, "Sound or similar recording onto blank or unrecorded media was carried out in the exporting Member State")',
    note: 'Recording onto blank media confers origin whether or not the classification changes: the producer declares the recording.',
  },
};

/** Labels of break-down rules: the part of the subheading each rule covers, in English. */
export const LABELS: Record<string, string> = {
  'Đối với điệp thuộc các chi Pecten, Chlamys hoặc Placopecten':
    'Scallops of the genera Pecten, Chlamys or Placopecten (the PSR Implementing Guidelines place them in AHTN 0307.22.00 and 0307.29.30/.40)',
  'Đối với hàng hóa khác': 'Other goods of the subheading',
  'Đối với nguyên liệu thay thế lá thuốc lá đã chế biến': 'Manufactured tobacco substitutes (AHTN 2404.19.10 according to the PSR Implementing Guidelines)',
  'Đối với các sản phẩm thuộc nhóm 7208': 'Products the circular assigns to heading 7208 ("Đối với các sản phẩm thuộc nhóm 7208"; heading 7208 covers hot-rolled flat products)',
  'Đối với các sản phẩm thuộc nhóm 7209': 'Products the circular assigns to heading 7209 ("Đối với các sản phẩm thuộc nhóm 7209"; heading 7209 covers cold-rolled flat products)',
  'Bằng thép': 'Of steel other than stainless steel',
  'Bằng thép không gỉ': 'Of stainless steel',
};

const LEAF = /^(?:RVC\d|CC|CTH|CTSH|WO|Quy tắc hàng dệt may)/;

function selector(items: string[]): string {
  return items.length === 1 ? items[0]! : `[${items.join(', ')}]`;
}

/**
 * An exception list to selectors: "nhóm 7207 đến nhóm 7209 và nhóm 7211" (the 2023 wording, ranges with "đến")
 * or "7208 - 7212, 7225 và 7226" (the 2019 wording, ranges with "-") → ["h7207..h7209", "h7211"].
 */
export function exceptions(list: string, problems: string[], where: string, range: 'đến' | '-' = 'đến'): string[] {
  const code = (c: string): string => (/^\d{4}$/.test(c) ? `h${c}` : /^\d{4}\.\d{2}$/.test(c) ? `sh${c.replace('.', '')}` : '');
  const words = list.replace(/,/g, ' , ').replace(/(phân )?nhóm/g, ' ').split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === ',' || w === 'và' || w === 'hoặc') continue;
    const a = code(w);
    if (!a) {
      problems.push(`${where}: cannot read "${w}" in the exception "${list}"`);
      return out;
    }
    if (words[i + 1] === range) {
      const b = code(words[i + 2] ?? '');
      if (!b || b.length !== a.length || b <= a) {
        problems.push(`${where}: cannot read the range in "${list}"`);
        return out;
      }
      out.push(`${a}..${b}`);
      i += 2;
    } else out.push(a);
  }
  return out;
}

/** The Chapters 61-63 proviso "… và sản phẩm phải được cắt và may tại lãnh thổ của bất kỳ nước thành viên nào". */
export const CUT_SEWN_PROVISO = ' và sản phẩm phải được cắt và may tại lãnh thổ của bất kỳ nước thành viên nào';

/**
 * A change-of-classification alternative ("CTH ngoại trừ từ nhóm 7208 và 7211", with or without the cut-and-sewn
 * proviso) to an expression; undefined when the text is not one.
 */
export function classificationChange(alt: string, problems: string[], where: string, range: 'đến' | '-' = 'đến'): { rule: string; cutSewn: boolean } | undefined {
  const cutSewn = alt.endsWith(CUT_SEWN_PROVISO);
  const rest = cutSewn ? alt.slice(0, -CUT_SEWN_PROVISO.length) : alt;
  const m = /^(CC|CTH|CTSH)(?: ngoại trừ từ (.+))?$/.exec(rest);
  if (!m) return undefined;
  const ex = m[2] ? exceptions(m[2], problems, where, range) : [];
  const leaf = ex.length ? `${m[1]}(except: ${selector(ex)})` : m[1]!;
  return { rule: cutSewn ? `${leaf} and ${CUT_SEWN}` : leaf, cutSewn };
}

/** How a list words what the alternative reader needs: range marks, its phrase table, and the note on the proviso. */
export interface ListWording {
  readonly range: 'đến' | '-';
  readonly phrase: (alt: string) => { rule: string; note: string } | undefined;
  readonly cutSewnNote: string;
}

const WORDING_2023: ListWording = {
  range: 'đến',
  phrase: (alt) => PHRASES[alt],
  cutSewnNote:
    '"CC và sản phẩm phải được cắt và may tại lãnh thổ của bất kỳ nước thành viên nào" is read as CC together with cutting and sewing in any Member State; the semicolons of the criterion keep RVC40 and the textile rule as separate alternatives.',
};

/** One alternative ("CTH ngoại trừ từ nhóm 7208 và 7211", "RVC40", a phrase of the table…) to an expression. */
export function readAlternative(alt: string, problems: string[], where: string, notes: Set<string>, wording: ListWording = WORDING_2023): string {
  const phrase = wording.phrase(alt);
  if (phrase) {
    notes.add(phrase.note);
    return phrase.rule;
  }
  if (alt === 'Quy tắc hàng dệt may') return TEXTILE;
  if (alt === 'WO') return 'WO';
  let m = /^RVC(\d+)$/.exec(alt);
  if (m) return `RVC(${m[1]}% FOB)`;
  m = /^RVC(\d+)\+(.+)$/.exec(alt);
  if (m) return `RVC(${m[1]}% FOB) and ${readAlternative(m[2]!, problems, where, notes, wording)}`;
  const change = classificationChange(alt, problems, where, wording.range);
  if (!change) {
    problems.push(`${where}: cannot structure the alternative "${alt}"`);
    return 'WO';
  }
  if (change.cutSewn) notes.add(wording.cutSewnNote);
  return change.rule;
}

/** A criterion without break-down labels: alternatives joined by "hoặc" (with or without ";"). */
function simple(text: string, problems: string[], where: string, notes: Set<string>): string {
  const alts: string[] = [];
  let cur = '';
  for (const piece of text.split(/;?\s+hoặc\s+/)) {
    if (cur && (LEAF.test(piece) || PHRASES[piece] || Object.keys(PHRASES).some((p) => p.startsWith(piece.slice(0, 40))))) {
      alts.push(cur);
      cur = piece;
    } else cur = cur ? `${cur} hoặc ${piece}` : piece;
  }
  if (cur) alts.push(cur);
  return alts.map((a) => readAlternative(a.replace(/;$/, '').trim(), problems, where, notes)).join(' or ');
}

export interface Parsed {
  /** One part for a plain criterion; several labelled parts for a break-down rule. */
  parts: { label?: string; rule: string }[];
  notes: string[];
}

/** Structures one criterion text. */
export function parseCriterion(text: string, problems: string[], where: string): Parsed {
  const notes = new Set<string>();
  const labelled = /^(Đối với [^:]+|Bằng thép(?: không gỉ)?):/;
  if (!labelled.test(text)) return { parts: [{ rule: simple(text, problems, where, notes) }], notes: [...notes] };
  const parts: { label?: string; rule: string }[] = [];
  for (const seg of text.split(/;\s*(?=Đối với |Bằng thép)/)) {
    const m = labelled.exec(seg);
    if (!m) {
      problems.push(`${where}: cannot read the break-down part "${seg}"`);
      continue;
    }
    const label = LABELS[m[1]!];
    if (!label) problems.push(`${where}: no English label for "${m[1]}"`);
    parts.push({ label: label ?? m[1]!, rule: simple(seg.slice(m[0].length).trim(), problems, where, notes) });
  }
  return { parts, notes: [...notes] };
}

/** What a list says about its own textile lines and break-down rules, for {@link criterionRows}. */
export interface RowWording<L> {
  readonly breakdownNote: string;
  readonly textileNote: string;
  readonly severalListsNote: string;
  readonly otherGoodsNote: string;
  readonly route: (l: L) => string;
  readonly lineRef: (l: L) => string;
  readonly exLabel: (l: L) => string;
  readonly partNote: (l: L) => string;
}

/**
 * The rows of one criterion: one per break-down part; or, where it names the textile rule, one row with the
 * working of the textile line(s) that cover the whole subheading, or an "ex" row per line that covers part of it
 * plus one for the other goods (which keep only the remaining alternatives).
 */
export function criterionRows<L extends { readonly ex?: unknown; readonly code: string }>(
  code: string,
  parts: Parsed['parts'],
  notes: readonly string[],
  lines: readonly L[],
  base: Record<string, unknown>,
  flags: Record<string, string>,
  w: RowWording<L>,
  problems: string[],
  where: string,
): Record<string, unknown>[] {
  const id = (i?: number) => (i === undefined ? `p-${code}` : `p-${code}-${String.fromCharCode(97 + i)}`);
  if (!parts.some((p) => p.rule.includes(TEXTILE))) {
    return parts.map((p, i) => ({
      id: id(parts.length > 1 ? i : undefined),
      scope: code,
      ...(p.label ? { ex: p.label } : {}),
      ...base,
      rule: p.rule,
      ...(notes.length || p.label ? { note: [...(p.label ? [w.breakdownNote] : []), ...notes].join(' ') } : {}),
      ...flags,
    }));
  }
  if (parts.length !== 1) problems.push(`${where}: textile rule inside a break-down rule`);
  const rule = parts[0]!.rule;
  const whole = lines.filter((l) => !l.ex && l.code.length === 6);
  const partial = lines.filter((l) => l.ex || l.code.length !== 6);
  if (whole.length && partial.length) problems.push(`${where}: both whole-subheading and "ex" lines on the textile list`);
  if (whole.length) {
    const tx = whole.map((l) => `(${w.route(l)})`).join(' or ');
    const from = `Textile rule from ${whole.map(w.lineRef).join(' and ')}.`;
    return [{ id: id(), scope: code, ...base, rule: rule.replace(TEXTILE, whole.length > 1 ? `(${tx})` : tx), note: [w.textileNote, from, ...(whole.length > 1 ? [w.severalListsNote] : []), ...notes].join(' '), ...flags }];
  }
  if (!partial.length) return [];
  const rest = rule
    .split(' or ')
    .filter((a) => a !== TEXTILE)
    .join(' or ');
  return [
    ...partial.map((l, i) => ({ id: id(i), scope: code, ex: w.exLabel(l), ...base, rule: rule.replace(TEXTILE, `(${w.route(l)})`), note: [w.textileNote, w.partNote(l), ...notes].join(' '), ...flags })),
    { id: id(partial.length), scope: code, ex: 'Other goods of the subheading, not on the textile list', ...base, rule: rest, note: [w.otherGoodsNote, ...notes].join(' '), ...flags },
  ];
}

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

interface TRow {
  code: string;
  text: string;
  offset: number;
}

function parseTranscript(problems: string[]): TRow[] {
  const out: TRow[] = [];
  const unreadable = (line: string, lineNumber: number) => problems.push(`transcript line ${lineNumber}: unreadable "${line}"`);
  // A read window is written exactly "@ <digits>" here.
  const onWindow = (_: number, line: string, lineNumber: number) => {
    if (!/^@ \d+$/.test(line)) unreadable(line, lineNumber);
  };
  for (const { offset, line, lineNumber } of readTranscript(join(ROOT, TRANSCRIPT), { onWindow })) {
    const m = /^(\d{4}\.\d{2}) :: (.+)$/.exec(line);
    if (!m || offset < 0) unreadable(line, lineNumber);
    else out.push({ code: m[1]!.replace('.', ''), text: m[2]!, offset });
  }
  return out;
}

const dotted = (c: string): string => `${c.slice(0, 4)}.${c.slice(4, 6)}${c.length > 6 ? `.${c.slice(6)}` : ''}`;

/** Rows of page 1 of the 03/2023 appendix, missing from the conversion, as the 10/2019 list (HS 2017) gives them. */
const PAGE1 = ['010121', '010129', '010130', '010190', '010221'];

function main(): void {
  const problems: string[] = [];
  const tr = JSON.parse(readFileSync(join(ROOT, 'rules/atiga/translations.json'), 'utf8')) as Translations;
  const hs = new Set((JSON.parse(readFileSync(join(ROOT, 'rules/hs/hs2022-subheadings.json'), 'utf8')) as { subheadings: string[] }).subheadings);
  const h6 = hsDescriptions('HS2022');
  const groups = new Map(tr.groups.map((g) => [g.id, g]));
  for (const g of tr.groups) {
    const p = parseRuleExpression(g.rule);
    if (!p.success) problems.push(`textile group ${g.id}: ${p.issue.message} at ${p.issue.offset}`);
  }

  // The textile list (Attachment 1 = Phụ lục II of the circular), by 6-digit subheading.
  const list = parseList(readFileSync(join(SHARED, ATT1), 'utf8'), problems);
  const counts: Record<string, number> = {};
  for (const s of ['A', 'B', 'C'] as const) {
    const nos = list.filter((l) => l.section === s).map((l) => l.no);
    counts[s] = nos.length;
    nos.forEach((n, i) => {
      if (n !== i + 1) problems.push(`Attachment 1 Section ${s}: item ${i + 1} expected, found ${n}`);
    });
  }
  const bySub = new Map<string, ListLine[]>();
  for (const l of list) bySub.set(l.code.slice(0, 6), [...(bySub.get(l.code.slice(0, 6)) ?? []), l]);
  const route = (l: ListLine): string => {
    const g = groups.get(groupOf(l.section, l.code));
    if (!g) problems.push(`no textile group for Section ${l.section} ${l.code}`);
    return g?.rule ?? 'WO';
  };
  const lineRef = (l: ListLine): string =>
    `Phụ lục II section ${l.section.toLowerCase()}) item ${l.no} = ATIGA Attachment 1, Section ${l.section}, item ${l.no} (${l.ex ? 'ex. ' : ''}${dotted(l.code)}, page ${l.page} of 41)`;
  const wording: RowWording<ListLine> = {
    breakdownNote: 'Break-down rule of the circular: the caller chooses the part of the subheading the product belongs to.',
    textileNote: 'The textile rule ("Quy tắc hàng dệt may", Phụ lục II of the circular) is the working of ATIGA Attachment 1 for the line, translated per product group as before (translations.json, translation-notes.md).',
    severalListsNote: "The subheading is listed in more than one Section; either Section's working satisfies the textile rule.",
    otherGoodsNote: 'The textile rule applies only to the goods of the subheading on the textile list (Phụ lục II); for the other goods only the remaining alternatives are available.',
    route,
    lineRef,
    exLabel: (l) => `${l.description.replace(/^[-\s]+/, '').replace(/_/g, '') || 'part of the subheading'} (${l.code.length === 8 ? `AHTN ${dotted(l.code)}, ` : ''}textile list ${l.section} ${l.no})`,
    partNote: (l) => `Textile rule from ${lineRef(l)}; it covers only this part of the subheading.`,
  };

  // The AHTN list of unknown purpose: its subheadings.
  const ahtn = readFileSync(join(ROOT, AHTN_LIST), 'utf8')
    .split('\n')
    .filter((l) => /^\d{4}\.\d{2}\.\d{2}$/.test(l));
  if (ahtn.length !== 437) problems.push(`AHTN list: ${ahtn.length} items read, 437 expected (items 21-457)`);
  const ahtnSubs = new Map<string, string[]>();
  for (const c of ahtn) {
    const s = c.replace(/\./g, '').slice(0, 6);
    if (!hs.has(s)) problems.push(`AHTN list: ${c} is not in an HS 2022 subheading`);
    ahtnSubs.set(s, [...(ahtnSubs.get(s) ?? []), c]);
  }
  const ahtnNote = (s: string): string =>
    `AHTN ${ahtnSubs.get(s)!.join(', ')} of this subheading ${ahtnSubs.get(s)!.length > 1 ? 'are' : 'is'} on the AHTN 2022 list that closes Circular 03/2023/TT-BCT, whose title and rule are on a page missing from both conversions read. The list is most likely the information-technology (ITA) list that Circular 22/2016/TT-BCT calls Phụ lục IV (replaced by Circular 25/2019/TT-BCT, which 03/2023 repeals); for goods on that list ATIGA Article 28(3) adds another way to originate, assembly from materials that are themselves on the list. That route is not encoded, so a product failing this row is undetermined, not non-originating.`;

  const transcript = parseTranscript(problems);
  const rows: Record<string, unknown>[] = [];
  const texts = new Map<string, { rule: string; count: number; notes: string[] }>();
  const used = new Set<string>();
  const prev = { code: '' };
  const describe = (s: string): string => h6.get(s) ?? '';

  const push = (row: Record<string, unknown>): void => {
    checkRowRule(row, problems);
    rows.push(row);
  };

  for (const t of transcript) {
    const where = `${dotted(t.code)} (window ${t.offset})`;
    if (!hs.has(t.code)) problems.push(`${where}: not an HS 2022 subheading`);
    if (t.code <= prev.code) problems.push(`${where}: out of order or repeated after ${dotted(prev.code)}`);
    prev.code = t.code;
    const parsed = parseCriterion(t.text, problems, where);
    const key = t.text;
    const flat = parsed.parts.map((p) => (p.label ? `[${p.label}] ${p.rule}` : p.rule)).join(' ‖ ');
    const seen = texts.get(key) ?? { rule: flat, count: 0, notes: parsed.notes };
    seen.count++;
    texts.set(key, seen);
    const cite = { source: 'moit-tt03-2023', ref: `Phụ lục I, ${dotted(t.code)}, ${SRC_PATH}, characters ${t.offset}-${t.offset + WINDOW}` };
    const base = { description: describe(t.code), text: t.text, cite };
    const flags: Record<string, string> = ahtnSubs.has(t.code) ? { incomplete: ahtnNote(t.code) } : {};
    if (ahtnSubs.has(t.code)) used.add(t.code);
    const hasTextile = parsed.parts.some((p) => p.rule.includes(TEXTILE));
    const lines = bySub.get(t.code) ?? [];
    if (hasTextile !== (lines.length > 0)) problems.push(`${where}: ${hasTextile ? 'textile rule named but no Attachment 1 line' : 'Attachment 1 line but no textile rule in the criterion'}`);
    for (const row of criterionRows(t.code, parsed.parts, parsed.notes, lines, base, flags, wording, problems, where)) push(row);
  }
  for (const [s] of bySub) if (!transcript.some((t) => t.code === s)) problems.push(`Attachment 1 subheading ${dotted(s)} has no row in Phụ lục I`);

  // Page 1 of the appendix, missing from the copy read: the five rows as the HS 2017 list of 10/2019 gives them.
  for (const c of PAGE1) {
    if (transcript.some((t) => t.code === c)) problems.push(`${dotted(c)} is in the transcript and in PAGE1`);
    rows.push({
      id: `p-${c}`,
      scope: c,
      description: describe(c),
      rule: 'WO',
      text: 'WO',
      cite: { source: 'moit-tt10-2019', ref: `Phụ lục I (HS 2017), ${dotted(c)}, ${SRC_2019}, characters 0-16000` },
      note: 'Page 1 of Phụ lục I of Circular 03/2023/TT-BCT (the rows before 0102.29) is missing from both conversions read. This row is the one of the list it replaced (Circular 10/2019/TT-BCT, HS 2017), where the same subheading reads WO, as do all the live-animal rows the 03/2023 list shows.',
      incomplete: 'Taken from the superseded HS 2017 list of Circular 10/2019/TT-BCT because the first page of the 03/2023 list was not readable; a product that is not wholly obtained is undetermined, not non-originating.',
    });
  }

  // Subheadings of the AHTN list without a row: the general rule, flagged.
  for (const [s] of ahtnSubs) {
    if (used.has(s)) continue;
    rows.push({
      id: `g-${s}`,
      scope: s,
      description: describe(s),
      rule: 'RVC(40% FOB) or CTH',
      text: 'General rule of Article 28(1) of ATIGA (the subheading has no row in Phụ lục I)',
      cite: { source: 'atiga-text-vi', ref: 'Article 28(1)(a)-(b): RVC not less than 40 % or change of tariff heading' },
      note: 'No product-specific rule in Phụ lục I, so the general rule applies; the row exists only to carry the flag below.',
      incomplete: ahtnNote(s),
    });
  }
  rows.sort((a, b) => String(a.scope).localeCompare(String(b.scope)) || String(a.id).localeCompare(String(b.id)));

  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'atiga', hsVersion: 'HS2022', rows, gaps: [] };
  const byChapter = new Map<string, number>();
  for (const t of transcript) byChapter.set(t.code.slice(0, 2), (byChapter.get(t.code.slice(0, 2)) ?? 0) + 1);
  const report = [
    '# ATIGA import report',
    '',
    'Generated by `rules/tools/import-atiga.ts`; do not edit.',
    '',
    `- Source: Phụ lục I of Circular 03/2023/TT-BCT (HS 2022), transcript \`${TRANSCRIPT}\``,
    `- Table rows read: ${transcript.length} (+ ${PAGE1.length} page-1 rows from Circular 10/2019/TT-BCT)`,
    `- Textile list lines (Attachment 1 / Phụ lục II): ${list.length} (a ${counts.A}, b ${counts.B}, c ${counts.C}) on ${bySub.size} subheadings`,
    `- AHTN list items read: ${ahtn.length} on ${ahtnSubs.size} subheadings (${[...ahtnSubs.keys()].filter((s) => !used.has(s)).length} of them without a Phụ lục I row)`,
    `- Rows written: ${rows.length} (${rows.filter((r) => r.ex).length} "ex" rows, ${rows.filter((r) => r.incomplete).length} flagged incomplete)`,
    `- Problems: ${problems.length}`,
    '',
    '## Table rows per chapter',
    '',
    [...byChapter].map(([c, n]) => `${c}: ${n}`).join(' · '),
    '',
    '## Every distinct criterion text',
    '',
    `${TEXTILE} stands for the textile rule of the row's Attachment 1 line(s); "‖" separates the parts of a break-down rule (ex rows).`,
    '',
    '| rows | criterion (verbatim) | expression | reading |',
    '|---|---|---|---|',
    ...[...texts.entries()].sort((a, b) => b[1].count - a[1].count).map(([t, v]) => `| ${v.count} | ${t} | \`${v.rule}\` | ${v.notes.join(' ')} |`),
    '',
    '## Gaps',
    '',
    '- None in the table as read. Not read, because both conversions of the circular lack them: page 1 of Phụ lục I (title, notes, rows 0101.21-0102.21, filled from 10/2019 and flagged), page 1 of Phụ lục II (its paragraphs 1 to 3(c); the textile rule is taken from ATIGA Attachment 1, whose lines match Phụ lục II item for item), and page 1 of the AHTN list (its title, rule and items 1-20; most likely the ITA list of ATIGA Article 28(3)).',
    '',
    ...problemsSection(problems),
  ].join('\n');
  writeFileSync(join(ROOT, 'rules/atiga/import-report.md'), report);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  writeFileSync(join(ROOT, 'rules/atiga/psr.json'), JSON.stringify(psr, null, 2) + '\n');
  console.log(`atiga: ${rows.length} rows from ${transcript.length} table rows`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
