import { isSelected } from '../hs/hsCode.js';
import { compare, parseConstant, percentAmount, percentOf, sub, sum } from '../money/rational.js';
import type { Criterion } from './types.js';
import { isOutcome, nonOriginating, productValue, showMoney, showPercent, verdict } from './shared.js';

/**
 * Value of non-originating materials (all, or those selected) does not exceed a
 * share of the product's value. Compared exactly: 100·VNM ≤ p·V.
 */
export const maxNonOriginating: Criterion<'max_non_originating'> = {
  kind: 'max_non_originating',
  tolerable: false,
  run(node, ctx) {
    const base = productValue(ctx, node.basis);
    if (isOutcome(base)) return base;
    const counted = nonOriginating(ctx.materials).filter(
      (m) => !node.materials || isSelected(node.materials, m.material.hsCode, m.material.tags),
    );
    const vnm = sum(counted.map((m) => m.nonOriginatingValue));
    const limit = percentAmount(parseConstant(node.percent), base);
    const share = percentOf(vnm, base)!;
    const met = compare(vnm, limit) <= 0;
    return {
      status: met ? 'met' : 'not_met',
      reason: { key: met ? 'max_nom_met' : 'max_nom_not_met', params: { share: showPercent(share), limit: node.percent } },
      figures: {
        productValue: showMoney(base),
        nonOriginatingValue: showMoney(vnm),
        nonOriginatingShare: showPercent(share),
        limitPercent: node.percent,
        limitValue: showMoney(limit),
        headroom: showMoney(sub(limit, vnm)),
      },
      materials: counted.map((m) => verdict(m, 'counted')),
    };
  },
};
