import { describe, expect, it } from 'vitest';
import { aanzfta } from '../../src/agreements/aanzfta.js';
import { acfta } from '../../src/agreements/acfta.js';
import { ahkfta } from '../../src/agreements/ahkfta.js';
import { ajcep } from '../../src/agreements/ajcep.js';
import { aifta } from '../../src/agreements/aifta.js';
import { akfta } from '../../src/agreements/akfta.js';
import { atiga } from '../../src/agreements/atiga.js';
import { vifta } from '../../src/agreements/vifta.js';
import { vjepa } from '../../src/agreements/vjepa.js';
import { vn_cambodia } from '../../src/agreements/vn_cambodia.js';
import { vn_cuba } from '../../src/agreements/vn_cuba.js';
import { vn_laos } from '../../src/agreements/vn_laos.js';
import { vn_eaeu } from '../../src/agreements/vn_eaeu.js';
import { evaluateOrigin } from '../../src/evaluate/evaluateOrigin.js';

/**
 * Worked cases per agreement, from the legal texts encoded in rules/<id>/ (the MOIT circulars) and, where one
 * exists, official guidance: for each a qualifying value-content case, a change-of-classification case that
 * needs the de minimis rule (or shows that the agreement has none), and a case that does not qualify.
 */
const money = (amount: string, currency = 'USD') => ({ amount, currency });
type Costs = { directLabour: string; directOverhead: string; profit: string; other?: string };

function shipment(to: string, hsCode: string, value: { fob?: string; exWorks?: string }, materials: object[], costs?: Costs, more: Record<string, unknown> = {}) {
  return {
    exportingCountry: 'VN',
    importingCountry: to,
    date: '2026-09-01',
    product: {
      hsCode,
      ...(value.fob ? { fobValue: money(value.fob) } : {}),
      ...(value.exWorks ? { exWorksPrice: money(value.exWorks) } : {}),
      ...(costs
        ? { costs: Object.fromEntries(Object.entries(costs).map(([k, v]) => [k, money(v)])) }
        : {}),
      operations: ['assembly', 'other_processing'],
      materials,
    },
    ...more,
  };
}
const cn = (id: string, hsCode: string, value: string) => ({ id, hsCode, value: money(value), originCountry: 'CN' });
const figure = (r: ReturnType<typeof evaluateOrigin>, expression: string) => r.trace?.children?.find((c) => c.expression === expression);

