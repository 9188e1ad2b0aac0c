import type { HsCorrelationTables } from '../hs/transposeHsCode.js';
import type { RuleNode } from './ast.js';
import { dayBefore } from './dayBefore.js';
import { parseRuleExpression } from './parseRuleExpression.js';
import { PROCESSES } from './processes.js';
import { type AgreementFacts, type Citation, agreementFactsSchema, psrFileSchema } from './schema.js';

/** A PSR row ready for lookup: its scope as an inclusive range of equal-length codes. */
export interface CompiledRow {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly ex?: string;
  readonly description: string;
  readonly rule: RuleNode;
  readonly expression: string;
  readonly text: string;
  readonly cite: Citation;
  readonly note?: string;
  readonly textileTolerances?: readonly ('mixed' | 'otherHeading')[];
  readonly incomplete?: string;
}

/** An agreement's facts and rules, validated and compiled for the evaluator. */
export interface CompiledAgreement {
  readonly facts: AgreementFacts;
  readonly hsVersion: AgreementFacts['hsVersion'];
  readonly rows: readonly CompiledRow[];
  readonly gaps: readonly { readonly from: string; readonly to: string; readonly reason: string }[];
  /** The agreement's general rule as a row, for unlisted goods in chapters with complete data. */
  readonly generalRow?: CompiledRow;
  /** Correlation tables onto this agreement's HS version ("HS2022>HS2012" …), for codes given in a newer version. */
  readonly transpositions?: HsCorrelationTables;
  /** Content hash of the compiled data: identifies the rule-data version in results. */
  readonly dataHash: string;
  /**
   * Earlier lists (`psrEditions`), newest first, each compiled as an agreement of
   * its own whose `facts.psrInForceFrom` is the list's first day; shipments dated
   * before this list's `psrInForceFrom` are evaluated under the one in force then.
   */
  readonly editions?: readonly CompiledAgreement[];
  /** On an earlier list: the last day it applied (the day before the next list). */
  readonly psrUntil?: string;
}

