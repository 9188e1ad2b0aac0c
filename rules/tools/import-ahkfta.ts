/**
 * Maintainer tool: turns the hand transcript of the AHKFTA product-specific rules
 * (Phụ lục I of Circular 21/2019/TT-BCT, HS 2012) into `rules/ahkfta/psr.json`,
 * with a report of every distinct origin criterion and its expression.
 *
 *   npx tsx rules/tools/import-ahkfta.ts          (descriptions from ../shared)
 *   SHARED_DIR=/path npx tsx rules/tools/import-ahkfta.ts
 *
 * Input: `rules/ahkfta/source/psr.transcript.txt`, one line per table row:
 *   "@ 64000"                  the rows below are printed in the read window starting at that offset
 *   "31 0106.39 :: WO"         row number (STT), HS 2012 code, criterion verbatim
 *   "30 0106.33 :: WO :: +64000"  the row runs on into the next window, starting at that offset
 * The transcript was made by hand from a Markdown conversion of the circular; see
 * rules/ahkfta/README.md.
 *
 * The criteria are structured by a small grammar that covers the abbreviations the
 * appendix defines in its own paragraph 4 (WO, RVC (XX), CC, CTH, CTSH) joined by
 * "hoặc" (or). The one text outside it carries a hand translation below. Nothing is
 * guessed: a text neither the grammar nor the overrides cover, a gap in the row
 * numbers, a code listed twice or a code that is not an HS 2012 subheading stops the
 * import.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import type { PsrRow } from '../../src/rules/schema.js';
import { ROOT, finishImport, hsDescriptions, percentsOf, problemsSection, readTranscript, rowsPerChapter, writePsrFile } from './kit.js';

const dir = join(ROOT, 'rules/ahkfta');
const TRANSCRIPT = join(dir, 'source/psr.transcript.txt');
const SOURCE_ID = 'certo-21-2019';
const SOURCE_FILE =
  'docs/legal/wiki/21-2019-tt-bct-thong-tu-quy-inh-quy-tac-xuat-xu-hang-hoa-trong-hiep-inh-thuong-mai-tu-do-asean-hong-cong-trung-quoc.md';
const WINDOW = 16000;

/** Hand translations of the criteria the grammar does not cover. */
export const OVERRIDES: Record<string, { rule: string; note: string }> = {
  'Thu được từ cừu, cừu non hoặc các loại động vật khác được nuôi lớn tại một trong các Bên của Hiệp định AHKFTA': {
    rule: 'Declared(ahk_wool_waste_animals_raised, "the waste is obtained from sheep, lambs or other animals raised in one of the Parties to the AHKFTA")',
    note:
      'The criterion reads "obtained from sheep, lambs or other animals raised in one of the Parties of the AHKFTA". It names the animals the waste comes from, which may have been raised in any Party, not the exporting Party only, so it is neither WO (Article 6) nor a change of classification. Only the producer can attest where the animals were raised: a declaration.',
  },
};

/** One alternative of a criterion → rule expression. */
function alternative(alt: string): string {
  let m: RegExpMatchArray | null;
  if ((m = alt.match(/^RVC ?\(?(\d+(?:\.\d+)?)\)?%?$/))) return `RVC(${m[1]}% FOB)`;
  if (/^(WO|CC|CTH|CTSH)$/.test(alt)) return alt;
  throw new Error(`criterion not covered by the grammar: "${alt}"`);
}

/** An appendix criterion → rule expression (alternatives joined by "hoặc", in the printed order). */
export function translate(text: string): { rule: string; note?: string } {
  const o = OVERRIDES[text];
  if (o) return o;
  return { rule: text.split(/ hoặc /).map((a) => alternative(a.trim())).join(' or ') };
}

interface Parsed {
  stt: number;
  code: string;
  text: string;
  from: number;
  to: number;
}

function parseTranscript(): Parsed[] {
  const out: Parsed[] = [];
  const onWindow = (offset: number, line: string) => {
    if (!Number.isInteger(offset) || offset % WINDOW !== 0) throw new Error(`bad window line: ${line}`);
  };
  for (const { offset, parts, line } of readTranscript(TRANSCRIPT, { onWindow })) {
    const m = (parts[0] ?? '').match(/^(\d+) (\d{4})\.(\d\d)$/);
    if (!m || parts.length < 2 || parts.length > 3 || offset < 0) throw new Error(`malformed transcript line: ${line}`);
    let to = offset + WINDOW;
    if (parts[2] !== undefined) {
      const next = parts[2].match(/^\+(\d+)$/);
      if (!next || Number(next[1]) !== offset + WINDOW) throw new Error(`bad continuation in: ${line}`);
      to = Number(next[1]) + WINDOW;
    }
    out.push({ stt: Number(m[1]), code: `${m[2]}${m[3]}`, text: (parts[1] ?? '').replace(/\s+/g, ' ').trim(), from: offset, to });
  }
  return out;
}