describe('AKFTA (Circular 49/2025/TT-BCT, HS 2022 list from 1 May 2026; Circular 13/2019, HS 2017, before)', () => {
  it('official guidance: MITI Malaysia\'s RVC example (laminated finger-jointed moulding, AHTN 4409.10) qualifies at 91.10 %', () => {
    // Figures from MITI's "Summary of Criteria" page: FOB RM 1,410.75; Malaysian logs RM 800 (originating); US glue
    // RM 125.50 (non-originating); labour 100, overhead 105.25, other 130, profit 150. 4409 is not in Phụ lục I,
    // so Article 7(1) "RVC 40 % or CTH" applies. MITI's own result line is cut off in the copy read; 91.10 % is the
    // formula's result, the same by both formulas because the cost items add up to the FOB price.
    const r = evaluateOrigin(
      {
        exportingCountry: 'MY',
        importingCountry: 'KR',
        date: '2026-09-01',
        product: {
          hsCode: '440910',
          fobValue: money('1410.75', 'MYR'),
          costs: { directLabour: money('100', 'MYR'), directOverhead: money('105.25', 'MYR'), other: money('130', 'MYR'), profit: money('150', 'MYR') },
          operations: ['machining', 'assembly'],
          materials: [
            { id: 'logs', hsCode: '440341', value: money('800', 'MYR'), originCountry: 'MY', evidence: [{ agreements: ['akfta'], type: 'supplier_declaration' }] },
            { id: 'glue', hsCode: '350691', value: money('125.50', 'MYR'), originCountry: 'US' },
          ],
        },
      },
      akfta,
    );
    expect(r.status).toBe('originating');
    expect(r.rule?.id).toBe('general');
    expect(figure(r, 'RVC(40% FOB)')?.figures).toMatchObject({ rvcPercent: '91.10' });
  });
  it('CTH through de minimis: a chair with a same-heading frame kit at 8 % of FOB (Art. 13(1)(a))', () => {
    const r = evaluateOrigin(
      shipment('KR', '940161', { fob: '100' }, [cn('kit', '940190', '8'), cn('fabric', '540761', '30'), cn('foam', '392113', '30')], { directLabour: '20', directOverhead: '5', profit: '7' }),
      akfta,
    );
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('CTH');
    expect(figure(r, 'CTH')?.tolerance).toMatchObject({ applied: true, materialIds: ['kit'] });
  });
  it('a listed rule stricter than the general one: wooden furniture (9403.60) needs RVC 60 %, and 55 % fails', () => {
    const r = evaluateOrigin(
      shipment('KR', '940360', { fob: '100' }, [cn('boards', '441299', '45')], { directLabour: '30', directOverhead: '10', profit: '15' }),
      akfta,
    );
    expect(r.status).toBe('not_originating');
    expect(r.rule?.id).toBe('940360');
  });
  it('from 13 September 2019 to 30 April 2026 the HS 2017 list of Circular 13/2019 decides: magnetrons (8540.71) then needed RVC 45 %', () => {
    const magnetron = (date: string) =>
      evaluateOrigin({ ...shipment('KR', '854071', { fob: '100' }, [cn('cathode', '854071', '58')], { directLabour: '10', directOverhead: '5', profit: '5' }), date }, akfta);
    const now = magnetron('2026-05-01');
    expect(now.status).toBe('originating'); // 2025 list: "CTSH or RVC 40 %", RVC 42 % by build-down
    expect(now.agreement.psrList).toEqual({ from: '2026-05-01' });
    const before = magnetron('2026-04-30');
    expect(before.status).toBe('not_originating'); // 2019 list: "CTSH or RVC 45 %"
    expect(before.rule?.expression).toBe('CTSH or RVC(45% FOB)');
    expect(before.agreement.psrList).toEqual({ from: '2019-09-13', until: '2026-04-30' });
    expect(before.transposition).toMatchObject({ from: 'HS2022', to: 'HS2017' });
    expect(before.issues.map((i) => i.params?.id)).toContain('provisions-of-2025-circular');
  });
  it('shipments before 13 September 2019 fell under a list the data does not hold', () => {
    const r = evaluateOrigin({ ...shipment('KR', '940360', { fob: '100' }, [cn('boards', '441299', '45')], { directLabour: '30', directOverhead: '10', profit: '15' }), date: '2019-09-12' }, akfta);
    expect(r.status).toBe('undetermined');
    expect(r.reason.key).toBe('result_psr_not_in_force');
  });
});

describe('AHKFTA (Circular 21/2019/TT-BCT; HS 2012)', () => {
  it('goods not in Phụ lục I need RVC 40 % by the indirect formula (Art. 7(1), 8): at exactly 40 % a chair qualifies', () => {
    const r = evaluateOrigin(shipment('HK', '940161', { fob: '100' }, [cn('kit', '940190', '60')]), ahkfta);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('RVC(40% FOB)');
  });
  it('Art. 7(1) has no change-of-heading route: a chair at 35 % fails although every material changes heading', () => {
    const r = evaluateOrigin(shipment('HK', '940161', { fob: '100' }, [cn('wood', '440799', '65')]), ahkfta);
    expect(r.status).toBe('not_originating');
  });
  it('a listed "RVC40 or CTH" product (printed circuits, 8534.00) qualifies by CTH through de minimis (Art. 12)', () => {
    const r = evaluateOrigin(shipment('HK', '853400', { fob: '100' }, [cn('laminate', '741022', '55'), cn('blank-board', '853400', '8')]), ahkfta);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('CTH');
    expect(figure(r, 'CTH')?.tolerance).toMatchObject({ applied: true, materialIds: ['blank-board'] });
  });
});

