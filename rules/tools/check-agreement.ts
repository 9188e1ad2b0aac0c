/**
 * Maintainer tool: validates one rule folder without writing anything, and counts
 * how every subheading of the folder's HS version resolves (per chapter).
 *
 *   npx tsx rules/tools/check-agreement.ts acfta [--chapters] [--psr psr-13-2019.json]
 *
 * `--psr` checks another list file of the folder (an earlier edition) against
 * the same agreement.json, with the HS version that file declares.
 *
 * Reads rules/<id>/agreement.json and psr.json, compiles them exactly as
 * `npm run rules:compile` does (but writes no generated file, so it is safe to
 * run while other rule folders are being edited), and reads the nomenclature of
 * the PSR's HS version from ../shared (SHARED_DIR to override).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findProductRule } from '../../src/evaluate/findProductRule.js';
import { ROOT, compileFromDisk } from './build-outputs.js';

const id = process.argv[2];
if (!id) {
  console.error('usage: npx tsx rules/tools/check-agreement.ts <id> [--chapters]');
  process.exit(2);
}
let agreement;
try {
  const psrAt = process.argv.indexOf('--psr');
  agreement = compileFromDisk(id, psrAt > 0 ? process.argv[psrAt + 1] : undefined);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
const shared = resolve(process.env.SHARED_DIR ?? join(ROOT, '../shared'));
/** The subheadings of an HS edition: UNSD classification lists, or for HS2007 the targets of the HS2017→HS2007 correlation. */
function subheadingsOf(version: string): string[] {
  if (version === 'HS2007') {
    const rows = readFileSync(join(shared, 'data/hs-correlation-unsd/correlation_hs2017_to_hs2007.csv'), 'utf8').split('\n').slice(1);
    return [...new Set(rows.map((r) => r.split(',')[1] ?? '').filter((c) => /^\d{6}$/.test(c)))].sort();
  }
  const file = ({ HS2012: 'classificationH4.json', HS2017: 'classificationH5.json', HS2022: 'classificationH6.json' } as Record<string, string>)[version]!;
  const nomenclature = JSON.parse(readFileSync(join(shared, 'data/hs-correlation-unsd/classification-json', file), 'utf8')) as { results: { id: string }[] };
  return nomenclature.results.map((r) => r.id).filter((c) => /^\d{6}$/.test(c));
}
const subheadings = subheadingsOf(agreement.hsVersion);
const byChapter = new Map<string, Record<string, number>>();
const totals: Record<string, number> = {};
for (const code of subheadings) {
  const r = findProductRule(agreement, code);
  const key = r.status === 'not_found' ? `not_found_${r.chapterData}` : r.status;
  const ch = code.slice(0, 2);
  const counts = byChapter.get(ch) ?? {};
  counts[key] = (counts[key] ?? 0) + 1;
  byChapter.set(ch, counts);
  totals[key] = (totals[key] ?? 0) + 1;
}
console.log(`${id}: compiles; ${agreement.rows.length} rows, ${agreement.gaps.length} gaps, ${agreement.hsVersion}, ${subheadings.length} subheadings`);
console.log(`resolution: ${JSON.stringify(totals)}`);
if (process.argv.includes('--chapters')) for (const [ch, counts] of [...byChapter].sort()) console.log(`  ${ch} ${JSON.stringify(counts)}`);
