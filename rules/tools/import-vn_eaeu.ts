/**
 * Maintainer tool: turns the hand transcript of the Viet Nam – EAEU FTA product
 * specific rules in force in Viet Nam (the Appendix of MOIT Circular 01/2024/TT-BCT,
 * HS 2022) into `rules/vn_eaeu/psr.json`, with a report of every distinct criterion
 * text and its expression.
 *
 *   npx tsx rules/tools/import-vn_eaeu.ts                  (HS 2022 list in force; descriptions from ../shared)
 *   SHARED_DIR=/path npx tsx rules/tools/import-vn_eaeu.ts
 *   npx tsx rules/tools/import-vn_eaeu.ts --legacy-2015    (history only, see below)
 *
 * Input: `rules/vn_eaeu/source/psr2022.transcript.txt`, one line per run of table
 * rows carrying the same criterion, in table order (format in the file header):
 *   "0101.21 .29 .30 :: WO"     (".29" continues heading 0101; "0205.00" is HS 2022 code 020500;
 *                                "8702" is a heading-level row)
 *   "0305.32+ :: CC"            (code in this read window, criterion at the start of the next one)
 *   "@ 16000"                   (rows below were read in the window starting at that character offset)
 * The criterion is Vietnamese as printed. It is structured by a small grammar that
 * follows point 1 of the Appendix (WO, CC, CTH, CTSH, "VAC (X)%", "CTC + VAC (X)%",
 * "CTC hoặc VAC (X)%", "…, ngoại trừ từ …"); three texts the grammar does not cover
 * carry a hand translation below. A text neither covers stops the import.
 *
 * --legacy-2015 rebuilds the rows of the list as signed in 2015 (Annex 3 of the
 * Agreement, HS 2012, English criteria, `source/annex3-psr.transcript.txt`) into
 * `source/annex3-2015.psr.json` for comparison only; that list was superseded in
 * Viet Nam by Circular 11/2018/TT-BCT and again by Circular 01/2024/TT-BCT.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import type { PsrRow } from '../../src/rules/schema.js';
import { ROOT, hsDescriptions, readTranscript, criterionTable, rowsPerChapter, writePsrFile } from './kit.js';

const dir = join(ROOT, 'rules/vn_eaeu');
const WINDOW = 16000;

// ---------------------------------------------------------------------------
// HS 2022 list (Circular 01/2024/TT-BCT)
// ---------------------------------------------------------------------------
const TRANSCRIPT = join(dir, 'source/psr2022.transcript.txt');
const SOURCE_ID = 'circ-01-2024-certo';
const SOURCE_FILE =
  'docs/legal/canonical/corpus/01-2024-tt-bct-thong-tu-sua-doi-bo-sung-mot-so-dieu-cua-thong-tu-so-21-2016-tt-bct-ngay-20-thang-9-nam-2016-cua-bo-truon.md';
const SOURCE_CHARS = 550000;

const FOOTWEAR =
  'CTH, ngoại trừ từ mũ giày thuộc phân nhóm 6406.10, 6406.90, có hoặc không gắn với đế trừ đế ngoài';
const VESSELS = 'CTH, ngoại trừ thân tàu thuộc nhóm 89.06';
const VEHICLE_PREFIX = 'VAC 50% với điều kiện các công đoạn, quy trình sản xuất sau đây phải được thực hiện:';

/** Hand translations of the criteria the grammar does not cover. */
export const OVERRIDES: Record<string, { rule: string; note: string }> = {
  [FOOTWEAR]: {
    rule: 'CTH(except: sh640610) and Declared(eaeu_uppers_640690, "no non-originating uppers of subheading 6406.90 are used")',
    note: 'The exclusion names uppers (mũ giày) only. In HS 2022 uppers fall in 6406.10, which the expression excludes outright; other goods of 6406.90 (removable in-soles, gaiters, other parts) remain usable under CTH, so the 6406.90 part of the exclusion is left to a declaration.',
  },
  [VESSELS]: {
    rule: 'CTH and Declared(eaeu_hulls_8906, "no non-originating hulls of vessels of heading 89.06 are used")',
    note: 'The exclusion names hulls (thân tàu) of heading 89.06 only, not every good of that heading, so it is a declaration rather than CTH(except: h8906).',
  },
};
const VEHICLE_RULE =
  'RVC(50% FOB) and Declared(eaeu_vehicle_operations, "the production operations listed in the Appendix for headings 87.02-87.04 that apply to the vehicle type were carried out in the Party: welding or other manufacture of the body (cab), painting of the body (cab), engine mounting, traction motor mounting, gearbox installation, front and rear suspension, steering and braking, exhaust and muffler parts, engine diagnosis and adjustment, brake check, radio-interference and electromagnetic-compatibility check, testing of the completed vehicle")';
