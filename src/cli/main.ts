#!/usr/bin/env node
/**
 * `fta-origin check shipment.json [--agreement ukvfta] [--json] [--lang vi]`
 * A thin shell over the library: exit 0 when it ran (whatever the verdict),
 * 2 on invalid input or usage, with the issues printed.
 */
import { readFileSync } from 'node:fs';
import { ALL_AGREEMENTS } from '../agreements/all.js';
import { evaluateNormalizedOrigin, type OriginResult } from '../evaluate/evaluateOrigin.js';
import { safeParseShipment } from '../input/normalizeShipment.js';
import type { Language } from '../report/messages.js';
import { renderExplanation } from '../report/renderExplanation.js';
import { findPreferences } from '../preferences/findPreferences.js';
import { renderPreferences } from '../report/renderPreferences.js';
import { renderWorksheet } from '../report/renderWorksheet.js';
import type { CompiledAgreement } from '../rules/compileAgreement.js';

const AGREEMENTS: Readonly<Record<string, CompiledAgreement>> = ALL_AGREEMENTS;

const USAGE = `usage: fta-origin check <shipment.json> [--agreement <id>] [--json] [--lang en|vi] [--confirm-cumulation <agreement>:<group> …] [--not-in-psr <agreement> …]
       fta-origin worksheet <shipment.json> --agreement <id> [--format md|html] [--lang en|vi] [--confirm-cumulation …] [--not-in-psr …]
agreements: ${Object.keys(AGREEMENTS).join(', ')}`;

export function runCli(argv: readonly string[], write: (s: string) => void = (s) => process.stdout.write(s)): number {
  const args = [...argv];
  const flag = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v ?? '';
  };
  // Conditional cumulation groups whose conditions the user confirms, e.g. evfta:korea_fabric.
  const confirmedCumulation: Record<string, string[]> = {};
  for (let i = args.indexOf('--confirm-cumulation'); i >= 0; i = args.indexOf('--confirm-cumulation')) {
    const [agreement, group] = (args[i + 1] ?? '').split(':');
    if (agreement && group) (confirmedCumulation[agreement] ??= []).push(group);
    args.splice(i, 2);
  }
  // Agreements whose product-specific rules the user states do not list the product: their general rule applies.
  const productNotInPsrList: string[] = [];
  for (let i = args.indexOf('--not-in-psr'); i >= 0; i = args.indexOf('--not-in-psr')) {
    if (args[i + 1]) productNotInPsrList.push(args[i + 1]!);
    args.splice(i, 2);
  }
  const json = args.includes('--json');
  if (json) args.splice(args.indexOf('--json'), 1);
  const agreementId = flag('--agreement');
  const lang = (flag('--lang') ?? 'en') as Language;
  const format = flag('--format') ?? 'md';
  const [command, file] = args;
  const readInput = (path: string): { ok: true; input: unknown } | { ok: false } => {
    try {
      return { ok: true, input: JSON.parse(readFileSync(path, 'utf8')) };
    } catch (e) {
      write(`cannot read ${path}: ${(e as Error).message}\n`);
      return { ok: false };
    }
  };
  if (command === 'worksheet' && file && agreementId && (format === 'md' || format === 'html') && (lang === 'en' || lang === 'vi')) {
    const read = readInput(file);
    if (!read.ok) return 2;
    const input = read.input;
    const prefs = findPreferences(input, Object.values(AGREEMENTS), { confirmedCumulation, productNotInPsrList });
    if (prefs.status === 'invalid_input') {
      write(`${renderPreferences(prefs)}\n`);
      return 2;
    }
    const sheet = renderWorksheet(prefs, agreementId, { language: lang, format: format === 'html' ? 'html' : 'markdown' });
    if (!sheet) {
      write(`${agreementId} does not apply to this shipment\n`);
      return 2;
    }
    write(sheet);
    return 0;
  }
  if (command !== 'check' || !file || (lang !== 'en' && lang !== 'vi')) {
    write(`${USAGE}\n`);
    return 2;
  }
  const read = readInput(file);
  if (!read.ok) return 2;
  const input = read.input;
  const parsed = safeParseShipment(input);
  if (!parsed.success) {
    if (json) write(`${JSON.stringify({ status: 'invalid_input', issues: parsed.issues }, null, 2)}\n`);
    else for (const i of parsed.issues) write(`invalid input: ${i.code} at ${i.path.join('.') || '(root)'}: ${i.message}\n`);
    return 2;
  }
  if (!agreementId) {
    // The question exporters ask: every bundled agreement for this pair of countries, best first.
    const prefs = findPreferences(input, Object.values(AGREEMENTS), { confirmedCumulation, productNotInPsrList });
    if (json) write(`${JSON.stringify(prefs, null, 2)}\n`);
    else write(`${renderPreferences(prefs, { language: lang })}\n`);
    return prefs.status === 'invalid_input' ? 2 : 0;
  }
  let agreements: CompiledAgreement[];
  if (agreementId) {
    const a = AGREEMENTS[agreementId];
    if (!a) {
      write(`unknown agreement "${agreementId}"\n${USAGE}\n`);
      return 2;
    }
    agreements = [a];
  } else {
    const s = parsed.data;
    agreements = Object.values(AGREEMENTS).filter((a) =>
      [s.exportingCountry, s.importingCountry].every((c) => a.facts.parties.some((p) => p.country === c)),
    );
    if (agreements.length === 0) {
      write(`No agreement in the bundled data covers ${s.exportingCountry} → ${s.importingCountry}.\n`);
      return 0;
    }
  }
  const results: OriginResult[] = agreements.map((a) => evaluateNormalizedOrigin(parsed.data, a, { confirmedCumulation: confirmedCumulation[a.facts.id] ?? [], productNotInPsrList: productNotInPsrList.includes(a.facts.id) }));
  if (json) write(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
  else write(`${results.map((r) => renderExplanation(r, { language: lang })).join('\n\n')}\n`);
  return results.some((r) => r.status === 'invalid_input') ? 2 : 0;
}

const isMain = process.argv[1] && /cli[/\\](main|cli)\.[cm]?[jt]s$|[/\\]cli\.[cm]?js$|fta-origin$/.test(process.argv[1]);
if (isMain) process.exitCode = runCli(process.argv.slice(2));
