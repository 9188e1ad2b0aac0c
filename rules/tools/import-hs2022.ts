/**
 * Maintainer tool: extracts the list of HS2022 subheadings (6-digit codes) from
 * the shared nomenclature into `rules/hs/hs2022-subheadings.json`, which the
 * coverage tests use without needing ../shared.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shared = resolve(process.env.SHARED_DIR ?? join(root, '../shared'));
const csv = readFileSync(join(shared, 'data/hs-datasets-harmonized-system/harmonized-system.csv'), 'utf8');
const codes = new Set<string>();
for (const line of csv.split('\n').slice(1)) {
  // section,hscode,description,parent,level — the code is the second field, never quoted
  const code = line.split(',')[1];
  // 999999 is UN Comtrade's "commodities not specified", not an HS subheading.
  if (code && /^\d{6}$/.test(code) && code !== '999999') codes.add(code);
}
const out = {
  source: 'datasets/harmonized-system@905e5a0fa29f5700d62cb3cc1265f21bc8a92329, data/harmonized-system.csv (UN Comtrade HS2022 "H6", ODC-PDDL-1.0)',
  hsVersion: 'HS2022',
  count: codes.size,
  subheadings: [...codes].sort(),
};
writeFileSync(join(root, 'rules/hs/hs2022-subheadings.json'), `${JSON.stringify(out)}\n`);
console.log(`${codes.size} HS2022 subheadings written`);
