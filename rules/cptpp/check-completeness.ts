/**
 * Completeness check for rules/cptpp/psr.json against the HS2012 nomenclature
 * (UN Comtrade classificationH4.json under ../shared/data/hs-correlation-unsd).
 *
 *   npx tsx rules/cptpp/check-completeness.ts
 *
 * Reports: scopes that are not HS2012 codes; HS2012 subheadings resolved by no
 * row; subheadings resolved by rows of more than one scope (ex rows sharing one
 * scope are one choice, not an overlap); ex rows without a sibling.
 * Exit code 1 on any finding.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(process.env.SHARED_DIR ?? join(here, '../../../shared'));
const psr = JSON.parse(readFileSync(join(here, 'psr.json'), 'utf8')) as { hsVersion: string; rows: { id: string; scope: string; ex?: string }[]; gaps: unknown[] };
const h4 = JSON.parse(readFileSync(join(shared, 'data/hs-correlation-unsd/classification-json/classificationH4.json'), 'utf8')) as { results: { id: string }[] };
const codes = new Set(h4.results.map((r) => r.id).filter((id) => /^\d{2}(\d{2})?(\d{2})?$/.test(id) && !id.startsWith('99')));
const subheadings = [...codes].filter((c) => c.length === 6).sort();

const findings: string[] = [];
if (psr.hsVersion !== 'HS2012') findings.push(`hsVersion is ${psr.hsVersion}, expected HS2012`);
const scopes = new Map<string, { ids: string[]; ex: number }>();
for (const r of psr.rows) {
  const [a, b = a] = r.scope.split('-') as [string, string?];
  if (!codes.has(a) || !codes.has(b)) findings.push(`row ${r.id}: scope ${r.scope} is not an HS2012 code or range`);
  const s = scopes.get(r.scope) ?? { ids: [], ex: 0 };
  s.ids.push(r.id);
  if (r.ex) s.ex++;
  scopes.set(r.scope, s);
}
for (const [scope, s] of scopes) {
  if (s.ids.length > 1 && s.ex !== s.ids.length) findings.push(`scope ${scope}: ${s.ids.length} rows but only ${s.ex} carry an ex description`);
  if (s.ids.length === 1 && s.ex) findings.push(`scope ${scope}: a lone ex row (${s.ids[0]})`);
}
let one = 0;
let choice = 0;
for (const sh of subheadings) {
  const hits = [...scopes.keys()].filter((scope) => {
    const [a, b = a] = scope.split('-') as [string, string?];
    const p = sh.slice(0, a.length);
    return a <= p && p <= b;
  });
  if (hits.length === 0) findings.push(`subheading ${sh}: no row`);
  else if (hits.length > 1) findings.push(`subheading ${sh}: rows of ${hits.length} scopes (${hits.join(', ')})`);
  else if (scopes.get(hits[0]!)!.ids.length > 1) choice++;
  else one++;
}
console.log(`HS2012 subheadings: ${subheadings.length}; resolved to exactly one row: ${one}; to a choice between ex rows of one scope: ${choice}; gaps declared: ${psr.gaps.length}`);
console.log(`rows: ${psr.rows.length}; scopes: ${scopes.size}; scopes with ex rows: ${[...scopes.values()].filter((s) => s.ids.length > 1).length}`);
for (const f of findings) console.log(`- ${f}`);
if (findings.length) process.exitCode = 1;
