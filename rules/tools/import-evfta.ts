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
 *   npx tsx rules/tools/import-evfta.ts --seed-eu-cells      (marks as resolved in resolutions.json
 *                                                             each open "further alternatives"
 *                                                             difference that the EU-side full cell
 *                                                             confirms; keeps every other entry)
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
 *
 * Full cells: the EU prototype keeps only the first alternative of many cells.
 * A second EU-side file, the Access2Markets rules-of-origin data for Viet Nam as
 * captured in the UK prototype (`product_specific/vietnam_roo.json`, one record
 * per 6-digit subheading with the whole legal cell), is read to confirm the
 * UK mirror's further alternatives mechanically: every UK alternative must
 * appear in the EU-side cell, in the same order, and the two must state the same
 * percentages. Where `resolutions.json` marks a difference `"basis": "eu-cell"`
 * and that check passes, the row takes the full rule (the UKVFTA structure of
 * the same wording, or a hand translation given in the resolution) and loses its
 * `incomplete` flag; where it fails, the row stays incomplete and the failure is
 * a problem of the import. The package never reads this file at runtime.
 *
 * Textile tolerances: each row of Chapters 50–63 (and any row whose cell mentions them) gets the Annex I
 * notes its EU-side cell refers to ("see Note 6" → `mixed`, "See Note 7" → `otherHeading`), from the cell
 * of its own legal row and indent; records of one row that disagree leave it unsettled. The capture keeps
 * one footnote text per cell, so a cell showing a lost marker (", .") while the UK mirror of the same row
 * refers to a further note also leaves the row unsettled. The report compares every row with the UKVFTA
 * row of the same legal row, and the import fails if agreement.json's tolerance chapters do not follow
 * (a chapter with an unsettled row keeps `unknownToleranceChapters`; the others are `excludedChapters`).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import { ROOT, SHARED, type SourceRuleSet, finishImport, percentsOf, stripMarkdown, problemsSection } from './kit.js';

const root = ROOT;
const shared = SHARED;
const EU_PATH = 'data/uk-tariff-roo/ott-prototype/app/data/roo/xi/psr_new/vietnam.json';
const UK_PATH = 'data/uk-tariff-roo/trade-tariff-backend/lib/rules_of_origin/roo_schemes_uk/rule_sets/vietnam.json';
const OUT = join(root, 'rules/evfta');
/** EU-side full-cell reproduction of Annex II (Access2Markets data), as captured in the UK prototype. */
const A2M_PATH = 'data/uk-tariff-roo/ott-prototype/app/data/roo/uk/product_specific/vietnam_roo.json';
const A2M_COMMIT = 'e5ab46257d219d7ba9fe07ba6cac270b8806e917';
/** Git blob hash of that file at A2M_COMMIT (PROVENANCE.md: files were copied byte for byte). */
const A2M_BLOB = '09ae5816ad5aa719b2d964d4f064977a6837c213';
const A2M_SOURCE = 'a2m-vn-psr';
const UKVFTA_PSR = 'rules/ukvfta/psr.json';

// ---------------------------------------------------------------- hand fixes from Circular 11/2020/TT-BCT, Annex II

/**
 * Viet Nam's implementing circular for the EVFTA reproduces Annex II to Protocol 1 in Vietnamese (Phụ lục II).
 * It is read here only where the EU-side full cells cannot settle a row: the Access2Markets capture stops at
 * subheading 940179, so the "further alternatives" of the UK mirror for ex Chapters 95 and 96 had no EU-side
 * check. Each entry quotes the Vietnamese rule cell (column 3) verbatim, with the place it was read. The importer
 * splits the cell at "; hoặc" (Annex I Note 2.5 of the Circular: alternatives joined by "hoặc"), reads each
 * alternative through {@link VI_PHRASES} into the English wording of Annex II, and then applies the same mechanical
 * check as for an EU-side cell: every UK alternative in the same order, the same percentages, and the EU
 * prototype's text among them. Where it passes, the row takes the full rule (the UKVFTA structure of the same
 * wording), cited to the Circular, and the difference counts as resolved, superseding its "open" entry in
 * resolutions.json; where it fails, the row stays incomplete and the failure is a problem of the import.
 */
const CIRCULAR_SOURCE = 'vn-circular-11-2020';
const CIRCULAR_FILE =
  'TinsuAI/certo docs/legal/wiki/11-2020-tt-bct-thong-tu-quy-inh-quy-tac-xuat-xu-hang-hoa-trong-hiep-inh-thuong-mai-tu-do-giua-viet-nam-va-lien-minh-chau.md @ff9a56a';
interface CircularCell {
  /** The difference it resolves. */
  key: string;
  /** Column (1) and column (2) of the Vietnamese row, as printed. */
  label: string;
  desc: string;
  /** Column (3), verbatim (line breaks of the PDF extraction joined). */
  vi: string;
  /** Where in CIRCULAR_FILE the row was read. */
  at: string;
}
const CIRCULAR_CELLS: readonly CircularCell[] = [
  {
    key: 'alternatives:270',
    label: 'ex Chương 95',
    desc: 'Đồ chơi, thiết bị trò chơi và dụng cụ thể thao; các bộ phận và phụ kiện của chúng, ngoại trừ:',
    vi: 'Sử dụng nguyên liệu từ bất kỳ Nhóm nào để sản xuất, ngoại trừ Nhóm của sản phẩm; hoặc Trị giá nguyên liệu được sử dụng không vượt quá 70% giá xuất xưởng của sản phẩm.',
    at: 'characters 140000-156000 (page 30 of Phụ lục II; the same text at @f341a09, characters 130000-146000)',
  },
  {
    key: 'alternatives:272',
    label: 'ex Chương 96',
    desc: 'Các mặt hàng khác, ngoại trừ:',
    vi: 'Sử dụng nguyên liệu từ bất kỳ Nhóm nào để sản xuất, ngoại trừ Nhóm của sản phẩm; hoặc Trị giá nguyên liệu được sử dụng không vượt quá 70% giá xuất xưởng của sản phẩm.',
    at: 'characters 140000-156000 (page 30 of Phụ lục II; the same text at @f341a09, characters 130000-146000)',
  },
];
/** The Circular's standard wordings (its Annex I Note 3.4(a) and 3.5) and the English of Annex II they render. */
const VI_PHRASES: readonly { vi: RegExp; en: (m: RegExpExecArray) => string }[] = [
  { vi: /^Sử dụng nguyên liệu từ bất kỳ Nhóm nào để sản xuất, ngoại trừ Nhóm của sản phẩm\.?$/, en: () => 'Manufacture from materials of any heading, except that of the product' },
  {
    vi: /^Trị giá nguyên liệu được sử dụng không vượt quá (\d+(?:,\d+)?)% giá xuất xưởng của sản phẩm\.?$/,
    en: (m) => `manufacture in which the value of all the materials used does not exceed ${m[1]!.replace(',', '.')}% of the ex-works price of the product`,
  },
];

