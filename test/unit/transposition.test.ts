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
  it('never guesses a split code: it lists the candidates, and the caller settles it', () => {
    const res = evaluateOrigin(shipment({ hsCode: '030299' }, []), hs2012);
    expect(res.status).toBe('undetermined');
    expect(res.issues[0]).toMatchObject({ code: 'hs_transposition_ambiguous', path: ['product', 'hsCodes', 'HS2012'] });
    const settled = evaluateOrigin(shipment({ hsCode: '030299', hsCodes: { HS2012: '030489' }, whollyObtained: true }, []), hs2012);
    expect(settled.status).toBe('originating');
    expect(settled.transposition?.product).toEqual({ from: '030299', to: '030489', by: 'caller' });
  });
});
