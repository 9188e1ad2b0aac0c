/**
 * Maintainer tool: turns the hand transcript of the VCFTA product-specific rules
 * (Phụ lục II of Circular 31/2013/TT-BCT, HS 2012) into `rules/vcfta/psr.json`,
 * with a report of every distinct criterion and its expression.
 *
 *   npx tsx rules/tools/import-vcfta.ts          (descriptions from ../shared)
 *   SHARED_DIR=/path npx tsx rules/tools/import-vcfta.ts
 *
 * Input: `rules/vcfta/source/psr.transcript.txt` (format in its header): one line
 * per table row, `Chương 01 :: CC` (chapter row), `22.03 :: CC` (heading row),
 * `0801.32 :: CTSH hoặc RVC 40%` (subheading row), `-` for an empty criterion
 * cell, and `@ <offset>` lines giving the read window.
 *
 * The annex's own notes (Phụ lục II, notes 1-2) define the criteria: RVC 40 % and
 * RVC 50 % by the formula of Article 5 of Phụ lục I (FOB basis), CC / CTH / CTSH
 * a change at the 2-, 4- or 6-digit level, applying to non-originating materials
 * only; a heading rule prevails over its chapter's, a subheading rule over its
 * heading's or chapter's. That precedence is the engine's "most specific row
 * wins", so each row is written at its own level. A chapter row with an empty
 * cell only titles the listed rows below it and gives no row; a listed subheading
 * with an empty cell becomes a gap. Any other text the grammar does not cover
 * stops the import.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';
import type { PsrRow } from '../../src/rules/schema.js';
import { ROOT, hsDescriptions, readTranscript } from './kit.js';

const dir = join(ROOT, 'rules/vcfta');
const TRANSCRIPT = join(dir, 'source/psr.transcript.txt');
const SOURCE_ID = 'certo-31-2013';
const SOURCE_FILE =
  'docs/legal/wiki/31-2013-tt-bct-thong-tu-quy-inh-thuc-hien-quy-tac-xuat-xu-trong-hiep-inh-khu-vuc-thuong-mai-tu-do-viet-nam-chi-le.md';
const WINDOW = 16000;
const EMPTY = '-';

/** One alternative of a criterion ("CTSH", "RVC 40%") → expression. */
function alternative(alt: string): string {
  let m: RegExpMatchArray | null;
  if ((m = alt.match(/^RVC (\d+(?:\.\d+)?)%$/))) return `RVC(${m[1]}% FOB)`;
  if (/^(WO|CC|CTH|CTSH)$/.test(alt)) return alt;
  throw new Error(`criterion not covered by the grammar: "${alt}"`);
}

/** A criterion of the annex → rule expression ("A hoặc B" = the exporter's choice, Article 4(4)). */
export function translate(text: string): string {
  return text
    .split(/ hoặc /)
    .map((a) => alternative(a.trim()))
    .join(' or ');
}

interface Parsed {
  label: string;
  scope: string;
  text: string;
  offset: number;
}

function parseTranscript(): Parsed[] {
  const out: Parsed[] = [];
  for (const { offset, parts, line } of readTranscript(TRANSCRIPT)) {
    const [label, text] = parts;
    if (!label || !text || offset < 0) throw new Error(`malformed transcript line: ${line}`);
    let m: RegExpMatchArray | null;
    let scope: string;
    if ((m = label.match(/^Chương (\d\d)$/))) scope = m[1] ?? '';
    else if ((m = label.match(/^(\d\d)\.(\d\d)$/))) scope = `${m[1]}${m[2]}`;
    else if ((m = label.match(/^(\d{4})\.(\d\d)$/))) scope = `${m[1]}${m[2]}`;
    else throw new Error(`bad code "${label}"`);
    out.push({ label, scope, text: text.replace(/\s+/g, ' '), offset });
  }
  return out;
}

