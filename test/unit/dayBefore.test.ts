import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayBefore } from '../../src/rules/dayBefore.js';

describe('dayBefore', () => {
  it('crosses month, leap-day and year boundaries', () => {
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2023-03-01')).toBe('2023-02-28');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
  });
  it('is always the immediately earlier calendar day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-02T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const date = d.toISOString().slice(0, 10);
        const prev = new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        return dayBefore(date) === prev;
      }),
    );
  });
});
