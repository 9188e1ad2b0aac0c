import { describe, expect, it } from 'vitest';
import { vcfta } from '../../src/agreements/vcfta.js';
import { evaluateOrigin } from '../../src/evaluate/evaluateOrigin.js';

/**
 * VCFTA: the general rule "RVC 40 % or CTH" (Article 4.4(1)-(2)) is held for every
 * chapter; Annex 4-B (not in the data) may add routes or, as the same wording is
 * read in ASEAN practice, replace the rule for the goods it lists. The data is
 * therefore unverified: the verdict is shown, the status stays undetermined.
 */
const usd = (amount: string) => ({ amount, currency: 'USD' });
const m = (id: string, hsCode: string, amount: string, more: Record<string, unknown> = {}) => ({ id, hsCode, value: usd(amount), originCountry: 'CN', ...more });
const toChile = (hsCode: string, materials: unknown[]) => ({
  exportingCountry: 'VN',
  importingCountry: 'CL',
  date: '2026-06-01',
  product: { hsCode, fobValue: usd('100'), operations: ['assembly'], materials },
});
const shown = (r: ReturnType<typeof evaluateOrigin>) => {
  expect(r.status).toBe('undetermined');
  return r.reason.params?.verdict;
};

describe('VCFTA general rule (verdicts shown, never decided)', () => {
  it('a wooden chair from imported sawn wood changes heading', () => {
    expect(shown(evaluateOrigin(toChile('940161', [m('wood', '440799', '70')]), vcfta))).toBe('originating');
  });
  it('a chair from an imported same-heading kit at 65 % fails both tests, and even that is not a verdict', () => {
    const r = evaluateOrigin(toChile('940161', [m('kit', '940190', '65')]), vcfta);
    expect(r.status).toBe('undetermined');
    expect(r.issues.map((i) => i.code)).toContain('rule_alternatives_incomplete');
  });
  it('at 60 % non-originating content the 40 % value test is met exactly', () => {
    expect(shown(evaluateOrigin(toChile('940161', [m('kit', '940190', '60')]), vcfta))).toBe('originating');
  });
  it('retail packing, whose treatment was not read, is named as a further reason', () => {
    const r = evaluateOrigin(toChile('940161', [m('wood', '440799', '70'), m('box', '481910', '2', { role: 'retail_packing' })]), vcfta);
    expect(r.status).toBe('undetermined');
    expect(r.issues.map((i) => i.code)).toContain('treatment_unknown');
  });
});