/** A Circular cell in English, alternative by alternative; undefined (with the reason) where a wording is not in VI_PHRASES. */
export function circularEnglish(vi: string): { text?: string; why?: string } {
  const parts = vi.split(/;\s*hoặc\s+/);
  const out: string[] = [];
  for (const part of parts) {
    const p = part.trim();
    const hit = VI_PHRASES.map((x) => ({ x, m: x.vi.exec(p) })).find((y) => y.m);
    if (!hit) return { why: `no English wording for the alternative "${p}"` };
    out.push(hit.x.en(hit.m!));
  }
  return { text: `${out.join('; or ')}.` };
}

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
  /**
   * `eu-cell`: resolved from the EU-side full cell (Access2Markets data). The
   * importer re-checks the cell mechanically and applies the full rule; `cite`
   * must then name the cell's record as the importer computes it.
   */
  basis?: 'eu-cell';
  /** A hand translation of the full cell, used instead of the UKVFTA structure (say why in `ruleNote`). */
  rule?: string;
  /** Copied onto the row's note. */
  ruleNote?: string;
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

// ---------------------------------------------------------------- EU-side full cells (Access2Markets data)

/** One legal cell of the EU-side reproduction: its records share label, indent and rule text. */
interface A2mCell {
  /** The legal row label as the file gives it ("7106,7108-7110", "Chapter 84"). */
  label: string;
  /** The indent text, XML stripped ("" when the row has no indent). */
  desc: string;
  /** The rule cell, whitespace collapsed. */
  text: string;
  /** Chapters, headings or subheadings the label names. */
  codes: string[];
  records: { index: number; sub: string }[];
}

/** Codes a label of the EU-side file names: "Chapter 62" → 62; "6202,6204,6206,6209-6211" → 6202 6204 6206 6209 6210 6211. */
export function a2mLabelCodes(label: string): string[] | undefined {
  const body = label.trim().replace(/^ex\s+/i, '');
  const ch = /^Chapter\s+(\d{1,2})$/i.exec(body);
  if (ch) return [ch[1]!.padStart(2, '0')];
  const out: string[] = [];
  for (const part of body.split(',')) {
    const m = /^\s*(?:ex\s+)?(\d{4}|\d{6})(?:\s*(?:-|to)\s*(?:ex\s+)?(\d{4}|\d{6}))?\s*$/.exec(part);
    if (!m || (m[2] && m[2].length !== m[1]!.length)) return undefined;
    for (let n = Number(m[1]); n <= Number(m[2] ?? m[1]); n++) out.push(String(n).padStart(m[1]!.length, '0'));
  }
  return out;
}

/** Every code of a scope at its own level ("4104-4106" → 4104 4105 4106). */
function scopeCodes(s: { from: string; to: string }): string[] {
  const out: string[] = [];
  for (let n = Number(s.from); n <= Number(s.to); n++) out.push(String(n).padStart(s.from.length, '0'));
  return out;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
/** looseKey, with "70 %" and "70%" alike (the EU-side cells put a space before %). */
const cellKey = (s: string) => looseKey(s).replace(/(\d) %/g, '$1%');
/** The subheading of the file's last record (the file stops before Chapter 95). */
let a2mLast = '';

function loadA2m(problems: string[]): A2mCell[] {
  const buf = readFileSync(join(shared, A2M_PATH));
  const blob = createHash('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex');
  if (blob !== A2M_BLOB) problems.push(`${A2M_PATH}: git blob ${blob}, not ${A2M_BLOB} (the file at ${A2M_COMMIT} that the citations name)`);
  const recs = (JSON.parse(buf.toString('utf8')) as { rules: { sub_heading: string; heading: string; description: string | null; rule: string }[] }).rules;
  const cells = new Map<string, A2mCell>();
  a2mLast = recs.at(-1)?.sub_heading ?? '';
  recs.forEach((x, index) => {
    const label = x.heading.trim();
    const desc = stripXml(x.description);
    const text = collapse(x.rule);
    const key = [label, desc, text].join('\u0000');
    let c = cells.get(key);
    if (!c) {
      const codes = a2mLabelCodes(label);
      if (!codes) {
        problems.push(`${A2M_PATH} rules[${index}]: cannot read the label "${label}"`);
        return;
      }
      cells.set(key, (c = { label, desc, text, codes, records: [] }));
    }
    c.records.push({ index, sub: x.sub_heading });
  });
  return [...cells.values()];
}

/**
 * The EU-side cells of a legal row: their label names every code of the scope, they have records inside
 * the scope, their indent is the row's description and (when given) they contain the EU prototype's text.
 */
function a2mCandidates(cells: readonly A2mCell[], codes: readonly string[], desc: string, first?: string): { cells: A2mCell[]; why?: string } {
  const level = codes[0]!.length;
  const inScope = (sub: string) => codes.some((c) => sub.startsWith(c));
  let cand = cells.filter((c) => c.codes[0]!.length === level && codes.every((k) => c.codes.includes(k)) && c.records.some((r) => inScope(r.sub)));
  if (!cand.length) return { cells: [], why: `no EU-side record whose legal row names ${codes.join(', ')}${codes[0]! > a2mLast.slice(0, level) ? ` (the file stops at sub_heading ${a2mLast})` : ''}` };
  const dk = cellKey(desc);
  const exact = cand.filter((c) => cellKey(c.desc) === dk);
  cand = exact.length ? exact : cand.filter((c) => dk !== '' && cellKey(c.desc) !== '' && (cellKey(c.desc).includes(dk) || dk.includes(cellKey(c.desc))));
  if (!cand.length) return { cells: [], why: `no EU-side cell of ${codes.join(', ')} has the indent "${desc}"` };
  if (first !== undefined) {
    const fk = ` ${cellKey(first)} `;
    cand = cand.filter((c) => ` ${cellKey(c.text)} `.includes(fk));
    if (!cand.length) return { cells: [], why: `no EU-side cell of ${codes.join(', ')} ("${desc}") contains the EU prototype's text` };
  }
  return { cells: cand };
}

/** The EU-side cell of a legal row ({@link a2mCandidates}): exactly one cell text must remain. */
function findA2mCell(cells: readonly A2mCell[], codes: readonly string[], desc: string, first?: string): { cell?: A2mCell; why?: string } {
  const { cells: cand, why } = a2mCandidates(cells, codes, desc, first);
  if (!cand.length) return { why };
  if (new Set(cand.map((c) => c.text)).size > 1) return { why: `${cand.length} different EU-side cells fit ${codes.join(', ')} ("${desc}")` };
  return { cell: cand[0] };
}

/** The record a citation names: the first one inside the scope. */
function a2mRef(cells: readonly A2mCell[], cell: A2mCell, codes: readonly string[]): string {
  const rec = cell.records.find((r) => codes.some((c) => r.sub.startsWith(c))) ?? cell.records[0]!;
  const indent = cells.some((c) => c !== cell && c.label === cell.label && c.desc !== cell.desc) && cell.desc ? `, indent "${cell.desc.length > 80 ? `${cell.desc.slice(0, 77)}…` : cell.desc}"` : '';
  return `Annex II row "${cell.label}"${indent}: rule cell of record rules[${rec.index}] (sub_heading ${rec.sub}) of product_specific/vietnam_roo.json @${A2M_COMMIT.slice(0, 7)}`;
}

/**
 * The mechanical check: every UK alternative appears in the EU-side cell, in the
 * UK order, and the cell and the UK alternatives state the same percentages.
 * Returns the failures (none: confirmed).
 */
function checkAlternatives(cell: A2mCell, ukRules: readonly string[]): string[] {
  const ck = ` ${cellKey(cell.text)} `;
  const failures: string[] = [];
  let pos = -1;
  ukRules.forEach((u, i) => {
    const at = ck.indexOf(` ${cellKey(u)} `);
    if (at < 0) failures.push(`UK alternative ${i + 1} is not in the EU-side cell: "${plainText(u).replace(/\n/g, ' / ')}"`);
    else if (at < pos) failures.push(`UK alternative ${i + 1} comes before alternative ${i} in the EU-side cell`);
    else pos = at;
  });
  const inCell = [...textPercents(cell.text)].sort();
  const inUk = [...new Set(ukRules.flatMap((u) => [...textPercents(u)]))].sort();
  if (inCell.join() !== inUk.join()) failures.push(`percentages differ: EU-side cell {${inCell.join(', ')}}, UK alternatives {${inUk.join(', ')}}`);
  return failures;
}

/** The UKVFTA structure of a UK cell: the rule of the UKVFTA rows built from its rule sets. */
function ukStructure(ukRows: readonly { rule: string; cite: { ref: string } }[], c: UkCell): { rule?: string; why?: string } {
  const rules = new Set(ukRows.filter((r) => c.indexes.includes(Number(/rule set (\d+)\)$/.exec(r.cite.ref)?.[1] ?? -1))).map((r) => r.rule));
  if (rules.size !== 1) return { why: `${rules.size} different UKVFTA rules for UK rule set(s) ${c.indexes.join(', ')}` };
  return { rule: [...rules][0] };
}

