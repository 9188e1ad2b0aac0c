import { maxNonOriginating } from '../criteria/maxNonOriginating.js';
import {
  declaredCondition,
  manufactureFrom,
  materialsWhollyObtained,
  producedExclusively,
  specificProcess,
  whollyObtained,
} from '../criteria/materialRestrictions.js';
import { regionalValueContent } from '../criteria/regionalValueContent.js';
import { showExact, showMoney } from '../criteria/shared.js';
import { tariffShift } from '../criteria/tariffShift.js';
import type { ClassifiedMaterial, Criterion, CriterionContext, MaterialVerdict, Reason } from '../criteria/types.js';
import { weightLimit } from '../criteria/weightLimit.js';
import type { Issue } from '../issues.js';
import { compare, parseConstant, percentAmount, sum } from '../money/rational.js';
import type { LeafKind, RuleNode } from '../rules/ast.js';
import { formatRuleExpression } from '../rules/formatRuleExpression.js';

/** One node of the explanation: the rule tree with each node's verdict and figures. */
export interface TraceNode {
  readonly kind: RuleNode['kind'];
  readonly expression: string;
  readonly status: 'met' | 'not_met' | 'undetermined';
  readonly reason: Reason;
  readonly figures?: Readonly<Record<string, string>>;
  readonly materials?: readonly MaterialVerdict[];
  /** Present where the tolerance (de minimis) was considered for this alternative. */
  readonly tolerance?: {
    readonly applied: boolean;
    readonly materialIds: readonly string[];
    readonly value?: string;
    readonly allowed?: string;
    readonly percent?: string;
    readonly note?: string;
  };
  readonly children?: readonly TraceNode[];
}

const CRITERIA: { [K in LeafKind]: Criterion<K> } = {
  tariff_shift: tariffShift,
  max_non_originating: maxNonOriginating,
  regional_value_content: regionalValueContent,
  weight_limit: weightLimit,
  materials_wholly_obtained: materialsWhollyObtained,
  manufacture_from: manufactureFrom,
  specific_process: specificProcess,
  declared_condition: declaredCondition,
  wholly_obtained: whollyObtained,
  produced_exclusively: producedExclusively,
};

type Status = 'met' | 'tolerable' | 'not_met' | 'undetermined';
interface Internal {
  status: Status;
  offending: Map<string, ClassifiedMaterial>;
  trace: Omit<TraceNode, 'status'> & { status: TraceNode['status'] };
  issues: Issue[];
}

const valueOf = (m: Map<string, ClassifiedMaterial>) => sum([...m.values()].map((x) => x.nonOriginatingValue));

const expressionCache = new WeakMap<RuleNode, string>();
/** Rule text of a node, formatted once per compiled node. */
export function expressionOf(node: RuleNode): string {
  let text = expressionCache.get(node);
  if (text === undefined) expressionCache.set(node, (text = formatRuleExpression(node)));
  return text;
}

function evalNode(node: RuleNode, ctx: CriterionContext): Internal {
  const expression = expressionOf(node);
  if (node.kind === 'any_of' || node.kind === 'all_of') {
    const kids = node.of.map((n) => evalNode(n, ctx));
    const children = kids.map((k) => k.trace);
    const issues = kids.flatMap((k) => k.issues);
    let status: Status;
    let offending = new Map<string, ClassifiedMaterial>();
    if (node.kind === 'any_of') {
      const tolerable = kids.filter((k) => k.status === 'tolerable');
      if (kids.some((k) => k.status === 'met')) status = 'met';
      else if (tolerable.length > 0) {
        // The alternative that leaves the least for the tolerance to absorb.
        const best = tolerable.reduce((a, b) => (compare(valueOf(b.offending), valueOf(a.offending)) < 0 ? b : a));
        status = 'tolerable';
        offending = best.offending;
      } else status = kids.some((k) => k.status === 'undetermined') ? 'undetermined' : 'not_met';
    } else {
      for (const k of kids) for (const [id, m] of k.offending) offending.set(id, m);
      if (kids.some((k) => k.status === 'not_met')) status = 'not_met';
      else if (kids.some((k) => k.status === 'undetermined')) status = 'undetermined';
      else status = offending.size > 0 ? 'tolerable' : 'met';
    }
    return {
      status,
      offending,
      issues,
      trace: { kind: node.kind, expression, status: status === 'tolerable' ? 'not_met' : status, reason: { key: `${node.kind}_${status}` }, children },
    };
  }
  const criterion = CRITERIA[node.kind] as Criterion<typeof node.kind>;
  const out = criterion.run(node as never, ctx);
  const offending = new Map((out.offending ?? []).map((m) => [m.material.id, m] as const));
  const status: Status = out.status === 'not_met' && criterion.tolerable && offending.size > 0 ? 'tolerable' : out.status;
  return {
    status,
    offending,
    issues: [...(out.issues ?? [])],
    trace: {
      kind: node.kind,
      expression,
      status: out.status,
      reason: out.reason,
      ...(out.figures ? { figures: out.figures } : {}),
      ...(out.materials ? { materials: out.materials } : {}),
    },
  };
}

