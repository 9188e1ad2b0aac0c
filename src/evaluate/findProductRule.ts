import type { CompiledAgreement, CompiledRow } from '../rules/compileAgreement.js';

/** Outcome of {@link findProductRule}. */
export type FindProductRuleResult =
  | { readonly status: 'found'; readonly row: CompiledRow }
  /** Several "ex" rows may apply: the caller must say which part of the heading the product is. */
  | { readonly status: 'choice_required'; readonly options: readonly CompiledRow[] }
  /** The chosen subdivision id is not one of the options. */
  | { readonly status: 'unknown_choice'; readonly options: readonly CompiledRow[]; readonly choice: string }
  /** Rows split below the code's precision: a longer (national) code is needed. */
  | { readonly status: 'code_too_short'; readonly options: readonly CompiledRow[] }
  | { readonly status: 'gap'; readonly reason: string }
  /** No row, and the PSR data for the chapter is not complete: the general rule may not apply. */
  | { readonly status: 'not_found'; readonly chapterData: 'partial' | 'absent' | 'complete' };

const covers = (row: { from: string; to: string }, code: string): boolean => {
  const p = code.slice(0, row.from.length);
  return p.length === row.from.length && p >= row.from && p <= row.to;
};

/** Rows finer than the code whose range could still contain it. */
const finerOverlap = (row: CompiledRow, code: string): boolean =>
  row.from.length > code.length && row.from.slice(0, code.length) <= code && row.to.slice(0, code.length) >= code;

/** Whether the agreement's PSR data for a chapter is complete, partial or absent. */
export function chapterCompleteness(agreement: CompiledAgreement, chapter: string): 'complete' | 'partial' | 'absent' {
  const c = agreement.facts.completeness;
  return c.chapters?.[chapter] ?? (c.status === 'complete' ? 'complete' : 'absent');
}

const chapterIndex = new WeakMap<CompiledAgreement, Map<string, CompiledRow[]>>();

/** Rows whose range touches a chapter, indexed once per agreement. */
function rowsOfChapter(agreement: CompiledAgreement, chapter: string): readonly CompiledRow[] {
  let index = chapterIndex.get(agreement);
  if (!index) {
    index = new Map();
    for (const row of agreement.rows) {
      for (let c = Number(row.from.slice(0, 2)); c <= Number(row.to.slice(0, 2)); c++) {
        const key = String(c).padStart(2, '0');
        index.set(key, [...(index.get(key) ?? []), row]);
      }
    }
    chapterIndex.set(agreement, index);
  }
  return index.get(chapter) ?? [];
}

/** Larger = more specific: longer codes first, then narrower ranges. */
function specificity(row: CompiledRow): [number, bigint] {
  return [row.from.length, -(BigInt(row.to) - BigInt(row.from))];
}

/**
 * Finds the product-specific rule for an HS code: the most specific row wins.
 * "Ex" rows (a rule for part of a heading) are never picked silently: when
 * several rows may apply, the caller's `choice` (a row id) decides, and without
 * it the answer is `choice_required` with the options.
 *
 * @example
 * ```ts
 * findProductRule(ukvfta, '610910');
 * // → { status: 'found', row: { id: 'ukvfta-61', expression: '…', … } }
 * ```
 */
export function findProductRule(agreement: CompiledAgreement, code: string, choice?: string): FindProductRuleResult {
  // A pure function of immutable data, asked again for every shipment of the same product: memoised per agreement,
  // by code and then by choice (no key strings to build, so no two (code, choice) pairs can collide).
  let memo = lookups.get(agreement);
  if (!memo) lookups.set(agreement, (memo = new Map()));
  let byCode = memo.get(code);
  if (!byCode) {
    if (memo.size >= MAX_MEMO) return lookUpProductRule(agreement, code, choice);
    memo.set(code, (byCode = { plain: undefined, chosen: undefined }));
  }
  if (choice === undefined) return (byCode.plain ??= deepFreeze(lookUpProductRule(agreement, code, undefined)));
  byCode.chosen ??= new Map();
  let found = byCode.chosen.get(choice);
  if (!found) {
    // Frozen: the same answer is handed to every later caller.
    found = deepFreeze(lookUpProductRule(agreement, code, choice));
    if (byCode.chosen.size < MAX_CHOICES) byCode.chosen.set(choice, found);
  }
  return found;
}

interface CodeMemo {
  plain: FindProductRuleResult | undefined;
  chosen: Map<string, FindProductRuleResult> | undefined;
}
/** Bounds the choices remembered per code (they come from callers). */
const MAX_CHOICES = 64;

const lookups = new WeakMap<CompiledAgreement, Map<string, CodeMemo>>();

function deepFreeze(r: FindProductRuleResult): FindProductRuleResult {
  if ('options' in r) Object.freeze(r.options);
  return Object.freeze(r);
}
/** Bounds the memo (codes and choices come from callers). */
const MAX_MEMO = 50_000;

function lookUpProductRule(agreement: CompiledAgreement, code: string, choice: string | undefined): FindProductRuleResult {
  const rows = rowsOfChapter(agreement, code.slice(0, 2));
  const finer = rows.filter((r) => finerOverlap(r, code));
  const candidates = rows.filter((r) => covers(r, code));
  if (finer.length > 0) return { status: 'code_too_short', options: [...finer, ...candidates] };
  // A declared gap more specific than every covering row wins: the broader row may not be the law there.
  const gap = agreement.gaps.find((g) => covers(g, code) && candidates.every((r) => r.from.length < g.from.length));
  if (gap) return { status: 'gap', reason: gap.reason };
  if (candidates.length === 0) {
    const chapterData = chapterCompleteness(agreement, code.slice(0, 2));
    // Unlisted goods take the general rule, but only where the list is known to be complete.
    if (agreement.generalRow && chapterData === 'complete') return { status: 'found', row: agreement.generalRow };
    return { status: 'not_found', chapterData };
  }
  const sorted = [...candidates].sort((a, b) => {
    const [la, wa] = specificity(a);
    const [lb, wb] = specificity(b);
    return lb - la || (wb > wa ? 1 : wb < wa ? -1 : 0) || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0);
  });
  // Walk from the most specific range outwards. A single non-"ex" row ends the
  // walk; so does a range shared by several rows (they split it between them).
  const options: CompiledRow[] = [];
  for (let i = 0; i < sorted.length; ) {
    const head = sorted[i]!;
    const group = sorted.filter((r) => r.from === head.from && r.to === head.to);
    options.push(...group);
    i += group.length;
    if (group.length > 1 || head.ex === undefined) break;
  }
  if (options.length === 1) return { status: 'found', row: options[0]! };
  if (choice === undefined) return { status: 'choice_required', options };
  const chosen = options.find((r) => r.id === choice);
  return chosen ? { status: 'found', row: chosen } : { status: 'unknown_choice', options, choice };
}