/** Outcome of the full-cell check for one difference. */
interface A2mCheck {
  cell?: A2mCell;
  ref?: string;
  failures: string[];
  /** The full rule for the EU row (alternatives, wording). */
  rule?: string;
  /** Rows to add (a UK-only row, or the headings a grouped legal row adds to the EU row). */
  add?: { scope: string; labelEx: boolean; sibling?: EuRow; rule: string; ref: string }[];
}

function checkDifference(d: Difference, cells: readonly A2mCell[], kept: readonly EuRow[], ukRows: readonly { rule: string; cite: { ref: string } }[], euRule: (r: EuRow) => string | undefined): A2mCheck | undefined {
  const c = d.uk;
  if (!c) return undefined;
  const kind = d.key.split(':')[0];
  if ((kind === 'alternatives' || kind === 'partial' || kind === 'wording') && d.eu) {
    const codes = scopeCodes(d.eu.scope);
    const found = findA2mCell(cells, codes, d.eu.sub || d.eu.set.heading, d.eu.text);
    if (!found.cell) return { failures: [found.why!] };
    const failures = checkAlternatives(found.cell, c.rules);
    const s = ukStructure(ukRows, c);
    if (s.why) failures.push(s.why);
    return { cell: found.cell, ref: a2mRef(cells, found.cell, codes), failures, rule: s.rule };
  }
  if (kind === 'uk-only') {
    const codes = scopeCodes(c.scope);
    const indent = c.sub.split('▸').pop()!.trim();
    const found = findA2mCell(cells, codes, indent);
    if (!found.cell) return { failures: [found.why!] };
    const failures = checkAlternatives(found.cell, c.rules);
    const s = ukStructure(ukRows, c);
    if (s.why) failures.push(s.why);
    const ref = a2mRef(cells, found.cell, codes);
    // The EU row of the same legal cell gives the description (as for 7106/7108, ex 6202/6204).
    const sibling = kept.find((r) => findA2mCell([found.cell!], scopeCodes(r.scope), r.sub || r.set.heading, r.text).cell);
    return { cell: found.cell, ref, failures, add: s.rule ? [{ scope: scopeString(c.scope), labelEx: labelScope(c.label)!.ex || indent !== '', sibling, rule: s.rule, ref }] : [] };
  }
  if (kind === 'label' && d.eu) {
    // A grouped legal row: the headings of the UK row that no EU row covers take the EU row's rule.
    const covered = (h: string) => kept.some((r) => r.scope.from.length === 4 && r.scope.from <= h && h <= r.scope.to);
    const extra = scopeCodes(c.scope).filter((h) => h.length === 4 && !covered(h));
    if (!extra.length) return undefined;
    const codes = scopeCodes(d.eu.scope);
    const found = findA2mCell(cells, codes, d.eu.sub || d.eu.set.heading, d.eu.text);
    if (!found.cell) return { failures: [found.why!] };
    const failures: string[] = [];
    if (cellKey(found.cell.text) !== cellKey(d.eu.text)) failures.push('the EU row gives only part of the EU-side cell');
    for (const h of extra) if (!found.cell.codes.includes(h)) failures.push(`the EU-side legal row "${found.cell.label}" does not name ${h}`);
    const rule = euRule(d.eu);
    if (!rule) failures.push('the EU row has no rule');
    return { cell: found.cell, ref: a2mRef(cells, found.cell, codes), failures, add: rule ? extra.map((h) => ({ scope: h, labelEx: false, sibling: d.eu, rule, ref: a2mRef(cells, found.cell!, [h]) })) : [] };
  }
  return undefined;
}

/** The lines differences.md gives a difference's full-cell check. */
function checkLines(c: A2mCheck | undefined, d: Difference): string[] {
  if (!c) return [];
  const lines = c.cell ? [`EU-side full cell [${A2M_SOURCE}: ${c.ref}]: "${c.cell.text}"`] : [];
  if (c.failures.length) lines.push(`Full-cell check: **not confirmed**: ${c.failures.join('; ')}`);
  else {
    const n = d.uk!.rules.length;
    lines.push(`Full-cell check: confirmed (${d.key.startsWith('label:') ? 'the EU row gives the whole cell, and the legal row names the other heading(s) of the UK row' : `all ${n} UK alternative${n > 1 ? 's' : ''} found in the cell in the same order; same percentages`}).`);
  }
  return lines;
}

/** The lines differences.md gives a difference's Circular 11/2020 cell. */
function circularLines(c: { cell: CircularCell; text: string; ref: string; failures: string[] } | undefined, d: Difference): string[] {
  if (!c) return [];
  const n = d.uk?.rules.length ?? 0;
  return [
    `Circular 11/2020 Annex II cell [${CIRCULAR_SOURCE}: ${c.ref}]: "${c.cell.vi}"${c.text ? ` (read as: "${c.text}")` : ''}`,
    c.failures.length
      ? `Circular check: **not confirmed**: ${c.failures.join('; ')}`
      : `Circular check: confirmed (all ${n} UK alternative${n > 1 ? 's' : ''} found in the cell in the same order; same percentages).`,
  ];
}

/** `--seed-eu-cells`: marks each open "further alternatives" difference the EU-side cell confirms as resolved from it. */
function seedEuCells(resolutions: Resolution[], diffs: readonly Difference[], checks: ReadonlyMap<string, A2mCheck>): void {
  let n = 0;
  const out = resolutions.map((r) => {
    const c = checks.get(r.key);
    const d = diffs.find((x) => x.key === r.key);
    if (r.status !== 'open' || !c || c.failures.length || !d || !r.key.startsWith('alternatives:')) return r;
    n++;
    return {
      key: r.key,
      status: 'resolved' as const,
      basis: 'eu-cell' as const,
      resolution:
        'Resolved from the EU-side full cell (Access2Markets data): the whole Annex II cell, as the Commission\'s Access2Markets rules-of-origin data give it (captured in trade-tariff/ott-prototype, product_specific/vietnam_roo.json; a secondary reproduction, not the Official Journal), contains every alternative of the UK mirror, in the same order and with the same percentages (checked mechanically by import-evfta.ts; the cell and the check are quoted above). psr.json applies the full rule, structured as translated for UKVFTA, and no longer marks the row incomplete.',
      cite: { source: A2M_SOURCE, ref: c.ref! },
    };
  });
  writeFileSync(join(OUT, 'resolutions.json'), `${JSON.stringify({ resolutions: out }, null, 2)}\n`);
  console.log(`marked ${n} difference(s) as resolved from the EU-side full cell`);
}

