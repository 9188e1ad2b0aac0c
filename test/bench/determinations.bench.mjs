/**
 * `npm run bench`: determinations per second for generated BOMs of 10, 50 and
 * 200 lines under UKVFTA heading 4202 ("CTH or MaxNOM(70% EXW)"), against a
 * hand-written function specialised for that one rule, in the same process.
 * Prints a Markdown table (copy it into docs/performance.md). Not a test: no
 * timing is ever asserted.
 *
 * Plain JavaScript run by plain `node`, on purpose: a TypeScript runner such as
 * tsx transforms every module it loads, the built package included, and its
 * keep-names wrapper (a property definition per closure created) cost the
 * engine a third of its time. Users run the built package under node, so the
 * benchmark does too.
 */
// @ts-check
import { ukvfta } from '../../dist/agreements/ukvfta.js';
// The built package is measured, as users run it (npm run bench builds it first).
import { evaluateNormalizedOrigin, evaluateOrigin, rational, safeParseShipment } from '../../dist/index.js';

/** @typedef {import('../../dist/index.js').NormalizedShipment} NormalizedShipment */
/** @typedef {rational.Rational} Rational */
const { compare, parseDecimal, percentAmount, sum } = rational;

const CODES = ['392690', '420292', '550810', '830810', '960719', '590390', '480519', '420212'];

/** @param {number} lines @param {number} seed */
function makeShipment(lines, seed) {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const materials = Array.from({ length: lines }, (_, i) => {
    const originating = rnd() < 0.3;
    return {
      id: `m${i}`,
      hsCode: CODES[Math.floor(rnd() * CODES.length)],
      value: { amount: `${Math.floor(rnd() * 500)}.${String(Math.floor(rnd() * 100)).padStart(2, '0')}`, currency: 'USD' },
      ...(originating ? { originCountry: 'VN', evidence: [{ agreements: ['ukvfta'], type: 'supplier_declaration', issued: '2026-01-01', expires: '2027-01-01' }] } : { originCountry: 'CN' }),
    };
  });
  return {
    exportingCountry: 'VN',
    importingCountry: 'GB',
    date: '2026-06-01',
    product: { hsCode: '420221', exWorksPrice: { amount: `${lines * 400}`, currency: 'USD' }, operations: ['cutting_sewing'], materials },
  };
}

/**
 * The minimal baseline: the rule's two tests on the bill of materials and nothing else. It answers right for the
 * generated BOMs only because none of them needs the tolerance or the other checks below.
 * @param {NormalizedShipment} s
 * @returns {'originating' | 'not_originating'}
 */
function minimalCthOrMaxNom70(s) {
  const heading = s.product.hsCode.slice(0, 4);
  let cth = true;
  /** @type {Rational[]} */
  const non = [];
  for (const m of s.product.materials) {
    const ev = m.evidence.find((e) => e.agreements.includes('ukvfta') && (!e.issued || e.issued <= s.date) && (!e.expires || e.expires >= s.date));
    const originating = ev !== undefined && (m.originCountry === undefined || m.originCountry === 'VN' || m.originCountry === 'GB');
    if (originating) continue;
    non.push(m.value);
    if (m.hsCode.slice(0, 4) === heading) cth = false;
  }
  if (cth) return 'originating';
  return compare(sum(non), percentAmount(/** @type {Rational} */ (parseDecimal('70')), /** @type {Rational} */ (s.product.exWorksPrice))) <= 0 ? 'originating' : 'not_originating';
}

const SEVENTY = /** @type {Rational} */ (parseDecimal('70'));
const TEN = /** @type {Rational} */ (parseDecimal('10'));
/** UKVFTA's insufficient operations (Protocol Article 6), as the agreement data lists them. */
const INSUFFICIENT = new Set(ukvfta.facts.minimalOperations.operations.map((o) => o.id));

