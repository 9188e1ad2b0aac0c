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
import { showExact, showMoney, sumNonOriginating } from '../criteria/shared.js';
import { tariffShift } from '../criteria/tariffShift.js';
import type { ClassifiedMaterial, Criterion, CriterionContext, MaterialVerdict, Reason } from '../criteria/types.js';
import { weightLimit } from '../criteria/weightLimit.js';
import { isTextileCode } from '../hs/hsCode.js';
import { type Issue, makeIssue } from '../issues.js';
import { type Rational, compare, parseConstant, percentAmount, sub, sum } from '../money/rational.js';
import type { LeafKind, RuleNode } from '../rules/ast.js';
import type { CompiledAgreement } from '../rules/compileAgreement.js';
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
    /**
     * When the tolerance is exceeded and the rule as a whole is not met: for each
     * material, the value it must be brought down to (the others unchanged) for
     * the tolerance to absorb them all. Left out when another alternative is met.
     */
    readonly perMaterial?: readonly { readonly id: string; readonly value: string; readonly mustNotExceed: string }[];
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

interface NodeInfo {
  readonly expression: string;
  readonly criterion: Criterion<LeafKind> | undefined;
}
const nodeInfoCache = new WeakMap<RuleNode, NodeInfo>();
/** What the evaluator needs of a compiled node (its rule text and its check), worked out once per node. */
function nodeInfo(node: RuleNode): NodeInfo {
  let info = nodeInfoCache.get(node);
  if (info === undefined) {
    const criterion = node.kind === 'any_of' || node.kind === 'all_of' ? undefined : (CRITERIA[node.kind] as Criterion<LeafKind>);
    nodeInfoCache.set(node, (info = { expression: formatRuleExpression(node), criterion }));
  }
  return info;
}

/** Rule text of a node, formatted once per compiled node. */
export function expressionOf(node: RuleNode): string {
  return nodeInfo(node).expression;
}

type Status = 'met' | 'tolerable' | 'not_met' | 'undetermined';
type Writable<T> = { -readonly [K in keyof T]: T[K] };
interface Internal {
  status: Status;
  /** Materials that break a tolerable condition, each once. */
  offending: readonly ClassifiedMaterial[] | undefined;
  /** Built fresh for each evaluation, so it may be completed in place. */
  trace: Writable<TraceNode>;
  issues: readonly Issue[];
  /**
   * Set when the tolerance is exceeded: the figures from which each material's
   * "must not exceed" value is worked out, only if the rule as a whole fails
   * (when another alternative is met, nobody needs that advice).
   */
  exceeded: { readonly value: Rational; readonly allowed: Rational } | undefined;
}

const untoleratedCache = new WeakMap<CompiledAgreement, ReadonlySet<string>>();
/** Rule kinds the agreement's tolerance does not relax (`tolerance.notFor`), once per agreement. */
function untolerated(agreement: CompiledAgreement): ReadonlySet<string> {
  let set = untoleratedCache.get(agreement);
  if (!set) untoleratedCache.set(agreement, (set = new Set(agreement.facts.tolerance?.notFor ?? [])));
  return set;
}

const NO_ISSUES: readonly Issue[] = [];

const offendingValue = sumNonOriginating;

function traceNode(kind: RuleNode['kind'], expression: string, status: TraceNode['status'], reason: Reason): Writable<TraceNode> {
  // One shape for every node; absent parts stay undefined and vanish from JSON.
  return { kind, expression, status, reason, figures: undefined, materials: undefined, tolerance: undefined, children: undefined };
}

