/**
 * Completeness check for rules/rcep/psr.json.
 *
 *   npx tsx rules/rcep/check-completeness.ts [--list]
 *
 * Loads psr.json and the HS subheading list of the table's HS version
 * (HS2012: UN Comtrade classificationH4.json; HS2022: harmonized-system.csv), then reports:
 *  - rows whose scope is malformed or not a code of that HS version,
 *  - rows whose rule expression does not parse,
 *  - subheadings resolved by no row (grouped into ranges of consecutive subheadings),
 *  - subheadings resolved by more than one row at the same level (chapter / heading / subheading),
 *  - subheadings covered at more than one level (informational: the most specific row applies).
 * Exit code 1 when a row is malformed, unknown or unparsable, or when a same-level overlap exists.
 * Missing subheadings alone do not fail the check (the file is knowingly partial), they are reported.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';

interface PsrRow {
  id: string;
  scope: string;
  description: string;
  rule: string;
  text: string;
  cite: { source: string; ref: string };
}
interface PsrFile {
  agreement: string;
  hsVersion: 'HS2012' | 'HS2022';
  rows: PsrRow[];
}

const here = dirname(fileURLToPath(import.meta.url));
const DATA = '/work/shared/data';
const listAll = process.argv.includes('--list');

const psr = JSON.parse(readFileSync(join(here, 'psr.json'), 'utf8')) as PsrFile;

/** All codes (2-, 4-, 6-digit) of the HS version, in nomenclature order. */
function loadHs(version: string): { chapters: Set<string>; headings: Set<string>; subheadings: string[] } {
  const chapters = new Set<string>();
  const headings = new Set<string>();
  const subheadings: string[] = [];
  const add = (code: string) => {
    if (code.startsWith('99')) return; // Comtrade pseudo-codes 99/9999/999999, not HS
    if (code.length === 2) chapters.add(code);
    else if (code.length === 4) headings.add(code);
    else if (code.length === 6) subheadings.push(code);
  };
  if (version === 'HS2012') {
    const json = JSON.parse(
      readFileSync(join(DATA, 'hs-correlation-unsd/classification-json/classificationH4.json'), 'utf8'),
    ) as { results: { id: string }[] };
    for (const r of json.results) if (/^\d+$/.test(r.id)) add(r.id);
  } else if (version === 'HS2022') {
    const lines = readFileSync(join(DATA, 'hs-datasets-harmonized-system/harmonized-system.csv'), 'utf8').split(/\r?\n/);
    const header = lines[0]!.split(',');
    const col = header.indexOf('hscode');
    for (const line of lines.slice(1)) {
      const code = line.split(',')[col]?.replace(/"/g, '');
      if (code && /^\d+$/.test(code)) add(code);
    }
  } else {
    throw new Error(`unknown hsVersion ${version}`);
  }
  subheadings.sort();
  return { chapters, headings, subheadings };
}

const hs = loadHs(psr.hsVersion);
const problems: string[] = [];

type Level = 'chapter' | 'heading' | 'subheading';
interface Scope {
  level: Level;
  from: string;
  to: string;
}

function parseScope(scope: string): Scope | undefined {
  const m = /^(\d{2}|\d{4}|\d{6})(?:-(\d{2}|\d{4}|\d{6}))?$/.exec(scope);
  if (!m) return undefined;
  const from = m[1]!;
  const to = m[2] ?? from;
  if (from.length !== to.length || to < from) return undefined;
  const level: Level = from.length === 2 ? 'chapter' : from.length === 4 ? 'heading' : 'subheading';
  return { level, from, to };
}

const known = (level: Level, code: string) =>
  level === 'chapter' ? hs.chapters.has(code) : level === 'heading' ? hs.headings.has(code) : hs.subheadings.includes(code);

const parsed: { row: PsrRow; index: number; scope: Scope }[] = [];
psr.rows.forEach((row, index) => {
  const scope = parseScope(row.scope);
  if (!scope) {
    problems.push(`row ${index} (${row.scope}): malformed scope`);
    return;
  }
  if (!known(scope.level, scope.from) || !known(scope.level, scope.to)) {
    problems.push(`row ${index} (${row.scope}): not a ${scope.level} code of ${psr.hsVersion}`);
  }
  const res = parseRuleExpression(row.rule);
  if (!res.success) problems.push(`row ${index} (${row.scope}): rule "${row.rule}" does not parse: ${res.issue.message}`);
  if (!row.id || !row.text || !row.cite?.source || !row.cite?.ref) problems.push(`row ${index} (${row.scope}): missing id, text or cite`);
  parsed.push({ row, index, scope });
});

// Which rows cover each subheading, by level.
const cover = new Map<string, Record<Level, number[]>>();
for (const sh of hs.subheadings) cover.set(sh, { chapter: [], heading: [], subheading: [] });
for (const { index, scope } of parsed) {
  const len = scope.from.length;
  for (const sh of hs.subheadings) {
    const key = sh.slice(0, len);
    if (key >= scope.from && key <= scope.to) cover.get(sh)![scope.level].push(index);
  }
}

const missing: string[] = [];
const sameLevel: string[] = [];
const multiLevel: string[] = [];
for (const [sh, c] of cover) {
  const n = c.chapter.length + c.heading.length + c.subheading.length;
  if (n === 0) missing.push(sh);
  for (const level of ['chapter', 'heading', 'subheading'] as const) {
    // "ex" rows (a rule for part of a code, the caller choosing the part) legitimately share their scope.
    if (c[level].length > 1 && !c[level].every((i) => (psr.rows[i] as PsrRow & { ex?: string }).ex)) sameLevel.push(`${sh}: ${c[level].length} ${level}-level rows (${c[level].map((i) => psr.rows[i]!.scope).join(', ')})`);
  }
  if ([c.chapter, c.heading, c.subheading].filter((a) => a.length > 0).length > 1) {
    multiLevel.push(`${sh}: ${[...c.chapter, ...c.heading, ...c.subheading].map((i) => psr.rows[i]!.scope).join(' > ')}`);
  }
}

/** Consecutive runs of missing subheadings (consecutive in the nomenclature), printed as ranges. */
function runs(codes: string[]): string[] {
  const set = new Set(codes);
  const out: string[] = [];
  let start: string | undefined;
  let prev: string | undefined;
  for (const sh of hs.subheadings) {
    if (set.has(sh)) {
      start ??= sh;
      prev = sh;
    } else if (start) {
      out.push(start === prev ? start : `${start}-${prev}`);
      start = undefined;
    }
  }
  if (start) out.push(start === prev ? start : `${start}-${prev}`);
  return out;
}

const covered = hs.subheadings.length - missing.length;
console.log(`psr.json: agreement=${psr.agreement} hsVersion=${psr.hsVersion} rows=${psr.rows.length}`);
console.log(
  `${psr.hsVersion} nomenclature: ${hs.chapters.size} chapters, ${hs.headings.size} headings, ${hs.subheadings.length} subheadings (pseudo-code 99xxxx excluded)`,
);
console.log(
  `subheadings resolved by at least one row: ${covered} (${((100 * covered) / hs.subheadings.length).toFixed(1)} %); resolved by no row: ${missing.length}`,
);
const byLevel = { chapter: 0, heading: 0, subheading: 0 };
for (const p of parsed) byLevel[p.scope.level]++;
console.log(`rows by level: chapter ${byLevel.chapter}, heading ${byLevel.heading}, subheading ${byLevel.subheading}`);
console.log(`row problems (scope/rule/text): ${problems.length}`);
for (const p of problems) console.log(`  ${p}`);
console.log(`subheadings with more than one row at the same level: ${sameLevel.length}`);
for (const s of sameLevel) console.log(`  ${s}`);
console.log(`subheadings covered at more than one level (info; most specific row applies): ${multiLevel.length}`);
for (const s of multiLevel) console.log(`  ${s}`);

// Missing subheadings per chapter, and the ranges.
const perChapter = new Map<string, { total: number; missing: number }>();
for (const sh of hs.subheadings) {
  const ch = sh.slice(0, 2);
  const e = perChapter.get(ch) ?? { total: 0, missing: 0 };
  e.total++;
  perChapter.set(ch, e);
}
for (const sh of missing) perChapter.get(sh.slice(0, 2))!.missing++;
const complete = [...perChapter].filter(([, e]) => e.missing === 0).map(([ch]) => ch);
const partial = [...perChapter].filter(([, e]) => e.missing > 0 && e.missing < e.total).map(([ch, e]) => `${ch} (${e.total - e.missing}/${e.total})`);
const none = [...perChapter].filter(([, e]) => e.missing === e.total).map(([ch]) => ch);
console.log(`chapters fully covered: ${complete.length} [${complete.join(' ')}]`);
console.log(`chapters partly covered (covered/total subheadings): ${partial.length} [${partial.join(', ')}]`);
console.log(`chapters with no row: ${none.length}`);
const missingRuns = runs(missing);
console.log(`missing ranges (consecutive subheadings): ${missingRuns.length}`);
if (listAll) for (const r of missingRuns) console.log(`  ${r}`);
else console.log('  (run with --list to print every missing range)');

if (problems.length > 0 || sameLevel.length > 0) process.exitCode = 1;