/**
 * The complete baseline: the same rule hand-written with the checks the law attaches to it, so that it decides
 * any shipment correctly, not just the generated ones: both countries parties on the date; materials' roles (transport
 * packing and indirect materials are not counted); the general tolerance of 10 % of the ex-works price for the
 * change of heading (never for the value test); insufficient operations never confer origin.
 * @param {NormalizedShipment} s
 * @returns {'originating' | 'not_originating' | 'invalid_input'}
 */
function completeCthOrMaxNom70(s) {
  const parties = (c) => c === 'VN' || c === 'GB';
  if (!parties(s.exportingCountry) || !parties(s.importingCountry) || s.date < '2021-01-01') return 'invalid_input';
  const exw = /** @type {Rational} */ (s.product.exWorksPrice);
  const heading = s.product.hsCode.slice(0, 4);
  /** @type {Rational[]} */
  const non = [];
  /** @type {Rational[]} */
  const sameHeading = [];
  for (const m of s.product.materials) {
    if (m.role === 'transport_packing' || m.role === 'indirect') continue;
    const ev = m.evidence.find((e) => e.agreements.includes('ukvfta') && (!e.issued || e.issued <= s.date) && (!e.expires || e.expires >= s.date));
    if (ev !== undefined && (m.originCountry === undefined || parties(m.originCountry))) continue;
    non.push(m.value);
    if (m.hsCode.slice(0, 4) === heading) sameHeading.push(m.value);
  }
  const ops = s.product.operations ?? [];
  if (ops.length > 0 && ops.every((o) => INSUFFICIENT.has(o))) return 'not_originating';
  if (sameHeading.length === 0 || compare(sum(sameHeading), percentAmount(TEN, exw)) <= 0) return 'originating';
  return compare(sum(non), percentAmount(SEVENTY, exw)) <= 0 ? 'originating' : 'not_originating';
}

/** @param {() => void} fn @returns {number} */
function rate(fn, minMs = 1000) {
  for (let i = 0; i < 200; i++) fn(); // warm up
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < minMs) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
    now = performance.now();
  }
  return (n * 1000) / (now - start);
}

/** @type {string[]} */
const rows = [];
for (const lines of [10, 50, 200]) {
  const inputs = Array.from({ length: 16 }, (_, i) => makeShipment(lines, i + 1));
  const normalized = inputs.map((s) => {
    const p = safeParseShipment(s);
    if (!p.success) throw new Error(JSON.stringify(p.issues));
    return p.data;
  });
  // Each baseline must agree with the engine before its speed means anything.
  let tolerated = 0;
  normalized.forEach((s) => {
    const engine = evaluateNormalizedOrigin(s, ukvfta);
    if (engine.status !== minimalCthOrMaxNom70(s) || engine.status !== completeCthOrMaxNom70(s)) throw new Error(`engine and a baseline disagree on a ${lines}-line BOM`);
    if (engine.trace?.children?.[0]?.tolerance?.applied) tolerated++;
  });
  let k = 0;
  const minimal = rate(() => minimalCthOrMaxNom70(normalized[k++ % 16]));
  const complete = rate(() => completeCthOrMaxNom70(normalized[k++ % 16]));
  const engine = rate(() => evaluateNormalizedOrigin(normalized[k++ % 16], ukvfta));
  const full = rate(() => evaluateOrigin(inputs[k++ % 16], ukvfta));
  const n = (x) => Math.round(x).toLocaleString('en');
  rows.push(
    `| ${lines} | ${n(minimal)} | ${n(complete)} | ${n(engine)} | ${(minimal / engine).toFixed(2)}× | ${(complete / engine).toFixed(2)}× | ${n(full)} | ${(complete / full).toFixed(2)}× | ${tolerated}/16 |`,
  );
}
console.log(`Node ${process.version}, one core, ${new Date(0).toISOString().slice(0, 0)}determinations per second:\n`);
console.log('| BOM lines | minimal baseline | complete baseline | engine (validated input) | minimal ÷ engine | complete ÷ engine | engine incl. validation | complete ÷ full | BOMs where the tolerance decides CTH |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