/**
 * Decides whether the agreement's tolerance absorbs the materials that break a
 * classification, process or wholly-obtained condition in one alternative.
 */
function applyTolerance(result: Internal, ctx: CriterionContext): Internal {
  if (result.status !== 'tolerable') return result;
  const tol = ctx.agreement.facts.tolerance;
  const ids = [...result.offending.keys()];
  const chapter = ctx.product.hsCode.slice(0, 2);
  const fail = (note: string, extra: Partial<NonNullable<TraceNode['tolerance']>> = {}): Internal => ({
    ...result,
    status: 'not_met',
    trace: { ...result.trace, status: 'not_met', tolerance: { applied: false, materialIds: ids, note, ...extra } },
  });
  if (!tol) return fail('the agreement data defines no tolerance');
  if (tol.excludedChapters.includes(chapter)) {
    return fail(tol.note ?? `the general tolerance does not apply to products of chapter ${chapter}`);
  }
  const percent = parseConstant(tol.percent);
  const offendingValue = valueOf(result.offending);
  const base = tol.basis === 'ex_works' ? ctx.product.exWorksPrice : tol.basis === 'fob' ? ctx.product.fobValue : ctx.product.transactionValue;
  const figures = { percent: tol.percent, value: showMoney(offendingValue) };
  if (base) {
    const allowed = percentAmount(percent, base);
    if (compare(offendingValue, allowed) <= 0) {
      return {
        ...result,
        status: 'met',
        trace: { ...result.trace, status: 'met', tolerance: { applied: true, materialIds: ids, ...figures, allowed: showMoney(allowed) } },
      };
    }
  }
  if (tol.weightAlternativeChapters.includes(chapter) && ctx.product.weight) {
    const ms = [...result.offending.values()];
    if (ms.every((m) => m.material.weight)) {
      const w = sum(ms.map((m) => m.material.weight!));
      const allowedW = percentAmount(percent, ctx.product.weight);
      if (compare(w, allowedW) <= 0) {
        return {
          ...result,
          status: 'met',
          trace: {
            ...result.trace,
            status: 'met',
            tolerance: { applied: true, materialIds: ids, percent: tol.percent, value: `${showExact(w)} kg`, allowed: `${showExact(allowedW)} kg` },
          },
        };
      }
    }
  }
  if (!base) {
    return {
      ...result,
      status: 'undetermined',
      trace: { ...result.trace, status: 'undetermined', tolerance: { applied: false, materialIds: ids, note: 'the product value the tolerance is measured against is missing' } },
    };
  }
  return fail('the materials exceed the tolerance', { ...figures, allowed: showMoney(percentAmount(percent, base)) });
}

/** Result of {@link evaluateRuleTree}. */
export interface RuleTreeResult {
  readonly status: 'met' | 'not_met' | 'undetermined';
  readonly trace: TraceNode;
  /** Indexes (legal order) of the top-level alternatives that are met. */
  readonly metAlternatives: readonly number[];
  readonly issues: readonly Issue[];
}

/**
 * Evaluates a rule tree against classified materials. Each top-level
 * alternative is judged on its own, with the tolerance applied to it as a whole
 * (the materials it forgives are summed across the alternative's conditions).
 */
export function evaluateRuleTree(rule: RuleNode, ctx: CriterionContext): RuleTreeResult {
  const alternatives = rule.kind === 'any_of' ? rule.of : [rule];
  const results = alternatives.map((a) => applyTolerance(evalNode(a, ctx), ctx));
  const metAlternatives = results.flatMap((r, i) => (r.status === 'met' ? [i] : []));
  const status = metAlternatives.length > 0 ? 'met' : results.some((r) => r.status === 'undetermined') ? 'undetermined' : 'not_met';
  // Once an alternative is met, problems in the others no longer matter to the answer.
  const issues = (metAlternatives.length > 0 ? metAlternatives.map((i) => results[i]!) : results).flatMap((r) => r.issues);
  const trace: TraceNode =
    rule.kind === 'any_of'
      ? { kind: 'any_of', expression: expressionOf(rule), status, reason: { key: `any_of_${status}` }, children: results.map((r) => r.trace as TraceNode) }
      : (results[0]!.trace as TraceNode);
  return { status, trace, metAlternatives, issues };
}
