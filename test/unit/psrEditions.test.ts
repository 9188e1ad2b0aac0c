import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../rules/tools/build-outputs.js';
import type { HsCorrelationTables } from '../../src/hs/transposeHsCode.js';
import { evaluateOrigin } from '../../src/evaluate/evaluateOrigin.js';
import { findPreferences } from '../../src/preferences/findPreferences.js';
import { renderExplanation } from '../../src/report/renderExplanation.js';
import { compileAgreement, type CompiledAgreement } from '../../src/rules/compileAgreement.js';
import { mat, shipment, testFacts, testPsr } from '../helpers/testAgreement.js';

/**
 * An agreement whose product-specific rules changed twice: the current list from 2024-01-01 (T-shirts "CTH or
 * MaxNOM 70 %"), an HS 2017 list from 2021-01-01 (T-shirts "CC") and an HS 2017 list from 2020-06-01 (T-shirts
 * "MaxNOM 50 %"). Each shipment must be judged under the list in force on its date.
 */
const cite = (ref: string) => ({ source: 's', ref });
const editionFile = (rule: string) => ({
  agreement: 'testfta',
  hsVersion: 'HS2017',
  rows: [{ id: '6109', scope: '6109', description: 'T-shirts', rule, text: 't', cite: cite('old list') }],
});
const facts = {
  ...testFacts,
  psrInForceFrom: { date: '2024-01-01', cite: cite('Circular 3, Art. 9') },
  psrEditions: [
    { file: 'psr-2020.json', from: '2020-06-01', cite: cite('Circular 1, Art. 5'), completeness: { status: 'partial', note: 'first list', chapters: { '61': 'complete' } } },
    { file: 'psr-2021.json', from: '2021-01-01', cite: cite('Circular 2, Art. 4'), completeness: { status: 'partial', note: 'second list', chapters: { '61': 'complete' } } },
  ],
};
const files = { 'psr-2020.json': editionFile('MaxNOM(50% EXW)'), 'psr-2021.json': editionFile('CC') };

// The HS 2022 → HS 2017 correlation the bundled rule data uses (rules/hs/correlation.json).
const correlation = (JSON.parse(readFileSync(join(ROOT, 'rules/hs/correlation.json'), 'utf8')) as { tables: HsCorrelationTables }).tables;

function compiled(editions: Record<string, unknown> | null = files): CompiledAgreement {
  const r = compileAgreement(facts, testPsr, editions ? { editions, correlation } : { correlation });
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.agreement;
}

// Fabric of another chapter (60), worth 60 % of the ex-works price: CC and CTH are met, MaxNOM 50 % is not.
const shirt = (date: string) => shipment({ hsCode: '610910' }, [mat('fabric', '600622', '60')], { date });

