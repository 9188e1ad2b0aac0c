import { describe, expect, it } from 'vitest';
import { evaluateOrigin } from '../../src/evaluate/evaluateOrigin.js';
import { transposeHsCode } from '../../src/hs/transposeHsCode.js';
import { compileAgreement } from '../../src/rules/compileAgreement.js';
import correlation from '../../rules/hs/correlation.json' with { type: 'json' };
import { mat, shipment, testFacts, testPsr } from '../helpers/testAgreement.js';

const tables = correlation.tables;

describe('transposeHsCode', () => {
  it('maps one-to-one codes, keeps unchanged ones, and lists candidates for split ones', () => {
    expect(transposeHsCode('851713', 'HS2022', 'HS2012', tables)).toEqual({ status: 'mapped', code: '851712' });
    expect(transposeHsCode('610910', 'HS2022', 'HS2012', tables)).toEqual({ status: 'mapped', code: '610910' });
    const split = transposeHsCode('030299', 'HS2022', 'HS2012', tables);
    expect(split.status).toBe('ambiguous');
    expect(transposeHsCode('610910', 'HS2012', 'HS2022', tables)).toEqual({ status: 'unsupported' });
  });
  it('reaches HS2007 from HS2022 through HS2017, and from HS2017 directly', () => {
    // Horses: HS2007 had one subheading for pure-bred breeding animals of every kind (0101.10); HS2012 split it.
    expect(transposeHsCode('010121', 'HS2022', 'HS2007', tables)).toEqual({ status: 'mapped', code: '010110' });
    expect(transposeHsCode('010121', 'HS2017', 'HS2007', tables)).toEqual({ status: 'mapped', code: '010110' });
    // Smartphones: HS2022 851713 is HS2017 851712, which HS2007 numbered the same.
    expect(transposeHsCode('851713', 'HS2022', 'HS2007', tables)).toEqual({ status: 'mapped', code: '851712' });
    expect(transposeHsCode('610910', 'HS2022', 'HS2007', tables)).toEqual({ status: 'mapped', code: '610910' });
    // No HS2012→HS2007 table in the UNSD set: such an input must give the HS2007 code itself.
    expect(transposeHsCode('610910', 'HS2012', 'HS2007', tables)).toEqual({ status: 'unsupported' });
  });
});

describe('evaluation on a rule set keyed on HS2012', () => {
  const r = compileAgreement(testFacts, { ...testPsr, hsVersion: 'HS2012' }, { correlation: tables });
  if (!r.success) throw new Error('test data');
  const hs2012 = r.agreement;
  it('transposes product and material codes and records it', () => {
    // HS2022 851713 (smartphones) is HS2012 851712; the rule for 851713 in the test set does not apply then.
    const res = evaluateOrigin(shipment({ hsCode: '610910' }, [mat('fabric', '600622', '60')]), hs2012);
    expect(res.status).toBe('originating');
    expect(res.transposition).toMatchObject({ from: 'HS2022', to: 'HS2012', product: { from: '610910', to: '610910' } });
  });
  it('evaluates a non-originating material with a split code for every candidate, and decides only when they agree', () => {
    // HS2022 1211.20 (ginseng roots) is HS2012 1211.20 or 2008.99. Under "CTH or MaxNOM(70% EXW)" for a T-shirt
    // both candidates change heading: the verdict holds.
    const agree = evaluateOrigin(shipment({ hsCode: '610910' }, [mat('ginseng', '121120', '5')]), hs2012);
    expect(agree.status).toBe('originating');
    expect(agree.transposition?.materials).toEqual([{ id: 'ginseng', from: '121120', to: '121120|200899', by: 'candidates' }]);
    // For a product of heading 2008 (test rule: none) use a rule that tells the candidates apart:
    const psr = { ...testPsr, hsVersion: 'HS2012', rows: [{ id: '2008', scope: '2008', description: 'x', rule: 'CTH', text: 't', cite: { source: 's', ref: 'r' } }] };
    const c = compileAgreement(testFacts, psr, { correlation: tables });
    if (!c.success) throw new Error('test data');
    const split = evaluateOrigin(shipment({ hsCode: '200819' }, [mat('ginseng', '121120', '50')]), c.agreement);
    expect(split.status).toBe('undetermined');
    expect(split.issues.map((i) => i.code)).toContain('hs_transposition_ambiguous');
    const settled = evaluateOrigin(shipment({ hsCode: '200819' }, [mat('ginseng', '121120', '50', { hsCodes: { HS2012: '121120' } })]), c.agreement);
    expect(settled.status).toBe('originating');
  });
  it('never guesses a split code: it lists the candidates, and the caller settles it', () => {
    const res = evaluateOrigin(shipment({ hsCode: '030299' }, []), hs2012);
    expect(res.status).toBe('undetermined');
    expect(res.issues[0]).toMatchObject({ code: 'hs_transposition_ambiguous', path: ['product', 'hsCodes', 'HS2012'] });
    const settled = evaluateOrigin(shipment({ hsCode: '030299', hsCodes: { HS2012: '030489' }, whollyObtained: true }, []), hs2012);
    expect(settled.status).toBe('originating');
    expect(settled.transposition?.product).toEqual({ from: '030299', to: '030489', by: 'caller' });
  });
});
