import { describe, expect, it } from 'vitest';
import { rcep } from '../../src/agreements/rcep.js';
import { evaluateOrigin } from '../../src/evaluate/evaluateOrigin.js';

/**
 * RCEP golden cases on rows of the HS 2012 Annex 3A that were read and checked
 * (rules/rcep/verification.md). The data is `unverified` (the HS 2022 list in
 * force is not held), so the status is always `undetermined` and the verdict the
 * rows give is carried as `reason.params.verdict`: these cases pin that verdict.
 */
const usd = (amount: string) => ({ amount, currency: 'USD' });
const m = (id: string, hsCode: string, amount: string, more: Record<string, unknown> = {}) => ({ id, hsCode, value: usd(amount), originCountry: 'CN', ...more });
const from = (country: string) => ({ originCountry: country, evidence: [{ agreements: ['rcep'], type: 'certificate_of_origin' }] });
const shipment = (hsCode: string, materials: unknown[], more: Record<string, unknown> = {}) => ({
  exportingCountry: 'VN',
  importingCountry: 'JP',
  date: '2026-06-01',
  product: { hsCode, fobValue: usd('100'), operations: ['assembly'], materials, ...more },
});
const costs = { directLabour: usd('5') };
const verdictOf = (r: ReturnType<typeof evaluateOrigin>) => {
  expect(r.status).toBe('undetermined');
  expect(r.reason.key).toBe('result_data_unverified');
  return r.reason.params?.verdict;
};

describe('RCEP golden cases (informational verdicts on the HS 2012 rows)', () => {
  it('loudspeaker part (8518.90, "CTH or RVC40"): parts of other headings meet CTH', () => {
    const r = evaluateOrigin(shipment('851890', [m('magnet', '850511', '30'), m('frame', '732690', '20')]), rcep);
    expect(verdictOf(r)).toBe('originating');
    expect(r.rule?.id).toBe('851890');
  });
  it('loudspeaker part: 8518.90 materials fail CTH; at 65 % non-originating content RVC40 fails too', () => {
    // Costs are given so that the build-up method can be computed too (5 % without originating materials).
    const r = evaluateOrigin(shipment('851890', [m('cone', '851890', '40'), m('frame', '732690', '25')], { costs }), rcep);
    expect(verdictOf(r)).toBe('not_originating');
  });
  it('wooden chair (9401.61, Chapter 94 "CTH or RVC40"): the same heading is used, but RVC is 60 %', () => {
    const r = evaluateOrigin(shipment('940161', [m('seat', '940190', '25'), m('fabric', '540752', '15')]), rcep);
    expect(verdictOf(r)).toBe('originating');
  });
  it('chemical (chlorine 2801.10, "CTH or RVC40"): made from salt of heading 2501', () => {
    const r = evaluateOrigin(shipment('280110', [m('salt', '250100', '70')], { operations: ['chemical_reaction'] }), rcep);
    expect(verdictOf(r)).toBe('originating');
  });
  it('frozen fish meat (0304.99, "CC"): fish of Chapter 3 from a non-party does not change chapter', () => {
    const r = evaluateOrigin(shipment('030499', [m('fish', '030389', '60')], { operations: ['other_processing'] }), rcep);
    expect(verdictOf(r)).toBe('not_originating');
  });
  it('cumulation: the same fish, originating in Japan with a certificate, counts as originating (Article 3.4)', () => {
    const r = evaluateOrigin(shipment('030499', [m('fish', '030389', '60', from('JP'))], { operations: ['other_processing'] }), rcep);
    expect(verdictOf(r)).toBe('originating');
    expect(r.materials[0]).toMatchObject({ originating: true, basis: 'evidence_cumulation' });
  });
  it('de minimis: a same-heading part worth 10 % of FOB is absorbed, 10.01 % is not (Article 3.7)', () => {
    const within = evaluateOrigin(shipment('851890', [m('cone', '851890', '10'), m('frame', '732690', '55')]), rcep);
    expect(within.trace?.children?.[0]?.tolerance).toMatchObject({ applied: true, value: '10.00', allowed: '10.00' });
    expect(verdictOf(within)).toBe('originating');
    const over = evaluateOrigin(shipment('851890', [m('cone', '851890', '10.01'), m('frame', '732690', '55')], { costs }), rcep);
    // CTH fails by the tolerance; RVC is 34.99 % by build-down and 5 % by build-up, both < 40 %.
    expect(verdictOf(over)).toBe('not_originating');
  });
  it('a T-shirt (6109.10) has no row in the data: undetermined because the rule is missing, not a verdict', () => {
    const r = evaluateOrigin(shipment('610910', [m('fabric', '600622', '40')], { operations: ['cutting_sewing'] }), rcep);
    expect(r.status).toBe('undetermined');
    expect(r.issues.map((i) => i.code)).toContain('rule_not_found');
  });
});