// ---------------------------------------------------------------- textile tolerances (Annex I Notes 6 and 7)

type TextileNote = 'mixed' | 'otherHeading';
const TEXTILE_NOTES: readonly TextileNote[] = ['mixed', 'otherHeading'];
const noteName = (n: TextileNote) => (n === 'mixed' ? 'Note 6' : 'Note 7');
const showNotes = (ns: readonly TextileNote[] | undefined) => (ns === undefined ? '?' : ns.length ? ns.map(noteName).join(' + ') : 'none');
const isTextileChapter = (code: string) => code.slice(0, 2) >= '50' && code.slice(0, 2) <= '63';

/** A UKVFTA row as import-evfta reads it. */
interface UkvftaRow {
  id: string;
  rule: string;
  cite: { ref: string };
  textileTolerances?: TextileNote[];
}

/** Where an EVFTA row comes from: the codes and indent of its legal row, the EU prototype's text, the UK cell. */
interface RowOrigin {
  codes: string[];
  desc: string;
  first?: string;
  uk?: UkCell;
}

/**
 * The Annex I notes a cell refers to: "see Note 6 of Annex I" gives `mixed`, "See Note 7 of Annex I" gives
 * `otherHeading`; other notes ("Notes 8.1 and 8.3") are not textile tolerances.
 */
export function cellTextileNotes(text: string): TextileNote[] {
  const found = new Set<TextileNote>();
  for (const m of text.matchAll(/\bNotes?\s+(\d+(?:\.\d+)?(?:\s*(?:,|and)\s*\d+(?:\.\d+)?)*)\s+of\s+Annex\s+I\b/gi)) {
    for (const n of m[1]!.split(/\s*(?:,|and)\s*/)) {
      const major = n.split('.')[0];
      if (major === '6') found.add('mixed');
      else if (major === '7') found.add('otherHeading');
    }
  }
  return TEXTILE_NOTES.filter((n) => found.has(n));
}

/**
 * The trace of a lost footnote-marker pair. The EU-side capture drops footnote markers and appends one
 * footnote text at the end of the cell; where the legal cell had two markers side by side ("…product.³˒⁵" in
 * the UK mirror), it keeps the comma between them: "…of the product , . For special conditions…",
 * "(including cutting); , or". Returns the passage, or undefined.
 */
export function lostMarkerTrace(text: string): string | undefined {
  const m = /(?:\s|;),(?=\s*(?:[.;,]|or\b|For special|See Note|$))/i.exec(text);
  return m ? `…${text.slice(Math.max(0, m.index - 25), m.index + 14).trim()}…` : undefined;
}

interface TextileFinding {
  id: string;
  scope: string;
  /** The notes the row refers to; undefined when the row could not be settled. */
  notes?: TextileNote[];
  /** What the EU-side cell(s) say, even when not taken. */
  cellNotes?: TextileNote[];
  cells: A2mCell[];
  /** Records of the matched cells inside the row's scope. */
  records: { index: number; sub: string }[];
  lost?: string;
  uk?: { notes: TextileNote[]; sets: number[]; rows: string[]; disagree: boolean };
  why?: string;
  /** Set when a lost footnote marker was read from the UK mirror: how. */
  inferred?: string;
  /** One line on how the row's notes were settled (for the report and, where it matters, the row's note). */
  verdict: string;
}

const sameNotes = (a: readonly TextileNote[], b: readonly TextileNote[]) => a.join() === b.join();

/**
 * For every row of Chapters 50–63 (and any other row whose EU-side cell refers to Note 6 or 7 of Annex I):
 * the textile notes its EU-side cell refers to, taken from the cell of the row's own legal row and indent.
 * A row stays unsettled (no `textileTolerances`, listed in the report) when no cell is found, when the
 * records it covers disagree, or when its cell shows a lost footnote marker and the UK mirror of the same
 * legal row refers to a note the cell does not show. Where the UK mirror differs otherwise, the EU-side cell
 * is taken and the difference listed. Writes `textileTolerances` (and a note where it matters) on the rows.
 */
function deriveTextileNotes(
  rows: Record<string, unknown>[],
  origin: ReadonlyMap<Record<string, unknown>, RowOrigin>,
  cells: readonly A2mCell[],
  ukRows: readonly UkvftaRow[],
  problems: string[],
): TextileFinding[] {
  const findings: TextileFinding[] = [];
  const used = new Set<A2mCell>();
  for (const row of rows) {
    const id = row.id as string;
    const scope = row.scope as string;
    const o = origin.get(row);
    if (!o) {
      problems.push(`row ${id}: no origin recorded for the textile-note derivation`);
      continue;
    }
    const { cells: cand, why } = a2mCandidates(cells, o.codes, o.desc, o.first);
    const mentions = cand.some((c) => cellTextileNotes(c.text).length > 0);
    if (!isTextileChapter(scope) && !mentions) continue;
    for (const c of cand) used.add(c);
    // The UK mirror of the same legal row: every UKVFTA row built from the UK cell's rule sets.
    let uk: TextileFinding['uk'];
    if (o.uk) {
      const sets = o.uk.indexes;
      const mine = ukRows.filter((u) => sets.includes(Number(/rule set (\d+)\)$/.exec(u.cite.ref)?.[1] ?? -1)));
      const kinds = new Set(mine.map((u) => (u.textileTolerances ?? []).join()));
      const notes = TEXTILE_NOTES.filter((n) => mine.some((u) => u.textileTolerances?.includes(n)));
      if (mine.length) uk = { notes, sets, rows: mine.map((u) => u.id), disagree: kinds.size > 1 };
    }
    const records = cand.flatMap((c) => c.records.filter((r) => o.codes.some((k) => r.sub.startsWith(k))));
    const f: TextileFinding = { id, scope, cells: cand, records, uk, verdict: '' };
    findings.push(f);
    if (!cand.length) {
      f.why = why ?? 'no EU-side cell';
      f.verdict = `unsettled: ${f.why}`;
      continue;
    }
    const perCell = cand.map((c) => cellTextileNotes(c.text));
    if (new Set(perCell.map((n) => n.join())).size > 1) {
      f.why = `the EU-side records it covers disagree: ${cand.map((c, i) => `"${c.label}"${c.desc ? ` (${c.desc.slice(0, 40)})` : ''} → ${showNotes(perCell[i])}`).join('; ')}`;
      f.verdict = `unsettled: ${f.why}`;
      continue;
    }
    f.cellNotes = perCell[0]!;
    f.lost = cand.map((c) => lostMarkerTrace(c.text)).find((t) => t !== undefined);
    const ukMore = uk ? uk.notes.filter((n) => !f.cellNotes!.includes(n)) : [];
    if (f.lost && ukMore.length) {
      if (uk!.disagree) {
        f.why = `the EU-side cell refers to ${showNotes(f.cellNotes)} but shows the trace of a lost footnote marker ("${f.lost}"), and the UK rows of the same legal row differ among themselves`;
        f.verdict = `unsettled: ${f.why}`;
        continue;
      }
      // The cell lost a marker exactly where the UK mirror of the same cell has one: the lost marker is read as the
      // UK mirror's note. Inferred, not read; said on the row and in the report.
      f.notes = TEXTILE_NOTES.filter((n) => f.cellNotes!.includes(n) || uk!.notes.includes(n));
      f.inferred = `the EU-side cell refers to ${showNotes(f.cellNotes)} and shows the trace of a lost footnote marker ("${f.lost}") where the UK mirror of the same legal row refers to ${showNotes(uk!.notes)}; the lost marker is read as ${ukMore.map(noteName).join(' and ')}`;
      f.verdict = `**inferred**: ${f.inferred}`;
      continue;
    }
    f.notes = f.cellNotes;
    if (!uk) f.verdict = 'EU-side cell (no UK row matched)';
    else if (uk.disagree) f.verdict = `EU-side cell; the UK rows of this legal row (${uk.rows.join(', ')}) differ among themselves`;
    else if (sameNotes(uk.notes, f.notes)) f.verdict = f.lost ? 'EU-side cell = UK mirror (the cell lost a second marker; the UK mirror shows it is the same note)' : 'EU-side cell = UK mirror';
    else f.verdict = `**differs from the UK mirror (${showNotes(uk.notes)}); EU-side cell taken**`;
  }
  for (const c of cells) {
    if (used.has(c) || !cellTextileNotes(c.text).length) continue;
    // A cell no row took: fine only where a row with the same notes covers its records (e.g. grouped labels).
    problems.push(`EU-side cell "${c.label}"${c.desc ? ` (${c.desc.slice(0, 60)})` : ''} refers to ${showNotes(cellTextileNotes(c.text))} of Annex I, but no row took it (records ${c.records[0]!.sub}…)`);
  }
  // Write the rows.
  const byId = new Map(findings.map((f) => [f.id, f]));
  for (const row of rows) {
    const f = byId.get(row.id as string);
    if (!f) continue;
    if (f.notes?.length) row.textileTolerances = f.notes;
    const extra =
      f.notes === undefined
        ? `Textile tolerances not recorded (import-report.md): ${f.why}.`
        : f.inferred
          ? `Textile notes inferred (import-report.md): ${f.inferred}.`
          : f.uk && !f.uk.disagree && !sameNotes(f.uk.notes, f.notes)
          ? `Textile notes from the EU-side cell (${showNotes(f.notes)}); the UK mirror of this row refers to ${showNotes(f.uk.notes)} (import-report.md).`
          : undefined;
    if (extra) row.note = row.note ? `${row.note as string} ${extra}` : extra;
  }
  return findings;
}