const VEHICLE_NOTE =
  'The list of production operations is kept in a declaration; the engine checks the 50 % value added content only. The criterion is printed once for the three heading-level rows 87.02, 87.03 and 87.04 and is interleaved with their descriptions in the converted text; it was reassembled in reading order (see source/psr2022.transcript.txt).';

/** Cyrillic look-alikes (С, Т, Н) occur in the converted text: normalise to Latin. */
export function normalise(text: string): string {
  return text.replace(/С/g, 'C').replace(/Т/g, 'T').replace(/Н/g, 'H').replace(/\s+/g, ' ').trim();
}

/** "Chương 1", "Chươngs 7, 8", "04.09", "51.06 đến 51.08", "4805.40", "Chương 60 và từ nhóm 51.11 đến 51.13" → selectors. */
export function exceptListVi(list: string): string[] {
  const out: string[] = [];
  let s = list.replace(/đến(?=\d)/g, 'đến ').replace(/\s+và từ nhóm\s+/g, ', ').replace(/\s+và\s+/g, ', ');
  const chapters = s.match(/^Chương(?:s)? ([\d ,]+?)(?=,\s*\d\d\.\d\d|$)/);
  if (chapters) {
    for (const c of (chapters[1] ?? '').split(',').map((x) => x.trim()).filter(Boolean)) out.push(`ch${c.padStart(2, '0')}`);
    s = s.slice(chapters[0].length);
  }
  for (const part of s.split(',').map((x) => x.trim()).filter(Boolean)) {
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^(\d\d)\.(\d\d) đến (\d\d)\.(\d\d)$/))) out.push(`h${m[1]}${m[2]}..h${m[3]}${m[4]}`);
    else if ((m = part.match(/^(\d\d)\.(\d\d)$/))) out.push(`h${m[1]}${m[2]}`);
    else if ((m = part.match(/^(\d{4})\.(\d\d)$/))) out.push(`sh${m[1]}${m[2]}`);
    else throw new Error(`unreadable exception list item "${part}" in "${list}"`);
  }
  return out;
}

function alternativeVi(alt: string): string {
  let m: RegExpMatchArray | null;
  if ((m = alt.match(/^VAC (\d+(?:[.,]\d+)?)%$/))) return `RVC(${m[1]}% FOB)`;
  if ((m = alt.match(/^(CC|CTH|CTSH) ?\+ ?VAC (\d+(?:[.,]\d+)?)%$/))) return `${m[1]} and RVC(${m[2]}% FOB)`;
  if ((m = alt.match(/^(WO|CC|CTH|CTSH)$/))) return m[1] ?? alt;
  if ((m = alt.match(/^(CC|CTH|CTSH), ngoại trừ từ (.+)$/))) {
    const sel = exceptListVi(m[2] ?? '');
    return `${m[1]}(except: ${sel.length === 1 ? sel[0] : `[${sel.join(', ')}]`})`;
  }
  throw new Error(`criterion not covered by the grammar: "${alt}"`);
}

/** A criterion of the Appendix → rule expression. */
export function translateVi(text: string): { rule: string; note?: string } {
  if (OVERRIDES[text]) return OVERRIDES[text];
  if (text.startsWith(VEHICLE_PREFIX)) return { rule: VEHICLE_RULE, note: VEHICLE_NOTE };
  // Alternatives are joined by "hoặc" (", hoặc" after an exception list).
  const alts = text.split(/,? hoặc /).map((a) => a.trim());
  return { rule: alts.map(alternativeVi).join(' or ') };
}

type Entry = { rule: string; note?: string; count: number; codes: string[] };

function shownCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 4)}.${code.slice(4)}` : `${code.slice(0, 2)}.${code.slice(2)}`;
}

function importHs2022(): void {
  const desc = hsDescriptions('HS2022');
  const rows: PsrRow[] = [];
  const texts = new Map<string, Entry>();
  const split: string[] = [];
  let heading = '';
  const seen = new Set<string>();
  for (const { offset, parts, line } of readTranscript(TRANSCRIPT)) {
    const [codesPart, textPart] = parts;
    if (codesPart === undefined || !textPart || offset < 0) throw new Error(`malformed transcript line: ${line}`);
    const text = normalise(textPart);
    const t = translateVi(text);
    const parsed = parseRuleExpression(t.rule);
    if (!parsed.success) throw new Error(`expression for "${text}" does not parse: ${parsed.issue.message}`);
    const entry = texts.get(text) ?? { ...t, count: 0, codes: [] };
    for (const rawTok of codesPart.trim().split(/\s+/)) {
      const continued = rawTok.endsWith('+');
      const tok = continued ? rawTok.slice(0, -1) : rawTok;
      let code: string;
      if (/^\d{4}\.\d\d$/.test(tok)) {
        heading = tok.slice(0, 4);
        code = heading + tok.slice(5);
      } else if (/^\.\d\d$/.test(tok)) code = heading + tok.slice(1);
      else if (/^\d{4}$/.test(tok)) {
        heading = tok;
        code = tok;
      } else throw new Error(`bad code token "${rawTok}"`);
      if (seen.has(code)) throw new Error(`code ${code} listed twice`);
      seen.add(code);
      entry.count++;
      if (entry.codes.length < 3) entry.codes.push(shownCode(code));
      if (continued) split.push(shownCode(code));
      const end = Math.min(offset + (continued ? 2 * WINDOW : WINDOW), SOURCE_CHARS);
      rows.push({
        id: code,
        scope: code,
        description: desc.get(code) ?? '',
        rule: t.rule,
        text,
        cite: { source: SOURCE_ID, ref: `Phụ lục, ${shownCode(code)}, ${SOURCE_FILE}, characters ${offset}-${end}` },
        ...(t.note ? { note: t.note } : {}),
      });
    }
    texts.set(text, entry);
  }
  writePsrFile(dir, 'vn_eaeu', 'HS2022', rows);
  const chapters = rowsPerChapter(rows);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const report = [
    '# VN–EAEU PSR import report',
    '',
    'Generated by `npx tsx rules/tools/import-vn_eaeu.ts` from `source/psr2022.transcript.txt` (the Appendix',
    '"Quy tắc cụ thể mặt hàng" of Circular 01/2024/TT-BCT, HS 2022).',
    '',
    `- Rows: ${rows.length} (${rows.filter((r) => r.scope.length === 6).length} subheading rows, ${rows.filter((r) => r.scope.length === 4).length} heading-level rows: ${rows.filter((r) => r.scope.length === 4).map((r) => shownCode(r.scope)).join(', ')}).`,
    `- Distinct criterion texts: ${texts.size}; each maps to one expression below, and every expression parses.`,
    `- Gaps: none. No text was left unstructured; three texts use hand translations with a declaration (footwear, vessels, motor vehicles).`,
    `- Rows whose criterion continues in the next read window (cited over two windows): ${split.length} (${split.join(', ')}).`,
    `- Rows per chapter: ${[...chapters].map(([c, n]) => `${c}:${n}`).join(' ')}.`,
    '',
    'Reading of the abbreviations (Appendix, point 1): WO = wholly obtained under Article 4 of Annex I to Circular',
    '21/2016; CC / CTH / CTSH = change of chapter / heading / subheading of all non-originating materials;',
    'VAC (X)% = value added content by the formula of Article 5 of Annex I to Circular 21/2016 (FOB basis) of at',
    'least X % → `RVC(X% FOB)`; "CTC + VAC (X)%" → both; "CTC hoặc VAC (X)%" → either. "…, ngoại trừ từ …" adds',
    'the exclusion of non-originating materials of the codes named (`except:`). Point 2: the change of',
    'classification concerns non-originating materials only. Cyrillic look-alike letters in the converted text',
    '("СС", "СTH") are normalised to Latin.',
    '',
    ...criterionTable(texts, OVERRIDES),
    `- Motor vehicles 87.02–87.04 ("${VEHICLE_PREFIX} …"): ${VEHICLE_NOTE}`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'import-report.md'), report);
  console.log(`psr.json: ${rows.length} rows; ${texts.size} distinct criteria; ${split.length} rows over two windows`);
}

// ---------------------------------------------------------------------------
// Legacy: the list as signed in 2015 (Annex 3, HS 2012, English)
// ---------------------------------------------------------------------------
const LEGACY_TRANSCRIPT = join(dir, 'source/annex3-psr.transcript.txt');
const LEGACY_FILE = 'data/tax_legal/tax_database/03_Customs/Circulars/FTA/10. Vietnam - EEU/Doc_Undated_vcufta__annex_3_psr_.md';
const LEGACY_OVERRIDES: Record<string, { rule: string; note: string }> = {
  'CTH, except uppers from 6406.10, 6406.90, whether or not attached to soles other than outer soles':
    OVERRIDES[FOOTWEAR] as { rule: string; note: string },
  'CTH, except for hulls of vessels from the 89.06': OVERRIDES[VESSELS] as { rule: string; note: string },
};
const LEGACY_VEHICLE_PREFIX = 'VAC 50%, provided that the following technological operations were executed:';

function legacyExceptList(list: string): string[] {
  const out: string[] = [];
  let s = list.replace(/\band\b/g, ',');
  const chapters = s.match(/^Chapters? ([\d ,]+?)(?=,\s*\d\d\.\d\d|$)/);
  if (chapters) {
    for (const c of (chapters[1] ?? '').split(',').map((x) => x.trim()).filter(Boolean)) out.push(`ch${c.padStart(2, '0')}`);
    s = s.slice(chapters[0].length);
  }
  for (const part of s.split(',').map((x) => x.trim()).filter(Boolean)) {
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^(\d\d)\.(\d\d)\s*[–-]\s*(\d\d)\.(\d\d)$/))) out.push(`h${m[1]}${m[2]}..h${m[3]}${m[4]}`);
    else if ((m = part.match(/^(\d\d)\.(\d\d)$/))) out.push(`h${m[1]}${m[2]}`);
    else if ((m = part.match(/^(\d{4})\.(\d\d)$/))) out.push(`sh${m[1]}${m[2]}`);
    else throw new Error(`unreadable exception list item "${part}" in "${list}"`);
  }
  return out;
}

function legacyTranslate(text: string): { rule: string; note?: string } {
  if (LEGACY_OVERRIDES[text]) return LEGACY_OVERRIDES[text];
  if (text.startsWith(LEGACY_VEHICLE_PREFIX)) return { rule: VEHICLE_RULE, note: VEHICLE_NOTE };
  const alt = (a: string): string => {
    let m: RegExpMatchArray | null;
    if ((m = a.match(/^VAC (\d+(?:\.\d+)?)%$/))) return `RVC(${m[1]}% FOB)`;
    if ((m = a.match(/^(CC|CTH|CTSH) ?\+ ?VAC (\d+(?:\.\d+)?)%$/))) return `${m[1]} and RVC(${m[2]}% FOB)`;
    if ((m = a.match(/^(WO|CC|CTH|CTSH)$/))) return m[1] ?? a;
    if ((m = a.match(/^(CC|CTH|CTSH), except from (.+)$/))) {
      const sel = legacyExceptList(m[2] ?? '');
      return `${m[1]}(except: ${sel.length === 1 ? sel[0] : `[${sel.join(', ')}]`})`;
    }
    throw new Error(`criterion not covered by the grammar: "${a}"`);
  };
  return { rule: text.split(/,? or /).map((a) => alt(a.trim())).join(' or ') };
}

function importLegacy2015(): void {
  const rows: PsrRow[] = [];
  let heading = '';
  for (const { offset, parts, line } of readTranscript(LEGACY_TRANSCRIPT)) {
    const [codesPart, textPart] = parts;
    if (codesPart === undefined || !textPart || offset < 0) throw new Error(`malformed transcript line: ${line}`);
    const text = normalise(textPart);
    const t = legacyTranslate(text);
    for (const tok of codesPart.trim().split(/\s+/)) {
      let code: string;
      if (/^\d{4}\.\d\d$/.test(tok)) {
        heading = tok.slice(0, 4);
        code = heading + tok.slice(5);
      } else if (/^\.\d\d$/.test(tok)) code = heading + tok.slice(1);
      else if (/^\d{4}$/.test(tok)) code = heading = tok;
      else throw new Error(`bad code token "${tok}"`);
      rows.push({
        id: code,
        scope: code,
        description: '',
        rule: t.rule,
        text,
        cite: { source: 'eaeu-annex3', ref: `Annex 3 row ${shownCode(code)}; ${LEGACY_FILE}, characters ${offset}-${offset + WINDOW}` },
        ...(t.note ? { note: t.note } : {}),
      });
    }
  }
  const out = join(dir, 'source/annex3-2015.psr.json');
  writeFileSync(out, `${JSON.stringify({ agreement: 'vn_eaeu', hsVersion: 'HS2012', note: 'superseded list, for comparison only', rows }, null, 2)}\n`);
  console.log(`${out}: ${rows.length} rows (HS 2012, superseded)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--legacy-2015')) importLegacy2015();
  else importHs2022();
}
