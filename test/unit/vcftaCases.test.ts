import { describe, expect, it } from 'vitest';
import { vcfta } from '../../src/agreements/vcfta.js';
import { evaluateOrigin } from '../../src/evaluate/evaluateOrigin.js';

/**
 * VCFTA worked cases from the legal text (Circular 31/2013/TT-BCT): the general rule "RVC 40 % or CTH"
 * (Phụ lục I Art. 4(1)-(2)) for goods Phụ lục II does not list; the listed rule for goods it lists (Art. 4(3),
 * read as replacing the general rule, see rules/vcfta/README.md); de minimis 10 % of FOB for the
 * change-of-classification test only (Art. 9); RVC on the FOB value (Art. 5).
 */
const usd = (amount: string) => ({ amount, currency: 'USD' });
const m = (id: string, hsCode: string, amount: string, more: Record<string, unknown> = {}) => ({ id, hsCode, value: usd(amount), originCountry: 'CN', ...more });
const toChile = (hsCode: string, materials: unknown[], operations = ['assembly']) => ({
  exportingCountry: 'VN',
  importingCountry: 'CL',
  date: '2026-06-01',
  product: { hsCode, fobValue: usd('100'), operations, materials },
});
const codes = (r: ReturnType<typeof evaluateOrigin>) => r.issues.map((i) => i.code);

describe('VCFTA: listed rules (Phụ lục II)', () => {
  it('a chair from an imported kit of another subheading meets the listed "CTSH or RVC 40 %" even at 65 % non-originating content', () => {
    const r = evaluateOrigin(toChile('940161', [m('kit', '940190', '65')]), vcfta);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('CTSH');
    expect(r.rule?.id).toBe('940161');
  });
  it('roasted coffee blended from imported roasted coffee: CTSH fails, RVC at exactly 40 % passes', () => {
    const r = evaluateOrigin(toChile('090121', [m('beans', '090121', '60')], ['other_processing']), vcfta);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('RVC(40% FOB)');
  });
  it('fish fillets from imported frozen fish of the same chapter fail the listed CC rule', () => {
    const r = evaluateOrigin(toChile('030462', [m('fish', '030324', '70')], ['other_processing']), vcfta);
    expect(r.status).toBe('not_originating');
    // The reading that the listed rule replaces the general one is stated on every result it affects.
    expect(codes(r)).toContain('rule_data_limitation');
  });
});

describe('VCFTA: general rule for goods Phụ lục II does not list', () => {
  it('a handbag with a same-heading part within 10 % of FOB changes heading through de minimis; RVC would fail', () => {
    const r = evaluateOrigin(toChile('420221', [m('leather', '410711', '55'), m('lining-bag', '420292', '8')]), vcfta);
    expect(r.status).toBe('originating');
    expect(r.rule?.id).toBe('general');
    expect(r.criterion).toBe('CTH');
    const cth = r.trace!.children!.find((c) => c.expression === 'CTH')!;
    expect(cth.tolerance).toMatchObject({ applied: true, materialIds: ['lining-bag'], value: '8.00', allowed: '10.00' });
  });
  it('the same handbag with the part above 10 % of FOB is not originating', () => {
    const r = evaluateOrigin(toChile('420221', [m('leather', '410711', '55'), m('lining-bag', '420292', '12')]), vcfta);
    expect(r.status).toBe('not_originating');
  });
  it('retail packing is counted with the product: it can tip the value test', () => {
    // 58 + 2 = 60 non-originating of 100 FOB: RVC 40 % exactly, met; with a 3-dollar box it would be 39 %.
    const met = evaluateOrigin(toChile('420221', [m('bag', '420221', '58'), m('box', '481910', '2', { role: 'retail_packing' })]), vcfta);
    expect(met.status).toBe('originating');
    expect(met.criterion).toBe('RVC(40% FOB)');
    const failed = evaluateOrigin(toChile('420221', [m('bag', '420221', '58'), m('box', '481910', '3', { role: 'retail_packing' })]), vcfta);
    expect(failed.status).toBe('not_originating');
  });
});