function evalNode(node: RuleNode, ctx: CriterionContext): Internal {
  const info = nodeInfo(node);
  const expression = info.expression;
  if (node.kind === 'any_of' || node.kind === 'all_of') {
    const kids = node.of.map((n) => evalNode(n, ctx));
    let status: Status;
    let offending: readonly ClassifiedMaterial[] | undefined;
    if (node.kind === 'any_of') {
      let best: Internal | undefined;
      for (const k of kids) {
        if (k.status === 'tolerable' && (!best || compare(offendingValue(k.offending!), offendingValue(best.offending!)) < 0)) best = k;
      }
      if (kids.some((k) => k.status === 'met')) status = 'met';
      else if (best) {
        // The alternative that leaves the least for the tolerance to absorb.
        status = 'tolerable';
        offending = best.offending;
      } else status = kids.some((k) => k.status === 'undetermined') ? 'undetermined' : 'not_met';
    } else {
      // The union over the conditions, each material once (records are shared, so identity is enough).
      let union: Set<ClassifiedMaterial> | undefined;
      for (const k of kids) {
        if (!k.offending) continue;
        if (!offending) offending = k.offending;
        else {
          union ??= new Set(offending);
          for (const m of k.offending) union.add(m);
        }
      }
      if (union) offending = [...union];
      if (kids.some((k) => k.status === 'not_met')) status = 'not_met';
      else if (kids.some((k) => k.status === 'undetermined')) status = 'undetermined';
      else status = offending ? 'tolerable' : 'met';
    }
    const issues: Issue[] = [];
    for (const k of kids) for (const i of k.issues) issues.push(i);
    const trace = traceNode(node.kind, expression, status === 'tolerable' ? 'not_met' : status, { key: `${node.kind}_${status}` });
    trace.children = kids.map((k) => k.trace);
    return { status, offending, issues, trace, exceeded: undefined };
  }
  const criterion = info.criterion!;
  const out = criterion.run(node as never, ctx);
  const offending = out.offending && out.offending.length > 0 ? out.offending : undefined;
  // A failing leaf may still be saved by the tolerance, unless the agreement's tolerance article leaves its kind out.
  const status: Status = out.status === 'not_met' && criterion.tolerable && offending && !untolerated(ctx.agreement).has(node.kind) ? 'tolerable' : out.status;
  const trace = traceNode(node.kind, expression, out.status, out.reason);
  trace.figures = out.figures;
  trace.materials = out.materials;
  return { status, offending, issues: out.issues ?? NO_ISSUES, trace, exceeded: undefined };
}

/**
 * Decides whether the agreement's tolerance absorbs the materials that break a
 * classification, process or wholly-obtained condition in one alternative.
 */
function applyTolerance(result: Internal, ctx: CriterionContext): Internal {
  // An undetermined alternative with materials the tolerance cannot absorb fails whatever the open parts say.
  if (result.status === 'undetermined' && result.offending) {
    const settled = applyTolerance({ ...result, status: 'tolerable', trace: { ...result.trace } }, ctx);
    if (settled.status !== 'not_met') return result;
    result.trace.status = 'not_met';
    result.trace.tolerance = settled.trace.tolerance;
    return { ...result, status: 'not_met', issues: settled.issues, exceeded: settled.exceeded };
  }
  if (result.status !== 'tolerable') return result;
  const offending = result.offending!;
  const tol = ctx.agreement.facts.tolerance;
  const ids = offending.map((m) => m.material.id);
  const chapter = ctx.product.hsCode.slice(0, 2);
  const settle = (status: 'met' | 'not_met' | 'undetermined', tolerance: NonNullable<TraceNode['tolerance']>): Internal => {
    result.status = status;
    result.trace.status = status;
    result.trace.tolerance = tolerance;
    return result;
  };
  if (ctx.textileTolerances?.length) return applyTextileTolerances(result, ctx, settle);
  if (!tol) return settle('not_met', { applied: false, materialIds: ids, note: 'the agreement data defines no tolerance' });
  const flags = toleranceFlags(ctx.agreement, ctx.product.hsCode);
  if (flags.unknown) {
    return settle('undetermined', { applied: false, materialIds: ids, note: tol.note ?? `a tolerance the data cannot evaluate may apply to products of chapter ${chapter}` });
  }
  if (flags.excluded) {
    return settle('not_met', { applied: false, materialIds: ids, note: tol.note ?? `the general tolerance does not apply to products of chapter ${chapter}` });
  }
  const percent = parseConstant(tol.percent);
  const value = offendingValue(offending);
  const weightOnly = flags.weightOnly;
  // Where the law withdraws the tolerance for goods the data cannot tell apart, absorbing is not proof.
  const pass = (tolerance: NonNullable<TraceNode['tolerance']>): Internal =>
    flags.uncertain
      ? settle('undetermined', { ...tolerance, applied: false, note: `within the tolerance, but it may not apply to this product: ${tol.note ?? ''}`.trim() })
      : settle('met', tolerance);
  const base = tol.basis === 'ex_works' ? ctx.product.exWorksPrice : tol.basis === 'fob' ? ctx.product.fobValue : ctx.product.transactionValue;
  const allowed = base && !weightOnly ? percentAmount(percent, base) : undefined;
  if (allowed && compare(value, allowed) <= 0) {
    return pass({ applied: true, materialIds: ids, percent: tol.percent, value: showMoney(value), allowed: showMoney(allowed) });
  }
  if (weightOnly || flags.weightAlternative) {
    const ms = offending;
    const known = ms.filter((m) => m.material.weight);
    if (ctx.product.weight) {
      const w = sum(known.map((m) => m.material.weight!));
      const allowedW = percentAmount(percent, ctx.product.weight);
      const weights = { percent: tol.percent, value: `${showExact(w)} kg`, allowed: `${showExact(allowedW)} kg` };
      // The weights known may already exceed the allowance, whatever the others weigh.
      if (compare(w, allowedW) > 0 && weightOnly) return settle('not_met', { applied: false, materialIds: ids, note: 'the materials exceed the tolerance by weight', ...weights });
      if (known.length === ms.length && compare(w, allowedW) <= 0) return pass({ applied: true, materialIds: ids, ...weights });
    }
    if (weightOnly) {
      return settle('undetermined', { applied: false, materialIds: ids, note: 'the tolerance is measured by weight here: give the net weights of the product and of these materials' });
    }
  }
  if (!allowed) {
    return settle('undetermined', { applied: false, materialIds: ids, note: 'the product value the tolerance is measured against is missing' });
  }
  result.exceeded = { value, allowed };
  return settle('not_met', { applied: false, materialIds: ids, note: 'the materials exceed the tolerance', percent: tol.percent, value: showMoney(value), allowed: showMoney(allowed), perMaterial: undefined });
}

