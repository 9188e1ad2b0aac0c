/**
 * What the maintainer importers share: where the project and ../shared are, the
 * HS descriptions, the hand-transcript layout, the shape of the UK tariff's
 * rule-set files, the threshold cross-check, and the import report.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleNode } from '../../src/rules/ast.js';
import { parseRuleExpression } from '../../src/rules/parseRuleExpression.js';

/** The project root: every importer writes `rules/<id>/` under it, whatever the working directory. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The read-only shared material (set SHARED_DIR to read it from elsewhere). */
export const SHARED = resolve(process.env.SHARED_DIR ?? join(ROOT, '../shared'));

/** The UNSD nomenclature file in ../shared for each HS edition the agreements use. */
const HS_JSON = { HS2012: 'classificationH4.json', HS2017: 'classificationH5.json', HS2022: 'classificationH6.json' } as const;

/**
 * Code → description of one HS edition (`data/hs-correlation-unsd/classification-json/classificationH{4,5,6}.json`
 * in ../shared), the code printed before " - " dropped. Importers check every
 * transcribed code against it and give each row its description, so all of them
 * must read the same file the same way.
 */
export function hsDescriptions(version: keyof typeof HS_JSON): Map<string, string> {
  const path = join(SHARED, 'data/hs-correlation-unsd/classification-json', HS_JSON[version]);
  const hs = JSON.parse(readFileSync(path, 'utf8')) as { results: { id: string; text: string }[] };
  return new Map(hs.results.map((r) => [r.id, r.text.replace(/^[\d.]+ - /, '')]));
}

/** The six-digit subheadings of a description map, in its order, without Comtrade's 999999 pseudo-code: what "every subheading" means when a list is checked for completeness. */
export function hsSubheadings(desc: ReadonlyMap<string, string>): string[] {
  return [...desc.keys()].filter((id) => /^\d{6}$/.test(id) && id !== '999999');
}

/** One content line of a hand transcript. */
export interface TranscriptLine {
  /** Start of the read window the line was transcribed in (the last `@ <offset>` line above it); -1 before any. */
  offset: number;
  /** The line split on " :: ", each part trimmed. */
  parts: string[];
  /** The whole line, trimmed. */
  line: string;
  /** 1-based line number in the file, for messages. */
  lineNumber: number;
}

/**
 * The content lines of a hand transcript (`rules/<id>/source/*.transcript.txt`), in
 * file order. Every transcript shares this layout: blank lines and `#` comments are
 * skipped, an `@ <offset>` line sets the read window of the lines below it, and any
 * other line is fields separated by " :: ". Reading the layout in one place keeps
 * it the same for every agreement; what the fields mean, and the checks on them
 * (including a row before any `@` line, offset -1), stay with the importer.
 *
 * The lines are produced lazily, so `onWindow` (each `@` line, to check or record
 * its offset) and `onComment` (each `#` line, for comments that carry data) run in
 * file order between the caller's own steps, exactly as in a hand-written loop.
 */
export function* readTranscript(
  path: string,
  hooks: {
    onWindow?: (offset: number, line: string, lineNumber: number) => void;
    onComment?: (line: string, lineNumber: number) => void;
  } = {},
): Generator<TranscriptLine> {
  let offset = -1;
  const lines = readFileSync(path, 'utf8').split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('#')) {
      hooks.onComment?.(line, i + 1);
      continue;
    }
    if (line.startsWith('@')) {
      offset = Number(line.slice(1).trim());
      hooks.onWindow?.(offset, line, i + 1);
      continue;
    }
    yield { offset, parts: line.split(' :: ').map((p) => p.trim()), line, lineNumber: i + 1 };
  }
}

/** One rule of a UK Online Trade Tariff rule set (`rule_sets/<scheme>.json`). */
export interface SourceRule {
  rule: string;
  class: string[];
  operator: string | null;
}

/** One rule set of a UK Online Trade Tariff rule-set file. */
export interface SourceRuleSet {
  heading: string;
  chapter?: number | null;
  subdivision: string | null;
  min: string;
  max: string;
  rules: SourceRule[];
}

/**
 * Every percentage a rule states, normalised ("47.50" → "47.5"), for checking a
 * translation against the figures of its legal text.
 */
