import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../rules/tools/build-outputs.js';

// Runs against the built package (npm test builds it first, see "pretest").
const example = JSON.parse(readFileSync(join(ROOT, 'examples/shipment-shirt-uk.json'), 'utf8'));

describe('built package', () => {
  it('works through each subpath, as ESM and CJS', async () => {
    const esm = await import(join(ROOT, 'dist/index.js'));
    const { ukvfta } = await import(join(ROOT, 'dist/agreements/ukvfta.js'));
    expect(esm.evaluateOrigin(example, ukvfta).status).toBe('originating');
    const require = createRequire(import.meta.url);
    const cjs = require(join(ROOT, 'dist/index.cjs'));
    const cjsData = require(join(ROOT, 'dist/agreements/ukvfta.cjs'));
    expect(cjs.evaluateOrigin(example, cjsData.ukvfta).status).toBe('originating');
  });
  it('keeps agreement data out of the core bundle, within a size budget', () => {
    const core = readFileSync(join(ROOT, 'dist/index.js'), 'utf8');
    expect(core).not.toContain('rule_sets/vietnam.json');
    // Unminified code only: rule data would add megabytes, so the margin is for code growth.
    expect(statSync(join(ROOT, 'dist/index.js')).size).toBeLessThan(175_000);
  });
  it('exits 0 on a verdict and 2 on invalid input from the CLI', async () => {
    const { runCli } = await import('../../src/cli/main.js');
    let out = '';
    expect(runCli(['check', join(ROOT, 'examples/shipment-shirt-uk.json'), '--json'], (s) => (out += s))).toBe(0);
    const prefs = JSON.parse(out);
    expect(prefs.status).toBe('ok');
    expect(prefs.ranked[0].origin.status).toBe('originating');
    out = '';
    expect(runCli(['check', join(ROOT, 'examples/shipment-shirt-uk.json'), '--json', '--agreement', 'ukvfta'], (s) => (out += s))).toBe(0);
    expect(JSON.parse(out).status).toBe('originating');
    out = '';
    expect(runCli(['check', join(ROOT, 'examples/shipment-shirt-uk.json'), '--lang', 'vi'], (s) => (out += s))).toBe(0);
    expect(out).toContain('CÓ XUẤT XỨ');
    expect(runCli(['check', join(ROOT, 'package.json')], () => {})).toBe(2);
    expect(runCli(['check'], () => {})).toBe(2);
    expect(runCli(['check', join(ROOT, 'examples/shipment-shirt-uk.json'), '--agreement', 'nope'], () => {})).toBe(2);
  });
});