/** For each material the tolerance could not absorb: the value it must come down to, the others unchanged. */
function addPerMaterial(result: Internal): void {
  const { value, allowed } = result.exceeded!;
  const perMaterial = result.offending!.map((m) => {
    const others = sub(value, m.nonOriginatingAmount);
    const room = sub(allowed, others);
    return { id: m.material.id, value: m.nonOriginatingText, mustNotExceed: room.n > 0n ? showMoney(room) : '0.00' };
  });
  result.trace.tolerance = { ...result.trace.tolerance!, perMaterial };
}

interface ToleranceFlags {
  readonly unknown: boolean;
  readonly excluded: boolean;
  readonly weightOnly: boolean;
  readonly weightAlternative: boolean;
  readonly uncertain: boolean;
}
const NO_FLAGS: ToleranceFlags = { unknown: false, excluded: false, weightOnly: false, weightAlternative: false, uncertain: false };
const flagCache = new WeakMap<CompiledAgreement, ToleranceFlags[]>();

/**
 * How the agreement's tolerance treats products of an HS code's chapter, worked
 * out once per agreement and indexed by the chapter number (no string to build).
 */
function toleranceFlags(agreement: CompiledAgreement, hsCode: string): ToleranceFlags {
  let byChapter = flagCache.get(agreement);
  if (!byChapter) {
    byChapter = Array.from({ length: 100 }, () => NO_FLAGS);
    const tol = agreement.facts.tolerance;
    if (tol) {
      const lists = [
        ['unknown', tol.unknownToleranceChapters],
        ['excluded', tol.excludedChapters],
        ['weightOnly', tol.weightOnlyChapters],
        ['weightAlternative', tol.weightAlternativeChapters],
        ['uncertain', tol.uncertainChapters],
      ] as const;
      for (const [flag, chapters] of lists) for (const c of chapters) byChapter[Number(c)] = { ...byChapter[Number(c)]!, [flag]: true };
    }
    flagCache.set(agreement, byChapter);
  }
  return byChapter[(hsCode.charCodeAt(0) - 48) * 10 + (hsCode.charCodeAt(1) - 48)] ?? NO_FLAGS;
}

const isTextile = (m: ClassifiedMaterial) => isTextileCode(m.material.hsCode);

/**
 * The textile tolerances a row refers to. `otherHeading` (EU-model Note 7):
 * materials outside Chapters 50–63 are used freely, and non-conforming textile
 * materials of another heading than the product may reach a share of its value.
 * `mixed` (Note 6): in a product of two or more basic textile materials, the
 * non-conforming ones may reach a share of the weight of all basic textile
 * materials; the caller names each textile material's basic material with a tag
 * `textile:<name>` and gives weights.
 */
