import { describe, expect, it } from 'vitest';
import { cptpp } from '../../src/agreements/cptpp.js';
import { evfta } from '../../src/agreements/evfta.js';
import { evaluateOrigin } from '../../src/evaluate/evaluateOrigin.js';
import { findProductRule } from '../../src/evaluate/findProductRule.js';

const m = (id: string, hsCode: string, amount: string, more: Record<string, unknown> = {}) => ({ id, hsCode, value: { amount, currency: 'USD' }, originCountry: 'CN', ...more });
const converter = (materials: unknown[]) => ({
  exportingCountry: 'VN',
  importingCountry: 'CA',
  date: '2026-06-01',
  product: {
    hsCode: '850440',
    transactionValue: { amount: '100', currency: 'USD' },
    fobValue: { amount: '100', currency: 'USD' },
    costs: { directLabour: { amount: '10', currency: 'USD' } },
    operations: ['assembly'],
    materials,
  },
});

describe('CPTPP worked cases (heading 8504: CTH or RVC 30 % build-up, 40 % build-down, 50 % focused value)', () => {
  it('a converter built around an imported same-heading module fails CTH but meets 40 % by build-down', () => {
    const r = evaluateOrigin(converter([m('module', '850490', '35'), m('case', '761699', '20')]), cptpp);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('RVC(40% TV, method: build_down)');
    expect(r.transposition).toMatchObject({ from: 'HS2022', to: 'HS2012' });
  });
  it('at 61 % non-originating content build-down fails, but the focused value of heading 8504 materials (35 %) passes', () => {
    const r = evaluateOrigin(converter([m('module', '850490', '35'), m('case', '761699', '26')]), cptpp);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('RVC(50% TV, method: focused_value, of: h8504)');
  });
  it('Japanese materials count as originating (accumulation among the Parties) with evidence', () => {
    const jp = { originCountry: 'JP', evidence: [{ agreements: ['cptpp'], type: 'certificate_of_origin' }] };
    const r = evaluateOrigin(converter([m('module', '850490', '55', jp), m('case', '761699', '26')]), cptpp);
    expect(r.status).toBe('originating');
  });
});

const euShipment = (product: Record<string, unknown>) => ({ exportingCountry: 'VN', importingCountry: 'DE', date: '2026-06-01', product: { exWorksPrice: { amount: '100', currency: 'USD' }, operations: ['other_processing'], ...product } });

describe('EVFTA: rows that may lack legal alternatives', () => {
  it('never answers "not originating" on the first alternative alone', () => {
    // ex Chapter 95 (toys): the EU source gives only "CTH"; the UK mirror has a value alternative too, and the
    // EU-side full cells (Access2Markets data) stop at 940179, so the row stays incomplete.
    const r = evaluateOrigin(euShipment({ hsCode: '950300', materials: [m('parts', '950300', '45')] }), evfta);
    expect(r.status).toBe('undetermined');
    expect(r.issues.map((i) => i.code)).toContain('rule_alternatives_incomplete');
  });
  it('never answers "not originating" for a textile product a textile note might save', () => {
    const trousers = {
      exportingCountry: 'VN',
      importingCountry: 'DE',
      date: '2026-06-01',
      product: {
        hsCode: '620342',
        exWorksPrice: { amount: '100', currency: 'USD' },
        operations: ['making_up'],
        materials: [m('denim', '520942', '40')],
      },
    };
    const r = evaluateOrigin(trousers, evfta);
    expect(r.status).toBe('undetermined');
  });
});

describe('EVFTA: rows completed from the EU-side full cells (Access2Markets data)', () => {
  it('a paint failing the first alternative but meeting the value alternative is originating (was undetermined)', () => {
    // Chapter 32: "CTH, same-heading materials up to 20 %; or non-originating materials up to 50 %". 45 % of
    // same-heading materials fails the first alternative and meets the second.
    const r = evaluateOrigin(euShipment({ hsCode: '320890', materials: [m('base', '320890', '45')] }), evfta);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('MaxNOM(50% EXW)');
    expect(r.issues.map((i) => i.code)).not.toContain('rule_alternatives_incomplete');
    // Above both limits it is now a plain "not originating": the row has all its alternatives.
    expect(evaluateOrigin(euShipment({ hsCode: '320890', materials: [m('base', '320890', '55')] }), evfta).status).toBe('not_originating');
  });
  it('unwrought platinum (7110) resolves to its own row, no longer a declared gap', () => {
    const none = findProductRule(evfta, '711011');
    expect(none.status).toBe('choice_required');
    expect(none.status === 'choice_required' && none.options.map((o) => o.id)).toEqual(['7110.1', '7110.2']);
    const found = findProductRule(evfta, '711011', '7110.1');
    expect(found).toMatchObject({ status: 'found', row: { id: '7110.1', cite: { source: 'a2m-vn-psr' } } });
    expect(found.status === 'found' && found.row.expression).toMatch(/^AnyHeading\(except: \[h7106, h7108, h7110\]\) or Process\(precious_metal_separation\)/);
    // From ore concentrate: any heading except 7106/7108/7110. From non-originating unwrought platinum with no
    // separation or alloying: not originating (the looser 'ex Chapter 71' change of heading no longer applies).
    const fromOre = evaluateOrigin(euShipment({ hsCode: '711011', subdivision: { evfta: '7110.1' }, materials: [m('ore', '261690', '60')] }), evfta);
    expect(fromOre.status).toBe('originating');
    const fromMetal = evaluateOrigin(euShipment({ hsCode: '711011', subdivision: { evfta: '7110.1' }, materials: [m('sponge', '711011', '60')] }), evfta);
    expect(fromMetal.status).toBe('not_originating');
  });
  it('4113 and ex 6206 (embroidered) have rows of their own', () => {
    expect(findProductRule(evfta, '411310')).toMatchObject({ status: 'found', row: { id: '4113' } });
    const blouse = findProductRule(evfta, '620630');
    expect(blouse.status === 'choice_required' && blouse.options.map((o) => o.id).sort()).toEqual(['62', '6206']);
  });
});

describe('CPTPP: limits of the rule data are stated in every affected result', () => {
  it('a converter (Chapter 85) is told the notes were not applied, but not about the textile short-supply list', () => {
    const r = evaluateOrigin(converter([m('module', '850490', '35'), m('case', '761699', '20')]), cptpp);
    const ids = r.issues.filter((i) => i.code === 'rule_data_limitation').map((i) => i.params?.id);
    expect(ids).toEqual(['section-chapter-notes-not-applied']);
  });
  it('a garment (Chapter 61) is told the short-supply list was not considered, in both languages', () => {
    const shirt = { ...converter([m('yarn', '520512', '3')]), product: { ...converter([]).product, hsCode: '610910', materials: [m('yarn', '520512', '3')] } };
    const r = evaluateOrigin(shirt, cptpp);
    const limitation = r.issues.find((i) => i.code === 'rule_data_limitation' && i.params?.id === 'short-supply-list-not-held');
    expect(limitation?.message).toMatch(/short-supply list/);
    expect(limitation?.params?.vi).toMatch(/nguồn cung thiếu hụt/);
  });
});
