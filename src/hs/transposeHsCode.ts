/** Correlation tables, keyed "HS2022>HS2012": newer code → the older codes its goods fall in. Unlisted codes map to themselves. */
export type HsCorrelationTables = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

/** Outcome of {@link transposeHsCode}. */
export type TransposeHsCodeResult =
  | { readonly status: 'mapped'; readonly code: string }
  /** The goods of the code are split between several codes of the target version: the caller must say which. */
  | { readonly status: 'ambiguous'; readonly candidates: readonly string[] }
  | { readonly status: 'unsupported' };

/**
 * Maps an HS code (6 digits or more; national digits are dropped, since
 * correlations are made at subheading level) from one HS version to another.
 *
 * @example
 * ```ts
 * transposeHsCode('851713', 'HS2022', 'HS2012', tables); // → { status: 'mapped', code: '851712' }
 * transposeHsCode('030299', 'HS2022', 'HS2012', tables); // → { status: 'ambiguous', candidates: ['030211', …] }
 * ```
 */
export function transposeHsCode(code: string, from: string, to: string, tables: HsCorrelationTables): TransposeHsCodeResult {
  if (from === to) return { status: 'mapped', code };
  const table = tables[`${from}>${to}`];
  if (!table) return { status: 'unsupported' };
  const sub = code.slice(0, 6);
  const targets = table[sub];
  if (!targets) return { status: 'mapped', code: sub };
  return targets.length === 1 ? { status: 'mapped', code: targets[0]! } : { status: 'ambiguous', candidates: targets };
}