function main(): void {
  const desc = hsDescriptions('HS2012');
  const problems: string[] = [];
  const parsed = parseTranscript();
  const rows: PsrRow[] = [];
  const texts = new Map<string, { rule: string; note?: string; count: number; codes: string[] }>();
  const seen = new Set<string>();
  parsed.forEach((p, i) => {
    if (p.stt !== i + 1) throw new Error(`row number ${p.stt} follows ${i}: a row is missing or repeated`);
    if (seen.has(p.code)) throw new Error(`code ${p.code} listed twice`);
    seen.add(p.code);
    if (!desc.has(p.code)) throw new Error(`${p.code} (row ${p.stt}) is not an HS 2012 subheading`);
    const t = translate(p.text);
    const rule = parseRuleExpression(t.rule);
    if (!rule.success) throw new Error(`expression for "${p.text}" does not parse: ${rule.issue.message}`);
    // Every figure of the legal text must be in the expression, and no other.
    const inText = new Set([...p.text.matchAll(/RVC ?\(?(\d+(?:\.\d+)?)/g)].map((x) => String(Number(x[1]))));
    const inRule = percentsOf(rule.rule);
    if ([...inText].sort().join() !== [...inRule].sort().join())
      problems.push(`row ${p.stt} ${p.code}: figures of the text (${[...inText]}) differ from the expression (${[...inRule]})`);
    const entry = texts.get(p.text) ?? { ...t, count: 0, codes: [] };
    entry.count++;
    entry.codes.push(`${p.code.slice(0, 4)}.${p.code.slice(4)}`);
    texts.set(p.text, entry);
    const shown = `${p.code.slice(0, 4)}.${p.code.slice(4)}`;
    rows.push({
      id: p.code,
      scope: p.code,
      description: desc.get(p.code) ?? '',
      rule: t.rule,
      text: p.text,
      cite: { source: SOURCE_ID, ref: `Phụ lục I, STT ${p.stt}, ${shown}, ${SOURCE_FILE}, characters ${p.from}-${p.to}` },
      ...(t.note ? { note: t.note } : {}),
    });
  });
  writePsrFile(dir, 'ahkfta', 'HS2012', rows);

  const chapters = rowsPerChapter(rows);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const report = [
    '# AHKFTA PSR import report',
    '',
    'Generated by `rules/tools/import-ahkfta.ts` from `source/psr.transcript.txt` (Phụ lục I of Circular 21/2019/TT-BCT, HS 2012).',
    '',
    `- rows: ${rows.length} (table rows 1-${parsed.length}, numbered without gaps; every code is an HS 2012 subheading; no code twice)`,
    `- distinct origin criteria: ${texts.size}`,
    `- chapters with rows: ${chapters.size} (${[...chapters].map(([c, n]) => `${c}: ${n}`).join(', ')})`,
    '- gaps: none (every printed row is structured; see below)',
    `- problems: ${problems.length}`,
    '',
    '## Criteria',
    '',
    '| rows | criterion (verbatim) | expression | codes |',
    '|---|---|---|---|',
    ...[...texts].map(([text, e]) => `| ${e.count} | ${esc(text)} | \`${esc(e.rule)}\` | ${e.codes.length > 12 ? `${e.codes.slice(0, 6).join(', ')}, … (${e.codes.length})` : e.codes.join(', ')} |`),
    '',
    '## Readings',
    '',
    '- The abbreviations are those of paragraph 4 of Phụ lục I: `WO` (Article 6), `RVC (XX)` (regional value content of not less than XX % by the formula of Article 8; printed "RVC40" in the table) → `RVC(40% FOB)`, `CC`, `CTH`, `CTSH`. "hoặc" (or) joins alternatives at the exporter\'s choice (paragraph 1) → `or`, in the printed order.',
    '- Paragraphs 2 and 3 (CTC and SP criteria bind non-originating materials only) are how the engine judges every change of classification; nothing to add to the expressions.',
    ...[...texts].filter(([, e]) => e.note).map(([text, e]) => `- "${text}": ${e.note}`),
    '- Goods not in the table fall under Article 7(1) of the circular (regional value content of not less than 40 % by the Article 8 formula): `generalRule` in agreement.json, not rows here.',
    '- Row 181 (1517.90, "Loại khác" of margarine and edible mixtures) is printed with WO, as transcribed; it is kept as printed.',
    '',
    ...problemsSection(problems),
  ].join('\n');
  finishImport(dir, report, problems, [4, 9]);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
