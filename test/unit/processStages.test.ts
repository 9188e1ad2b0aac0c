import { describe, expect, it } from 'vitest';
import { ukvfta } from '../../src/agreements/ukvfta.js';
import { evaluateOrigin } from '../../src/evaluate/evaluateOrigin.js';

/**
 * Textile processes judge each non-originating textile material by the stage it
 * is at: spinning starts from fibres, weaving from yarn, making-up from fabric.
 * UKVFTA 5208–5212 (woven cotton fabric): "Spinning of natural or man-made staple
 * fibres or extrusion of man-made filament yarn, in each case accompanied by
 * weaving; or weaving accompanied by dyeing or coating; or …", Note 6 only.
 */
const usd = (amount: string) => ({ amount, currency: 'USD' });
const denim = (materials: unknown[], operations = ['weaving']) => ({
  exportingCountry: 'VN',
  importingCountry: 'GB',
  date: '2026-06-01',
  product: { hsCode: '520942', exWorksPrice: usd('100'), weight: '1', operations, materials },
});
const m = (id: string, hsCode: string, amount: string, weight: string, fibre: string) => ({
  id,
  hsCode,
  value: usd(amount),
  weight,
  tags: [`textile:${fibre}`],
  originCountry: 'CN',
});

describe('textile process stages', () => {
  it('fabric spun and woven from imported fibres qualifies: fibres are what spinning starts from', () => {
    const r = evaluateOrigin(denim([m('cotton', '520100', '30', '0.8', 'cotton'), m('polyester', '550320', '10', '0.2', 'polyester')]), ukvfta);
    expect(r.status).toBe('originating');
    expect(r.criterion).toMatch(/^\(Process\(spinning\) or Process\(extrusion\)\) and Process\(weaving\)$/);
  });
  it('imported spun yarn is past spinning and is no input of extrusion either: the first alternative fails', () => {
    // Polyester spun yarn (5509) at 30 % of the weight: Note 6 allows 10 % of the basic textile materials' weight.
    const r = evaluateOrigin(denim([m('cotton', '520100', '30', '0.7', 'cotton'), m('poly-yarn', '550921', '30', '0.3', 'polyester')]), ukvfta);
    expect(r.status).toBe('not_originating');
    const first = r.trace!.children![0]!;
    expect(first.status).toBe('not_met');
    expect(first.children![0]!.children!.every((c) => c.status === 'not_met')).toBe(true);
  });
  it('the same yarn at 10 % of the weight is absorbed by Note 6 (mixed textile materials)', () => {
    const r = evaluateOrigin(denim([m('cotton', '520100', '30', '0.9', 'cotton'), m('poly-yarn', '550921', '10', '0.1', 'polyester')]), ukvfta);
    expect(r.status).toBe('originating');
    expect(r.trace!.children![0]!.tolerance).toMatchObject({ applied: true });
  });
  it('non-textile materials are not judged by a textile stage', () => {
    const r = evaluateOrigin(
      denim([m('cotton', '520100', '30', '0.99', 'cotton'), { id: 'rivets', hsCode: '731823', value: usd('5'), originCountry: 'CN' }]),
      ukvfta,
    );
    expect(r.status).toBe('originating');
  });
});
