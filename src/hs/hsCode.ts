import type { MaterialSelector, SelectorItem } from '../rules/ast.js';

/**
 * Normalises an HS code to its digits ("6109.10" → "610910"); undefined when it
 * is not 6, 8 or 10 digits after removing dots and spaces.
 *
 * @example
 * ```ts
 * normalizeHsCode('6109.10.00'); // → "61091000"
 * ```
 */
const DIGITS_ONLY = /^\d{6}(\d{2}){0,2}$/;

export function normalizeHsCode(code: string): string | undefined {
  if (DIGITS_ONLY.test(code)) return code;
  const digits = code.replace(/[.\s]/g, '');
  return DIGITS_ONLY.test(digits) ? digits : undefined;
}

/** Whether `code` lies in the HS item (prefix range) `item`. */
export function isInHsItem(code: string, from: string, to: string): boolean {
  const p = code.slice(0, from.length);
  return p.length === from.length && p >= from && p <= to;
}

/** Whether a material (HS code and caller tags) is selected by `selector`. */
export function isSelected(selector: MaterialSelector, code: string, tags: readonly string[] = []): boolean {
  return selector.some((item: SelectorItem) =>
    item.type === 'tag' ? tags.includes(item.tag) : isInHsItem(code, item.from, item.to),
  );
}

/** Whether an HS code is of Chapters 50–63 (textiles and textile articles). */
export function isTextileCode(code: string): boolean {
  const chapter = code.slice(0, 2);
  return chapter >= '50' && chapter <= '63';
}
