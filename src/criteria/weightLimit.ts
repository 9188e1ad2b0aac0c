import { isSelected } from '../hs/hsCode.js';
import { makeIssue } from '../issues.js';
import { type Rational, compare, parseConstant, percentAmount, percentOf, sum } from '../money/rational.js';
import type { SelectorItem } from '../rules/ast.js';
import { formatSelector } from '../rules/formatRuleExpression.js';
import type { ClassifiedMaterial, Criterion, LeafOutcome } from './types.js';
import { showExact, showPercent, verdict } from './shared.js';

/**
 * Weight of non-originating materials of the named groups does not exceed a
 * share of the product's weight (or of the weight of another group of
 * materials). `each`: every group on its own ("individual weight").
 */
export const weightLimit: Criterion<'weight_limit'> = {
  kind: 'weight_limit',
  tolerable: false,
  run(node, ctx): LeafOutcome {
    const sel = (m: ClassifiedMaterial, s: readonly SelectorItem[]) => isSelected(s, m.material.hsCode, m.material.tags);
    const limited = ctx.materials.filter((m) => !m.originating && sel(m, node.materials));
    const denominatorMaterials = node.relativeTo ? ctx.materials.filter((m) => sel(m, node.relativeTo!)) : undefined;
    const needWeight = [...limited, ...(denominatorMaterials ?? [])].filter((m) => !m.material.weight);
    const issues = needWeight.map((m) => makeIssue('missing_weight', [...m.material.path, 'weight'], `material "${m.material.id}" needs its net weight for this rule`));
    let denominator: Rational | undefined = denominatorMaterials
      ? sum(denominatorMaterials.map((m) => m.material.weight ?? { n: 0n, d: 1n }))
      : ctx.product.weight;
    if (!denominatorMaterials && !denominator) {
      issues.push(makeIssue('missing_weight', [...ctx.product.path, 'weight'], "the rule needs the product's net weight"));
    }
    if (issues.length > 0 || !denominator || denominator.n === 0n) {
      return { status: 'undetermined', reason: { key: 'missing_weight' }, issues };
    }
    const limit = percentAmount(parseConstant(node.percent), denominator);
    const groups = node.each ? node.materials.map((item) => [item]) : [node.materials];
    const figures: Record<string, string> = { referenceWeight: showExact(denominator), limitPercent: node.percent };
    let met = true;
    groups.forEach((g) => {
      const w = sum(limited.filter((m) => sel(m, g)).map((m) => m.material.weight!));
      figures[`weight ${formatSelector(g)}`] = `${showExact(w)} (${showPercent(percentOf(w, denominator!)!)}%)`;
      if (compare(w, limit) > 0) met = false;
    });
    return {
      status: met ? 'met' : 'not_met',
      reason: { key: met ? 'weight_met' : 'weight_not_met', params: { limit: node.percent } },
      figures,
      materials: limited.map((m) => verdict(m, 'counted')),
    };
  },
};
