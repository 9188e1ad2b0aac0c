import { describe, expect, it } from 'vitest';
import { cptpp } from '../../src/agreements/cptpp.js';
import { evfta } from '../../src/agreements/evfta.js';
import { evaluateOrigin } from '../../src/evaluate/evaluateOrigin.js';

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

describe('EVFTA: rows that may lack legal alternatives', () => {
  it('never answers "not originating" on the first alternative alone', () => {
    // Chapter 32 (paints): the EU source gives only "CTH, same heading up to 20 %"; the UK mirror has a value alternative too.
    const paint = {
      exportingCountry: 'VN',
      importingCountry: 'DE',
      date: '2026-06-01',
      product: { hsCode: '320890', exWorksPrice: { amount: '100', currency: 'USD' }, operations: ['other_processing'], materials: [m('base', '320890', '45')] },
    };
    const r = evaluateOrigin(paint, evfta);
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
