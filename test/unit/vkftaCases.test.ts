import { describe, expect, it } from 'vitest';
import { vkfta } from '../../src/agreements/vkfta.js';
import { evaluateOrigin } from '../../src/evaluate/evaluateOrigin.js';
import { findProductRule } from '../../src/evaluate/findProductRule.js';

/**
 * VKFTA worked cases on Annex 3-A as signed (HS 2012). The data is `unverified`
 * (the list in force is Circular 09/2022's HS 2017 list, not held), so a verdict
 * the 2015 rows give is only information: the status stays `undetermined`.
 */
const usd = (amount: string) => ({ amount, currency: 'USD' });
const m = (id: string, hsCode: string, amount: string, more: Record<string, unknown> = {}) => ({ id, hsCode, value: usd(amount), originCountry: 'CN', ...more });
const vn = { originCountry: 'VN', evidence: [{ agreements: ['vkfta'], type: 'supplier_declaration' }] };
const shipment = (hsCode: string, materials: unknown[], more: Record<string, unknown> = {}) => ({
  exportingCountry: 'VN',
  importingCountry: 'KR',
  date: '2026-06-01',
  product: { hsCode, fobValue: usd('100'), operations: ['other_processing'], materials, ...more },
});

describe('VKFTA: clothing headings changed by Circular 09/2022/TT-BCT', () => {
  it('a cotton T-shirt (6109.10) falls in a declared gap: undetermined, with the Circular 09/2022 reason', () => {
    const r = evaluateOrigin(shipment('610910', [m('jersey', '600622', '40')], { operations: ['cutting_sewing'] }), vkfta);
    expect(r.status).toBe('undetermined');
    expect(r.reason.key).toBe('rule_not_found');
    expect(String(r.reason.params?.reason)).toMatch(/Circular 09\/2022\/TT-BCT/);
    expect(r.issues.map((i) => i.code)).toContain('rule_not_found');
    expect(r.rule).toBeUndefined();
    expect(r.agreement.productChapter).toEqual({ chapter: '61', data: 'absent' });
  });
  it('the gap covers 62.01-62.12 and 62.15-62.17, but shawls and scarves (62.14) keep their 2015 row', () => {
    expect(findProductRule(vkfta, '620342').status).toBe('gap');
    expect(findProductRule(vkfta, '621710').status).toBe('gap');
    const scarf = findProductRule(vkfta, '621410');
    expect(scarf.status).toBe('found');
    if (scarf.status === 'found') expect(scarf.row.expression).toBe('CC or RVC(40% FOB)');
  });
});

describe('VKFTA: "CTH or RVC(40)" under unverified data (wooden chair, 9401.61)', () => {
  it('CTH met: the verdict "originating" is shown as information, the status stays undetermined', () => {
    const r = evaluateOrigin(shipment('940161', [m('sawn-oak', '440791', '35'), m('fabric', '540752', '10'), m('foam', '392113', '5')]), vkfta);
    expect(r.status).toBe('undetermined');
    expect(r.reason).toEqual({ key: 'result_data_unverified', params: { verdict: 'originating' } });
    expect(r.criterion).toBeUndefined();
    expect(r.rule).toMatchObject({ id: '940161', expression: 'CTH or RVC(40% FOB)', cite: { source: 'vkfta-annex3a' } });
    expect(r.issues.find((i) => i.code === 'rule_data_unverified')?.params).toEqual({ verdict: 'originating' });
    expect(r.agreement.completeness.status).toBe('unverified');
  });
  it('an imported frame (9401.90) breaks CTH, but 70 % build-down RVC meets RVC(40): still informational', () => {
    const r = evaluateOrigin(shipment('940161', [m('frame', '940190', '30')]), vkfta);
    expect(r.status).toBe('undetermined');
    expect(r.reason).toEqual({ key: 'result_data_unverified', params: { verdict: 'originating' } });
  });
  it('an imported frame worth 70 % of FOB fails both alternatives: "not originating", informational', () => {
    // Both RVC formulas must fail: build-down 30 %, and build-up (no originating materials; costs 30 % of FOB).
    const costs = { directLabour: usd('15'), directOverhead: usd('5'), profit: usd('5'), other: usd('5') };
    const r = evaluateOrigin(shipment('940161', [m('frame', '940190', '70')], { costs }), vkfta);
    expect(r.status).toBe('undetermined');
    expect(r.reason).toEqual({ key: 'result_data_unverified', params: { verdict: 'not_originating' } });
  });
});

describe('VKFTA: "CC, except from Chapter 8" (pineapple juice, 2009.41)', () => {
  it('with Vietnamese pineapples and imported sugar the 2015 rule is met', () => {
    const r = evaluateOrigin(shipment('200941', [m('pineapple', '080430', '40', vn), m('sugar', '170199', '15')]), vkfta);
    expect(r.rule?.expression).toBe('CC(except: ch08)');
    expect(r.reason).toEqual({ key: 'result_data_unverified', params: { verdict: 'originating' } });
  });
  it('imported pineapples (Chapter 8) are excluded even though they change chapter', () => {
    const r = evaluateOrigin(shipment('200941', [m('pineapple', '080430', '40', { originCountry: 'TH' }), m('sugar', '170199', '15')]), vkfta);
    expect(r.status).toBe('undetermined');
    expect(r.reason).toEqual({ key: 'result_data_unverified', params: { verdict: 'not_originating' } });
  });
});

describe('VKFTA: a subheading whose rule the annex splits by product (8708.40)', () => {
  it('asks which part the product is, and applies the chosen part', () => {
    const materials = [m('gears', '848340', '30')];
    const ask = evaluateOrigin(shipment('870840', materials), vkfta);
    expect(ask.status).toBe('undetermined');
    expect(ask.reason.key).toBe('subdivision_required');
    const gearbox = evaluateOrigin(shipment('870840', materials, { subdivision: { vkfta: '870840.1' } }), vkfta);
    expect(gearbox.rule).toMatchObject({ id: '870840.1', ex: 'A. Gear Box', expression: 'CTH or RVC(40% FOB)' });
    expect(gearbox.reason).toEqual({ key: 'result_data_unverified', params: { verdict: 'originating' } });
  });
});