describe('AIFTA (Circular 15/2010/TT-BCT: "AIFTA content ≥ 35 % of FOB and CTSH" for every product)', () => {
  const costs = { directLabour: '20', directOverhead: '10', profit: '5' };
  it('a chair from imported sawn wood: 35 % content and a change of subheading', () => {
    const r = evaluateOrigin(shipment('IN', '940161', { fob: '100' }, [cn('wood', '440799', '65')], costs), aifta);
    expect(r.status).toBe('originating');
  });
  it('no de minimis: one same-subheading part at 2 % of FOB breaks the change of subheading', () => {
    const r = evaluateOrigin(shipment('IN', '940161', { fob: '100' }, [cn('wood', '440799', '40'), cn('seat', '940161', '2')], costs), aifta);
    expect(r.status).toBe('not_originating');
  });
  it('content below 35 % fails even with a change of subheading', () => {
    const r = evaluateOrigin(shipment('IN', '940161', { fob: '100' }, [cn('wood', '440799', '66')], { directLabour: '20', directOverhead: '9', profit: '5' }), aifta);
    expect(r.status).toBe('not_originating');
  });
});

describe('VIFTA (Circular 11/2024/TT-BCT, Phụ lục I; ex-works basis)', () => {
  it('furniture (Chapter 94: "CTH" or non-originating materials ≤ 50 % of ex-works): a same-heading kit at 45 % qualifies', () => {
    const r = evaluateOrigin(shipment('IL', '940161', { exWorks: '100' }, [cn('kit', '940190', '45')]), vifta);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('MaxNOM(50% EXW)');
  });
  it('CTH through the 10 % ex-works tolerance (Art. 8) when the value cap fails', () => {
    const r = evaluateOrigin(shipment('IL', '940161', { exWorks: '100' }, [cn('kit', '940190', '8'), cn('fabric', '540761', '50')]), vifta);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('CTH');
  });
  it('a same-heading kit at 55 % of ex-works fails both', () => {
    const r = evaluateOrigin(shipment('IL', '940161', { exWorks: '100' }, [cn('kit', '940190', '55')]), vifta);
    expect(r.status).toBe('not_originating');
  });
});

describe('ACFTA (Circular 12/2019/TT-BCT: Phụ lục I, HS 2017; Article 7(1) for goods it does not list)', () => {
  it('a listed chair (9401.61, "RVC40 or CTSH") from a same-subheading shell qualifies at exactly 40 % by the indirect formula (Art. 8)', () => {
    const r = evaluateOrigin(shipment('CN', '940161', { fob: '100' }, [cn('shell', '940161', '60')]), acfta);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('RVC(40% FOB)');
  });
  it('an unlisted handbag (Chapter 42: Art. 7(1)(b) CTH) qualifies through the 10 % de minimis (Art. 12)', () => {
    const r = evaluateOrigin(shipment('CN', '420221', { fob: '100' }, [cn('leather', '410711', '55'), cn('lining-bag', '420292', '8')]), acfta);
    expect(r.status).toBe('originating');
    expect(r.rule?.id).toBe('general-ch42');
    expect(r.criterion).toBe('CTH');
  });
  it('listed fish fillets (0304.62, "CC") from imported frozen fish fail', () => {
    const r = evaluateOrigin(shipment('CN', '030462', { fob: '100' }, [cn('fish', '030324', '70')]), acfta);
    expect(r.status).toBe('not_originating');
  });
});

