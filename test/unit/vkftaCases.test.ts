import { describe, expect, it } from 'vitest';
import { vkfta } from '../../src/agreements/vkfta.js';
import { evaluateOrigin } from '../../src/evaluate/evaluateOrigin.js';
import { findProductRule } from '../../src/evaluate/findProductRule.js';
import { findPreferences } from '../../src/preferences/findPreferences.js';

/**
 * VKFTA worked cases on the list in force: Circular 09/2022/TT-BCT (HS 2017, applied from 1 August 2022), with the
 * general provisions of Circular 40/2015/TT-BCT (build-down RVC for Viet Nam's exports, de minimis 10 % of FOB).
 */
const usd = (amount: string) => ({ amount, currency: 'USD' });
const m = (id: string, hsCode: string, amount: string, more: Record<string, unknown> = {}) => ({ id, hsCode, value: usd(amount), originCountry: 'CN', ...more });
const vn = { originCountry: 'VN', evidence: [{ agreements: ['vkfta'], type: 'supplier_declaration' }] };
const shipment = (hsCode: string, materials: unknown[], more: Record<string, unknown> = {}, date = '2026-06-01') => ({
  exportingCountry: 'VN',
  importingCountry: 'KR',
  date,
  product: { hsCode, fobValue: usd('100'), operations: ['other_processing'], materials, ...more },
});

describe('VKFTA: clothing under Circular 09/2022 ("CC or RVC 40 %")', () => {
  it('a cotton T-shirt (6109.10) knitted and sewn from imported fabric changes chapter', () => {
    const r = evaluateOrigin(shipment('610910', [m('jersey', '600622', '65')], { operations: ['cutting_sewing'] }), vkfta);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('CC');
    expect(r.rule).toMatchObject({ id: '610910', cite: { source: 'circ-09-2022-certo' } });
  });
  it('Form VK box 8 reads "CTC" for the change of chapter met (Circular 40/2015, overleaf note 3)', () => {
    const r = findPreferences(shipment('610910', [m('jersey', '600622', '65')], { operations: ['cutting_sewing'] }), [vkfta]);
    if (r.status !== 'ok') throw new Error('invalid');
    expect(r.ranked[0]!.proofs[0]!.originCriterion).toMatchObject({ box: '8', text: 'CTC' });
  });
  it('the clothing headings the HS 2012 data left as gaps now have rows', () => {
    expect(findProductRule(vkfta, '620342').status).toBe('found');
    expect(findProductRule(vkfta, '621710').status).toBe('found');
  });
  it('from 20 December 2015 to 31 July 2022 the HS 2012 list (Annex 3-A as signed) decides: the same T-shirt also needed cutting and sewing in a Party', () => {
    const cutSewn = evaluateOrigin(shipment('610910', [m('jersey', '600622', '65')], { operations: ['cutting_sewing'] }, '2022-07-31'), vkfta);
    expect(cutSewn.status).toBe('originating');
    expect(cutSewn.rule?.expression).toBe('CC and Process(cutting_sewing) or RVC(40% FOB)');
    expect(cutSewn.agreement.psrList).toEqual({ from: '2015-12-20', until: '2022-07-31' });
    expect(cutSewn.issues.map((i) => i.params?.id)).toContain('annex-as-signed-not-circular-text');
    const sewnOnly = evaluateOrigin(shipment('610910', [m('jersey', '600622', '65')], { operations: ['assembly'] }, '2022-07-31'), vkfta);
    expect(sewnOnly.status).toBe('not_originating');
  });
  it('shipments before 20 December 2015 are not covered', () => {
    const r = evaluateOrigin(shipment('610910', [m('jersey', '600622', '65')], { operations: ['cutting_sewing'] }, '2015-12-19'), vkfta);
    expect(r.status).toBe('invalid_input'); // the Agreement itself entered into force on 20 December 2015
  });
});

describe('VKFTA: "CTH or RVC 40 %" (wooden chair, 9401.61)', () => {
  it('CTH met by imported sawn wood, fabric and foam', () => {
    const r = evaluateOrigin(shipment('940161', [m('sawn-oak', '440791', '35'), m('fabric', '540752', '10'), m('foam', '392113', '5')]), vkfta);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('CTH');
  });
  it('an imported frame (9401.90) breaks CTH; build-down RVC at exactly 40 % meets RVC 40', () => {
    const r = evaluateOrigin(shipment('940161', [m('frame', '940190', '60')]), vkfta);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('RVC(40% FOB)');
  });
  it('CTH through the 10 % de minimis: a frame part at 8 % of FOB with other materials at 60 %', () => {
    const r = evaluateOrigin(shipment('940161', [m('frame', '940190', '8'), m('fabric', '540752', '60')]), vkfta);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('CTH');
  });
  it('an imported frame worth 70 % of FOB fails both alternatives', () => {
    const r = evaluateOrigin(shipment('940161', [m('frame', '940190', '70')]), vkfta);
    expect(r.status).toBe('not_originating');
  });
});

describe('VKFTA: "CC, except from Chapter 8" (pineapple juice, 2009.41)', () => {
  it('with Vietnamese pineapples and imported sugar the rule is met', () => {
    const r = evaluateOrigin(shipment('200941', [m('pineapple', '080430', '40', vn), m('sugar', '170199', '15')]), vkfta);
    expect(r.rule?.expression).toBe('CC(except: ch08)');
    expect(r.status).toBe('originating');
  });
  it('imported pineapples (Chapter 8) are excluded even though they change chapter', () => {
    const r = evaluateOrigin(shipment('200941', [m('pineapple', '080430', '40', { originCountry: 'TH' }), m('sugar', '170199', '15')]), vkfta);
    expect(r.status).toBe('not_originating');
  });
});

describe('VKFTA: a subheading whose rule the list splits by product (8708.40)', () => {
  it('asks which part the product is, and applies the chosen part', () => {
    const materials = [m('gears', '848340', '30')];
    const ask = evaluateOrigin(shipment('870840', materials), vkfta);
    expect(ask.status).toBe('undetermined');
    expect(ask.reason.key).toBe('subdivision_required');
    const gearbox = evaluateOrigin(shipment('870840', materials, { subdivision: { vkfta: '870840.1' } }), vkfta);
    expect(gearbox.rule).toMatchObject({ id: '870840.1', expression: 'CTH or RVC(40% FOB)' });
    expect(gearbox.status).toBe('originating');
  });
});
