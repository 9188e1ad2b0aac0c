import { describe, expect, it } from 'vitest';
import { evfta } from '../../src/agreements/evfta.js';
import { findProductRule } from '../../src/evaluate/findProductRule.js';
import { transposeHsCode } from '../../src/hs/transposeHsCode.js';
import hs2022 from '../../rules/hs/hs2022-subheadings.json' with { type: 'json' };

describe('EVFTA coverage (HS2012 rules, HS2022 products through transposition)', () => {
  it('resolves every HS2022 subheading to a rule, an "ex" choice, a declared gap, or an explained reason', () => {
    const counts: Record<string, number> = {};
    const unexplained: string[] = [];
    for (const code of hs2022.subheadings) {
      const t = transposeHsCode(code, 'HS2022', 'HS2012', evfta.transpositions!);
      let key: string;
      if (t.status !== 'mapped') key = `transposition_${t.status}`;
      else {
        const r = findProductRule(evfta, t.code);
        key = r.status === 'not_found' ? `not_found_${r.chapterData}` : r.status;
        if (r.status === 'not_found' && r.chapterData === 'complete') unexplained.push(code);
        if (r.status === 'code_too_short' || r.status === 'unknown_choice') unexplained.push(code);
      }
      counts[key] = (counts[key] ?? 0) + 1;
    }
    console.log(`EVFTA coverage: ${JSON.stringify(counts)}`);
    expect(unexplained).toEqual([]);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(hs2022.subheadings.length);
  });
});