function main(): void {
  const desc = hsDescriptions('HS2012');
  const rows: PsrRow[] = [];
  const gaps: { scope: string; reason: string }[] = [];
  const titles: string[] = [];
  const problems: string[] = [];
  const texts = new Map<string, { rule: string; count: number; levels: Set<string> }>();
  const seen = new Set<string>();
  for (const p of parseTranscript()) {
    if (seen.has(p.scope)) throw new Error(`code ${p.label} listed twice`);
    seen.add(p.scope);
    const level = p.scope.length === 2 ? 'chapter' : p.scope.length === 4 ? 'heading' : 'subheading';
    if (!desc.has(p.scope)) problems.push(`${p.label} is not a code of HS 2012`);
    const ref = `Phụ lục II, ${p.label}, ${SOURCE_FILE}, characters ${p.offset}-${p.offset + WINDOW}`;
    if (p.text === EMPTY) {
      if (level === 'chapter') titles.push(p.label);
      else
        gaps.push({
          scope: p.scope,
          reason: `Listed in Phụ lục II of Circular 31/2013/TT-BCT (${p.label}) with an empty criterion cell in the text conversion read (${ref}; re-read in November 2026, the cell is still empty), and the other copy of the circular in the same repository (certo-31-2013-canonical) holds only the circular's three articles, not Phụ lục II; the rule the annex gives, if any, is not known. Under Article 4(3) a listed good's own rule applies instead of the general rule, so the general rule is not used here.`,
        });
      continue;
    }
    const rule = translate(p.text);
    const parsed = parseRuleExpression(rule);
    if (!parsed.success) throw new Error(`expression for "${p.text}" does not parse: ${parsed.issue.message}`);
    const entry = texts.get(p.text) ?? { rule, count: 0, levels: new Set<string>() };
    entry.count++;
    entry.levels.add(level);
    texts.set(p.text, entry);
    rows.push({
      id: p.scope,
      scope: p.scope,
      description: desc.get(p.scope) ?? '',
      rule,
      text: p.text,
      cite: { source: SOURCE_ID, ref },
      ...(level !== 'subheading'
        ? {
            note: `${level === 'chapter' ? 'Chapter' : 'Heading'} row: applies to every code of the ${level} that has no more specific row (Phụ lục II, note 1(b)-(c): a heading rule prevails over its chapter's, a subheading rule over its heading's or chapter's).`,
          }
        : {}),
    });
  }
  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement: 'vcfta', hsVersion: 'HS2012', rows, gaps };
  writeFileSync(join(dir, 'psr.json'), `${JSON.stringify(psr, null, 2)}\n`);
  const count = (l: number) => rows.filter((r) => r.scope.length === l).length;
  const chapters = [...new Set(rows.map((r) => r.scope.slice(0, 2)).concat(gaps.map((g) => g.scope.slice(0, 2))))].sort();
  const report = [
    '# VCFTA PSR import report',
    '',
    `Generated by \`rules/tools/import-vcfta.ts\` from \`source/psr.transcript.txt\` (Phụ lục II of Circular 31/2013/TT-BCT, HS 2012).`,
    '',
    `- ${rows.length} rows: ${count(2)} chapter rows, ${count(4)} heading rows, ${count(6)} subheading rows; ${texts.size} distinct criteria.`,
    `- ${gaps.length} gaps (listed subheadings whose criterion cell is empty in the conversion): ${gaps.map((g) => g.scope).join(', ') || 'none'}.`,
    `- ${titles.length} chapter title rows with an empty criterion cell (they only head the listed rows below them; no row): ${titles.join(', ')}.`,
    `- Chapters with at least one row or gap: ${chapters.join(', ')}. Every other chapter has no entry in the annex, so the general rule of Article 4(1) (\`RVC(40% FOB) or CTH\`, agreement.json \`generalRule\`) applies to it; the same holds for the codes of a listed chapter that no row covers (e.g. Chapter 84 outside the listed subheadings).`,
    '',
    '## Criteria',
    '',
    'The annex notes (Phụ lục II, note 2) define RVC 40 % and RVC 50 % as the regional value content of Article 5 of Phụ lục I (FOB basis, build-down), and CC, CTH, CTSH as a change at the 2-, 4- and 6-digit level; note 1(d) limits the change in tariff classification to non-originating materials. "hoặc" joins alternatives the exporter chooses between (Phụ lục I, Article 4(4)).',
    '',
    '| rows | levels | annex criterion | expression |',
    '|---|---|---|---|',
    ...[...texts].map(([text, e]) => `| ${e.count} | ${[...e.levels].join(', ')} | ${text} | \`${e.rule}\` |`),
    '',
    '## Problems',
    '',
    ...(problems.length ? problems.map((p) => `- ${p}`) : ['None: every code of the transcript is a code of HS 2012 (classificationH4.json).']),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'import-report.md'), report);
  console.log(`psr.json: ${rows.length} rows, ${gaps.length} gaps; ${texts.size} distinct criteria; ${problems.length} problem(s)`);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
  }
}

main();
