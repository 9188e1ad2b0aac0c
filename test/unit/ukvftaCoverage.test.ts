import { describe, expect, it } from 'vitest';
import { ukvfta } from '../../src/agreements/ukvfta.js';
import { findProductRule } from '../../src/evaluate/findProductRule.js';
import hs2022 from '../../rules/hs/hs2022-subheadings.json' with { type: 'json' };

/** How every HS2022 subheading resolves in the UKVFTA rule data. */
export function ukvftaCoverage() {
  const counts = { found: 0, choice_required: 0, gap: 0, other: [] as string[] };
  for (const code of hs2022.subheadings) {
    const r = findProductRule(ukvfta, code);
    if (r.status === 'found') counts.found++;
    else if (r.status === 'choice_required') counts.choice_required++;
    else if (r.status === 'gap') counts.gap++;
    else counts.other.push(`${code}:${r.status}`);
  }
  return counts;
}

describe('UKVFTA coverage', () => {
  it('resolves every HS2022 subheading to one rule, a choice of "ex" rules, or a declared gap', () => {
    const c = ukvftaCoverage();
    expect(c.other).toEqual([]);
    expect(c.found + c.choice_required + c.gap).toBe(hs2022.subheadings.length);
    // The only gaps are the raw hides and leathers the legal list has no rule for.
    const gaps = hs2022.subheadings.filter((code) => findProductRule(ukvfta, code).status === 'gap');
    expect(new Set(gaps.map((g) => g.slice(0, 4)))).toEqual(new Set(['4101', '4102', '4103', '4114', '4115']));
    console.log(`UKVFTA coverage: ${JSON.stringify({ ...c, other: c.other.length })}`);
  });
  it('cites a source for every row', () => {
    for (const r of ukvfta.rows) expect(r.cite.ref.length).toBeGreaterThan(0);
  });
});
