import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ukvfta } from '../../src/agreements/ukvfta.js';
import { evaluateOrigin } from '../../src/evaluate/evaluateOrigin.js';
import { ROOT } from '../../rules/tools/build-outputs.js';

interface WorkedCase {
  name: string;
  source: string;
  shipment: unknown;
  options?: { confirmedCumulation?: string[] };
  expected: { status: string; criterion?: string; issues?: string[] };
}

const { cases } = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/ukvfta/worked-cases.json'), 'utf8')) as { cases: WorkedCase[] };

describe('UKVFTA worked cases from the legal notes', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = evaluateOrigin(c.shipment, ukvfta, c.options ?? {});
    expect(r.status, JSON.stringify(r.issues)).toBe(c.expected.status);
    if (c.expected.criterion) expect(r.criterion).toBe(c.expected.criterion);
    for (const code of c.expected.issues ?? []) expect(r.issues.map((i) => i.code)).toContain(code);
  });
});
