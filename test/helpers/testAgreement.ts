import { compileAgreement, type CompiledAgreement } from '../../src/rules/compileAgreement.js';

/** A small agreement made for tests, with rows of every kind. */
export const testFacts = {
  id: 'testfta',
  name: { en: 'Test FTA', vi: 'Hiệp định thử' },
  shortName: 'TESTFTA',
  parties: [
    { country: 'VN', name: 'Viet Nam', from: '2020-01-01', cite: { source: 's', ref: 'Art 1' } },
    { country: 'GB', name: 'United Kingdom', from: '2020-01-01', cite: { source: 's', ref: 'Art 1' } },
    { country: 'JP', name: 'Japan', from: '2022-01-01', until: '2030-12-31', cite: { source: 's', ref: 'Art 1' } },
  ],
  hsVersion: 'HS2022',
  valueBasis: 'ex_works',
  rvc: { methods: ['build_down', 'build_up'], cite: { source: 's', ref: 'Art 2' } },
  tolerance: {
    percent: '10',
    basis: 'ex_works',
    weightAlternativeChapters: ['19'],
    excludedChapters: ['61'],
    cite: { source: 's', ref: 'Art 5' },
  },
  textileTolerances: {
    mixed: { percent: '10', cite: { source: 's', ref: 'Note 6' } },
    otherHeading: { percent: '8', basis: 'ex_works', cite: { source: 's', ref: 'Note 7' } },
  },
  cumulation: {
    bilateral: ['VN', 'GB', 'JP'],
    conditional: [{ id: 'eu', countries: ['DE'], conditions: 'arrangements in force', products: [], cite: { source: 's', ref: 'Art 3' } }],
    cite: { source: 's', ref: 'Art 3' },
  },
  minimalOperations: {
    operations: [
      { id: 'simple_packaging', text: 'simple packaging' },
      { id: 'marking_labelling', text: 'labelling' },
    ],
    cite: { source: 's', ref: 'Art 6' },
  },
  treatment: {
    retailPacking: 'counted_with_product',
    transportPacking: 'disregarded',
    accessories: 'counted_with_product',
    indirectMaterials: 'disregarded',
    cite: [{ source: 's', ref: 'Art 7' }],
  },
  proofs: [
    {
      id: 'form_t',
      name: { en: 'Form T', vi: 'Mẫu T' },
      issuer: { en: 'MOIT', vi: 'Bộ Công Thương' },
      validityMonths: 12,
      originCriterion: {
        box: 'Box 8',
        codes: { tariff_shift_heading: 'CTH', max_non_originating: 'MaxNOM {percent}%', regional_value_content: 'RVC {percent}%' },
        note: { en: 'codes of the test form', vi: 'mã của mẫu thử' },
        cite: { source: 's', ref: 'Form T notes' },
      },
      cite: { source: 's', ref: 'Art 9' },
    },
  ],
  sources: [{ id: 's', title: 'Test source' }],
  generalRule: { rule: 'CTH or RVC(40% FOB)', text: 'general rule', cite: { source: 's', ref: 'Art 4' } },
  completeness: { status: 'partial', note: 'test data', chapters: { '95': 'complete', '96': 'partial' } },
};

export const testPsr = {
  agreement: 'testfta',
  hsVersion: 'HS2022',
  rows: [
    { id: '6109', scope: '6109', description: 'T-shirts', rule: 'CTH or MaxNOM(70% EXW)', text: 't', cite: { source: 's', ref: 'r1' } },
    { id: '8501', scope: '8501', description: 'motors', rule: 'CTH(same: 20% EXW)', text: 't', cite: { source: 's', ref: 'r2' } },
    { id: '1905', scope: '1905', description: 'bakery', rule: 'CTH and Weight(20%, of: [ch02, ch03, ch16])', text: 't', cite: { source: 's', ref: 'r3' } },
    { id: '2202', scope: '2202', description: 'drinks', rule: 'CTH and Weight(20%, of: [ch04, tag:sugar], each)', text: 't', cite: { source: 's', ref: 'r4' } },
    { id: '8471', scope: '8471', description: 'computers', rule: 'RVC(40% FOB) or CTSH', text: 't', cite: { source: 's', ref: 'r5' } },
    { id: '0304', scope: '0304', description: 'fillets', rule: 'WOMaterials(ch03)', text: 't', cite: { source: 's', ref: 'r6' } },
    { id: '5208.1', scope: '5208-5212', ex: 'printed', description: 'printed fabric', rule: 'Process(printing)', text: 't', cite: { source: 's', ref: 'r7' } },
    { id: '5208.2', scope: '5208-5212', ex: 'other', description: 'other fabric', rule: 'Process(weaving)', text: 't', cite: { source: 's', ref: 'r8' } },
    { id: '61', scope: '61', description: 'knitted garments', rule: 'Process(knitting) and Process(making_up)', text: 't', cite: { source: 's', ref: 'r9' } },
    { id: '6203', scope: '6203', description: 'trousers', rule: 'Process(weaving) and Process(making_up)', text: 't', cite: { source: 's', ref: 'r16' }, textileTolerances: ['otherHeading'] },
    { id: '5209', scope: '5209', description: 'cotton denim', rule: 'Process(spinning) and Process(weaving)', text: 't', cite: { source: 's', ref: 'r17' }, textileTolerances: ['mixed'] },
    { id: '6110', scope: '6110', ex: 'of wool', description: 'wool jerseys', rule: 'MaxNOM(40% EXW)', text: 't', cite: { source: 's', ref: 'r10' } },
    { id: '9401', scope: '9401', description: 'seats', rule: 'CTH(except: h9403) or MaxNOM(50% EXW, of: ch44)', text: 't', cite: { source: 's', ref: 'r11' } },
    { id: '7210', scope: '7210', description: 'flat-rolled', rule: 'From([h7206, h7207])', text: 't', cite: { source: 's', ref: 'r12' } },
    { id: '4409', scope: '4409', description: 'boards', rule: 'Declared(boards_not_cut, "manufacture from boards not cut to size")', text: 't', cite: { source: 's', ref: 'r13' } },
    { id: '85171310', scope: '85171310', description: 'smartphones', rule: 'CTI', text: 't', cite: { source: 's', ref: 'r14' } },
    { id: '851713', scope: '851713', description: 'other phones', rule: 'CTH', text: 't', cite: { source: 's', ref: 'r15' } },
  ],
  gaps: [{ scope: '4101-4103', reason: 'no rule in the source' }],
};

export function makeTestAgreement(): CompiledAgreement {
  const r = compileAgreement(testFacts, testPsr);
  if (!r.success) throw new Error(JSON.stringify(r.issues, null, 2));
  return r.agreement;
}

type Mat = Record<string, unknown>;
/** A VN → GB shipment of a product with materials; money in USD decimal strings. */
export function shipment(product: Record<string, unknown>, materials: Mat[], extra: Record<string, unknown> = {}) {
  return {
    exportingCountry: 'VN',
    importingCountry: 'GB',
    date: '2026-03-01',
    ...extra,
    product: { exWorksPrice: { amount: '100', currency: 'USD' }, operations: ['other_processing'], ...product, materials },
  };
}

export const mat = (id: string, hsCode: string, amount: string, more: Mat = {}): Mat => ({
  id,
  hsCode,
  value: { amount, currency: 'USD' },
  ...more,
});

/** Evidence that a material originates under the test agreement. */
export const origin = (country = 'VN', more: Mat = {}): Mat => ({
  originCountry: country,
  evidence: [{ agreements: ['testfta'], type: 'supplier_declaration', ...more }],
});
