/**
 * What the maintainer importers share: where the project and ../shared are, the
 * shape of the UK tariff's rule-set files, the threshold cross-check, and the
 * import report.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleNode } from '../../src/rules/ast.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The read-only shared material (set SHARED_DIR to read it from elsewhere). */
export const SHARED = resolve(process.env.SHARED_DIR ?? join(ROOT, '../shared'));

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

/** Writes `rules/<id>/import-report.md`, prints its summary lines, and fails the run when there are problems. */
export function finishImport(dir: string, report: string, problems: readonly string[], summary: [number, number] = [4, 11]): void {
  writeFileSync(join(dir, 'import-report.md'), report);
  console.log(report.split('\n').slice(...summary).join('\n'));
  if (problems.length) {
    console.error(`${problems.length} problem(s): see ${join(dir, 'import-report.md').slice(ROOT.length + 1)}`);
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
