import { describe, expect, it } from 'vitest';
import { evaluateOrigin } from '../../src/evaluate/evaluateOrigin.js';
import { compileAgreement, type CompiledAgreement } from '../../src/rules/compileAgreement.js';
import { mat, shipment, testFacts, testPsr } from '../helpers/testAgreement.js';

/** The test agreement with provisions the data could not read. */
function withUnknowns(): CompiledAgreement {
  const facts = {
    ...testFacts,
    treatment: { ...testFacts.treatment, retailPacking: 'unknown', accessories: 'unknown' },
    minimalOperations: { operations: [], listKnown: false, cite: { source: 's', ref: 'Art 6, not read' } },
  };
  const r = compileAgreement(facts, testPsr);
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.agreement;
}

describe('provisions the rule data could not read', () => {
  const fta = withUnknowns();
  it('a BOM without packing or accessories is decided as usual', () => {
    const r = evaluateOrigin(shipment({ hsCode: '610910' }, [mat('fabric', '600622', '60')]), fta);
    expect(r.status).toBe('originating');
    expect(r.issues.map((i) => i.code)).not.toContain('treatment_unknown');
  });
  it('retail packing whose treatment is unknown makes the verdict undetermined, and shows the verdict it would be', () => {
    const r = evaluateOrigin(shipment({ hsCode: '610910' }, [mat('fabric', '600622', '60'), mat('box', '481910', '2', { role: 'retail_packing' })]), fta);
    expect(r.status).toBe('undetermined');
    expect(r.reason).toEqual({ key: 'result_treatment_unknown', params: { ids: 'box', verdict: 'originating' } });
    expect(r.criterion).toBeUndefined();
    expect(r.issues.map((i) => i.code)).toContain('treatment_unknown');
  });
  it('an unread list of insufficient operations is said, and the declared operations are not checked against it', () => {
    const r = evaluateOrigin(shipment({ hsCode: '610910' }, [mat('fabric', '600622', '60')]), fta);
    expect(r.insufficientOperations).toMatchObject({ checked: false, insufficient: false });
    expect(r.issues.map((i) => i.code)).toContain('minimal_operations_unknown');
  });
});

describe('an agreement without cumulation', () => {
  it("still counts the exporting party's own originating materials", () => {
    const r = compileAgreement({ ...testFacts, cumulation: { bilateral: [], conditional: [], cite: { source: 's', ref: 'no accumulation article' } } }, testPsr);
    if (!r.success) throw new Error(JSON.stringify(r.issues));
    const vn = { originCountry: 'VN', evidence: [{ agreements: ['testfta'], type: 'supplier_declaration' }] };
    const gb = { originCountry: 'GB', evidence: [{ agreements: ['testfta'], type: 'supplier_declaration' }] };
    const own = evaluateOrigin(shipment({ hsCode: '610910' }, [mat('blank', '610990', '80', vn)]), r.agreement);
    expect(own.materials[0]).toMatchObject({ originating: true, basis: 'evidence_exporting_party' });
    const other = evaluateOrigin(shipment({ hsCode: '610910' }, [mat('blank', '610990', '80', gb)]), r.agreement);
    expect(other.materials[0]).toMatchObject({ originating: false, basis: 'non_party_origin' });
  });
});

describe('a list of insufficient operations read only in part', () => {
  it('operations on the part read are still insufficient; others are not checked', () => {
    const facts = {
      ...testFacts,
      minimalOperations: { operations: [{ id: 'simple_packaging', text: 'simple packaging' }], listKnown: false, cite: { source: 's', ref: 'Art 6, read in part' } },
    };
    const r = compileAgreement(facts, testPsr);
    if (!r.success) throw new Error(JSON.stringify(r.issues));
    const packedOnly = evaluateOrigin(shipment({ hsCode: '610910', operations: ['simple_packaging'] }, [mat('fabric', '600622', '60')]), r.agreement);
    expect(packedOnly.status).toBe('not_originating');
    expect(packedOnly.insufficientOperations).toMatchObject({ checked: true, insufficient: true });
    const worked = evaluateOrigin(shipment({ hsCode: '610910', operations: ['cutting_sewing'] }, [mat('fabric', '600622', '60')]), r.agreement);
    expect(worked.status).toBe('originating');
    expect(worked.insufficientOperations).toMatchObject({ checked: false, insufficient: false });
    expect(worked.issues.map((i) => i.code)).toContain('minimal_operations_unknown');
  });
});

describe('a product-specific rule list in force only from a date', () => {
  const facts = { ...testFacts, psrInForceFrom: { date: '2026-03-01', cite: { source: 's', ref: 'Art 40(1): in force from 1 March 2026' } } };
  const compiled = compileAgreement(facts, testPsr);
  if (!compiled.success) throw new Error(JSON.stringify(compiled.issues));
  const fta = compiled.agreement;
  const tee = (date: string) => evaluateOrigin(shipment({ hsCode: '610910' }, [mat('fabric', '600622', '60')], { date }), fta);

  it('decides shipments from that date on', () => {
    expect(tee('2026-03-01').status).toBe('originating');
  });
  it('earlier shipments are undetermined: the list before it is not in the data; the verdict under the newer list is shown', () => {
    const r = tee('2026-02-28');
    expect(r.status).toBe('undetermined');
    expect(r.reason).toEqual({ key: 'result_psr_not_in_force', params: { verdict: 'originating', from: '2026-03-01' } });
    expect(r.criterion).toBeUndefined();
    expect(r.issues.find((i) => i.code === 'psr_not_in_force')?.path).toEqual(['date']);
  });
});

describe('a list superseded for some parties from a date', () => {
  const facts = {
    ...testFacts,
    psrSupersededFor: [{ countries: ['GB'], date: '2026-03-01', cite: { source: 's', ref: 'notice: a later list applies to GB from 1 March 2026' } }],
  };
  const compiled = compileAgreement(facts, testPsr);
  if (!compiled.success) throw new Error(JSON.stringify(compiled.issues));
  const tee = (date: string) => evaluateOrigin(shipment({ hsCode: '610910' }, [mat('fabric', '600622', '60')], { date }), compiled.agreement);

  it('still decides earlier shipments', () => {
    expect(tee('2026-02-28').status).toBe('originating');
  });
  it('shows, but does not give, the verdict for shipments on or after the date', () => {
    const r = tee('2026-03-01');
    expect(r.status).toBe('undetermined');
    expect(r.reason).toMatchObject({ key: 'result_psr_superseded', params: { verdict: 'originating', from: '2026-03-01' } });
    expect(r.issues.map((i) => i.code)).toContain('psr_superseded');
  });
});
