import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_AGREEMENTS } from '../../src/agreements/all.js';
import { evaluateOrigin } from '../../src/evaluate/evaluateOrigin.js';
import { findPreferences } from '../../src/preferences/findPreferences.js';
import { ROOT } from '../../rules/tools/build-outputs.js';
import { makeTestAgreement, mat, shipment } from '../helpers/testAgreement.js';

const agreements = Object.values(ALL_AGREEMENTS);
const example = (name: string) => JSON.parse(readFileSync(join(ROOT, 'examples', name), 'utf8'));

describe('findPreferences (golden shipments)', () => {
  it('Viet Nam → United Kingdom: UKVFTA, EUR.1 because the consignment exceeds EUR 6,000', () => {
    const r = findPreferences(example('shipment-shirt-uk.json'), agreements);
    if (r.status !== 'ok') throw new Error('invalid');
    // UKVFTA qualifies; CPTPP (the UK acceded in December 2024) does not: Chinese yarn fails its yarn-forward rule.
    expect(r.ranked.map((p) => [p.agreement.id, p.origin.status])).toEqual([
      ['ukvfta', 'originating'],
      ['cptpp', 'not_originating'],
    ]);
    expect(r.excluded.find((e) => e.id === 'evfta')?.reason).toBe('importing_country_not_party');
    const [uk] = r.ranked;
    expect(uk!.origin.status).toBe('originating');
    expect(uk!.proofs[0]).toMatchObject({ id: 'eur1', usable: 'yes' });
    expect(uk!.proofs[1]).toMatchObject({ id: 'origin_declaration', usable: 'no' });
    expect(r.ranking).toBe('proof_simplicity');
  });
  it('Viet Nam → Germany: EVFTA', () => {
    const r = findPreferences(example('shipment-shirt-de.json'), agreements);
    if (r.status !== 'ok') throw new Error('invalid');
    expect(r.ranked[0]).toMatchObject({ agreement: { id: 'evfta' }, origin: { status: 'originating' } });
  });
  it('Viet Nam → United States: no agreement, a non-preferential certificate may be requested', () => {
    const r = findPreferences({ ...example('shipment-shirt-uk.json'), importingCountry: 'US' }, agreements);
    if (r.status !== 'ok') throw new Error('invalid');
    expect(r.ranked).toEqual([]);
    expect(r.nonPreferential?.form).toBe('B');
    expect(r.excluded.every((e) => e.reason === 'importing_country_not_party')).toBe(true);
  });
  it('Viet Nam → Japan: CPTPP through HS transposition (sawn rubberwood splits between two HS2012 codes, but it is originating)', () => {
    const r = findPreferences(example('shipment-chair-jp.json'), agreements);
    if (r.status !== 'ok') throw new Error('invalid');
    const cptpp = r.ranked.find((p) => p.agreement.id === 'cptpp')!;
    expect(cptpp.origin.status).toBe('originating');
    expect(cptpp.criterion).toBe('CTH');
    expect(cptpp.origin.transposition?.materials).toContainEqual({ id: 'rubberwood', from: '440729', to: '440729|440799', by: 'candidates' });
    const status = Object.fromEntries(r.ranked.map((p) => [p.agreement.id, p.origin.status]));
    expect(status).toMatchObject({ ajcep: 'originating', rcep: 'originating', vjepa: 'undetermined' });
  });
  it('Viet Nam → Thailand: ATIGA and the ASEAN+1 agreements decide the chair; lists the data lacks only inform', () => {
    const r = findPreferences({ ...example('shipment-chair-jp.json'), importingCountry: 'TH' }, agreements);
    if (r.status !== 'ok') throw new Error('invalid');
    const status = Object.fromEntries(r.ranked.map((p) => [p.agreement.id, p.origin.status]));
    // ATIGA (Circular 03/2023) and ACFTA (Circular 12/2019) list 9401.61 as "RVC 40 % or CTSH"; AKFTA does not list it,
    // so its general rule "RVC 40 % or CTH" applies. The rubberwood's declaration names ATIGA and CPTPP only.
    expect(status).toMatchObject({ atiga: 'originating', acfta: 'originating', akfta: 'originating' });
    expect(r.ranked.find((p) => p.agreement.id === 'akfta')!.origin.rule?.id).toBe('general');
    // AANZFTA: since 1 October 2025 trade with Thailand is under the Second Protocol list, which the data lacks.
    expect(r.ranked.find((p) => p.agreement.id === 'aanzfta')!.origin.reason.key).toBe('result_psr_superseded');
    // RCEP's HS 2022 list (Chapter 94: "CTH or RVC40") decides the chair, and Form RCEP box 10 takes "CTC".
    const rcep = r.ranked.find((p) => p.agreement.id === 'rcep')!;
    expect(rcep.origin.status).toBe('originating');
    expect(rcep.proofs.find((p) => p.id === 'form_rcep')?.originCriterion).toMatchObject({ box: '10', text: 'CTC' });
  });
  it('partial cumulation: a Thai seat shell with "PC 30%" on its Form D counts for its regional share (ATIGA Article 30(2))', () => {
    const r = findPreferences(example('shipment-sofa-th-partial-cumulation.json'), agreements);
    if (r.status !== 'ok') throw new Error('invalid');
    const atiga = r.ranked.find((p) => p.agreement.id === 'atiga')!;
    expect(atiga.origin.status).toBe('originating');
    expect(atiga.origin.materials.find((m) => m.id === 'seat-shell')).toMatchObject({ basis: 'partial_cumulation', nonOriginatingValue: '49.00' });
  });
  it('a material code split between several codes decides nothing unless every candidate agrees', () => {
    const input = example('shipment-chair-jp.json');
    // Make the rubberwood non-originating: 4407.29 vs 4407.99 are both heading 4407, so CTH still holds for each.
    input.product.materials[0].evidence = [];
    input.product.materials[0].originCountry = 'TH';
    const r = findPreferences(input, agreements);
    if (r.status !== 'ok') throw new Error('invalid');
    expect(r.ranked.find((p) => p.agreement.id === 'cptpp')!.origin.status).toBe('originating');
  });
  it('a shipment dated before an agreement applies never gets it', () => {
    const r = findPreferences({ ...example('shipment-shirt-de.json'), date: '2020-07-31' }, agreements);
    if (r.status !== 'ok') throw new Error('invalid');
    expect(r.ranked.map((p) => p.agreement.id)).not.toContain('evfta');
    expect(r.excluded.find((e) => e.id === 'evfta')).toMatchObject({ reason: 'not_yet_in_force' });
  });
  it('ranks by duty saved when rates are given, and never claims a saving without them', () => {
    const input = example('shipment-shirt-uk.json');
    const withRates = findPreferences(input, agreements, { dutyRates: { mfn: '12', preferential: { ukvfta: '0' } } });
    if (withRates.status !== 'ok') throw new Error('invalid');
    expect(withRates.ranking).toBe('duty_saving');
    // 12 % of the USD 12,800 consignment
    expect(withRates.ranked[0]!.dutySaving).toEqual({ mfn: '12', preferential: '0', amount: '1536.00', currency: 'USD' });
    const without = findPreferences(input, agreements);
    if (without.status !== 'ok') throw new Error('invalid');
    expect(without.ranked[0]!.dutySaving).toBeUndefined();
  });
  it('says until when the determination holds when it depends on dated evidence', () => {
    const fta = makeTestAgreement();
    const input = shipment({ hsCode: '610910' }, [
      mat('blank', '610990', '80', { originCountry: 'VN', evidence: [{ agreements: ['testfta'], type: 'supplier_declaration', expires: '2026-09-30' }] }),
    ]);
    const r = findPreferences(input, [fta]);
    if (r.status !== 'ok') throw new Error('invalid');
    expect(r.ranked[0]!.validUntil).toEqual({ date: '2026-09-30', reason: 'evidence_expires', materialId: 'blank' });
  });
  it('says what to write in the form\'s origin-criterion box, from the agreement\'s code table', () => {
    const fta = makeTestAgreement();
    const cth = findPreferences(shipment({ hsCode: '610910' }, [mat('fabric', '600622', '60')]), [fta]);
    const value = findPreferences(shipment({ hsCode: '610910' }, [mat('blank', '610990', '60')]), [fta]);
    if (cth.status !== 'ok' || value.status !== 'ok') throw new Error('invalid');
    expect(cth.ranked[0]!.proofs[0]!.originCriterion).toMatchObject({ box: 'Box 8', text: 'CTH' });
    expect(value.ranked[0]!.proofs[0]!.originCriterion).toMatchObject({ text: 'MaxNOM 70%' });
  });
  it('T-shirt-type case for the EU: woven trousers from Korean denim qualify under EVFTA once the Korean-fabric cumulation is confirmed', () => {
    const input = example('shipment-trousers-de-korean-fabric.json');
    const unconfirmed = findPreferences(input, agreements);
    if (unconfirmed.status !== 'ok') throw new Error('invalid');
    const before = unconfirmed.ranked.find((p) => p.agreement.id === 'evfta')!;
    expect(before.origin.status).toBe('undetermined');
    expect(before.suggestion).toMatchObject({ kind: 'confirm_cumulation', materialId: 'denim' });
    const confirmed = findPreferences(input, agreements, { confirmedCumulation: { evfta: ['korea_fabric'] } });
    if (confirmed.status !== 'ok') throw new Error('invalid');
    expect(confirmed.ranked[0]).toMatchObject({ agreement: { id: 'evfta' }, origin: { status: 'originating' }, validUntil: { date: '2027-09-09', reason: 'evidence_expires', materialId: 'denim' } });
  });
  it('wooden chair to Canada under CPTPP: change of heading fails, regional value content passes', () => {
    const r = findPreferences(example('shipment-chair-ca.json'), agreements);
    if (r.status !== 'ok') throw new Error('invalid');
    const cptpp = r.ranked[0]!;
    expect(cptpp.origin.status).toBe('originating');
    const trace = cptpp.origin.trace!;
    expect(trace.children!.map((c) => [c.expression, c.status])).toEqual([
      ['CTH', 'not_met'],
      ['RVC(35% TV, method: build_up)', 'met'],
      ['RVC(45% TV, method: build_down)', 'met'],
      ['RVC(55% TV, method: focused_value, of: h9401)', 'met'],
    ]);
    // build-up (8 + 19)/60 = 45 %; build-down (60 − 28)/60 = 53.33 %
    expect(trace.children![1]!.figures).toMatchObject({ rvcPercent: '45.00' });
    expect(trace.children![2]!.figures).toMatchObject({ rvcPercent: '53.33' });
  });
  it('phone camera module to Japan: CPTPP by build-up with a Japanese lens accumulated', () => {
    const r = findPreferences(example('shipment-phone-part-jp.json'), agreements);
    if (r.status !== 'ok') throw new Error('invalid');
    expect(r.ranked[0]).toMatchObject({ agreement: { id: 'cptpp' }, origin: { status: 'originating' } });
    // RCEP 8517.79 "CTH or RVC40": the flex cable keeps the heading beyond de minimis, and the RVC is 35 %.
    const rcep = r.ranked.find((p) => p.agreement.id === 'rcep')!;
    expect(rcep.origin.status).toBe('not_originating');
    expect(rcep.margins[0]?.figures).toMatchObject({ rvcPercent: '35.00' });
  });
  it('returns invalid_input with issues', () => {
    expect(findPreferences({}, agreements).status).toBe('invalid_input');
  });
});

