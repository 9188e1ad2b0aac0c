import { describe, expect, it } from 'vitest';
import { rcep } from '../../src/agreements/rcep.js';
import { evaluateOrigin } from '../../src/evaluate/evaluateOrigin.js';

/**
 * RCEP golden cases on the HS 2022 list Viet Nam applies from 1 January 2023 (Appendix I of Circular 05/2022/TT-BCT
 * as replaced by Circular 32/2022/TT-BCT), held in full for Chapters 01–97 (rules/rcep/README.md).
 */
const usd = (amount: string) => ({ amount, currency: 'USD' });
const m = (id: string, hsCode: string, amount: string, more: Record<string, unknown> = {}) => ({ id, hsCode, value: usd(amount), originCountry: 'CN', ...more });
const from = (country: string) => ({ originCountry: country, evidence: [{ agreements: ['rcep'], type: 'certificate_of_origin' }] });
const shipment = (hsCode: string, materials: unknown[], more: Record<string, unknown> = {}, date = '2026-06-01') => ({
  exportingCountry: 'VN',
  importingCountry: 'JP',
  date,
  product: { hsCode, fobValue: usd('100'), operations: ['assembly'], materials, ...more },
});
const costs = { directLabour: usd('5') };

describe('RCEP golden cases (HS 2022 list)', () => {
  it('chemical (chlorine 2801.10, "CTH or RVC40"): made from salt of heading 2501', () => {
    const r = evaluateOrigin(shipment('280110', [m('salt', '250100', '70')], { operations: ['chemical_reaction'] }), rcep);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('CTH');
  });
  it('frozen fish meat (0304.99, "CC"): fish of Chapter 3 from a non-party does not change chapter', () => {
    const r = evaluateOrigin(shipment('030499', [m('fish', '030389', '60')], { operations: ['other_processing'] }), rcep);
    expect(r.status).toBe('not_originating');
  });
  it('cumulation: the same fish, originating in Japan with a certificate, counts as originating (Article 3.4)', () => {
    const r = evaluateOrigin(shipment('030499', [m('fish', '030389', '60', from('JP'))], { operations: ['other_processing'] }), rcep);
    expect(r.status).toBe('originating');
    expect(r.materials[0]).toMatchObject({ originating: true, basis: 'evidence_cumulation' });
  });
  it('de minimis: a same-heading part worth 10 % of FOB is absorbed, 10.01 % is not (Article 3.7)', () => {
    // Parts of fans (8414.90, "CTH or RVC40").
    const within = evaluateOrigin(shipment('841490', [m('blade', '841490', '10'), m('casting', '732599', '55')]), rcep);
    expect(within.status).toBe('originating');
    expect(within.trace?.children?.find((c) => c.expression === 'CTH')?.tolerance).toMatchObject({ applied: true, value: '10.00', allowed: '10.00' });
    const over = evaluateOrigin(shipment('841490', [m('blade', '841490', '10.01'), m('casting', '732599', '55')], { costs }), rcep);
    // CTH fails by the tolerance; RVC is 34.99 % by build-down and 5 % by build-up, both < 40 %.
    expect(over.status).toBe('not_originating');
  });
  it('a T-shirt (6109.10, Chapter 61 "CC") knitted from imported fabric changes chapter', () => {
    const r = evaluateOrigin(shipment('610910', [m('fabric', '600622', '40')], { operations: ['cutting_sewing'] }), rcep);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('CC');
  });
  it('a loudspeaker part (8518.90, "CTH or RVC40") made from a magnet of heading 85.05 changes heading; Form RCEP box 10 reads "CTC"', () => {
    const r = evaluateOrigin(shipment('851890', [m('magnet', '850511', '30')]), rcep);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('CTH');
    const form = rcep.facts.proofs.find((p) => p.id === 'form_rcep')!;
    expect(form.originCriterion).toMatchObject({ box: '10', codes: { tariff_shift_heading: 'CTC', regional_value_content: 'RVC' } });
  });
  it('the same part from a same-heading part worth 30 % of FOB fails CTH but meets RVC40 (70 % by build-down)', () => {
    const r = evaluateOrigin(shipment('851890', [m('cone', '851890', '30')]), rcep);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('RVC(40% FOB)');
  });
  it('at 65 % of FOB the same-heading part leaves 35 % of regional value: not originating', () => {
    const r = evaluateOrigin(shipment('851890', [m('cone', '851890', '65')], { costs }), rcep);
    expect(r.status).toBe('not_originating');
  });
  it('a wooden chair (Chapter 94, "CTH or RVC40") from imported sawn wood changes heading', () => {
    const r = evaluateOrigin(shipment('940161', [m('wood', '440799', '60')], { operations: ['cutting_sewing'] }), rcep);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('CTH');
  });
  it('shipments in 2022 are judged under the HS 2012 list of Circular 05/2022 (Annex 3A as signed)', () => {
    const r = evaluateOrigin(shipment('280110', [m('salt', '250100', '70')], { operations: ['chemical_reaction'] }, '2022-12-31'), rcep);
    expect(r.status).toBe('originating');
    expect(r.rule?.cite.source).toBe('circ-05-2022-certo');
    expect(r.agreement.psrList).toEqual({ from: '2022-01-01', until: '2022-12-31' });
    expect(r.transposition).toMatchObject({ from: 'HS2022', to: 'HS2012' });
  });
  it('before 1 January 2022 RCEP was not in force for Viet Nam', () => {
    const r = evaluateOrigin(shipment('280110', [m('salt', '250100', '70')], { operations: ['chemical_reaction'] }, '2021-12-31'), rcep);
    expect(r.status).toBe('invalid_input');
  });
});