/** The chapters of 50–63 whose rows all have settled textile notes, and those with unsettled rows. */
function textileChapters(findings: readonly TextileFinding[]): { settled: string[]; unsettled: string[] } {
  const chapters = Array.from({ length: 14 }, (_, i) => String(50 + i));
  const open = new Set(findings.filter((f) => f.notes === undefined).map((f) => f.scope.slice(0, 2)));
  return { settled: chapters.filter((c) => !open.has(c)), unsettled: chapters.filter((c) => open.has(c)) };
}

/**
 * agreement.json must follow the derivation: a chapter with an unsettled row keeps its unknown tolerance
 * (never `excludedChapters`); a chapter whose rows are all settled leaves `unknownToleranceChapters`; the
 * notes the rows refer to are defined in `textileTolerances`.
 */
function checkToleranceChapters(
  findings: readonly TextileFinding[],
  agreement: { tolerance?: { excludedChapters?: string[]; unknownToleranceChapters?: string[] }; textileTolerances?: Record<string, unknown> },
  problems: string[],
): void {
  const { settled, unsettled } = textileChapters(findings);
  const excluded = new Set(agreement.tolerance?.excludedChapters ?? []);
  const unknown = new Set(agreement.tolerance?.unknownToleranceChapters ?? []);
  for (const c of unsettled) {
    if (!unknown.has(c)) problems.push(`agreement.json: Chapter ${c} has rows with unsettled textile notes, so it must stay in tolerance.unknownToleranceChapters`);
    if (excluded.has(c)) problems.push(`agreement.json: Chapter ${c} has rows with unsettled textile notes; it may not be in tolerance.excludedChapters`);
  }
  for (const c of settled) {
    if (unknown.has(c)) problems.push(`agreement.json: every row of Chapter ${c} has settled textile notes; move it from tolerance.unknownToleranceChapters to excludedChapters`);
    else if (!excluded.has(c)) problems.push(`agreement.json: Chapter ${c} (textiles) is in neither tolerance.excludedChapters nor unknownToleranceChapters`);
  }
  for (const n of TEXTILE_NOTES) {
    if (findings.some((f) => f.notes?.includes(n)) && !agreement.textileTolerances?.[n]) problems.push(`agreement.json: rows refer to ${noteName(n)} of Annex I, but textileTolerances.${n} is not defined`);
  }
}

