import { describe, expect, it } from 'vitest';
import { acfta } from '../../src/agreements/acfta.js';
import { atiga } from '../../src/agreements/atiga.js';
import { evaluateOrigin } from '../../src/evaluate/evaluateOrigin.js';
import { findPreferences } from '../../src/preferences/findPreferences.js';

/**
 * ATIGA's Annex 3 is not in the rule data, so no chapter is complete and the
 * general rule "RVC(40% FOB) or CTH" (Article 28) is never applied by itself.
 * A caller who has checked Annex 3 may state that the product is not listed:
 * the general rule then decides, and the result says it rests on that statement.
 */
const usd = (amount: string) => ({ amount, currency: 'USD' });
const vn = (id: string, hsCode: string, value: string) => ({
  id,
  hsCode,
  value: usd(value),
  originCountry: 'VN',
  evidence: [{ agreements: ['atiga'], type: 'supplier_declaration' as const, issued: '2026-01-01', expires: '2027-01-01' }],
});
const cn = (id: string, hsCode: string, value: string) => ({ id, hsCode, value: usd(value), originCountry: 'CN' });

function chair(fob: string, materials: object[], hsCode = '940161', costs?: { directLabour: string; directOverhead: string; profit: string }) {
  return {
    exportingCountry: 'VN',
    importingCountry: 'TH',
    date: '2026-06-01',
    product: {
      hsCode,
      description: 'Upholstered wooden chair',
      fobValue: usd(fob),
      // ATIGA lets the exporter choose the direct (build-up) or indirect (build-down) formula (Article 29):
      // a failing RVC is only decided when both can be computed, so the cost breakdown is given.
      ...(costs ? { costs: { directLabour: usd(costs.directLabour), directOverhead: usd(costs.directOverhead), profit: usd(costs.profit) } } : {}),
      operations: ['machining', 'assembly'],
      materials,
    },
  };
}

const codes = (r: { issues: readonly { code: string }[] }) => r.issues.map((i) => i.code);

describe('the general rule on the caller’s statement that the product is not listed (ATIGA)', () => {
  const cthAndRvc = chair('40.00', [vn('wood', '440729', '9.50'), cn('foam', '392113', '3.20'), cn('fabric', '540761', '4.10'), cn('screws', '731815', '1.30')]);

  it('without the statement, a product without a row is undetermined: the general rule may be wrong for listed products', () => {
    const r = evaluateOrigin(cthAndRvc, atiga);
    expect(r.status).toBe('undetermined');
    expect(r.reason.key).toBe('rule_not_found');
    expect(codes(r)).not.toContain('general_rule_on_caller_statement');
  });

  it('with it, the general rule decides, and the result carries the warning', () => {
    const r = evaluateOrigin(cthAndRvc, atiga, { productNotInPsrList: true });
    expect(r.status).toBe('originating');
    expect(r.rule?.id).toBe('general');
    const warning = r.issues.find((i) => i.code === 'general_rule_on_caller_statement');
    expect(warning?.params).toEqual({ agreement: 'ATIGA', rule: 'RVC(40% FOB) or CTH' });
    // Both alternatives are met: RVC (40 − 8.60) / 40 = 78.50 %, and every non-originating material changes heading.
    expect(r.trace?.children?.map((c) => c.status)).toEqual(['met', 'met']);
  });

  it('RVC at exactly 40 % of FOB passes "not less than 40 %" where CTH fails', () => {
    const r = evaluateOrigin(chair('100.00', [cn('frame', '940191', '60.00'), vn('wood', '440729', '25.00')]), atiga, { productNotInPsrList: true });
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('RVC(40% FOB)');
    const [rvc, cth] = r.trace!.children!;
    expect(rvc!.status).toBe('met');
    expect(rvc!.figures).toMatchObject({ rvcPercent: '40.00' });
    expect(cth!.status).toBe('not_met');
  });

  it('CTH met through de minimis: a same-heading material within 10 % of FOB (Article 33)', () => {
    const r = evaluateOrigin(chair('100.00', [cn('frame', '940191', '8.00'), cn('fabric', '540761', '40.00'), cn('foam', '392113', '20.00')], '940161', { directLabour: '20.00', directOverhead: '5.00', profit: '7.00' }), atiga, { productNotInPsrList: true });
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('CTH');
    const [rvc, cth] = r.trace!.children!;
    expect(rvc!.status).toBe('not_met'); // indirect (100 − 68) / 100 = 32 %; direct (20 + 5 + 7) / 100 = 32 %
    expect(cth!.status).toBe('met');
    expect(cth!.tolerance).toMatchObject({ applied: true, materialIds: ['frame'], value: '8.00', allowed: '10.00' });
  });

  it('fails both: RVC 35 % and a same-heading material above the 10 % tolerance', () => {
    const r = evaluateOrigin(chair('100.00', [cn('frame', '940191', '20.00'), cn('fabric', '540761', '45.00')], '940161', { directLabour: '20.00', directOverhead: '8.00', profit: '7.00' }), atiga, { productNotInPsrList: true });
    expect(r.status).toBe('not_originating');
    expect(r.closest?.expression).toBeDefined();
    expect(codes(r)).toContain('general_rule_on_caller_statement');
  });

  it('has no effect where the data holds a row for the code (an Attachment 1 textile line)', () => {
    const yarn = { ...chair('100.00', [cn('silk', '500200', '30.00')], '500400'), product: { ...chair('100.00', [], '500400').product, hsCode: '500400', operations: ['spinning'], materials: [cn('silk', '500200', '30.00')] } };
    const r = evaluateOrigin(yarn, atiga, { productNotInPsrList: true });
    expect(r.rule?.id).not.toBe('general');
    expect(codes(r)).not.toContain('general_rule_on_caller_statement');
  });

  it('has no effect for an agreement whose data holds no general rule (ACFTA)', () => {
    const s = { ...cthAndRvc, importingCountry: 'CN' };
    const r = evaluateOrigin(s, acfta, { productNotInPsrList: true });
    expect(r.status).toBe('undetermined');
    expect(codes(r)).not.toContain('general_rule_on_caller_statement');
  });
});

