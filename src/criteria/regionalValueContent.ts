import { isSelected } from '../hs/hsCode.js';
import { makeIssue } from '../issues.js';
import {
  type Rational,
  HUNDRED,
  compare,
  mul,
  parseConstant,
  percentOf,
  sub,
  sum,
  div,
} from '../money/rational.js';
import type { RegionalValueContentNode, RvcMethod } from '../rules/ast.js';
import type { Criterion, CriterionContext, LeafOutcome } from './types.js';
import { isOutcome, nonOriginating, productValue, showMoney, showPercent, verdict } from './shared.js';

export type ConcreteMethod = Exclude<RvcMethod, 'agreement_default'>;

/** RVC by one formula; figures show every term so the sum can be redone by hand. */
export function computeRegionalValueContent(
  node: RegionalValueContentNode,
  method: ConcreteMethod,
  ctx: CriterionContext,
): LeafOutcome & { rvc?: Rational } {
  const basis = method === 'net_cost' ? 'net_cost' : node.basis;
  const base = productValue(ctx, basis);
  if (isOutcome(base)) return base;
  const non = nonOriginating(ctx.materials);
  const threshold = parseConstant(node.percent);
  let rvc: Rational;
  const figures: Record<string, string> = { method, productValue: showMoney(base) };
  if (method === 'build_up') {
    const c = ctx.product.costs;
    const costs = [c.directLabour, c.directOverhead, c.profit, c.other].filter((x): x is Rational => x !== undefined);
    if (costs.length === 0) {
      return {
        status: 'undetermined',
        reason: { key: 'missing_value', params: { field: 'costs' } },
        issues: [makeIssue('missing_value', [...ctx.product.path, 'costs'], 'the build-up method needs the cost components (direct labour, overhead, profit, other)', { field: 'costs' })],
      };
    }
    // The originating (regional) value of every material: all of an originating one; for a self-made material that
    // fails its rule, or one counted by partial cumulation, the part that is not non-originating content.
    const vom = sum(ctx.materials.map((m) => (m.originating ? m.material.value : sub(m.material.value, m.nonOriginatingAmount))));
    const costSum = sum(costs);
    rvc = percentOf(sum([vom, costSum]), base)!;
    figures.originatingMaterialsValue = showMoney(vom);
    figures.costComponents = showMoney(costSum);
  } else {
    const counted = method === 'focused_value' && node.materials
      ? non.filter((m) => isSelected(node.materials!, m.material.hsCode, m.material.tags))
      : non;
    const vnm = sum(counted.map((m) => m.nonOriginatingAmount));
    rvc = percentOf(sub(base, vnm), base)!;
    figures.nonOriginatingValue = showMoney(vnm);
  }
  // met ⇔ rvc ≥ threshold; rvc is an exact rational, so this is the cross-multiplied test.
  const met = compare(rvc, threshold) >= 0;
  figures.rvcPercent = showPercent(rvc);
  figures.thresholdPercent = node.percent;
  figures.marginPoints = showPercent(sub(rvc, threshold));
  // Money the non-originating content may still grow (or must shrink) by: (rvc − t)·V/100.
  figures.marginValue = showMoney(div(mul(sub(rvc, threshold), base), HUNDRED));
  return {
    status: met ? 'met' : 'not_met',
    rvc,
    reason: { key: met ? 'rvc_met' : 'rvc_not_met', params: { rvc: showPercent(rvc), threshold: node.percent, method } },
    figures,
    materials: non.map((m) => verdict(m, 'counted')),
  };
}

/**
 * Regional value content of not less than the threshold. With the agreement's
 * default method, every formula the agreement allows is tried and the best one
 * reported (the exporter chooses).
 */
export const regionalValueContent: Criterion<'regional_value_content'> = {
  kind: 'regional_value_content',
  tolerable: false,
  run(node, ctx) {
    if (node.method !== 'agreement_default') return computeRegionalValueContent(node, node.method, ctx);
    const methods = ctx.agreement.facts.rvc?.methods ?? ['build_down'];
    const outcomes = methods.map((m) => computeRegionalValueContent(node, m, ctx));
    return (
      outcomes.find((o) => o.status === 'met') ??
      outcomes.find((o) => o.status === 'undetermined') ??
      outcomes[0]!
    );
  },
};