describe('earlier product-specific rule lists (psrEditions)', () => {
  const fta = compiled();
  it('compiles each earlier list, newest first, with its first and last day', () => {
    expect(fta.editions?.map((e) => [e.facts.psrInForceFrom?.date, e.psrUntil, e.hsVersion])).toEqual([
      ['2021-01-01', '2023-12-31', 'HS2017'],
      ['2020-06-01', '2020-12-31', 'HS2017'],
    ]);
  });
  it('a shipment on or after the current list’s first day is judged under the current list', () => {
    const r = evaluateOrigin(shirt('2024-01-01'), fta);
    expect(r.status).toBe('originating');
    expect(r.rule?.expression).toBe('CTH or MaxNOM(70% EXW)');
    expect(r.agreement.psrList).toEqual({ from: '2024-01-01' });
  });
  it('the day before, the list then in force decides ("CC"), its HS version reached by transposition', () => {
    const r = evaluateOrigin(shirt('2023-12-31'), fta);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('CC');
    expect(r.agreement.psrList).toEqual({ from: '2021-01-01', until: '2023-12-31' });
    expect(r.transposition).toMatchObject({ from: 'HS2022', to: 'HS2017' });
  });
  it('in 2020 the first list decides, and the same shirt fails its 50 % value limit', () => {
    const r = evaluateOrigin(shirt('2020-12-31'), fta);
    expect(r.status).toBe('not_originating');
    expect(r.rule?.expression).toBe('MaxNOM(50% EXW)');
    expect(r.agreement.psrList).toEqual({ from: '2020-06-01', until: '2020-12-31' });
    expect(renderExplanation(r)).toContain('an earlier list, in force from 2020-06-01 to 2020-12-31');
  });
  it('before the earliest list held, the verdict is shown, not given', () => {
    const r = evaluateOrigin(shirt('2020-05-31'), fta);
    expect(r.status).toBe('undetermined');
    expect(r.reason).toEqual({ key: 'result_psr_not_in_force', params: { verdict: 'not_originating', from: '2020-06-01' } });
  });
  it('without the list files, earlier shipments stay undetermined as before', () => {
    const r = evaluateOrigin(shirt('2023-12-31'), compiled(null));
    expect(r.status).toBe('undetermined');
    expect(r.reason.key).toBe('result_psr_not_in_force');
  });
  it('rejects a missing file, lists out of order, and problems inside a list file, each with its path', () => {
    const missing = compileAgreement(facts, testPsr, { editions: { 'psr-2020.json': files['psr-2020.json'] } });
    expect(missing.success).toBe(false);
    if (!missing.success) expect(missing.issues[0]).toMatchObject({ path: ['psrEditions', 1, 'file'] });
    const late = compileAgreement({ ...facts, psrEditions: [{ ...facts.psrEditions[0], from: '2024-02-01' }] }, testPsr, { editions: files });
    expect(late.success).toBe(false);
    const bad = compileAgreement(facts, testPsr, { editions: { ...files, 'psr-2021.json': editionFile('CC or') } });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.issues[0]).toMatchObject({ code: 'rule_syntax', path: ['psrEditions', 1, 'psr-2021.json', 'rows', 0, 'rule'] });
  });
  it('the data hash changes when an earlier list changes', () => {
    const other = compiled({ ...files, 'psr-2020.json': editionFile('MaxNOM(40% EXW)') });
    expect(other.dataHash).not.toBe(fta.dataHash);
  });
});

describe('how long a determination holds (findPreferences validUntil)', () => {
  const fta = compiled();
  const prefs = (date: string, to = 'GB') => {
    const r = findPreferences({ ...shirt(date), importingCountry: to }, [fta]);
    if (r.status !== 'ok') throw new Error('invalid');
    return r.ranked[0]!;
  };
  it('under an earlier list, until that list’s last day', () => {
    expect(prefs('2023-06-01').validUntil).toEqual({ date: '2023-12-31', reason: 'rule_list_ends' });
  });
  it('under the current list, until the agreement stops applying to a party (Japan, 2030-12-31 in the test data)', () => {
    expect(prefs('2026-06-01', 'JP').validUntil).toEqual({ date: '2030-12-31', reason: 'agreement_ends' });
    expect(prefs('2026-06-01').validUntil).toBeUndefined();
  });
});

describe('list selection by date (property)', () => {
  const fta = compiled();
  const lists = [
    { from: '2024-01-01', expression: 'CTH or MaxNOM(70% EXW)' },
    { from: '2021-01-01', expression: 'CC' },
    { from: '2020-06-01', expression: 'MaxNOM(50% EXW)' },
  ];
  const day = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2029-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  it('every date is judged under the latest list whose first day is on or before it, or undetermined before the first', () => {
    fc.assert(
      fc.property(day, (date) => {
        const r = evaluateOrigin(shirt(date), fta);
        const list = lists.find((l) => l.from <= date);
        if (!list) return r.reason.key === 'result_psr_not_in_force';
        return r.rule?.expression === list.expression && r.agreement.psrList?.from === list.from && (list.from === '2024-01-01' || (r.agreement.psrList?.until ?? '') >= date);
      }),
    );
  });
});
