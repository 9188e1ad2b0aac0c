import { describe, expect, it } from 'vitest';
import { vcfta } from '../../src/agreements/vcfta.js';
import { evaluateOrigin } from '../../src/evaluate/evaluateOrigin.js';

/**
 * VCFTA: the general rule "RVC 40 % or CTH" (Article 4.4(1)-(2)) applies to every
 * good; Annex 4-B (not in the data) only adds routes (Article 4.4(3)). So a pass
 * is a verdict, a failure is undetermined.
 */
const usd = (amount: string) => ({ amount, currency: 'USD' });
const m = (id: string, hsCode: string, amount: string, more: Record<string, unknown> = {}) => ({ id, hsCode, value: usd(amount), originCountry: 'CN', ...more });
const toChile = (hsCode: string, materials: unknown[]) => ({
  exportingCountry: 'VN',
  importingCountry: 'CL',
  date: '2026-06-01',
  product: { hsCode, fobValue: usd('100'), operations: ['assembly'], materials },
});

describe('VCFTA general rule', () => {
  it('a wooden chair from imported sawn wood changes heading: originating (CTH)', () => {
    const r = evaluateOrigin(toChile('940161', [m('wood', '440799', '70')]), vcfta);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('CTH');
  });
  it('a chair from an imported same-heading kit at 65 % fails both tests: undetermined, since Annex 4-B may add a route', () => {
    const r = evaluateOrigin(toChile('940161', [m('kit', '940190', '65')]), vcfta);
    expect(r.status).toBe('undetermined');
    expect(r.issues.map((i) => i.code)).toContain('rule_alternatives_incomplete');
  });
  it('at 60 % non-originating content the 40 % value test is met exactly', () => {
    const r = evaluateOrigin(toChile('940161', [m('kit', '940190', '60')]), vcfta);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('RVC(40% FOB)');
  });
  it('retail packing, whose treatment was not read, leaves the verdict undetermined', () => {
    const r = evaluateOrigin(toChile('940161', [m('wood', '440799', '70'), m('box', '481910', '2', { role: 'retail_packing' })]), vcfta);
    expect(r.status).toBe('undetermined');
    expect(r.reason).toMatchObject({ key: 'result_treatment_unknown', params: { verdict: 'originating' } });
  });
});
