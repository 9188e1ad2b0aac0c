import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_AGREEMENTS } from '../../src/agreements/all.js';
import { recordDetermination, replayDetermination } from '../../src/preferences/determinationRecord.js';
import { findPreferences } from '../../src/preferences/findPreferences.js';
import { renderWorksheet } from '../../src/report/renderWorksheet.js';
import { compileAgreement } from '../../src/rules/compileAgreement.js';
import { LIBRARY_VERSION } from '../../src/version.js';
import { ROOT } from '../../rules/tools/build-outputs.js';
import { makeTestAgreement, mat, shipment, testFacts, testPsr } from '../helpers/testAgreement.js';

const example = JSON.parse(readFileSync(join(ROOT, 'examples/shipment-shirt-uk.json'), 'utf8'));
const agreements = Object.values(ALL_AGREEMENTS);

describe('determination records', () => {
  it('replays to the same answer with the same data, through JSON', () => {
    const record = JSON.parse(JSON.stringify(recordDetermination(example, agreements)));
    const replay = replayDetermination(record, agreements);
    expect(replay.same).toBe(true);
    expect(replay.differences).toEqual([]);
  });
  it('reports a rule-data update that changes the verdict', () => {
    const before = makeTestAgreement();
    const input = shipment({ hsCode: '610910' }, [mat('blank', '610990', '75')]);
    const record = recordDetermination(input, [before]);
    // The "corrected" rule data allows 80 % instead of 70 %.
    const psr = structuredClone(testPsr);
    psr.rows[0]!.rule = 'CTH or MaxNOM(80% EXW)';
    const r = compileAgreement(testFacts, psr);
    if (!r.success) throw new Error('test data');
    const replay = replayDetermination(record, [r.agreement]);
    expect(replay.same).toBe(false);
    expect(replay.differences.map((d) => d.what)).toEqual(expect.arrayContaining(['rule_data', 'status', 'criterion']));
  });
  it('keeps the library version in step with package.json', () => {
    expect(LIBRARY_VERSION).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});

describe('origin worksheet', () => {
  const prefs = findPreferences(example, agreements);
  it('lists the BOM, the steps, the rule and the proof, in English and Vietnamese', () => {
    const en = renderWorksheet(prefs, 'ukvfta')!;
    expect(en).toContain('# Origin worksheet — UKVFTA');
    expect(en).toContain('| 1 | Combed cotton yarn 30/1 (China) (yarn) | 520524 | CN | non-originating | non_party_origin | 0.95 | 0.95 |');
    expect(en).toContain('Certificate of origin (EUR.1 movement certificate)');
    expect(en).toContain('Annex II row "Chapter 61"');
    const vi = renderWorksheet(prefs, 'ukvfta', { language: 'vi' })!;
    expect(vi).toContain('# Bảng tính xuất xứ — UKVFTA');
    expect(vi).toContain('Giấy chứng nhận xuất xứ mẫu EUR.1');
  });
  it('renders HTML with everything escaped', () => {
    const html = renderWorksheet(prefs, 'ukvfta', { format: 'html', language: 'vi' })!;
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="vi">');
    expect(html).not.toMatch(/<script/);
    expect(html).toContain('<table>');
  });
  it('has nothing to render for an agreement that does not apply', () => {
    expect(renderWorksheet(prefs, 'evfta')).toBeUndefined();
  });
});