describe('AANZFTA (Circular 02/2024/TT-BCT list, HS 2022; applied to Cambodia, Indonesia and the Philippines)', () => {
  it('a chair (9401.61) qualifies by RVC 40 % at exactly 40 %', () => {
    const r = evaluateOrigin(shipment('ID', '940161', { fob: '100' }, [cn('shell', '940161', '60')]), aanzfta);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('RVC(40% FOB)');
  });
  it('"RVC40 or CTH" for 3926.90 is met by CTH through the 10 % de minimis (Art. 8)', () => {
    const r = evaluateOrigin(shipment('ID', '392690', { fob: '100' }, [cn('resin', '390110', '55'), cn('clip', '392690', '8')]), aanzfta);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('CTH');
  });
  it('fails both at RVC 30 % with a same-heading part above the tolerance; for Australia since 22 August 2025 the list no longer decides', () => {
    const made = shipment('ID', '392690', { fob: '100' }, [cn('resin', '390110', '55'), cn('clip', '392690', '15')]);
    expect(evaluateOrigin(made, aanzfta).status).toBe('not_originating');
    const r = evaluateOrigin({ ...made, importingCountry: 'AU' }, aanzfta);
    expect(r.status).toBe('undetermined');
    expect(r.reason).toMatchObject({ key: 'result_psr_superseded', params: { verdict: 'not_originating', country: 'AU' } });
  });
});

describe('AJCEP (Circular 37/2022/TT-BCT: selective list, HS 2017, from 1 March 2023)', () => {
  it('an unlisted plastic article (3926.90) qualifies by the general rule "RVC 40 % or CTH" at exactly 40 %', () => {
    const r = evaluateOrigin(shipment('JP', '392690', { fob: '100' }, [cn('article', '392690', '60')]), ajcep);
    expect(r.status).toBe('originating');
    expect(r.rule?.id).toBe('general');
    expect(r.criterion).toBe('RVC(40% FOB)');
  });
  it('CTH through the 10 % de minimis for an unlisted printed circuit (8534.00; Art. 9: Chapters 28–49 and 64–97)', () => {
    const r = evaluateOrigin(shipment('JP', '853400', { fob: '100' }, [cn('laminate', '741022', '55'), cn('blank-board', '853400', '8')]), ajcep);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('CTH');
  });
  it('no de minimis in Chapters 1–15 (Art. 9): fish fillets (Chapter 3, "CC") with imported fish at 5 % of FOB fail', () => {
    const r = evaluateOrigin(shipment('JP', '030462', { fob: '100' }, [cn('fish', '030324', '5')]), ajcep);
    expect(r.status).toBe('not_originating');
  });
});

describe('VJEPA (Circular 10/2009/TT-BCT list, HS 2007: shown, not decided)', () => {
  it('the chair is shown as originating under "RVC 40 % or CTSH", reached from HS 2022 through HS 2017', () => {
    const r = evaluateOrigin(shipment('JP', '940161', { fob: '100' }, [cn('shell', '940161', '60')]), vjepa);
    expect(r.status).toBe('undetermined');
    expect(r.reason).toMatchObject({ key: 'result_data_unverified', params: { verdict: 'originating' } });
    expect(r.transposition).toMatchObject({ from: 'HS2022', to: 'HS2007' });
  });
  it('a handbag (Chapter 42, "CC") from imported leather of another chapter is shown as originating', () => {
    const r = evaluateOrigin(shipment('JP', '420221', { fob: '100' }, [cn('leather', '410711', '70')]), vjepa);
    expect(r.reason).toMatchObject({ key: 'result_data_unverified', params: { verdict: 'originating' } });
  });
  it('a handbag from an imported same-chapter shell at 70 % is shown as not originating', () => {
    const r = evaluateOrigin(shipment('JP', '420221', { fob: '100' }, [cn('shell', '420229', '70')]), vjepa);
    expect(r.reason).toMatchObject({ key: 'result_data_unverified', params: { verdict: 'not_originating' } });
  });
});