function applyTextileTolerances(
  result: Internal,
  ctx: CriterionContext,
  settle: (status: 'met' | 'not_met' | 'undetermined', tolerance: NonNullable<TraceNode['tolerance']>) => Internal,
): Internal {
  const refs = ctx.textileTolerances!;
  const rules = ctx.agreement.facts.textileTolerances;
  const all = result.offending!;
  const ids = all.map((m) => m.material.id);
  let remaining = all;
  const notes: string[] = [];
  if (refs.includes('otherHeading') && rules?.otherHeading) {
    const t = rules.otherHeading;
    remaining = remaining.filter(isTextile);
    if (remaining.length < all.length) notes.push('materials outside Chapters 50–63 are used freely');
    const heading = ctx.product.hsCode.slice(0, 4);
    const other = remaining.filter((m) => m.material.hsCode.slice(0, 4) !== heading);
    const base = t.basis === 'ex_works' ? ctx.product.exWorksPrice : t.basis === 'fob' ? ctx.product.fobValue : ctx.product.transactionValue;
    if (other.length > 0 && base) {
      const value = sum(other.map((m) => m.nonOriginatingAmount));
      const allowed = percentAmount(parseConstant(t.percent), base);
      if (compare(value, allowed) <= 0) {
        remaining = remaining.filter((m) => m.material.hsCode.slice(0, 4) === heading);
        notes.push(`textile materials of another heading: ${showMoney(value)} ≤ ${showMoney(allowed)} (${t.percent}% of the product value)`);
      } else notes.push(`textile materials of another heading: ${showMoney(value)} > ${showMoney(allowed)} (${t.percent}%)`);
    }
  }
  if (remaining.length > 0 && refs.includes('mixed') && rules?.mixed) {
    const t = rules.mixed;
    const textiles = ctx.materials.filter(isTextile);
    const kinds = new Set(textiles.flatMap((m) => m.material.tags.filter((tag) => tag.startsWith('textile:'))));
    const complete = textiles.every((m) => m.material.weight && m.material.tags.some((tag) => tag.startsWith('textile:')));
    if (!complete) {
      result.issues = [
        ...result.issues,
        makeIssue('textile_data_needed', [...ctx.product.path, 'materials'], 'the mixed-textile tolerance needs the net weight and the basic textile material (tag "textile:<name>", e.g. textile:cotton) of every textile material'),
      ];
      return settle('undetermined', { applied: false, materialIds: ids, note: [...notes, 'the mixed-textile tolerance may apply, but weights or basic textile materials are missing'].join('; ') });
    }
    if (kinds.size >= 2) {
      const w = sum(remaining.map((m) => m.material.weight!));
      const total = sum(textiles.map((m) => m.material.weight!));
      const allowed = percentAmount(parseConstant(t.percent), total);
      if (compare(w, allowed) <= 0) {
        notes.push(`mixed textile product: ${showExact(w)} kg ≤ ${showExact(allowed)} kg (${t.percent}% of ${showExact(total)} kg of textile materials)`);
        remaining = [];
      } else notes.push(`mixed textile product: ${showExact(w)} kg > ${showExact(allowed)} kg (${t.percent}%)`);
    } else notes.push('the mixed-textile tolerance needs two or more basic textile materials');
  }
  return remaining.length === 0
    ? settle('met', { applied: true, materialIds: ids, note: notes.join('; ') })
    : settle('not_met', { applied: false, materialIds: remaining.map((m) => m.material.id), note: notes.join('; ') || 'no textile tolerance covers these materials' });
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
  const results: Internal[] = [];
  const metAlternatives: number[] = [];
  let anyUndetermined = false;
  for (let i = 0; i < alternatives.length; i++) {
    const r = applyTolerance(evalNode(alternatives[i]!, ctx), ctx);
    results.push(r);
    if (r.status === 'met') metAlternatives.push(i);
    else if (r.status === 'undetermined') anyUndetermined = true;
  }
  const status = metAlternatives.length > 0 ? 'met' : anyUndetermined ? 'undetermined' : 'not_met';
  if (status !== 'met') for (const r of results) if (r.exceeded) addPerMaterial(r);
  // Once an alternative is met, problems in the others no longer matter to the answer.
  const issues: Issue[] = [];
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    if (status === 'met' && r.status !== 'met') continue;
    for (let j = 0; j < r.issues.length; j++) issues.push(r.issues[j]!);
  }
  let trace: TraceNode;
  if (rule.kind === 'any_of') {
    const node = traceNode('any_of', expressionOf(rule), status, { key: `any_of_${status}` });
    const children: TraceNode[] = [];
    for (let i = 0; i < results.length; i++) children.push(results[i]!.trace);
    node.children = children;
    trace = node;
  } else trace = results[0]!.trace;
  return { status, trace, metAlternatives, issues };
}
