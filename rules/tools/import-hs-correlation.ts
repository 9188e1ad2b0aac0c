/**
 * Maintainer tool: compiles the UNSD HS correlation tables in ../shared into
 * `rules/hs/correlation.json`: for each newer-version subheading whose goods are
 * not simply the same-numbered subheading of the older version, the list of
 * older-version subheadings its goods fall in. Codes not listed map to
 * themselves. Used to transpose product and material codes onto a rule set's HS
 * version (see docs/hs-transposition.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shared = resolve(process.env.SHARED_DIR ?? join(root, '../shared'));
const dir = join(shared, 'data/hs-correlation-unsd');

function table(file: string): Record<string, string[]> {
  const targets = new Map<string, Set<string>>();
  for (const line of readFileSync(join(dir, file), 'utf8').split('\n').slice(1)) {
    const [from, to] = line.split(',');
    if (!from || !to || from === '999999' || to === '999999') continue;
    if (!targets.has(from)) targets.set(from, new Set());
    targets.get(from)!.add(to);
  }
  const out: Record<string, string[]> = {};
  for (const [from, set] of [...targets].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const list = [...set].sort();
    if (list.length === 1 && list[0] === from) continue; // identity: implicit
    out[from] = list;
  }
  return out;
}

/** newer→middle then middle→older; codes whose goods stay in the same-numbered code at both steps are implicit. */
function chain(first: Record<string, string[]>, second: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const from of [...new Set([...Object.keys(first), ...Object.keys(second)])].sort()) {
    const middle = first[from] ?? [from];
    const list = [...new Set(middle.flatMap((m) => second[m] ?? [m]))].sort();
    if (list.length === 1 && list[0] === from) continue;
    out[from] = list;
  }
  return out;
}

const hs2022to2017 = table('correlation_hs2022_to_hs2017.csv');
const hs2017to2007 = table('correlation_hs2017_to_hs2007.csv');
const tables = {
  'HS2022>HS2012': table('correlation_hs2022_to_hs2012.csv'),
  'HS2022>HS2017': hs2022to2017,
  'HS2017>HS2012': table('correlation_hs2017_to_hs2012.csv'),
  // HS2007 (lists kept in their signed edition, e.g. VJEPA): UNSD gives HS2017→HS2007; HS2022 goes through HS2017.
  'HS2017>HS2007': hs2017to2007,
  'HS2022>HS2007': chain(hs2022to2017, hs2017to2007),
};
const result = {
  source:
    'UNSD HS correlation tables (HS2022→HS2012, HS2022→HS2017, HS2017→HS2012, HS2017→HS2007) as redistributed in insongkim/concordance@201c812e51f213d967d8701b6ed6398c79df4a04 data-raw/*.xlsx; rows with the same source code merged; identity mappings omitted; HS2022→HS2007 chained through HS2017 (the union of the HS2007 codes of every HS2017 code a HS2022 code falls in)',
  tables,
};
writeFileSync(join(root, 'rules/hs/correlation.json'), `${JSON.stringify(result)}\n`);
for (const [k, v] of Object.entries(tables)) {
  const entries = Object.values(v);
  console.log(`${k}: ${entries.length} non-identity codes, ${entries.filter((t) => t.length > 1).length} with several targets`);
}
