import { describe, expect, it } from 'vitest';
import { compileAgreement } from '../../src/rules/compileAgreement.js';
import { testFacts, testPsr } from '../helpers/testAgreement.js';

describe('compileAgreement (loading user rule sets)', () => {
  it('compiles valid data with a stable content hash', () => {
    const a = compileAgreement(testFacts, testPsr);
    const b = compileAgreement(structuredClone(testFacts), structuredClone(testPsr));
    expect(a.success && b.success && a.agreement.dataHash === b.agreement.dataHash).toBe(true);
  });
  it('reports every problem at once, with file and path', () => {
    const psr = structuredClone(testPsr);
    psr.rows[0]!.rule = 'CTH or';
    psr.rows[1]!.rule = 'Process(weeving)';
    psr.rows[2]!.id = psr.rows[3]!.id;
    psr.rows[4]!.scope = '8471-8470';
    psr.rows[5]!.cite = { source: 'nowhere', ref: 'x' };
    const r = compileAgreement(testFacts, psr);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => [i.code, i.file, i.path.join('.')])).toEqual(
      expect.arrayContaining([
        ['rule_syntax', 'psr', 'rows.0.rule'],
        ['unknown_process', 'psr', 'rows.1.rule'],
        ['duplicate_row_id', 'psr', 'rows.3.id'],
        ['bad_range', 'psr', 'rows.4.scope'],
        ['unknown_source', 'psr', 'rows.5.cite.source'],
      ]),
    );
  });
  it('validates the agreement facts with zod and reports paths', () => {
    const r = compileAgreement({ ...testFacts, parties: [{ country: 'Vietnam' }] }, testPsr);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.some((i) => i.file === 'agreement' && i.path[0] === 'parties')).toBe(true);
  });
});