describe('VN–EAEU (Circular 01/2024/TT-BCT list, HS 2022; de minimis 10 % of FOB)', () => {
  it('chocolate products (1806.90, "CTH or VAC 40 %") made from imported chocolate of the same heading qualify at exactly 40 %', () => {
    const r = evaluateOrigin(shipment('RU', '180690', { fob: '100' }, [cn('couverture', '180690', '60')]), vn_eaeu);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('RVC(40% FOB)');
  });
  it('a chair (9401.61, "CTH") with a same-heading frame part at 8 % of FOB qualifies through the de minimis', () => {
    const r = evaluateOrigin(shipment('RU', '940161', { fob: '100' }, [cn('frame', '940190', '8'), cn('fabric', '540761', '60')]), vn_eaeu);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('CTH');
  });
  it('the same chair with the frame part at 20 % of FOB does not qualify', () => {
    const r = evaluateOrigin(shipment('RU', '940161', { fob: '100' }, [cn('frame', '940190', '20'), cn('fabric', '540761', '40')]), vn_eaeu);
    expect(r.status).toBe('not_originating');
  });
});

describe('VN–Cuba (Circular 08/2020/TT-BCT list, HS 2017, partly read)', () => {
  // Article 5 prints the general threshold as a placeholder ("X%"), so every listed rule may lack a route: meeting it
  // decides, failing it is undetermined.
  it('roasted coffee (0901.21, "RVC 40 % or CTSH") from imported green coffee changes subheading', () => {
    const r = evaluateOrigin(shipment('CU', '090121', { fob: '100' }, [cn('beans', '090111', '70')]), vn_cuba);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('CTSH');
  });
  it('pineapple juice (2009.41, "RVC 40 % or CC") made from an imported juice concentrate of the same subheading at 8 % of FOB: CC through de minimis (Art. 8)', () => {
    const r = evaluateOrigin(shipment('CU', '200941', { fob: '100' }, [cn('concentrate', '200941', '8'), cn('sugar', '170199', '60')]), vn_cuba);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('CC');
  });
  it('a failing product is undetermined, never "not originating": another route may exist', () => {
    const r = evaluateOrigin(shipment('CU', '200941', { fob: '100' }, [cn('concentrate', '200941', '65')]), vn_cuba);
    expect(r.status).toBe('undetermined');
    expect(r.issues.map((i) => i.code)).toContain('rule_alternatives_incomplete');
  });
});

describe('VN–Cambodia (Circular 17/2011/TT-BCT, Form X; 2025–2026 Arrangement; ATIGA rules by reference: shown, not decided)', () => {
  // Article 3 of the circular applies the ATIGA rules "as appropriate"; which ATIGA rules that now means is a legal
  // reading (rules/vn_cambodia/README.md), so the data is unverified and every verdict is shown, never given.
  it('a chair (9401.61, ATIGA "RVC 40 % or CTSH") is shown as originating at exactly 40 %', () => {
    const r = evaluateOrigin(shipment('KH', '940161', { fob: '100' }, [cn('shell', '940161', '60')]), vn_cambodia);
    expect(r.status).toBe('undetermined');
    expect(r.reason).toMatchObject({ key: 'result_data_unverified', params: { verdict: 'originating' } });
  });
  it('the same chair from a shell worth 61 % of FOB is shown as not originating (39 % build-down, 20 % build-up)', () => {
    const costs = { directLabour: '10', directOverhead: '5', profit: '5' };
    const r = evaluateOrigin(shipment('KH', '940161', { fob: '100' }, [cn('shell', '940161', '61')], costs), vn_cambodia);
    expect(r.reason).toMatchObject({ key: 'result_data_unverified', params: { verdict: 'not_originating' } });
  });
  it('Thai materials do not count as originating: cumulation is kept to the two Parties', () => {
    const th = { id: 'shell', hsCode: '940161', value: money('61'), originCountry: 'TH', evidence: [{ agreements: ['vn_cambodia', 'atiga'], type: 'certificate_of_origin' }] };
    const r = evaluateOrigin(shipment('KH', '940161', { fob: '100' }, [th]), vn_cambodia);
    expect(r.materials[0]).toMatchObject({ originating: false });
  });
  it('the Arrangement covers 28 April 2025 to 31 December 2026 only', () => {
    const before = evaluateOrigin({ ...shipment('KH', '940161', { fob: '100' }, [cn('shell', '940161', '60')]), date: '2025-04-27' }, vn_cambodia);
    const after = evaluateOrigin({ ...shipment('KH', '940161', { fob: '100' }, [cn('shell', '940161', '60')]), date: '2027-01-01' }, vn_cambodia);
    expect(before.issues.map((i) => i.code)).toContain('agreement_not_in_force');
    expect(after.issues.map((i) => i.code)).toContain('agreement_not_in_force');
  });
});

