/**
 * `npm run bench`: determinations per second for generated BOMs of 10, 50 and
 * 200 lines under UKVFTA heading 4202 ("CTH or MaxNOM(70% EXW)"), against a
 * hand-written function specialised for that one rule, in the same process: in
 * three versions (verdict only, minimal; verdict only, complete; verdict with the
 * engine's explanation, the like-for-like reference).
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
const { addTo, compare, formatRational, parseDecimal, percentAmount, percentOf, sub, sum } = rational;

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

/**
 * The explained baseline: the complete baseline, hand-written to give what the engine gives for this rule: the verdict
 * and the criterion met; every material with its origin status, the reason and its non-originating value as text; the
 * change-of-heading test with each non-originating material's verdict and the tolerance figures; the value test with
 * its six figures (product value, non-originating value, share, limit, limit value, headroom); the
 * insufficient-operations check. Principle 4 asks this of any answer, so this is the like-for-like reference: it
 * measures what the engine's generality costs, not what the explanation costs. The bench checks that its verdict,
 * criterion, tolerance figures and value-test figures equal the engine's, text for text.
 * @param {NormalizedShipment} s
 */
function explainedCthOrMaxNom70(s) {
  const parties = (c) => c === 'VN' || c === 'GB';
  if (!parties(s.exportingCountry) || !parties(s.importingCountry) || s.date < '2021-01-01') return { status: 'invalid_input' };
  const exw = /** @type {Rational} */ (s.product.exWorksPrice);
  const heading = s.product.hsCode.slice(0, 4);
  const materials = [];
  const cthMaterials = [];
  /** @type {string[]} */
  const offending = [];
  const non = { n: 0n, d: 1n };
  const same = { n: 0n, d: 1n };
  for (const m of s.product.materials) {
    if (m.role === 'transport_packing' || m.role === 'indirect') {
      materials.push({ id: m.id, counted: false, originating: false, basis: 'not_counted', nonOriginatingValue: '0.00' });
      continue;
    }
    const ev = m.evidence.find((e) => e.agreements.includes('ukvfta') && (!e.issued || e.issued <= s.date) && (!e.expires || e.expires >= s.date));
    if (ev !== undefined && (m.originCountry === undefined || parties(m.originCountry))) {
      materials.push({ id: m.id, counted: true, originating: true, basis: 'evidence_exporting_party', nonOriginatingValue: '0.00' });
      continue;
    }
    const text = m.valueText; // the validated input carries each amount as text, as the engine uses it
    materials.push({ id: m.id, counted: true, originating: false, basis: parties(m.originCountry ?? 'VN') ? 'no_evidence' : 'non_party_origin', nonOriginatingValue: text });
    addTo(non, m.value);
    const breaks = m.hsCode.slice(0, 4) === heading;
    if (breaks) {
      addTo(same, m.value);
      offending.push(m.id);
    }
    cthMaterials.push({ id: m.id, verdict: breaks ? 'offending' : 'ok', hsCode: m.hsCode, value: text });
  }
  const ops = s.product.operations ?? [];
  const insufficient = ops.length > 0 && ops.every((o) => INSUFFICIENT.has(o));
  const allowed = percentAmount(TEN, exw);
  const applied = offending.length > 0 && compare(same, allowed) <= 0;
  const cthMet = offending.length === 0 || applied;
  const limit = percentAmount(SEVENTY, exw);
  const nomMet = compare(non, limit) <= 0;
  const share = formatRational(/** @type {Rational} */ (percentOf(non, exw)), 2);
  const cth = {
    kind: 'tariff_shift', expression: 'CTH', status: cthMet ? 'met' : 'not_met', materials: cthMaterials,
    tolerance: offending.length > 0 ? { applied, materialIds: offending, percent: '10', value: formatRational(same, 2), allowed: formatRational(allowed, 2) } : undefined,
  };
  const nom = {
    kind: 'max_non_originating', expression: 'MaxNOM(70% EXW)', status: nomMet ? 'met' : 'not_met', reason: { share, limit: '70' },
    figures: { productValue: formatRational(exw, 2), nonOriginatingValue: formatRational(non, 2), nonOriginatingShare: share, limitPercent: '70', limitValue: formatRational(limit, 2), headroom: formatRational(sub(limit, non), 2) },
  };
  const met = cthMet || nomMet;
  return {
    status: met && !insufficient ? 'originating' : 'not_originating',
    criterion: met && !insufficient ? (cthMet ? 'CTH' : 'MaxNOM(70% EXW)') : undefined,
    trace: { kind: 'any_of', status: met ? 'met' : 'not_met', children: [cth, nom] },
    insufficientOperations: { checked: true, insufficient, operations: ops },
    materials,
  };
}

/**
 * Whether the explained baseline says what the engine says for this rule, figure for figure.
 * @param {any} e the engine's result @param {any} b the explained baseline's
 */
function sameExplanation(e, b) {
  const [ec, en] = e.trace.children;
  const [bc, bn] = b.trace.children;
  const tol = (t) => (t ? `${t.applied}|${t.materialIds.join(',')}|${t.value}|${t.allowed}` : '');
  return e.status === b.status && e.criterion === b.criterion && ec.status === bc.status && en.status === bn.status &&
    tol(ec.tolerance) === tol(bc.tolerance) && JSON.stringify(en.figures) === JSON.stringify(bn.figures) &&
    e.materials.length === b.materials.length && e.materials.every((m, i) => m.originating === b.materials[i].originating && m.nonOriginatingValue === b.materials[i].nonOriginatingValue);
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
    if (!sameExplanation(engine, explainedCthOrMaxNom70(s))) throw new Error(`engine and the explained baseline explain a ${lines}-line BOM differently`);
    if (engine.trace?.children?.[0]?.tolerance?.applied) tolerated++;
  });
  let k = 0;
  const minimal = rate(() => minimalCthOrMaxNom70(normalized[k++ % 16]));
  const complete = rate(() => completeCthOrMaxNom70(normalized[k++ % 16]));
  const explained = rate(() => explainedCthOrMaxNom70(normalized[k++ % 16]));
  const engine = rate(() => evaluateNormalizedOrigin(normalized[k++ % 16], ukvfta));
  const full = rate(() => evaluateOrigin(inputs[k++ % 16], ukvfta));
  const n = (x) => Math.round(x).toLocaleString('en');
  rows.push(
    `| ${lines} | ${n(minimal)} | ${n(complete)} | ${n(explained)} | ${n(engine)} | ${(minimal / engine).toFixed(2)}× | ${(complete / engine).toFixed(2)}× | ${(explained / engine).toFixed(2)}× | ${n(full)} | ${(complete / full).toFixed(2)}× | ${tolerated}/16 |`,
  );
}
console.log(`Node ${process.version}, one core, ${new Date(0).toISOString().slice(0, 0)}determinations per second:\n`);
console.log('| BOM lines | minimal baseline | complete baseline | explained baseline | engine (validated input) | minimal ÷ engine | complete ÷ engine | explained ÷ engine | engine incl. validation | complete ÷ full | BOMs where the tolerance decides CTH |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
