/**
 * Maintainer tool: turns the hand transcript of the Viet Nam – EAEU FTA product
 * specific rules (Annex 3 to Chapter 4, HS 2012) into `rules/vn_eaeu/psr.json`,
 * with a report of every distinct rule text and its expression.
 *
 *   npx tsx rules/tools/import-vn_eaeu.ts          (descriptions from ../shared)
 *   SHARED_DIR=/path npx tsx rules/tools/import-vn_eaeu.ts
 *
 * Input: `rules/vn_eaeu/source/annex3-psr.transcript.txt`, one line per group of
 * annex rows that carry the same origin criterion, in annex order:
 *   "0101.21 .29 .30 :: WO"   (".29" continues heading 0101; "1101" is a heading-level row)
 *   "@ 16000"                 (the rows below come from the read window starting at that offset)
 * The transcript was made by hand from the Markdown copy of the annex named in its
 * header; see rules/vn_eaeu/README.md.
 *
 * Each criterion is structured by a small grammar that covers the annex's
 * abbreviations (General Notes: WO, CC, CTH, CTSH, "CTC + VAC X%", "CTC or VAC X%",
 * "…, except from …"); three texts that the grammar does not cover carry a hand
 * translation below. Nothing is guessed: a text neither the grammar nor the
 * overrides cover stops the import.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import type { PsrRow } from '../../src/rules/schema.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shared = resolve(process.env.SHARED_DIR ?? join(root, '../shared'));
const dir = join(root, 'rules/vn_eaeu');
const TRANSCRIPT = join(dir, 'source/annex3-psr.transcript.txt');
const HS2012_JSON = join(shared, 'data/hs-correlation-unsd/classification-json/classificationH4.json');
const SOURCE_FILE = 'data/tax_legal/tax_database/03_Customs/Circulars/FTA/10. Vietnam - EEU/Doc_Undated_vcufta__annex_3_psr_.md';
const WINDOW = 16000;

/** Hand translations of the criteria the grammar does not cover. */
export const OVERRIDES: Record<string, { rule: string; note: string }> = {
  'CTH, except uppers from 6406.10, 6406.90, whether or not attached to soles other than outer soles': {
    rule: 'CTH(except: sh640610) and Declared(eaeu_uppers_640690, "no non-originating uppers of subheading 6406.90 are used")',
    note: 'The exclusion names uppers only. In HS 2012 uppers fall in 6406.10, which the expression excludes outright; other goods of 6406.90 (in-soles, gaiters, other parts) remain usable under CTH, so the 6406.90 part of the exclusion is left to a declaration.',
  },
  'CTH, except for hulls of vessels from the 89.06': {
    rule: 'CTH and Declared(eaeu_hulls_8906, "no non-originating hulls of vessels of heading 89.06 are used")',
    note: 'The exclusion names hulls only, not every good of heading 89.06, so it is a declaration rather than CTH(except: h8906).',
  },
};
const VEHICLE_PREFIX = 'VAC 50%, provided that the following technological operations were executed:';
const VEHICLE_RULE =
  'RVC(50% FOB) and Declared(eaeu_vehicle_operations, "the technological operations listed in Annex 3 for headings 87.02-87.04 that apply to the vehicle type were carried out in the Party: body (cab) welding or other manufacture, body painting, engine or traction-motor mounting, transmission installation, suspension, steering and braking, muffler and exhaust, engine diagnosis and adjustment, braking check, radio-interference and EMC check, control testing of the finished vehicle")';

type Row = PsrRow;

/** Cyrillic look-alikes (С, Т, Н) occur in the Markdown copy: normalise to Latin. */
export function normalise(text: string): string {
  return text.replace(/С/g, 'C').replace(/Т/g, 'T').replace(/Н/g, 'H').replace(/\s+/g, ' ').trim();
}