/** A problem in rule data, with the file and path it is in. */
export interface RuleDataIssue {
  readonly code: 'rule_schema' | 'rule_syntax' | 'unknown_process' | 'duplicate_row_id' | 'bad_range' | 'unknown_source';
  readonly file: 'agreement' | 'psr';
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export type CompileAgreementResult =
  | { readonly success: true; readonly agreement: CompiledAgreement }
  | { readonly success: false; readonly issues: readonly RuleDataIssue[] };

/** 64-bit FNV-1a over the text, as 16 hex digits: stable across platforms, no dependency. */
export function hashText(text: string): string {
  let h = 0xcbf29ce484222325n;
  const bytes = new TextEncoder().encode(text);
  for (const b of bytes) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

function collectProcesses(node: RuleNode, out: string[]): void {
  if (node.kind === 'any_of' || node.kind === 'all_of') node.of.forEach((n) => collectProcesses(n, out));
  else if (node.kind === 'specific_process') out.push(node.process);
}

/** Expands a scope such as "0301-0303" into an inclusive range of equal-length codes. */
export function parseScope(scope: string): { from: string; to: string } {
  const [from, to = from] = scope.split('-') as [string, string?];
  return { from, to };
}

/**
 * Validates an agreement's facts and PSR table (the JSON of `agreement.json`
 * and `psr.json`) and compiles them for {@link evaluateOrigin}. Reports every
 * problem at once, each with its file and path. This is how user-supplied or
 * corrected rule sets are loaded.
 *
 * @example
 * ```ts
 * const r = compileAgreement(agreementJson, psrJson);
 * if (r.success) evaluateOrigin(shipment, r.agreement);
 * else console.log(r.issues); // → [{ code: 'rule_syntax', file: 'psr', path: ['rows', 12, 'rule'], … }]
 * ```
 */
export interface CompileAgreementOptions {
  /** HS correlation tables (e.g. rules/hs/correlation.json `tables`); those ending in the rule set's version are kept. */
  readonly correlation?: HsCorrelationTables;
  /**
   * The list files `psrEditions` names, by file name (their parsed JSON). Without
   * them the earlier lists are left out, and shipments before `psrInForceFrom` stay
   * undetermined; with them, every named file must be given.
   */
  readonly editions?: Readonly<Record<string, unknown>>;
}

export function compileAgreement(agreementJson: unknown, psrJson: unknown, options: CompileAgreementOptions = {}): CompileAgreementResult {
  const issues: RuleDataIssue[] = [];
  const facts = agreementFactsSchema.safeParse(agreementJson);
  if (!facts.success) {
    for (const i of facts.error.issues) issues.push({ code: 'rule_schema', file: 'agreement', path: i.path as (string | number)[], message: i.message });
  }
  const psr = psrFileSchema.safeParse(psrJson);
  if (!psr.success) {
    for (const i of psr.error.issues) issues.push({ code: 'rule_schema', file: 'psr', path: i.path as (string | number)[], message: i.message });
  }
  if (!facts.success || !psr.success) return { success: false, issues };

  const sourceIds = new Set(facts.data.sources.map((s) => s.id));
  const rows: CompiledRow[] = [];
  const ids = new Set<string>();
  psr.data.rows.forEach((row, i) => {
    const path = ['rows', i];
    if (ids.has(row.id)) issues.push({ code: 'duplicate_row_id', file: 'psr', path: [...path, 'id'], message: `row id "${row.id}" is used twice` });
    ids.add(row.id);
    if (!sourceIds.has(row.cite.source)) {
      issues.push({ code: 'unknown_source', file: 'psr', path: [...path, 'cite', 'source'], message: `source "${row.cite.source}" is not in agreement.json sources` });
    }
    const { from, to } = parseScope(row.scope);
    if (from.length !== to.length || to < from) {
      issues.push({ code: 'bad_range', file: 'psr', path: [...path, 'scope'], message: `"${row.scope}" is not an ascending range of equal-length codes` });
    }
    const parsed = parseRuleExpression(row.rule);
    if (!parsed.success) {
      issues.push({ code: 'rule_syntax', file: 'psr', path: [...path, 'rule'], message: `${parsed.issue.message} at character ${parsed.issue.offset}` });
      return;
    }
    const processes: string[] = [];
    collectProcesses(parsed.rule, processes);
    for (const p of processes) {
      if (!PROCESSES.has(p)) issues.push({ code: 'unknown_process', file: 'psr', path: [...path, 'rule'], message: `unknown process "${p}"` });
    }
    rows.push({
      id: row.id,
      from,
      to,
      ...(row.ex !== undefined ? { ex: row.ex } : {}),
      description: row.description,
      rule: parsed.rule,
      expression: row.rule,
      text: row.text,
      cite: row.cite,
      ...(row.note !== undefined ? { note: row.note } : {}),
      ...(row.textileTolerances ? { textileTolerances: row.textileTolerances } : {}),
      ...(row.incomplete !== undefined ? { incomplete: row.incomplete } : {}),
    });
  });
  const checkCite = (c: Citation, path: (string | number)[]) => {
    if (!sourceIds.has(c.source)) issues.push({ code: 'unknown_source', file: 'agreement', path, message: `source "${c.source}" is not in sources` });
  };
  const f = facts.data;
  f.parties.forEach((p, i) => checkCite(p.cite, ['parties', i, 'cite']));
  f.proofs.forEach((p, i) => checkCite(p.cite, ['proofs', i, 'cite']));
  checkCite(f.cumulation.cite, ['cumulation', 'cite']);
  checkCite(f.minimalOperations.cite, ['minimalOperations', 'cite']);
  if (f.tolerance) checkCite(f.tolerance.cite, ['tolerance', 'cite']);
  if (issues.length > 0) return { success: false, issues };

  let generalRow: CompiledRow | undefined;
  if (f.generalRule) {
    checkCite(f.generalRule.cite, ['generalRule', 'cite']);
    const parsed = parseRuleExpression(f.generalRule.rule);
    if (!parsed.success) {
      issues.push({ code: 'rule_syntax', file: 'agreement', path: ['generalRule', 'rule'], message: `${parsed.issue.message} at character ${parsed.issue.offset}` });
    } else {
      generalRow = {
        id: 'general',
        from: '00',
        to: '99',
        description: 'goods not listed in the product-specific rules',
        rule: parsed.rule,
        expression: f.generalRule.rule,
        text: f.generalRule.text,
        cite: f.generalRule.cite,
      };
    }
  }
  if (issues.length > 0) return { success: false, issues };
  const gaps = psr.data.gaps.map((g) => ({ ...parseScope(g.scope), reason: g.reason }));
  const editions = compileEditions(agreementJson as Record<string, unknown>, f, options, issues);
  if (issues.length > 0) return { success: false, issues };
  // Without earlier lists the hash is what it was before they existed, so unchanged data keeps its hash.
  const dataHash = hashText(JSON.stringify(editions ? [f, psr.data, editions.map((e) => e.dataHash)] : [f, psr.data]));
  const suffix = `>${psr.data.hsVersion}`;
  const kept = Object.entries(options.correlation ?? {}).filter(([k]) => k.endsWith(suffix));
  const transpositions = kept.length ? (Object.fromEntries(kept) as HsCorrelationTables) : undefined;
  return {
    success: true,
    agreement: {
      facts: f,
      hsVersion: psr.data.hsVersion,
      rows,
      gaps,
      ...(generalRow ? { generalRow } : {}),
      ...(transpositions ? { transpositions } : {}),
      dataHash,
      ...(editions ? { editions } : {}),
    },
  };
}

/**
 * Compiles the earlier lists: each with the agreement's facts, its own first day as `psrInForceFrom` and its own
 * completeness. Newest first; each knows its last day. Problems are reported under `psrEditions.<i>`.
 */
function compileEditions(raw: Record<string, unknown>, f: AgreementFacts, options: CompileAgreementOptions, issues: RuleDataIssue[]): CompiledAgreement[] | undefined {
  const list = f.psrEditions;
  if (!list?.length || !options.editions) return undefined;
  if (!f.psrInForceFrom) {
    issues.push({ code: 'rule_schema', file: 'agreement', path: ['psrEditions'], message: 'earlier lists need psrInForceFrom, the first day of the current list' });
    return undefined;
  }
  const order = list.map((e, i) => ({ e, i })).sort((a, b) => (a.e.from < b.e.from ? 1 : -1));
  const out: CompiledAgreement[] = [];
  let next = f.psrInForceFrom.date;
  for (const { e, i } of order) {
    const path = ['psrEditions', i];
    if (e.from >= next) {
      issues.push({ code: 'rule_schema', file: 'agreement', path: [...path, 'from'], message: `${e.from} is not before ${next}, the first day of the next list` });
      continue;
    }
    const psrJson = options.editions[e.file];
    if (psrJson === undefined) {
      issues.push({ code: 'rule_schema', file: 'agreement', path: [...path, 'file'], message: `list file "${e.file}" was not supplied` });
      continue;
    }
    const limitations = [...(f.limitations ?? []), ...(e.limitations ?? [])];
    const facts = {
      ...raw,
      psrInForceFrom: { date: e.from, cite: e.cite },
      completeness: e.completeness,
      ...(limitations.length ? { limitations } : {}),
      psrEditions: undefined,
      psrSupersededFor: undefined,
    };
    const r = compileAgreement(facts, psrJson, { correlation: options.correlation });
    if (!r.success) {
      for (const x of r.issues) issues.push({ ...x, path: [...path, x.file === 'psr' ? e.file : 'agreement', ...x.path] });
      continue;
    }
    out.push({ ...r.agreement, psrUntil: dayBefore(next) });
    next = e.from;
  }
  return out;
}
