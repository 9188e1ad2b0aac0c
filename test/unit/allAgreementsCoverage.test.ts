import { describe, expect, it } from 'vitest';
import { ALL_AGREEMENTS } from '../../src/agreements/all.js';
import { findProductRule } from '../../src/evaluate/findProductRule.js';
import { transposeHsCode } from '../../src/hs/transposeHsCode.js';
import hs2022 from '../../rules/hs/hs2022-subheadings.json' with { type: 'json' };

/**
 * For every bundled agreement, every HS2022 subheading must resolve to a rule, a
 * choice of "ex" rules, a declared gap, a listed transposition ambiguity, or "no
 * rule in the data" in a chapter the agreement declares partial or absent —
 * never to "no rule" in a chapter declared complete.
 */
// Each agreement's current list, and each earlier list it holds (psrEditions), is checked the same way.
const lists = Object.entries(ALL_AGREEMENTS).flatMap(([id, a]) => [
  [id, a] as const,
  ...(a.editions ?? []).map((e) => [`${id} (list from ${e.facts.psrInForceFrom!.date})`, e] as const),
]);

describe.each(lists)('%s coverage', (id, agreement) => {
  it('leaves no HS2022 subheading unexplained', () => {
    const counts: Record<string, number> = {};
    const unexplained: string[] = [];
    for (const code of hs2022.subheadings) {
      const t = transposeHsCode(code, 'HS2022', agreement.hsVersion, agreement.transpositions ?? {});
      let key: string;
      if (t.status !== 'mapped') key = `transposition_${t.status}`;
      else {
        const r = findProductRule(agreement, t.code);
        key = r.status === 'not_found' ? `not_found_${r.chapterData}` : r.status;
        if ((r.status === 'not_found' && r.chapterData === 'complete') || r.status === 'unknown_choice') unexplained.push(code);
      }
      counts[key] = (counts[key] ?? 0) + 1;
    }
    console.log(`${id} coverage (${agreement.hsVersion}): ${JSON.stringify(counts)}`);
    expect(unexplained).toEqual([]);
    expect(counts.transposition_unsupported ?? 0).toBe(0);
  });
  it('holds no placeholder facts', () => {
    // Draft folders may mark unconfirmed values; bundled agreements must not carry them.
    expect(JSON.stringify(agreement.facts)).not.toMatch(/NOT CONFIRMED|UNCONFIRMED|TODO/);
  });
  it('declares no chapter absent that has rows, and no chapter complete that has neither rows nor a general rule', () => {
    const chapters = agreement.facts.completeness.chapters ?? {};
    const touches = (ch: string) => agreement.rows.some((r) => r.from.slice(0, 2) <= ch && r.to.slice(0, 2) >= ch);
    for (const [ch, state] of Object.entries(chapters)) {
      if (state === 'absent') expect(touches(ch), `chapter ${ch} is declared absent but has rows`).toBe(false);
      if (state === 'complete') expect(touches(ch) || agreement.generalRow !== undefined, `chapter ${ch} is declared complete without rows or a general rule`).toBe(true);
    }
  });
  it('cites a source for every row and declares its completeness', () => {
    for (const r of agreement.rows) expect(agreement.facts.sources.some((s) => s.id === r.cite.source)).toBe(true);
    expect(agreement.facts.completeness.note.length).toBeGreaterThan(0);
  });
});