export function percentsOf(node: RuleNode, out: Set<string> = new Set()): Set<string> {
  if (node.kind === 'any_of' || node.kind === 'all_of') node.of.forEach((n) => percentsOf(n, out));
  else if ('percent' in node) out.add(String(Number(node.percent)));
  else if (node.kind === 'tariff_shift' && node.sameLevelMax) out.add(String(Number(node.sameLevelMax.percent)));
  // A condition only the producer can attest keeps its figures in its wording.
  else if (node.kind === 'declared_condition') for (const m of node.text.matchAll(/(\d+(?:\.\d+)?)\s*%/g)) out.add(String(Number(m[1])));
  return out;
}

/**
 * Checks a generated row before it is written: its rule parses, and every "RVC<n>" its legal text names appears in
 * the rule as a percentage (a dropped threshold is the likeliest transcription slip). Problems are appended.
 */
export function checkRowRule(row: Record<string, unknown>, problems: string[]): void {
  const p = parseRuleExpression(String(row.rule));
  if (!p.success) {
    problems.push(`row ${String(row.id)}: ${p.issue.message} at ${p.issue.offset} in ${String(row.rule)}`);
    return;
  }
  const inText = new Set([...String(row.text).matchAll(/RVC(\d+)/g)].map((x) => x[1]!));
  const inRule = percentsOf(p.rule, new Set());
  for (const x of inText) if (!inRule.has(x)) problems.push(`row ${String(row.id)}: RVC${x} of the text is missing from the rule`);
}

/** Writes `rules/<id>/import-report.md` (or `file`), prints its summary lines, and fails the run when there are problems. */
export function finishImport(dir: string, report: string, problems: readonly string[], summary: [number, number] = [4, 11], file = 'import-report.md'): void {
  writeFileSync(join(dir, file), report);
  console.log(report.split('\n').slice(...summary).join('\n'));
  if (problems.length) {
    console.error(`${problems.length} problem(s): see ${join(dir, file).slice(ROOT.length + 1)}`);
    process.exitCode = 1;
  }
}

/** Markdown of the UK tariff data to text: links to their label, non-breaking spaces, emphasis removed. */
export function stripMarkdown(md: string): string {
  return md
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/\*([^*]*)\*/g, '$1');
}

/** The "Problems" section every import report ends its checks with. */
export function problemsSection(problems: readonly string[]): string[] {
  return ['## Problems', '', ...(problems.length ? problems.map((p) => `- ${p}`) : ['None.']), ''];
}

/** Rows per HS chapter, in first-seen order, for an import report (the same count every importer prints). */
export function rowsPerChapter(rows: readonly { scope: string }[]): Map<string, number> {
  const chapters = new Map<string, number>();
  for (const r of rows) chapters.set(r.scope.slice(0, 2), (chapters.get(r.scope.slice(0, 2)) ?? 0) + 1);
  return chapters;
}

/** Writes `rules/<id>/psr.json` in the form every importer uses (schema link, two-space JSON, final newline). */
export function writePsrFile(dir: string, agreement: string, hsVersion: string, rows: readonly unknown[], gaps: readonly unknown[] = []): void {
  const psr = { $schema: '../../docs/schema/psr.schema.json', agreement, hsVersion, rows, gaps };
  writeFileSync(join(dir, 'psr.json'), `${JSON.stringify(psr, null, 2)}\n`);
}

/**
 * The import report's table of criterion texts (count, text as printed, expression, example codes) followed by the
 * hand translations, so that every report lists them the same way.
 */
export function criterionTable(
  texts: ReadonlyMap<string, { count: number; rule: string; codes: readonly string[] }>,
  overrides: Readonly<Record<string, { note: string }>>,
): string[] {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| rows | criterion (as printed) | expression | e.g. |',
    '|---|---|---|---|',
    ...[...texts].map(([text, e]) => `| ${e.count} | ${esc(text)} | \`${esc(e.rule)}\` | ${e.codes.join(', ')} |`),
    '',
    'Hand translations:',
    '',
    ...Object.entries(overrides).map(([text, o]) => `- "${text}": ${o.note}`),
  ];
}
