import { describe, expect, it } from 'vitest';
import { atiga } from '../../src/agreements/atiga.js';
import { evaluateOrigin } from '../../src/evaluate/evaluateOrigin.js';
import { findPreferences } from '../../src/preferences/findPreferences.js';

/**
 * ATIGA (Circular 03/2023/TT-BCT, HS 2022 list): Chapters 38 and 84 are partial in the data (the first page of
 * the AHTN list is missing), so a code there without a row is undetermined: the general rule "RVC(40% FOB) or
 * CTH" (Article 28) is never applied by itself, because a listed product's own rule may be stricter. A caller who
 * has checked the list may state that the product is not in it: the general rule then decides, and the result
 * says it rests on that statement.
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

describe('the general rule on the caller’s statement that the product is not listed (ATIGA, partial Chapter 84)', () => {
  // Parts of fans (8414.90) have no row in the data's Chapter 84.
  const fanParts = chair('40.00', [vn('steel', '720851', '9.50'), cn('castings', '732599', '3.20'), cn('bearings', '848210', '4.10')], '841490');

  it('without the statement, a product without a row is undetermined: the general rule may be wrong for listed products', () => {
    const r = evaluateOrigin(fanParts, atiga);
    expect(r.status).toBe('undetermined');
    expect(r.reason.key).toBe('rule_not_found');
    expect(codes(r)).not.toContain('general_rule_on_caller_statement');
  });

  it('with it, the general rule decides, and the result carries the warning', () => {
    const r = evaluateOrigin(fanParts, atiga, { productNotInPsrList: true });
    expect(r.status).toBe('originating');
    expect(r.rule?.id).toBe('general');
    const warning = r.issues.find((i) => i.code === 'general_rule_on_caller_statement');
    expect(warning?.params).toEqual({ agreement: 'ATIGA', rule: 'RVC(40% FOB) or CTH' });
    // Both alternatives are met: RVC (40 − 7.30) / 40 = 81.75 %, and every non-originating material changes heading.
    expect(r.trace?.children?.map((c) => c.status)).toEqual(['met', 'met']);
  });

  it('has no effect where the data holds a row for the code', () => {
    const r = evaluateOrigin(chair('100.00', [cn('fabric', '540761', '30.00')]), atiga, { productNotInPsrList: true });
    expect(r.rule?.id).toBe('p-940161'); // the listed row, not the general rule
    expect(codes(r)).not.toContain('general_rule_on_caller_statement');
  });
});

describe('ATIGA worked cases on its own rule for 9401.61, "RVC(40% FOB) or CTSH"', () => {
  it('RVC at exactly 40 % of FOB passes "not less than 40 %" where CTSH fails', () => {
    const r = evaluateOrigin(chair('100.00', [cn('seat', '940161', '60.00'), vn('wood', '440729', '25.00')]), atiga);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('RVC(40% FOB)');
    const [rvc, ctsh] = r.trace!.children!;
    expect(rvc!.status).toBe('met');
    expect(rvc!.figures).toMatchObject({ rvcPercent: '40.00' });
    expect(ctsh!.status).toBe('not_met');
  });

  it('CTSH met through de minimis: a same-subheading material within 10 % of FOB', () => {
    const r = evaluateOrigin(chair('100.00', [cn('seat', '940161', '8.00'), cn('fabric', '540761', '40.00'), cn('foam', '392113', '20.00')], '940161', { directLabour: '20.00', directOverhead: '5.00', profit: '7.00' }), atiga);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('CTSH');
    const [rvc, ctsh] = r.trace!.children!;
    expect(rvc!.status).toBe('not_met'); // indirect (100 − 68) / 100 = 32 %; direct (20 + 5 + 7) / 100 = 32 %
    expect(ctsh!.status).toBe('met');
    expect(ctsh!.tolerance).toMatchObject({ applied: true, materialIds: ['seat'], value: '8.00', allowed: '10.00' });
  });

  it('fails both: RVC 35 % and a same-subheading material above the 10 % tolerance', () => {
    const r = evaluateOrigin(chair('100.00', [cn('seat', '940161', '20.00'), cn('fabric', '540761', '45.00')], '940161', { directLabour: '20.00', directOverhead: '8.00', profit: '7.00' }), atiga);
    expect(r.status).toBe('not_originating');
    expect(r.closest?.expression).toBeDefined();
  });
});

describe('ATIGA proofs once a product qualifies (Annex 8 as amended for self-certification)', () => {
  const shipment = chair('40.00', [vn('wood', '440729', '9.50'), cn('foam', '392113', '3.20'), cn('fabric', '540761', '4.10')]);

  it('Form D valid 12 months; the certified exporter’s origin declaration only with that status', () => {
    const plain = findPreferences(shipment, [atiga], { consignmentValue: usd('18000.00') });
    expect(plain.status).toBe('ok');
    if (plain.status !== 'ok') return;
    const pref = plain.ranked.find((p) => p.agreement.id === 'atiga')!;
    expect(pref.origin.status).toBe('originating');
    expect(pref.proofs.map((p) => [p.id, p.usable, p.validityMonths])).toEqual([
      ['form_d', 'yes', 12],
      ['origin_declaration_certified_exporter', 'no', 12],
    ]);
    expect(pref.waiver).toBeUndefined();

    const certified = findPreferences(shipment, [atiga], { consignmentValue: usd('18000.00'), exporter: { approvedExporterFor: ['atiga'] } });
    if (certified.status !== 'ok') throw new Error('expected ok');
    expect(certified.ranked[0]!.proofs[0]).toMatchObject({ id: 'origin_declaration_certified_exporter', usable: 'yes' });
  });

  it('no proof is needed up to USD 200 FOB (Rule 15)', () => {
    const r = findPreferences(shipment, [atiga], { consignmentValue: usd('200.00') });
    if (r.status !== 'ok') throw new Error('expected ok');
    expect(r.ranked[0]!.waiver?.id).toBe('fob_200');
    const above = findPreferences(shipment, [atiga], { consignmentValue: usd('200.01') });
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
    writeFileSync(file, JSON.stringify(chair('40.00', [vn('steel', '720851', '9.50'), cn('castings', '732599', '3.20')], '841490')));
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

describe('ATIGA partial cumulation (Article 30(2)): a proof stating 20 % to below 40 % regional content', () => {
  const th = (rvc?: string) => ({
    id: 'shell',
    hsCode: '940161',
    value: usd('65.00'),
    originCountry: 'TH',
    evidence: [{ agreements: ['atiga'], type: 'certificate_of_origin' as const, issued: '2026-01-01', ...(rvc ? { regionalValueContent: rvc } : {}) }],
  });
  const costs = { directLabour: '20.00', directOverhead: '5.00', profit: '7.00' };
  it('"PC 30%": the shell counts for 70 % of its value in build-down RVC, and as non-originating for CTSH', () => {
    const r = evaluateOrigin(chair('100.00', [th('30')], '940161', costs), atiga);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('RVC(40% FOB)');
    expect(r.materials.find((m) => m.id === 'shell')).toMatchObject({ originating: false, basis: 'partial_cumulation', nonOriginatingValue: '45.50' });
    expect(r.trace!.children![1]!.status).toBe('not_met'); // CTSH: the shell is of the product's own subheading
  });
  it('a full proof makes it originating; a proof stating 15 % makes it non-originating, and the chair fails', () => {
    expect(evaluateOrigin(chair('100.00', [th()], '940161', costs), atiga).status).toBe('originating');
    const low = evaluateOrigin(chair('100.00', [th('15')], '940161', costs), atiga);
    expect(low.materials.find((m) => m.id === 'shell')?.basis).toBe('regional_content_too_low');
    expect(low.status).toBe('not_originating'); // RVC (100 − 65) = 35 % by both formulas
  });
});
