import { describe, expect, it } from 'vitest';
import { compare, formatRational, parseDecimal, percentOf, rational, toDecimalString } from '../../src/money/rational.js';

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