/** The import report's section on textile notes. */
function textileReport(findings: readonly TextileFinding[]): string[] {
  const { settled, unsettled } = textileChapters(findings);
  const count = (n: TextileNote) => findings.filter((f) => f.notes?.includes(n)).length;
  const open = findings.filter((f) => f.notes === undefined);
  const differ = findings.filter((f) => f.notes !== undefined && f.uk && !f.uk.disagree && !sameNotes(f.uk.notes, f.notes));
  const rec = (f: TextileFinding) => {
    const r = f.records[0];
    const c = f.cells[0];
    if (!r || !c) return '-';
    const subs = new Set(f.records.map((x) => x.sub));
    return `"${c.label}"${c.desc ? ` (${c.desc.length > 40 ? `${c.desc.slice(0, 37)}…` : c.desc})` : ''}: rules[${r.index}] (${r.sub})${subs.size > 1 ? ` + ${f.records.length - 1} more in scope` : ''}${f.cells.length > 1 ? `; ${f.cells.length} cells` : ''}`;
  };
  return [
    '## Textile tolerances (Annex I Notes 6 and 7)',
    '',
    `Each row of Chapters 50–63, and any other row whose EU-side cell refers to Note 6 or 7 of Annex I, takes the notes its EU-side full cell ([${A2M_SOURCE}]) refers to: "For special conditions relating to products made of a mixture of textile materials, see Note 6 of Annex I to Protocol 1" → \`mixed\`; "See Note 7 of Annex I to Protocol 1" → \`otherHeading\`. The cell is the one of the row's own legal row and indent, with records inside the row's scope (and, for rows from the EU prototype list, containing its text). The comparison is with the UKVFTA rows built from the UK rule sets of the same legal row (their notes come from the footnote markers of the UK Origin Reference Document: rules/ukvfta/textile-notes.json).`,
    '',
    'The EU-side capture drops the footnote markers and appends **one** footnote text at the end of a cell. Where the legal cell has two markers side by side, it keeps the comma between them (", ." or "; , or"): the trace of a lost marker. Such a cell proves the note it shows, not the absence of another. A row whose cell shows that trace while the UK mirror refers to a further note is left **unsettled** (no `textileTolerances`; its chapter keeps an unknown tolerance), rather than taking either list.',
    '',
    `- Rows examined: ${findings.length}; settled: ${findings.length - open.length} (with references: ${findings.filter((f) => f.notes?.length).length}: Note 6 ${count('mixed')}, Note 7 ${count('otherHeading')}, both ${findings.filter((f) => f.notes?.length === 2).length}; no reference: ${findings.filter((f) => f.notes?.length === 0).length}); unsettled: ${open.length}`,
    `- Outside Chapters 50–63 with a reference: ${findings.filter((f) => !isTextileChapter(f.scope) && f.notes?.length).map((f) => f.id).join(', ') || 'none'}`,
    `- Differences from the UK mirror where the EU-side cell was taken: ${differ.length}${differ.length ? ` (${differ.map((f) => f.id).join(', ')})` : ''}`,
    `- Chapters whose rows are all settled (general tolerance excluded, textile notes per row): ${settled.join(', ') || 'none'}`,
    `- Chapters with unsettled rows (unknown tolerance kept): ${unsettled.join(', ') || 'none'}`,
    '',
    ...(open.length ? ['Unsettled rows:', '', ...open.map((f) => `- ${f.id}: ${f.why}`), ''] : []),
    '| row | EU-side cell | record | lost marker | UK mirror (rows) | taken | how |',
    '|---|---|---|---|---|---|---|',
    ...findings.map(
      (f) =>
        `| ${f.id} | ${showNotes(f.cellNotes)} | ${rec(f).replace(/\|/g, '\\|')} | ${f.lost ? `"${f.lost.replace(/\|/g, '\\|')}"` : ''} | ${f.uk ? `${showNotes(f.uk.notes)} (${f.uk.rows.join(', ')})` : '-'} | ${f.notes === undefined ? '**unsettled**' : showNotes(f.notes)} | ${f.verdict.replace(/\|/g, '\\|')} |`,
    ),
    '',
  ];
}

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
  const ukMatch = new Map<number, UkCell>();
  const diffs = diffAgainstUk(euRows, ukMatch);
  const resByKey = new Map(resolutions.map((r) => [r.key, r]));

  // ---- the EU-side full cells: check every difference that has a UK cell; apply those resolved from them
  const cells = loadA2m(problems);
  const ukRows = readJson<{ rows: UkvftaRow[] }>(join(root, UKVFTA_PSR)).rows;
  const euRule = (r: EuRow) => overrides.get(r.index)?.rule ?? byText.get(r.text)?.rule;
  const checks = new Map<string, A2mCheck>();
  for (const d of diffs) {
    const c = checkDifference(d, cells, kept, ukRows, euRule);
    if (c) checks.set(d.key, c);
  }
  if (process.argv.includes('--seed-eu-cells')) {
    seedEuCells(resolutions, diffs, checks);
    return;
  }
  const completions = new Map<number, { rule: string; text: string; cite: { source: string; ref: string }; note: string }>();
  // ---- hand fixes from Circular 11/2020/TT-BCT Annex II (rows the EU-side cells cannot reach)
  /** Keys resolved from the Circular's Annex II, with the Vietnamese cell and its reading. */
  const fromCircular = new Map<string, { cell: CircularCell; text: string; ref: string; failures: string[] }>();
  for (const c of CIRCULAR_CELLS) {
    const d = diffs.find((x) => x.key === c.key);
    if (!d || !d.eu || !d.uk) {
      problems.push(`${c.key}: Circular 11/2020 hand fix for a difference that no longer exists (or has no EU row and UK cell)`);
      continue;
    }
    const res = resByKey.get(c.key);
    if (res?.status === 'resolved') problems.push(`${c.key}: resolved both in resolutions.json and by the Circular 11/2020 hand fix; keep one`);
    const ref = `Phụ lục II (Annex II), row "${c.label}" ("${c.desc}"), column (3); ${CIRCULAR_FILE}, ${c.at}`;
    const en = circularEnglish(c.vi);
    const failures: string[] = [];
    if (!en.text) failures.push(en.why!);
    else {
      failures.push(...checkAlternatives({ label: c.label, desc: c.desc, text: en.text, codes: [], records: [] }, d.uk.rules));
      if (!` ${cellKey(en.text)} `.includes(` ${cellKey(d.eu.text)} `)) failures.push("the EU prototype's text is not among the Circular's alternatives");
      const inVi = [...textPercents(c.vi)].sort().join();
      const inEn = [...textPercents(en.text)].sort().join();
      if (inVi !== inEn) failures.push(`percentages differ between the Vietnamese cell {${inVi}} and its reading {${inEn}}`);
    }
    const s = ukStructure(ukRows, d.uk);
    if (s.why) failures.push(s.why);
    fromCircular.set(c.key, { cell: c, text: en.text ?? '', ref, failures });
    if (failures.length) {
      problems.push(`${c.key}: the Circular 11/2020 cell does not confirm the UK alternatives, so the row stays as it was: ${failures.join('; ')}`);
      continue;
    }
    const rule = s.rule!;
    const parsed = parseRuleExpression(rule);
    if (!parsed.success) {
      problems.push(`${c.key}: the full rule does not parse: ${parsed.issue.message}`);
      continue;
    }
    const inRule = [...percentsOf(parsed.rule, new Set())].sort().join(', ');
    const inCell = [...textPercents(c.vi)].sort().join(', ');
    if (inRule !== inCell) problems.push(`${c.key}: the full rule states {${inRule}} %, the Circular's cell {${inCell}} %`);
    const n = d.uk.rules.length;
    const r = d.eu;
    completions.set(r.index, {
      rule,
      text: en.text!,
      cite: { source: CIRCULAR_SOURCE, ref },
      note: [
        `Full Annex II cell from Circular 11/2020/TT-BCT, Phụ lục II (Viet Nam's implementing text of Protocol 1 Annex II, in Vietnamese): "${c.vi}" It gives the ${n} alternatives of the UK mirror in the same order and with the same percentages (checked by import-evfta.ts through the Circular's standard wordings), so the whole cell is applied, structured as translated for UKVFTA (UK rule set${d.uk.indexes.length > 1 ? 's' : ''} ${d.uk.indexes.join(', ')}); the English text is that reading. Circular 41/2022/TT-BCT, which amends Annex II, does not touch this row.`,
        `The EU prototype list gives only the start of this cell [ott-xi-psr: Annex II row "${r.set.heading.replace(/\s+/g, ' ').trim()}" (psr_new/vietnam.json, rule set ${r.index})], and the EU-side full-cell file stops at subheading ${a2mLast} (differences.md, key ${d.key}).`,
      ].join(' '),
    });
    const resolved: Resolution = {
      key: c.key,
      status: 'resolved',
      resolution: `Resolved from Circular 11/2020/TT-BCT Annex II (hand fix in import-evfta.ts, superseding the open entry of resolutions.json): the Vietnamese cell of the row gives both alternatives of the UK mirror, CTH or a 70 % maximum of non-originating materials, joined by "hoặc" (or); Circular 41/2022/TT-BCT leaves the row unchanged. The EU prototype list carries only the first line of the cell. psr.json applies the full rule, structured as translated for UKVFTA, and no longer marks the row incomplete.`,
      cite: { source: CIRCULAR_SOURCE, ref },
    };
    const i = resolutions.findIndex((x) => x.key === c.key);
    if (i >= 0) resolutions[i] = resolved;
    else resolutions.push(resolved);
    resByKey.set(c.key, resolved);
  }
  /** Keys resolved from the EU-side cell whose check passed. */
  const fromCell = new Set<string>();
  /** Where each row comes from, for the textile-note derivation: its legal row's codes, indent, prototype text and UK cell. */
  const rowOrigin = new Map<Record<string, unknown>, RowOrigin>();
  const added: Record<string, unknown>[] = [];
  for (const res of resolutions) {
    if (res.basis !== 'eu-cell') continue;
    const d = diffs.find((x) => x.key === res.key);
    const check = checks.get(res.key);
    if (!d || !check) {
      if (d) problems.push(`${res.key}: resolved from the EU-side cell, but this kind of difference has no full-cell check`);
      continue;
    }
    if (res.status !== 'resolved') problems.push(`${res.key}: "basis": "eu-cell" needs "status": "resolved"`);
    // A hand translation of the cell (a wording difference) needs the cell, not the UK alternatives' agreement with it.
    if (res.rule ? !check.cell : check.failures.length) {
      problems.push(`${res.key}: the EU-side full-cell check fails, so the row stays as it was: ${check.failures.join('; ')}`);
      continue;
    }
    if (res.cite?.source !== A2M_SOURCE || res.cite.ref !== check.ref) problems.push(`${res.key}: cite should be {"source": "${A2M_SOURCE}", "ref": ${JSON.stringify(check.ref)}}`);
    const rule = res.rule ?? check.rule ?? check.add?.[0]?.rule;
    if (!rule) {
      problems.push(`${res.key}: no rule for the EU-side cell`);
      continue;
    }
    const parsed = parseRuleExpression(rule);
    if (!parsed.success) {
      problems.push(`${res.key}: the full rule does not parse: ${parsed.issue.message}`);
      continue;
    }
    const inRule = [...percentsOf(parsed.rule, new Set())].sort().join(', ');
    const inCell = [...textPercents(check.cell!.text)].sort().join(', ');
    if (inRule !== inCell) problems.push(`${res.key}: the full rule states {${inRule}} %, the EU-side cell {${inCell}} %`);
    fromCell.add(res.key);
    const uk = d.uk!;
    const confirmed = check.failures.length === 0;
    const how = res.rule
      ? 'translated by hand'
      : `structured as translated for UKVFTA (UK rule set${uk.indexes.length > 1 ? 's' : ''} ${uk.indexes.join(', ')})`;
    if (d.eu && !check.add) {
      const r = d.eu;
      const n = uk.rules.length;
      completions.set(r.index, {
        rule,
        text: check.cell!.text,
        cite: { source: A2M_SOURCE, ref: check.ref! },
        note: [
          confirmed
            ? `Full Annex II cell from the EU-side reproduction (Access2Markets data; secondary, not the Official Journal): it contains the ${n} alternative${n > 1 ? 's' : ''} of the UK mirror in the same order and with the same percentages (checked by import-evfta.ts), so the whole cell is applied, ${how}.`
            : `Full Annex II cell from the EU-side reproduction (Access2Markets data; secondary, not the Official Journal), ${how}; its wording differs from the UK mirror's (differences.md).`,
          ...(res.ruleNote ? [res.ruleNote] : []),
          `The EU prototype list gives only the start of this cell [ott-xi-psr: Annex II row "${r.set.heading.replace(/\s+/g, ' ').trim()}" (psr_new/vietnam.json, rule set ${r.index})] (differences.md, key ${d.key}).`,
        ].join(' '),
      });
    }
    for (const a of check.add ?? []) {
      const desc = a.sibling ? a.sibling.sub || a.sibling.set.heading : check.cell!.desc;
      const item: Record<string, unknown> = {
        scope: a.scope,
        ...(a.labelEx ? { ex: desc } : {}),
        description: desc,
        rule: a.rule,
        text: check.cell!.text,
        cite: { source: A2M_SOURCE, ref: a.ref },
        note: [
          `No row in the EU prototype list (differences.md, key ${d.key}); the EU-side reproduction of Annex II (Access2Markets data; secondary, not the Official Journal) shows ${a.scope} in the grouped legal row "${check.cell!.label}"${check.cell!.desc ? ` ("${check.cell!.desc}")` : ''}, whose cell ${d.key.startsWith('label:') ? `is the rule of the EU row ${scopeString(d.eu!.scope)}, applied here unchanged` : `contains every alternative of the UK mirror's own row in the same order and with the same percentages (checked by import-evfta.ts); ${how}`}.`,
          ...(res.ruleNote ? [res.ruleNote] : []),
        ].join(' '),
      };
      added.push(item);
      rowOrigin.set(item, { codes: scopeCodes(labelScope(a.scope)!), desc: (item.description as string), uk: d.uk });
    }
  }
  for (const [key, c] of checks) if (c.failures.length === 0 && resByKey.get(key)?.status === 'open') problems.push(`${key}: the EU-side full cell confirms this open difference; resolve it ("basis": "eu-cell") or say why not`);

  const noteFor = new Map<number, string[]>();
  for (const d of diffs) for (const i of d.euIndexes ?? []) if (d.rowNote && !fromCell.has(d.key) && !(fromCircular.get(d.key)?.failures.length === 0)) noteFor.set(i, [...(noteFor.get(i) ?? []), d.rowNote]);
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
    const full = completions.get(r.index);
    if (full && override) problems.push(`rule set ${r.index}: the override in translations.json is superseded by the EU-side full cell; remove it`);
    if (!t && !override) untranslated.add(r.text);
    const rule = full?.rule ?? override?.rule ?? t?.rule ?? '';
    const n = (idCount.get(scope) ?? 0) + 1;
    idCount.set(scope, n);
    const shared = (scopeCount.get(scope) ?? 0) > 1;
    const desc = r.sub || r.set.heading;
    const notes = full
      ? // The UKVFTA translation note of the first alternative still explains its part of the rule.
        [full.note, ...(t?.note && t.from === 'ukvfta' ? [t.note] : []), ...(r.rangeCorrected ? [`HS range of the EU source corrected to its heading label (${r.rangeCorrected}).`] : []), ...(noteFor.get(r.index) ?? [])]
      : [...(t?.note && !override ? [t.note] : []), ...(override ? [override.note] : []), ...(r.rangeCorrected ? [`HS range of the EU source corrected to its heading label (${r.rangeCorrected}).`] : []), ...(noteFor.get(r.index) ?? [])];
    const row: Record<string, unknown> = {
      id: n === 1 ? scope : `${scope}.${n}`,
      scope,
      ...(r.labelEx || shared ? { ex: shared ? `${r.set.heading.trim()}: ${desc}` : desc } : {}),
      description: desc,
      rule,
      text: full ? full.text : override ? override.text : plainText(r.text),
      cite: full ? full.cite : override ? override.cite : { source: 'ott-xi-psr', ref: `Annex II row "${r.set.heading.replace(/\s+/g, ' ').trim()}" (psr_new/vietnam.json, rule set ${r.index})` },
      ...(notes.length ? { note: notes.join(' ') } : {}),
      ...(incompleteFor.has(r.index) ? { incomplete: incompleteFor.get(r.index)!.join(' ') } : {}),
    };
    rows.push(row);
    rowOrigin.set(row, { codes: scopeCodes(r.scope), desc, first: r.text, uk: ukMatch.get(r.index) });
  }
  // Rows the EU prototype lacks, from the grouped legal rows of the EU-side cells: after the last row of a lower scope.
  const addedScopes = new Map<string, number>();
  for (const a of added) addedScopes.set(a.scope as string, (addedScopes.get(a.scope as string) ?? 0) + 1);
  const addedSeen = new Map<string, number>();
  for (const a of added) {
    const scope = a.scope as string;
    if (idCount.has(scope)) problems.push(`added row ${scope}: the EU list already has a row for it`);
    const k = (addedSeen.get(scope) ?? 0) + 1;
    addedSeen.set(scope, k);
    const many = (addedScopes.get(scope) ?? 0) > 1;
    const row = { id: many ? `${scope}.${k}` : scope, ...a, ...(many && a.ex ? { ex: `${scope}: ${a.ex as string}` } : {}) };
    let at = rows.length;
    while (at > 0 && (rows[at - 1]!.scope as string) > scope) at--;
    rows.splice(at, 0, row);
    rowOrigin.set(row, rowOrigin.get(a)!);
  }
  for (const r of rows as { id: string; scope: string }[]) if ((idCount.get(r.scope) ?? 0) > 1 && r.id === r.scope) r.id = `${r.scope}.1`;
  for (const t of untranslated) problems.push(`no translation for: ${JSON.stringify(t)}`);
  for (const row of rows as { id: string; rule: string }[]) {
    if (!row.rule) continue;
    const p = parseRuleExpression(row.rule);
    if (!p.success) problems.push(`row ${row.id}: ${p.issue.message}`);
  }

  // ---- textile tolerances (Annex I Notes 6 and 7): which rows refer to them, from the EU-side cells
  const textile = deriveTextileNotes(rows, rowOrigin, cells, ukRows, problems);
  const agreement = readJson<{ tolerance?: { excludedChapters?: string[]; unknownToleranceChapters?: string[] }; textileTolerances?: Record<string, unknown> }>(join(OUT, 'agreement.json'));
  checkToleranceChapters(textile, agreement, problems);

  const gaps = [
    { scope: '4101-4103', reason: "Annex II gives no rule of its own for raw hides and skins: the EU list has no row for them (the 'ex Chapter 41' heading row carries no rule in the UK mirror of the list either)" },
    { scope: '4113', reason: 'The EU source has no row for heading 4113; the UK mirror of Annex II groups it with 4107 and 4112 ("4107, 4112 and 4113"), which the EU source does not confirm (differences.md)' },
    { scope: '7110', reason: "The EU source has no row for heading 7110 (platinum); its goods would otherwise fall to the looser 'ex Chapter 71' row, while the UK mirror of Annex II gives 7110 the stricter rules of 7106 and 7108 — unconfirmed for the EVFTA (differences.md D149, D150)" },
    { scope: '4114-4115', reason: "Annex II gives no rule of its own for chamois, patent and composition leather: the EU list has no row for them (the 'ex Chapter 41' heading row carries no rule in the UK mirror of the list either)" },
  ];
  const gapsLeft = gaps.filter((g) => !added.some((a) => a.scope === g.scope));
  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'evfta', hsVersion: 'HS2012', rows, gaps: gapsLeft };
  writeFileSync(join(OUT, 'psr.json'), `${JSON.stringify(psr, null, 2)}\n`);

  // ---- differences
  const circularApplied = [...fromCircular.values()].filter((c) => !c.failures.length).length;
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
    'Each difference that has a UK cell is also compared with the **EU-side full cell**: the whole Annex II cell as the',
    "Commission's Access2Markets rules-of-origin data give it, captured in `ott-prototype/" + A2M_PATH.split('ott-prototype/')[1] + '`',
    `(trade-tariff/ott-prototype@${A2M_COMMIT.slice(0, 7)}; one record per 6-digit subheading; it stops at subheading ${a2mLast}). It is a secondary`,
    'reproduction, not the Official Journal. The check is mechanical: every UK alternative must appear in the cell, in the',
    'same order, and the cell and the UK alternatives must state the same percentages. Where a resolution is "from the',
    'EU-side full cell" and the check passes, psr.json applies the whole cell.',
    '',
    'Where the EU-side file has no cell (it stops before Chapter 95), a hand fix in `import-evfta.ts` may quote the cell of',
    "**Circular 11/2020/TT-BCT, Annex II** (Phụ lục II, Viet Nam's implementing text of the list, in Vietnamese). Its",
    'alternatives are read through the standard Vietnamese wordings into English and checked in the same way; where the',
    'check passes, the difference is resolved from the Circular and psr.json applies the whole cell.',
    '',
    `**${diffs.length} differences: ${resolved} resolved (${fromCell.size} of them from the EU-side full cell, ${circularApplied} from Circular 11/2020 Annex II), ${diffs.length - resolved} open.**`,
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
        ...checkLines(checks.get(d.key), d).map((l) => `- ${l}`),
        ...circularLines(fromCircular.get(d.key), d).map((l) => `- ${l}`),
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
    `- Rows written: ${rows.length}; declared gaps: ${gapsLeft.length}; HS ranges corrected to the label: ${kept.filter((r) => r.rangeCorrected).length}`,
    `- Differences vs UKVFTA: ${diffs.length} (${resolved} resolved, ${diffs.length - resolved} open)`,
    `- Rows that could not be structured: ${untranslated.size}`,
    `- EU-side full cells: \`${A2M_PATH}\` (trade-tariff/ott-prototype@${A2M_COMMIT}, git blob ${A2M_BLOB}): ${cells.length} distinct cells, last record sub_heading ${a2mLast}`,
    `- Full-cell checks: ${checks.size} differences checked, ${[...checks.values()].filter((c) => !c.failures.length).length} confirmed, ${[...checks.values()].filter((c) => c.failures.length).length} not; resolved from the cell: ${fromCell.size} (rows given their full rule: ${completions.size - circularApplied}; rows added: ${added.length})`,
    `- Circular 11/2020 Annex II hand fixes: ${fromCircular.size} (${circularApplied} confirmed and applied)`,
    `- Rows still marked incomplete: ${rows.filter((r) => r.incomplete).length}`,
    '',
    ...textileReport(textile),
    '## Differences the EU-side full cell does not confirm',
    '',
    ...[...checks].filter(([, c]) => c.failures.length).map(([k, c]) => `- ${k} (${diffs.find((d) => d.key === k)!.title}): ${c.failures.join('; ')}`),
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
  /** The EU row and the UK cell the difference is between (for the EU-side full-cell check). */
  eu?: EuRow;
  uk?: UkCell;
}

interface UkCell {
  label: string;
  sub: string;
  rules: string[];
  indexes: number[];
  ranges: string[];
  scope: { from: string; to: string };
}

/** `matches` receives, for each kept EU rule set, the UK cell of the same legal row (the best match). */
function diffAgainstUk(euRows: EuRow[], matches?: Map<number, UkCell>): Difference[] {
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
    matches?.set(r.index, best.c);
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
        eu: r,
        uk: c,
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
        eu: r,
        uk: c,
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
        eu: r,
        uk: c,
      });
      continue;
    }
    diffs.push({
      key: `wording:${r.index}`,
      kind: 'different rule wording',
      title: `${r.set.heading.replace(/\s+/g, ' ')}${r.sub ? ` (${r.sub.slice(0, 60)})` : ''}`,
      lines: [where, `EU: ${q(r.text)}`, `UK: ${ukText}`],
      euIndexes: [r.index],
      eu: r,
      uk: c,
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
      uk: c,
    });
  }
  return diffs;
}

main();
