import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRegionalValueContent } from '../../src/criteria/regionalValueContent.js';
import type { ClassifiedMaterial, CriterionContext } from '../../src/criteria/types.js';
import { evaluateOrigin } from '../../src/evaluate/evaluateOrigin.js';
import { compare, rational, ZERO } from '../../src/money/rational.js';
import { makeTestAgreement } from '../helpers/testAgreement.js';

const fta = makeTestAgreement();
const PRODUCTS = ['610910', '850140', '940161', '847130', '190590'];
const MATERIAL_CODES = ['610990', '600622', '850300', '850110', '940390', '940191', '440711', '847330', '847130', '030489', '160100', '170199'];

/** Cents as a decimal string with two places. */
const cents = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;

const materialArb = fc.record({
  hsCode: fc.constantFrom(...MATERIAL_CODES),
  cents: fc.bigInt({ min: 1n, max: 50_000n }),
  grams: fc.integer({ min: 1, max: 5000 }),
  originating: fc.boolean(),
});

const shipmentArb = fc.record({
  hsCode: fc.constantFrom(...PRODUCTS),
  exWorks: fc.bigInt({ min: 1n, max: 500_000n }),
  fob: fc.bigInt({ min: 1n, max: 500_000n }),
  grams: fc.integer({ min: 1000, max: 100_000 }),
  materials: fc.array(materialArb, { maxLength: 8 }),
});

interface Gen {
  hsCode: string;
  exWorks: bigint;
  fob: bigint;
  grams: number;
  materials: { hsCode: string; cents: bigint; grams: number; originating: boolean }[];
}

function build(g: Gen, scale = 1n, order?: number[]) {
  const ms = g.materials.map((m, i) => ({
    id: `m${i}`,
    hsCode: m.hsCode,
    value: { amount: cents(m.cents * scale), currency: 'USD' },
    weight: `${m.grams}`,
    ...(m.originating ? { originCountry: 'VN', evidence: [{ agreements: ['testfta'], type: 'supplier_declaration' }] } : {}),
  }));
  const materials = order ? order.map((i) => ms[i]!) : ms;
  return {
    exportingCountry: 'VN',
    importingCountry: 'GB',
    date: '2026-03-01',
    product: {
      hsCode: g.hsCode,
      exWorksPrice: { amount: cents(g.exWorks * scale), currency: 'USD' },
      fobValue: { amount: cents(g.fob * scale), currency: 'USD' },
      weight: `${g.grams}`,
      operations: ['other_processing'],
      materials,
    },
  };
}

const verdict = (input: unknown) => {
  const r = evaluateOrigin(input, fta);
  return { status: r.status, criterion: r.criterion };
};

