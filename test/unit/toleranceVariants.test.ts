import { describe, expect, it } from 'vitest';
import { evaluateOrigin } from '../../src/evaluate/evaluateOrigin.js';
import { compileAgreement } from '../../src/rules/compileAgreement.js';
import { mat, shipment, testFacts, testPsr } from '../helpers/testAgreement.js';

const facts = {
  ...testFacts,
  tolerance: { ...testFacts.tolerance, excludedChapters: [], weightOnlyChapters: ['61'], uncertainChapters: ['94'] },
};
const compiled = compileAgreement(facts, testPsr);
if (!compiled.success) throw new Error('test data');
const fta = compiled.agreement;

describe('tolerance variants', () => {
  it('where the tolerance may be withdrawn for some goods, absorbing gives undetermined, exceeding still fails', () => {
    const within = evaluateOrigin(shipment({ hsCode: '940161' }, [mat('part', '940191', '6'), mat('wood', '440711', '51')]), fta);
    expect(within.status).toBe('undetermined');
    const over = evaluateOrigin(shipment({ hsCode: '940161' }, [mat('part', '940191', '16'), mat('wood', '440711', '51')]), fta);
    expect(over.status).toBe('not_originating');
  });
  it('measured by weight only: a pass needs every weight, a failure shows with the weights known', () => {
    const garment = { hsCode: '611230', weight: '1', operations: ['knitting', 'making_up'] };
    const light = evaluateOrigin(shipment(garment, [mat('fabric', '600622', '60', { weight: '0.05' })]), fta);
    expect(light.status).toBe('originating');
    const heavy = evaluateOrigin(shipment(garment, [mat('fabric', '600622', '1', { weight: '0.2' }), mat('trim', '600290', '1')]), fta);
    expect(heavy.status).toBe('not_originating');
    const unknown = evaluateOrigin(shipment(garment, [mat('fabric', '600622', '1')]), fta);
    expect(unknown.status).toBe('undetermined');
  });
});
