import { isSelected } from '../hs/hsCode.js';
import { type RationalSum, addTo, compare, parseConstant, percentAmount, percentOf, sub } from '../money/rational.js';
import type { Criterion, MaterialVerdict } from './types.js';
import { isOutcome, productValue, showMoney, showPercent, verdict } from './shared.js';

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
    const vnm: RationalSum = { n: 0n, d: 1n };
    const verdicts: MaterialVerdict[] = [];
    const materials = ctx.materials;
    for (let i = 0; i < materials.length; i++) {
      const m = materials[i]!;
      if (m.originating || (node.materials && !isSelected(node.materials, m.material.hsCode, m.material.tags))) continue;
      addTo(vnm, m.nonOriginatingAmount);
      // Without a selector every non-originating material counts: the result's material list already shows them.
      if (node.materials) verdicts.push(verdict(m, 'counted'));
    }
    const limit = percentAmount(parseConstant(node.percent), base);
    const share = percentOf(vnm, base)!;
    const met = compare(vnm, limit) <= 0;
    const shareText = showPercent(share);
    return {
      status: met ? 'met' : 'not_met',
      reason: { key: met ? 'max_nom_met' : 'max_nom_not_met', params: { share: shareText, limit: node.percent } },
      figures: {
        productValue: showMoney(base),
        nonOriginatingValue: showMoney(vnm),
        nonOriginatingShare: shareText,
        limitPercent: node.percent,
        limitValue: showMoney(limit),
        headroom: showMoney(sub(limit, vnm)),
      },
      materials: node.materials ? verdicts : undefined,
    };
  },
};
