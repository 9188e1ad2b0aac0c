import { makeIssue } from '../issues.js';
import { type Rational, type RationalSum, addTo, formatRational, toDecimalString } from '../money/rational.js';
import type { ValueBasis } from '../rules/ast.js';
import type { ClassifiedMaterial, CriterionContext, LeafOutcome, MaterialVerdict } from './types.js';

const BASIS_FIELD = {
  ex_works: 'exWorksPrice',
  fob: 'fobValue',
  transaction_value: 'transactionValue',
  net_cost: 'netCost',
} as const;

/** The product's value on a basis, or an undetermined outcome naming the missing input. */
export function productValue(ctx: CriterionContext, basis: ValueBasis): Rational | LeafOutcome {
  const field = BASIS_FIELD[basis];
  const v = ctx.product[field];
  if (v && v.n > 0n) return v;
  return {
    status: 'undetermined',
    reason: { key: 'missing_value', params: { field } },
    issues: [makeIssue('missing_value', [...ctx.product.path, field], `the rule needs the product's ${field}`, { field })],
  };
}

export const isOutcome = (x: Rational | LeafOutcome): x is LeafOutcome => 'status' in x;

/** Money for display: two decimals; the figures themselves stay exact. */
export const showMoney = (r: Rational): string => formatRational(r, 2);
/** Percentage for display: two decimals. */
export const showPercent = (r: Rational): string => formatRational(r, 2);
export const showExact = toDecimalString;

export const nonOriginating = (ms: readonly ClassifiedMaterial[]) => ms.filter((m) => !m.originating);

/** Exact sum of the materials' non-originating values, without building an intermediate array (hot path). */
export function sumNonOriginating(ms: readonly ClassifiedMaterial[]): Rational {
  const acc: RationalSum = { n: 0n, d: 1n };
  for (let i = 0; i < ms.length; i++) addTo(acc, ms[i]!.nonOriginatingAmount);
  return acc;
}

export function verdict(m: ClassifiedMaterial, v: MaterialVerdict['verdict']): MaterialVerdict {
  return { id: m.material.id, verdict: v, hsCode: m.material.hsCode, value: m.nonOriginatingText, weight: m.material.weightText };
}