describe('invariants', () => {
  it('scaling every amount by 10^k changes nothing', () => {
    fc.assert(
      fc.property(shipmentArb, fc.integer({ min: 1, max: 6 }), (g, k) => {
        expect(verdict(build(g, 10n ** BigInt(k)))).toEqual(verdict(build(g)));
      }),
    );
  });
  it('the order of materials changes nothing', () => {
    fc.assert(
      fc.property(
        shipmentArb.chain((g) => fc.tuple(fc.constant(g), fc.shuffledSubarray([...g.materials.keys()], { minLength: g.materials.length }))),
        ([g, order]) => {
          expect(verdict(build(g, 1n, order))).toEqual(verdict(build(g)));
        },
      ),
    );
  });
  it('making a non-originating material originating never turns a pass into a fail', () => {
    fc.assert(
      fc.property(shipmentArb, fc.nat(), (g, pick) => {
        const non = g.materials.map((m, i) => (m.originating ? -1 : i)).filter((i) => i >= 0);
        fc.pre(non.length > 0);
        const i = non[pick % non.length]!;
        const before = verdict(build(g)).status;
        const improved = { ...g, materials: g.materials.map((m, j) => (j === i ? { ...m, originating: true } : m)) };
        const after = verdict(build(improved)).status;
        if (before === 'originating') expect(after).toBe('originating');
        if (after === 'not_originating') expect(before).toBe('not_originating');
      }),
    );
  });
  it('a product exactly at the value threshold passes "does not exceed" and "not less than"', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10_000_000n }), (unit) => {
        // MaxNOM(70% EXW): non-originating value exactly 70 % of the ex-works price.
        const g: Gen = { hsCode: '610910', exWorks: 10n * unit, fob: 10n * unit, grams: 1000, materials: [{ hsCode: '610990', cents: 7n * unit, grams: 1, originating: false }] };
        expect(verdict(build(g)).status).toBe('originating');
        const over: Gen = { ...g, materials: [{ hsCode: '610990', cents: 7n * unit + 1n, grams: 1, originating: false }] };
        expect(verdict(build(over)).status).toBe('not_originating');
        // RVC(40% FOB) by build-down: non-originating value exactly 60 % of FOB.
        const rvc: Gen = { hsCode: '847130', exWorks: 10n * unit, fob: 10n * unit, grams: 1000, materials: [{ hsCode: '847130', cents: 6n * unit, grams: 1, originating: false }] };
        expect(verdict(build(rvc)).status).toBe('originating');
      }),
    );
  });
  it('build-down RVC is never below build-up RVC on the same data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ cents: fc.bigInt({ min: 1n, max: 100_000n }), originating: fc.boolean() }), { minLength: 1, maxLength: 10 }),
        fc.bigInt({ min: 0n, max: 100_000n }),
        fc.bigInt({ min: 0n, max: 100_000n }),
        (ms, labour, margin) => {
          const materials: ClassifiedMaterial[] = ms.map((m, i) => {
            const value = rational(m.cents, 100n);
            return {
              material: { id: `m${i}`, path: [], description: '', hsCode: i % 2 ? '847330' : '850440', hsCodes: {}, value, valueText: '', weight: undefined, weightText: undefined, originCountry: undefined, tags: [], role: 'component', evidence: [], bom: undefined },
              originating: m.originating,
              basis: m.originating ? 'evidence_exporting_party' : 'non_party_origin',
              nonOriginatingAmount: m.originating ? ZERO : value,
              nonOriginatingText: '',
              intermediate: undefined,
              uncertain: false,
            };
          });
          const total = ms.reduce((s, m) => s + m.cents, 0n);
          // FOB covers materials, labour and a margin (profit, overhead not itemised, transport).
          const fob = rational(total + labour + margin, 100n);
          const ctx: CriterionContext = {
            agreement: fta,
            currency: 'USD',
            materials,
            product: { hsCode: '847130', fobValue: fob, costs: { directLabour: rational(labour, 100n) }, whollyObtained: false, declarations: {}, path: [] },
          };
          const node = { kind: 'regional_value_content', percent: '40', basis: 'fob', method: 'agreement_default' } as const;
          const down = computeRegionalValueContent(node, 'build_down', ctx);
          const up = computeRegionalValueContent(node, 'build_up', ctx);
          // Focused value counts only some non-originating materials, so it is never below build-down.
          const focused = computeRegionalValueContent(
            { ...node, method: 'focused_value', materials: [{ type: 'hs', from: '8473', to: '8473' }] },
            'focused_value',
            ctx,
          );
          expect(compare(focused.rvc!, down.rvc!)).toBeGreaterThanOrEqual(0);
          if (labour === 0n) return; // build-up needs cost components
          expect(compare(down.rvc!, up.rvc!)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('partial cumulation (ATIGA Article 30(2)) and dated rule lists', () => {
  it('a higher regional content stated on a proof never turns a pass into a fail', async () => {
    const { atiga } = await import('../../src/agreements/atiga.js');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.bigInt({ min: 1n, max: 9_000n }),
        fc.bigInt({ min: 1n, max: 9_000n }),
        (a, b, shell, other) => {
          const run = (rvc: number) =>
            evaluateOrigin(
              {
                exportingCountry: 'VN',
                importingCountry: 'TH',
                date: '2026-06-01',
                product: {
                  hsCode: '940161',
                  fobValue: { amount: '200.00', currency: 'USD' },
                  costs: { directLabour: { amount: '20.00', currency: 'USD' } },
                  operations: ['assembly'],
                  materials: [
                    { id: 'shell', hsCode: '940161', value: { amount: cents(shell), currency: 'USD' }, originCountry: 'TH', evidence: [{ agreements: ['atiga'], type: 'certificate_of_origin', regionalValueContent: String(rvc) }] },
                    { id: 'other', hsCode: '392690', value: { amount: cents(other), currency: 'USD' }, originCountry: 'CN' },
                  ],
                },
              },
              atiga,
            ).status;
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          if (run(lo) === 'originating') expect(run(hi)).toBe('originating');
        },
      ),
      { numRuns: 200 },
    );
  });
});
