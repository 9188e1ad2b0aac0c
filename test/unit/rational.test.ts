import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compare, formatRational, formatRationalExact, parseDecimal, percentOf, rational, toDecimalString } from '../../src/money/rational.js';

describe('rational', () => {
  it('parses decimal strings exactly', () => {
    expect(compare(parseDecimal('12.50')!, rational(25n, 2n))).toBe(0);
    expect(parseDecimal('0.1')).toEqual({ n: 1n, d: 10n });
    expect(parseDecimal('1e3')).toBeUndefined();
    expect(parseDecimal('1.')).toBeUndefined();
  });
  it('compares by cross-multiplication', () => {
    expect(compare(rational(1n, 3n), rational(333n, 1000n))).toBe(1);
    expect(compare(rational(2n, 4n), rational(1n, 2n))).toBe(0);
  });
  it('rounds only for display, half away from zero', () => {
    expect(formatRational(rational(2n, 3n), 2)).toBe('0.67');
    expect(formatRational(rational(1n, 200n), 2)).toBe('0.01');
    expect(formatRational(rational(-1n, 3n), 2)).toBe('-0.33');
    expect(toDecimalString(parseDecimal('47.500')!)).toBe('47.5');
  });
  it('computes percentages exactly', () => {
    expect(compare(percentOf(rational(1n), rational(3n))!, rational(100n, 3n))).toBe(0);
    expect(percentOf(rational(1n), rational(0n))).toBeUndefined();
  });
});


describe('formatRational fast path', () => {
  it('equals the bigint computation for every fraction', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }), fc.bigInt({ min: 1n, max: 2n ** 56n }), fc.integer({ min: 0, max: 6 }), (n, d, digits) => {
        const neg = n < 0n;
        expect(formatRational({ n, d }, digits)).toBe(formatRationalExact(neg, neg ? -n : n, d, digits));
      }),
      { numRuns: 2000 },
    );
    // Denominators that are powers of ten take their own path: the same answer, up to the largest safe numerator.
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 54n), max: 2n ** 54n }), fc.constantFrom(1n, 10n, 100n, 1000n, 10000n, 1000000n), (n, d) => {
        const neg = n < 0n;
        expect(formatRational({ n, d }, 2)).toBe(formatRationalExact(neg, neg ? -n : n, d, 2));
      }),
      { numRuns: 3000 },
    );
    for (const d of [100n, 1000n, 10000n, 1000000n]) {
      for (const n of [0n, 5n, -5n, 49n, 50n, -50n, 9007199254740991n, -9007199254740991n, 9007199254740992n, 4999n, 5000n, 995n, -995n]) {
        expect(formatRational({ n, d }, 2)).toBe(formatRationalExact(n < 0n, n < 0n ? -n : n, d, 2));
      }
    }
    // Quotients just below and above an integer, where a float division may round across it.
    for (const [n, d] of [[9007199254740991n, 3n], [900719925474099n, 7n], [1n, 3n], [5n, 10n], [15n, 1000n], [25n, 1000n]] as const) {
      expect(formatRational({ n, d }, 2)).toBe(formatRationalExact(false, n, d, 2));
    }
  });
});