describe('ATIGA proofs once a product qualifies (Annex 8 as amended for self-certification)', () => {
  const shipment = chair('40.00', [vn('wood', '440729', '9.50'), cn('foam', '392113', '3.20'), cn('fabric', '540761', '4.10')]);

  it('Form D valid 12 months; the certified exporter’s origin declaration only with that status', () => {
    const plain = findPreferences(shipment, [atiga], { productNotInPsrList: ['atiga'], consignmentValue: usd('18000.00') });
    expect(plain.status).toBe('ok');
    if (plain.status !== 'ok') return;
    const pref = plain.ranked.find((p) => p.agreement.id === 'atiga')!;
    expect(pref.origin.status).toBe('originating');
    expect(pref.proofs.map((p) => [p.id, p.usable, p.validityMonths])).toEqual([
      ['form_d', 'yes', 12],
      ['origin_declaration_certified_exporter', 'no', 12],
    ]);
    expect(pref.waiver).toBeUndefined();

    const certified = findPreferences(shipment, [atiga], { productNotInPsrList: ['atiga'], consignmentValue: usd('18000.00'), exporter: { approvedExporterFor: ['atiga'] } });
    if (certified.status !== 'ok') throw new Error('expected ok');
    expect(certified.ranked[0]!.proofs[0]).toMatchObject({ id: 'origin_declaration_certified_exporter', usable: 'yes' });
  });

  it('no proof is needed up to USD 200 FOB (Rule 15)', () => {
    const r = findPreferences(shipment, [atiga], { productNotInPsrList: ['atiga'], consignmentValue: usd('200.00') });
    if (r.status !== 'ok') throw new Error('expected ok');
    expect(r.ranked[0]!.waiver?.id).toBe('fob_200');
    const above = findPreferences(shipment, [atiga], { productNotInPsrList: ['atiga'], consignmentValue: usd('200.01') });
    if (above.status !== 'ok') throw new Error('expected ok');
    expect(above.ranked[0]!.waiver).toBeUndefined();
  });
});

describe('the statement from the command line and in the Vietnamese explanation', () => {
  it('`--not-in-psr atiga` applies the general rule; the explanation says in Vietnamese what it rests on', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { runCli } = await import('../../src/cli/main.js');
    const file = join(mkdtempSync(join(tmpdir(), 'fta-origin-')), 'chair-th.json');
    writeFileSync(file, JSON.stringify(chair('40.00', [vn('wood', '440729', '9.50'), cn('foam', '392113', '3.20')])));
    let json = '';
    expect(runCli(['check', file, '--agreement', 'atiga', '--json', '--not-in-psr', 'atiga'], (s) => (json += s))).toBe(0);
    expect(JSON.parse(json)).toMatchObject({ status: 'originating', rule: { id: 'general' } });
    let vi = '';
    expect(runCli(['check', file, '--agreement', 'atiga', '--lang', 'vi', '--not-in-psr', 'atiga'], (s) => (vi += s))).toBe(0);
    expect(vi).toContain('người dùng khẳng định sản phẩm không có trong danh mục quy tắc cụ thể mặt hàng');
    let without = '';
    runCli(['check', file, '--agreement', 'atiga', '--json'], (s) => (without += s));
    expect(JSON.parse(without).status).toBe('undetermined');
  });
});