describe('suggestions', () => {
  const fta = makeTestAgreement();
  it('suggests the cheapest single material to prove originating', () => {
    // CTH fails on both blanks (same heading), MaxNOM 70 % fails at 85; making the 15 blank originating leaves 70: it qualifies.
    const r = findPreferences(shipment({ hsCode: '610910' }, [mat('big', '610990', '70', { originCountry: 'CN' }), mat('small', '610990', '15', { originCountry: 'CN' })]), [fta]);
    if (r.status !== 'ok') throw new Error('invalid');
    expect(r.ranked[0]!.origin.status).toBe('not_originating');
    expect(r.ranked[0]!.suggestion).toMatchObject({ kind: 'obtain_origin_evidence', materialId: 'small', value: '15.00' });
  });
  it('applying the suggested change makes the product qualify', () => {
    let withSuggestion = 0;
    fc.assert(
      fc.property(
        fc.array(fc.record({ code: fc.constantFrom('610990', '600622', '940391', '520512'), cents: fc.integer({ min: 100, max: 9000 }) }), { minLength: 1, maxLength: 6 }),
        (lines) => {
          const materials = lines.map((l, i) => mat(`m${i}`, l.code, `${Math.floor(l.cents / 100)}.${String(l.cents % 100).padStart(2, '0')}`, { originCountry: 'CN' }));
          const input = shipment({ hsCode: '610910' }, materials);
          const r = findPreferences(input, [fta]);
          if (r.status !== 'ok') throw new Error('invalid');
          const p = r.ranked[0]!;
          if (p.origin.status !== 'not_originating' || !p.suggestion) return;
          withSuggestion++;
          const fixed = {
            ...input,
            product: {
              ...input.product,
              materials: materials.map((m) => (m.id === p.suggestion!.materialId ? { ...m, originCountry: 'VN', evidence: [{ agreements: ['testfta'], type: 'supplier_declaration' }] } : m)),
            },
          };
          expect(evaluateOrigin(fixed, fta).status).toBe('originating');
        },
      ),
    );
    // The property must have been exercised, not skipped for every generated case.
    expect(withSuggestion).toBeGreaterThan(0);
  });
  it('the best-ranked agreement never fails origin when another qualifies', () => {
    const r = findPreferences(example('shipment-shirt-de.json'), agreements);
    if (r.status !== 'ok') throw new Error('invalid');
    const statuses = r.ranked.map((p) => p.origin.status);
    expect(statuses).toContain('originating');
    expect(statuses[0]).toBe('originating');
  });
});

describe('parties left out of the rule data', () => {
  it('an excluded shipment to a Party the data leaves out says so, not that it is no party', () => {
    const r = findPreferences({ ...example('shipment-chair-jp.json'), importingCountry: 'MY' }, agreements);
    if (r.status !== 'ok') throw new Error('invalid');
    const aifta = r.excluded.find((e) => e.id === 'aifta')!;
    expect(aifta.detail).toMatch(/^MY is not a party to AIFTA in the rule data: /);
    const ukvfta = r.excluded.find((e) => e.id === 'ukvfta')!;
    expect(ukvfta.detail).toBe('MY is not a party to UKVFTA');
  });
});