/** "Chapter 1", "Chapters 7, 8", "04.09", "51.11 – 51.13", "4805.40", "Chapter 60 and 51.11 – 51.13" → selectors. */
export function exceptList(list: string): string[] {
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

function alternative(alt: string): string {
  let m: RegExpMatchArray | null;
  if ((m = alt.match(/^VAC (\d+(?:\.\d+)?)%$/))) return `RVC(${m[1]}% FOB)`;
  if ((m = alt.match(/^(CC|CTH|CTSH) ?\+ ?VAC (\d+(?:\.\d+)?)%$/))) return `${m[1]} and RVC(${m[2]}% FOB)`;
  if ((m = alt.match(/^(WO|CC|CTH|CTSH)$/))) return m[1] ?? alt;
  if ((m = alt.match(/^(CC|CTH|CTSH), except from (.+)$/))) {
    const sel = exceptList(m[2] ?? '');
    return `${m[1]}(except: ${sel.length === 1 ? sel[0] : `[${sel.join(', ')}]`})`;
  }
  throw new Error(`criterion not covered by the grammar: "${alt}"`);
}

/** An annex origin criterion → rule expression. */
export function translate(text: string): { rule: string; note?: string } {
  if (OVERRIDES[text]) return OVERRIDES[text];
  if (text.startsWith(VEHICLE_PREFIX))
    return { rule: VEHICLE_RULE, note: 'The list of operations is kept in a declaration; the engine checks the 50 % value added content only.' };
  // Alternatives are joined by " or " (", or " after an exception list).
  const alts = text.split(/,? or /).map((a) => a.trim());
  return { rule: alts.map(alternative).join(' or ') };
}

function main(): void {
  const hs = JSON.parse(readFileSync(HS2012_JSON, 'utf8')) as { results: { id: string; text: string }[] };
  const desc = new Map(hs.results.map((r) => [r.id, r.text.replace(/^\d+ - /, '')]));
  const rows: Row[] = [];
  const texts = new Map<string, { rule: string; note?: string; count: number }>();
  let offset = -1;
  let heading = '';
  const seen = new Set<string>();
  for (const raw of readFileSync(TRANSCRIPT, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('@')) {
      offset = Number(line.slice(1).trim());
      continue;
    }
    const [codesPart, textPart] = line.split(' :: ');
    if (codesPart === undefined || !textPart || offset < 0) throw new Error(`malformed transcript line: ${line}`);
    const text = normalise(textPart);
    const t = translate(text);
    const parsed = parseRuleExpression(t.rule);
    if (!parsed.success) throw new Error(`expression for "${text}" does not parse: ${parsed.issue.message}`);
    const entry = texts.get(text) ?? { ...t, count: 0 };
    for (const tok of codesPart.trim().split(/\s+/)) {
      let code: string;
      if (/^\d{4}\.\d\d$/.test(tok)) {
        heading = tok.slice(0, 4);
        code = heading + tok.slice(5);
      } else if (/^\.\d\d$/.test(tok)) code = heading + tok.slice(1);
      else if (/^\d{4}$/.test(tok)) {
        heading = tok;
        code = tok;
      } else throw new Error(`bad code token "${tok}"`);
      if (seen.has(code)) throw new Error(`code ${code} listed twice`);
      seen.add(code);
      entry.count++;
      const shown = code.length === 6 ? `${code.slice(0, 4)}.${code.slice(4)}` : `${code.slice(0, 2)}.${code.slice(2)}`;
      rows.push({
        id: code,
        scope: code,
        description: desc.get(code) ?? '',
        rule: t.rule,
        text,
        cite: { source: 'eaeu-annex3', ref: `Annex 3 row ${shown}; ${SOURCE_FILE}, characters ${offset}-${offset + WINDOW}` },
        ...(t.note ? { note: t.note } : {}),
      });
    }
    texts.set(text, entry);
  }
  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'vn_eaeu', hsVersion: 'HS2012', rows, gaps: [] };
  writeFileSync(join(dir, 'psr.json'), `${JSON.stringify(psr, null, 2)}\n`);
  const report = [
    '# VN–EAEU PSR import report',
    '',
    `Generated by \`rules/tools/import-vn_eaeu.ts\` from \`source/annex3-psr.transcript.txt\`: ${rows.length} rows, ${texts.size} distinct origin criteria.`,
    '',
    '| rows | annex criterion | expression |',
    '|---|---|---|',
    ...[...texts].map(([text, e]) => `| ${e.count} | ${text.replace(/\|/g, '\\|')} | \`${e.rule.replace(/\|/g, '\\|')}\` |`),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'import-report.md'), report);
  console.log(`psr.json: ${rows.length} rows; ${texts.size} distinct criteria`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