describe('VN–Laos (Circular 04/2010/TT-BCT, Form S): facts only, rules of origin not in the data', () => {
  it('every product is undetermined, with the reason and the limitations, and Form S is the proof', () => {
    const r = evaluateOrigin(shipment('LA', '940161', { fob: '100' }, [cn('shell', '940161', '10')]), vn_laos);
    expect(r.status).toBe('undetermined');
    expect(r.issues.map((i) => i.code)).toContain('rule_not_found');
    expect(r.issues.filter((i) => i.code === 'rule_data_limitation').map((i) => i.params?.id)).toEqual(
      expect.arrayContaining(['rules-of-origin-not-read', 'successor-agreement-2024']),
    );
    expect(vn_laos.facts.proofs.map((p) => p.name.en).join()).toMatch(/Form S/);
  });
});

describe('ATIGA before 1 April 2023: the HS 2017 list of Circular 10/2019/TT-BCT (from 5 September 2019)', () => {
  it('a chair (9401.61, "RVC 40 % or CTSH") shipped in 2022 is judged under the 2019 list, at exactly 40 %', () => {
    const r = evaluateOrigin({ ...shipment('TH', '940161', { fob: '100' }, [cn('shell', '940161', '60')]), date: '2022-06-01' }, atiga);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('RVC(40% FOB)');
    expect(r.rule?.cite.source).toBe('moit-tt10-2019');
    expect(r.agreement.psrList).toEqual({ from: '2019-09-05', until: '2023-03-31' });
    expect(r.transposition).toMatchObject({ from: 'HS2022', to: 'HS2017' });
  });
  it('a shipment before 5 September 2019 fell under the HS 2012 list of Circular 22/2016, which the data does not hold', () => {
    const r = evaluateOrigin({ ...shipment('TH', '940161', { fob: '100' }, [cn('shell', '940161', '60')]), date: '2019-09-04' }, atiga);
    expect(r.status).toBe('undetermined');
    expect(r.reason).toMatchObject({ key: 'result_psr_not_in_force', params: { from: '2019-09-05' } });
  });
});

describe('AANZFTA before 1 March 2024: the HS 2017 list of Circular 42/2018/TT-BCT (from 1 January 2019)', () => {
  const costs = { directLabour: '10', directOverhead: '5', profit: '5' };
  it('a chair (9401.61) from an imported frame of 9401.90 at 62 % meets "RVC 35 % + CTSH" in 2023 (38 % by build-down)', () => {
    const r = evaluateOrigin({ ...shipment('AU', '940161', { fob: '100' }, [cn('frame', '940190', '62')], costs), date: '2023-06-01' }, aanzfta);
    expect(r.status).toBe('originating');
    expect(r.criterion).toBe('RVC(35% FOB) and CTSH');
    expect(r.rule?.cite.source).toBe('circ-42-2018-certo');
    expect(r.agreement.psrList).toEqual({ from: '2019-01-01', until: '2024-02-29' });
  });
  it('the same chair from a same-subheading shell at 62 % fails every alternative', () => {
    const r = evaluateOrigin({ ...shipment('AU', '940161', { fob: '100' }, [cn('shell', '940161', '62')], costs), date: '2023-06-01' }, aanzfta);
    expect(r.status).toBe('not_originating');
  });
});
