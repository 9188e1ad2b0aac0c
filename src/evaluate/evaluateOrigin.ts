import type { ClassifiedMaterial, CriterionContext, OriginBasis, ProductFacts, Reason } from '../criteria/types.js';
import type { NormalizedMaterial, NormalizedShipment } from '../input/normalizeShipment.js';
import { safeParseShipment } from '../input/normalizeShipment.js';
import { type Issue, makeIssue } from '../issues.js';
import { type Rational, HUNDRED, ZERO, compare, parseConstant, percentAmount, sub, sum } from '../money/rational.js';
import type { CompiledAgreement, CompiledRow } from '../rules/compileAgreement.js';
import type { Citation } from '../rules/schema.js';
import { PROCESSES } from '../rules/processes.js';
import { type RuleTreeResult, evaluateRuleTree, expressionOf, type TraceNode } from './evaluateRuleTree.js';
import { chapterCompleteness, findProductRule } from './findProductRule.js';
import { type TranspositionRecord, transposeShipment } from './transposeShipment.js';
import { showMoney } from '../criteria/shared.js';
import type { RuleNode } from '../rules/ast.js';

/** Options of {@link evaluateOrigin}. */
export interface EvaluateOriginOptions {
  /**
   * Ids of the agreement's conditional cumulation groups whose conditions the
   * caller confirms are met (e.g. an EU cumulation arrangement in force).
   */
  readonly confirmedCumulation?: readonly string[];
  /**
   * The caller states, having checked the legal list, that the product is not
   * listed in the agreement's product-specific rules. Where the rule data cannot
   * tell (no row for the code, and the chapter's data is partial or absent), the
   * agreement's general rule is then applied, and the result carries the warning
   * `general_rule_on_caller_statement`. No effect where the data holds a row for
   * the code, where the agreement data has no general rule, or on the rules of
   * intermediate materials (the statement is about the shipped product).
   *
   * @example
   * ```ts
   * evaluateOrigin(shipment, atiga, { productNotInPsrList: true });
   * // → ATIGA's "RVC(40% FOB) or CTH" decides, with a warning that it rests on the caller's statement
   * ```
   */
  readonly productNotInPsrList?: boolean;
}

/** How each material was counted. */
export interface MaterialStatus {
  readonly id: string;
  readonly description: string;
  readonly originCountry: string | undefined;
  readonly path: readonly (string | number)[];
  readonly hsCode: string;
  readonly role: NormalizedMaterial['role'];
  readonly counted: boolean;
  readonly originating: boolean;
  readonly basis: OriginBasis | 'not_counted';
  readonly value: string;
  readonly nonOriginatingValue: string;
  /** For materials the producer made: the nested determination (undefined otherwise, omitted from JSON). */
  readonly intermediate: ProductDetermination | undefined;
}

/** The determination for one product (the shipped good, or an intermediate material). */
export interface ProductDetermination {
  readonly status: 'originating' | 'not_originating' | 'undetermined';
  readonly hsCode: string;
  readonly rule?: {
    readonly id: string;
    readonly scope: string;
    readonly ex?: string;
    readonly description: string;
    readonly expression: string;
    readonly text: string;
    readonly cite: Citation;
  };
  /** The criterion the product meets ("WO", or the rule alternative met), as text. */
  readonly criterion?: string;
  /** When not met: the alternative that came closest, and why it failed. */
  readonly closest?: { readonly expression: string; readonly failed: readonly string[] };
  readonly trace?: TraceNode;
  readonly insufficientOperations?: { readonly checked: boolean; readonly insufficient: boolean; readonly operations: readonly string[] };
  readonly materials: readonly MaterialStatus[];
  readonly reason: { readonly key: string; readonly params?: Readonly<Record<string, string>> };
}

/** The answer of {@link evaluateOrigin}. JSON-serialisable. */
export interface OriginResult extends Omit<ProductDetermination, 'status'> {
  readonly status: 'originating' | 'not_originating' | 'undetermined' | 'invalid_input';
  readonly agreement: {
    readonly id: string;
    readonly shortName: string;
    readonly dataHash: string;
    readonly completeness: CompiledAgreement['facts']['completeness'];
    /** Whether the rule data for the product's chapter is complete, partial or absent. */
    readonly productChapter?: { readonly chapter: string; readonly data: 'complete' | 'partial' | 'absent' };
    /**
     * When the agreement's product-specific rules changed over time: the first (and,
     * for an earlier list, the last) day of the list that was applied to this shipment.
     */
    readonly psrList?: { readonly from: string; readonly until?: string };
  };
  readonly shipment?: { readonly exportingCountry: string; readonly importingCountry: string; readonly date: string; readonly currency: string };
  /** Present when the input's HS codes were mapped onto the rules' HS version. */
  readonly transposition?: TranspositionRecord;
  readonly issues: readonly Issue[];
}

interface Env {
  readonly agreement: CompiledAgreement;
  readonly exportingCountry: string;
  readonly date: string;
  readonly currency: string;
  readonly options: EvaluateOriginOptions;
  readonly issues: Issue[];
  readonly depth: number;
}

function partyOn(agreement: CompiledAgreement, country: string, date: string) {
  const parties = agreement.facts.parties;
  let p: (typeof parties)[number] | undefined;
  for (let i = 0; i < parties.length && !p; i++) if (parties[i]!.country === country) p = parties[i];
  if (!p) return 'not_party' as const;
  if (date < p.from || (p.until !== undefined && date > p.until)) return 'not_in_force' as const;
  return 'ok' as const;
}

/**
 * One record per material and agreement, serving the criteria (as a
 * {@link ClassifiedMaterial}) and the result (as a {@link MaterialStatus}):
 * this runs once per BOM line, the hot path, so one object does both jobs.
 * The status fields are getters over the input; `toJSON` gives the plain status
 * (the exact amounts stay out of JSON).
 */
class MaterialRecord implements ClassifiedMaterial, MaterialStatus {
  constructor(
    readonly material: NormalizedMaterial,
    readonly counted: boolean,
    readonly originating: boolean,
    readonly basis: OriginBasis | 'not_counted',
    readonly nonOriginatingAmount: Rational,
    readonly nonOriginatingText: string,
    readonly uncertain: boolean,
    readonly intermediate: ProductDetermination | undefined,
  ) {}
  get id() {
    return this.material.id;
  }
  get description() {
    return this.material.description;
  }
  get originCountry() {
    return this.material.originCountry;
  }
  get path() {
    return this.material.path;
  }
  get hsCode() {
    return this.material.hsCode;
  }
  get role() {
    return this.material.role;
  }
  get value() {
    return this.material.valueText;
  }
  get nonOriginatingValue() {
    return this.nonOriginatingText;
  }
  toJSON(): MaterialStatus {
    return {
      id: this.id,
      description: this.description,
      originCountry: this.originCountry,
      path: this.path,
      hsCode: this.hsCode,
      role: this.role,
      counted: this.counted,
      originating: this.originating,
      basis: this.basis,
      value: this.value,
      nonOriginatingValue: this.nonOriginatingText,
      intermediate: this.intermediate,
    };
  }
}

function nonOriginatingMaterial(m: NormalizedMaterial, basis: OriginBasis, value: Rational = m.value, uncertain = false, intermediate?: ProductDetermination): MaterialRecord {
  return new MaterialRecord(m, true, false, basis, value, value === m.value ? m.valueText : showMoney(value), uncertain, intermediate);
}

function originatingMaterial(m: NormalizedMaterial, basis: OriginBasis, intermediate?: ProductDetermination): MaterialRecord {
  return new MaterialRecord(m, true, true, basis, ZERO, '0.00', false, intermediate);
}

function classifyIntermediate(m: NormalizedMaterial, bom: NonNullable<NormalizedMaterial['bom']>, env: Env): MaterialRecord {
  const det = determineProduct(
    {
      hsCode: m.hsCode,
      exWorksPrice: bom.exWorksPrice ?? m.value,
      costs: {},
      whollyObtained: false,
      declarations: bom.declarations,
      operations: bom.operations,
      path: [...m.path, 'bom'],
    },
    bom.materials,
    undefined,
    { ...env, depth: env.depth + 1 },
  );
  if (det.status === 'originating') return originatingMaterial(m, 'intermediate_qualifies', det);
  // A self-made material that does not qualify counts at its own non-originating content.
  if (det.status === 'not_originating') return nonOriginatingMaterial(m, 'intermediate_fails', nonOriginatingContent.get(det) ?? m.value, false, det);
  // Undetermined: assume the worst (its full value), and say so.
  return nonOriginatingMaterial(m, 'intermediate_undetermined', m.value, true, det);
}

/** An origin that counts without conditions: none given, the exporting party, or a bilateral cumulation party. */
const isPartyOrigin = (origin: string | undefined, env: Env) =>
  origin === undefined || origin === env.exportingCountry || env.agreement.facts.cumulation.bilateral.includes(origin);

function classifyMaterial(m: NormalizedMaterial, env: Env, productCode: string): MaterialRecord {
  if (m.bom) return classifyIntermediate(m, m.bom, env);
  const id = env.agreement.facts.id;
  const cum = env.agreement.facts.cumulation;
  let relevant = 0;
  let valid = 0;
  let expired = false;
  // Partial cumulation: the highest regional content among valid proofs that state one below the agreement's threshold.
  const partial = cum.partial;
  let partialOnly = true;
  let partialShare: Rational | undefined;
  const evidence = m.evidence;
  for (let i = 0; i < evidence.length; i++) {
    const e = evidence[i]!;
    if (!e.agreements.includes(id)) continue;
    relevant++;
    if ((!e.issued || e.issued <= env.date) && (!e.expires || e.expires >= env.date)) {
      valid++;
      const share = partial && e.regionalValueContent !== undefined ? parseConstant(e.regionalValueContent) : undefined;
      if (share === undefined || compare(share, parseConstant(partial!.belowPercent)) >= 0) partialOnly = false;
      else if (partialShare === undefined || compare(share, partialShare) > 0) partialShare = share;
    } else if (e.expires && e.expires < env.date) expired = true;
  }
  if (relevant === 0) {
    const isParty = isPartyOrigin(m.originCountry, env);
    return nonOriginatingMaterial(m, isParty ? 'no_evidence' : 'non_party_origin');
  }
  if (valid === 0) {
    env.issues.push(
      makeIssue(
        expired ? 'evidence_expired' : 'evidence_not_yet_valid',
        [...m.path, 'evidence'],
        expired
          ? `the origin evidence for material "${m.id}" expired before the shipment date`
          : `the origin evidence for material "${m.id}" is dated after the shipment date`,
        { id: m.id },
      ),
    );
    return nonOriginatingMaterial(m, 'evidence_expired');
  }
  const origin = m.originCountry;
  if (partialOnly && partialShare !== undefined) {
    const isParty = isPartyOrigin(origin, env);
    if (!isParty || compare(partialShare, parseConstant(partial!.minPercent)) < 0) return nonOriginatingMaterial(m, isParty ? 'regional_content_too_low' : 'non_party_origin');
    // Only the non-regional share counts against value tests; every other test sees a non-originating material.
    return nonOriginatingMaterial(m, 'partial_cumulation', percentAmount(sub(HUNDRED, partialShare), m.value));
  }
  // The exporting party's own originating materials always count, with or without cumulation.
  if (origin === undefined || isPartyOrigin(origin, env)) {
    return originatingMaterial(m, origin === undefined || origin === env.exportingCountry ? 'evidence_exporting_party' : 'evidence_cumulation');
  }
  // A conditional cumulation may be limited to some products (e.g. Korean fabric for garments of Chapters 61-62).
  const group = cum.conditional.find((g) => g.countries.includes(origin) && (g.products.length === 0 || g.products.some((p) => productCode.startsWith(p))));
  if (group) {
    if (env.options.confirmedCumulation?.includes(group.id)) return originatingMaterial(m, 'evidence_conditional_cumulation');
    env.issues.push(
      makeIssue('conditional_cumulation_not_confirmed', [...m.path, 'originCountry'], `material "${m.id}" from ${origin} counts as originating only under cumulation "${group.id}", whose conditions the caller has not confirmed: ${group.conditions}`, { id: m.id, group: group.id }),
    );
    return nonOriginatingMaterial(m, 'conditional_cumulation_not_confirmed');
  }
  return nonOriginatingMaterial(m, 'non_party_origin');
}

/**
 * Evaluates the rule once per combination of the candidate codes of
 * non-originating materials whose code could not be transposed to one code. The
 * verdict stands only when every combination agrees; otherwise it is
 * undetermined, and the caller is asked for the codes.
 */
function evaluateForEveryCandidate(rule: RuleNode, ctx: CriterionContext): RuleTreeResult {
  let anySplit = false;
  const materials = ctx.materials;
  for (let i = 0; i < materials.length && !anySplit; i++) if (!materials[i]!.originating && materials[i]!.material.hsCandidates) anySplit = true;
  if (!anySplit) return evaluateRuleTree(rule, ctx);
  const split = ctx.materials.filter((m) => !m.originating && m.material.hsCandidates);
  const ask = () =>
    split.map((m) =>
      makeIssue('hs_transposition_ambiguous', [...m.material.path, 'hsCodes'], `material "${m.material.id}" may be classified in any of ${m.material.hsCandidates!.join(', ')} in the rules' HS version, and the verdict depends on which: give its code`, {
        code: m.material.hsCode,
        candidates: m.material.hsCandidates!.join(', '),
      }),
    );
  let combos: string[][] = [[]];
  for (const m of split) combos = combos.flatMap((c) => m.material.hsCandidates!.map((code) => [...c, code]));
  if (combos.length > 64) {
    const first = evaluateRuleTree(rule, ctx);
    return { ...first, status: 'undetermined', metAlternatives: [], issues: [...first.issues, ...ask()] };
  }
  const results = combos.map((codes) =>
    evaluateRuleTree(rule, {
      ...ctx,
      materials: ctx.materials.map((m) => {
        const i = split.indexOf(m);
        return i < 0 ? m : { ...m, material: { ...m.material, hsCode: codes[i]! } };
      }),
    }),
  );
  const first = results[0]!;
  if (results.every((r) => r.status === first.status)) return first;
  return { ...first, status: 'undetermined', metAlternatives: [], issues: [...first.issues, ...ask()] };
}

/** Non-originating content of each determination, kept out of the JSON result. */
const nonOriginatingContent = new WeakMap<ProductDetermination, Rational>();

/** Whether a material counts; `unknown` treatment counts it, and the caller turns the verdict undetermined. */
function isCounted(m: NormalizedMaterial, agreement: CompiledAgreement): boolean {
  const t = agreement.facts.treatment;
  switch (m.role) {
    case 'component':
      return true;
    case 'retail_packing':
      return t.retailPacking !== 'disregarded';
    case 'transport_packing':
      return t.transportPacking !== 'disregarded';
    case 'accessory':
      return t.accessories !== 'disregarded';
    case 'indirect':
      return false;
  }
}

/** Ids of the materials whose role the agreement's data leaves untreated (`unknown`), or undefined. */
function materialsOfUnknownTreatment(materials: readonly NormalizedMaterial[], agreement: CompiledAgreement): string | undefined {
  const t = agreement.facts.treatment;
  if (t.retailPacking !== 'unknown' && t.transportPacking !== 'unknown' && t.accessories !== 'unknown') return undefined;
  const ids: string[] = [];
  for (const m of materials) {
    const v = m.role === 'retail_packing' ? t.retailPacking : m.role === 'transport_packing' ? t.transportPacking : m.role === 'accessory' ? t.accessories : undefined;
    if (v === 'unknown') ids.push(m.id);
  }
  return ids.length > 0 ? ids.join(', ') : undefined;
}

const summaries = new WeakMap<CompiledRow, NonNullable<ProductDetermination['rule']>>();
function rowSummary(row: CompiledRow): NonNullable<ProductDetermination['rule']> {
  let summary = summaries.get(row);
  if (!summary) summaries.set(row, (summary = summarizeRow(row)));
  return summary;
}

function summarizeRow(row: CompiledRow): NonNullable<ProductDetermination['rule']> {
  return {
    id: row.id,
    scope: row.from === row.to ? row.from : `${row.from}-${row.to}`,
    ...(row.ex !== undefined ? { ex: row.ex } : {}),
    description: row.description,
    expression: row.expression,
    text: row.text,
    cite: row.cite,
  };
}

function failedLeaves(t: TraceNode): string[] {
  if (!t.children) return t.status === 'met' ? [] : [t.expression];
  return t.children.flatMap(failedLeaves);
}

function determineProduct(
  product: ProductFacts,
  rawMaterials: readonly NormalizedMaterial[],
  choice: string | undefined,
  env: Env,
): ProductDetermination {
  const classified: MaterialRecord[] = [];
  const det = determineProductWith(product, rawMaterials, choice, env, classified);
  // Only an intermediate material's own non-originating content is ever needed later.
  if (env.depth > 0) nonOriginatingContent.set(det, sum(classified.map((c) => c.nonOriginatingAmount)));
  return det;
}

function determineProductWith(
  product: ProductFacts,
  rawMaterials: readonly NormalizedMaterial[],
  choice: string | undefined,
  env: Env,
  classified: MaterialRecord[],
): ProductDetermination {
  const { agreement } = env;
  // Usually every material is counted, and then one array serves as both lists.
  let statuses: MaterialStatus[] | undefined;
  let uncertain = false;
  for (let i = 0; i < rawMaterials.length; i++) {
    const m = rawMaterials[i]!;
    if (!isCounted(m, agreement)) {
      statuses ??= classified.slice();
      statuses.push(new MaterialRecord(m, false, false, 'not_counted', ZERO, '0.00', false, undefined));
      continue;
    }
    const c = classifyMaterial(m, env, product.hsCode);
    if (c.uncertain) uncertain = true;
    classified.push(c);
    statuses?.push(c);
  }
  statuses ??= classified;
  const unknownTreatment = materialsOfUnknownTreatment(rawMaterials, agreement);
  if (unknownTreatment) {
    env.issues.push(
      makeIssue('treatment_unknown', [...product.path, 'materials'], `how ${agreement.facts.shortName} counts packing or accessories is not in the rule data, so the verdict cannot rest on these materials: ${unknownTreatment}`, { ids: unknownTreatment }),
    );
  }
  const make = (status: ProductDetermination['status'], reason: ProductDetermination['reason'], more: Partial<ProductDetermination> = {}): ProductDetermination =>
    // Materials whose treatment the data does not know may change any verdict: it is shown, not given.
    unknownTreatment && status !== 'undetermined'
      ? determination('undetermined', product.hsCode, statuses, { key: 'result_treatment_unknown', params: { ids: unknownTreatment, verdict: status } }, { ...more, criterion: undefined })
      : determination(status, product.hsCode, statuses, reason, more);

  // Wholly obtained goods originate whatever the list rule says.
  if (product.whollyObtained && classified.every((c) => c.originating)) {
    return make('originating', { key: 'result_wholly_obtained' }, { criterion: 'WO' });
  }

  let found = findProductRule(agreement, product.hsCode, choice);
  if (found.status === 'not_found' && env.depth === 0 && env.options.productNotInPsrList && agreement.generalRow) {
    // The data cannot tell whether the product is listed; the caller says it is not, so the general rule governs.
    const general = agreement.generalRow;
    env.issues.push(
      makeIssue(
        'general_rule_on_caller_statement',
        [...product.path, 'hsCode'],
        `the ${agreement.facts.shortName} general rule (${general.expression}) is applied because the caller states the product is not listed in the product-specific rules; the rule data cannot check this, so the verdict rests on that statement`,
        { agreement: agreement.facts.shortName, rule: general.expression },
      ),
    );
    found = { status: 'found', row: general };
  }
  if (found.status !== 'found') {
    const codeByStatus = {
      choice_required: 'subdivision_required',
      unknown_choice: 'unknown_subdivision',
      code_too_short: 'hs_code_too_short',
      gap: 'rule_not_found',
      not_found: 'rule_not_found',
    } as const;
    const code = codeByStatus[found.status];
    const options = 'options' in found ? found.options.map((o) => `${o.id}: ${o.ex ?? o.description}`).join('; ') : '';
    const reason = found.status === 'gap' ? found.reason : 'product-specific rule for this code is not in the rule data';
    env.issues.push(
      makeIssue(
        code,
        code === 'subdivision_required' || code === 'unknown_subdivision' ? ['product', 'subdivision', agreement.facts.id] : [...product.path, 'hsCode'],
        code === 'rule_not_found' ? reason : `choose the rule that applies to the product: ${options}`,
        code === 'rule_not_found' ? { reason } : { options },
      ),
    );
    return make('undetermined', { key: code, params: code === 'rule_not_found' ? { reason } : { options } });
  }
  const row = found.row;
  const ctx: CriterionContext = { agreement, product, materials: classified, currency: env.currency, textileTolerances: row.textileTolerances };
  const tree = evaluateForEveryCandidate(row.rule, ctx);
  for (const i of tree.issues) env.issues.push(i);

  // Insufficient working or processing never confers origin.
  const minimal = minimalOperationIds(agreement);
  const ops = product.operations;
  let insufficient = false;
  let opsUnknown = false;
  if (ops === undefined) {
    env.issues.push(makeIssue('operations_not_declared', [...product.path, 'operations'], 'the operations carried out were not declared, so the insufficient-operations list was not checked'));
  } else {
    let allMinimal = true;
    let unknown: string[] | undefined;
    for (let i = 0; i < ops.length; i++) {
      const o = ops[i]!;
      if (minimal.has(o)) continue;
      allMinimal = false;
      if (!PROCESSES.has(o)) (unknown ??= []).push(o);
    }
    if (unknown) {
      opsUnknown = true;
      env.issues.push(makeIssue('unknown_operation', [...product.path, 'operations'], `unknown operation ids: ${unknown.join(', ')}`, { ids: unknown.join(', ') }));
    } else insufficient = allMinimal;
  }
  const listKnown = agreement.facts.minimalOperations.listKnown !== false;
  // With the list only partly read, operations on the part read are still insufficient; others cannot be checked.
  if (!listKnown && ops !== undefined && !insufficient) {
    env.issues.push(
      makeIssue('minimal_operations_unknown', [...product.path, 'operations'], `the list of insufficient operations of ${agreement.facts.shortName} is not (fully) in the rule data: declared operations outside the part held are taken as the producer's statement that they go beyond it`),
    );
  }
  const insufficientOperations = { checked: ops !== undefined && !opsUnknown && (listKnown || insufficient), insufficient, operations: ops ?? [] };
  const ruleSummary = rowSummary(row);
  const alternatives: readonly RuleNode[] = row.rule.kind === 'any_of' ? row.rule.of : [row.rule];

  if (tree.status === 'met' && insufficient) {
    return make('not_originating', { key: 'result_insufficient_operations' }, { rule: ruleSummary, trace: tree.trace, insufficientOperations });
  }
  if (tree.status === 'met' && !opsUnknown) {
    const criterion = expressionOf(alternatives[tree.metAlternatives[0]!]!);
    return make('originating', { key: 'result_rule_met' }, { rule: ruleSummary, criterion, trace: tree.trace, insufficientOperations });
  }
  const altTraces = tree.trace.kind === 'any_of' && row.rule.kind === 'any_of' ? tree.trace.children! : [tree.trace];
  const closestTrace = [...altTraces].sort((a, b) => rank(a) - rank(b) || failedLeaves(a).length - failedLeaves(b).length)[0]!;
  const closest = { expression: closestTrace.expression, failed: failedLeaves(closestTrace) };
  if (tree.status === 'not_met' && row.incomplete) {
    env.issues.push(makeIssue('rule_alternatives_incomplete', [...product.path, 'hsCode'], row.incomplete, { row: row.id }));
  }
  const status = tree.status === 'not_met' && !uncertain && !row.incomplete ? 'not_originating' : 'undetermined';
  const key = status === 'not_originating' ? 'result_rule_not_met' : uncertain && tree.status === 'not_met' ? 'result_uncertain_material' : 'result_undetermined';
  return make(status, { key }, { rule: ruleSummary, closest, trace: tree.trace, insufficientOperations });
}

/** Every determination has one shape (absent parts undefined, and so left out of JSON). */
function determination(
  status: ProductDetermination['status'],
  hsCode: string,
  materials: readonly MaterialStatus[],
  reason: ProductDetermination['reason'],
  more: Partial<ProductDetermination>,
): ProductDetermination {
  return {
    status,
    hsCode,
    rule: more.rule,
    criterion: more.criterion,
    closest: more.closest,
    trace: more.trace,
    insufficientOperations: more.insufficientOperations,
    materials,
    reason,
  };
}

const minimalCache = new WeakMap<CompiledAgreement, ReadonlySet<string>>();
function minimalOperationIds(agreement: CompiledAgreement): ReadonlySet<string> {
  let set = minimalCache.get(agreement);
  if (!set) minimalCache.set(agreement, (set = new Set(agreement.facts.minimalOperations.operations.map((o) => o.id))));
  return set;
}

const rank = (t: TraceNode) => (t.status === 'met' ? 0 : t.status === 'undetermined' ? 1 : 2);

function agreementHeader(agreement: CompiledAgreement): OriginResult['agreement'] {
  return {
    id: agreement.facts.id,
    shortName: agreement.facts.shortName,
    dataHash: agreement.dataHash,
    completeness: agreement.facts.completeness,
  };
}

/**
 * Decides whether a shipment's product originates under one agreement, on
 * which criterion, and explains every step. Never throws on bad input: the
 * result is then `invalid_input` with issues.
 *
 * @example
 * ```ts
 * import { evaluateOrigin } from 'fta-origin';
 * import { ukvfta } from 'fta-origin/agreements/ukvfta';
 * const r = evaluateOrigin(shipment, ukvfta);
 * r.status;    // → 'originating'
 * r.criterion; // → 'CTH'
 * ```
 */
export function evaluateOrigin(input: unknown, agreement: CompiledAgreement, options: EvaluateOriginOptions = {}): OriginResult {
  const parsed = safeParseShipment(input);
  const header = agreementHeader(agreement);
  if (!parsed.success) {
    return { status: 'invalid_input', agreement: header, hsCode: '', materials: [], reason: { key: 'result_invalid_input' }, issues: parsed.issues };
  }
  return evaluateNormalizedOrigin(parsed.data, agreement, options);
}

/** {@link evaluateOrigin} for an already validated shipment (skips parsing; used when evaluating many agreements). */
export function evaluateNormalizedOrigin(input: NormalizedShipment, agreement: CompiledAgreement, options: EvaluateOriginOptions = {}): OriginResult {
  const list = listInForce(agreement, input.date);
  if (list !== agreement) return evaluateNormalizedOrigin(input, list, options);
  let s = input;
  const header = agreementHeader(agreement);
  const shipment = { exportingCountry: s.exportingCountry, importingCountry: s.importingCountry, date: s.date, currency: s.currency };
  const issues: Issue[] = [];
  for (let i = 0; i < 2; i++) {
    const country = i === 0 ? s.exportingCountry : s.importingCountry;
    const key = i === 0 ? 'exportingCountry' : 'importingCountry';
    const state = partyOn(agreement, country, s.date);
    if (state !== 'ok') {
      issues.push(
        makeIssue(
          state === 'not_party' ? 'country_not_party' : 'agreement_not_in_force',
          [key],
          state === 'not_party' ? `${country} is not a party to ${agreement.facts.shortName}` : `${agreement.facts.shortName} does not apply to ${country} on ${s.date}`,
          { country, agreement: agreement.facts.id },
          'error',
        ),
      );
    }
  }
  if (issues.length > 0) {
    return { status: 'invalid_input', agreement: header, shipment, hsCode: s.product.hsCode, materials: [], reason: { key: 'result_agreement_not_applicable' }, issues };
  }
  let transposition: TranspositionRecord | undefined;
  if (s.product.hsVersion !== agreement.hsVersion) {
    const t = transposeShipment(s, agreement);
    if (!t.success) {
      return { status: 'undetermined', agreement: header, shipment, hsCode: s.product.hsCode, materials: [], reason: { key: 'hs_version_mismatch' }, issues: [...t.issues] };
    }
    s = t.shipment;
    transposition = t.record;
  }
  const env: Env = { agreement, exportingCountry: s.exportingCountry, date: s.date, currency: s.currency, options, issues, depth: 0 };
  const p = s.product;
  const det = determineProduct(
    {
      hsCode: p.hsCode,
      exWorksPrice: p.exWorksPrice,
      fobValue: p.fobValue,
      transactionValue: p.transactionValue,
      netCost: p.netCost,
      costs: p.costs,
      weight: p.weight,
      whollyObtained: p.whollyObtained,
      operations: p.operations,
      declarations: p.declarations,
      path: PRODUCT_PATH,
    },
    p.materials,
    p.subdivision[agreement.facts.id],
    env,
  );
  const chapter = s.product.hsCode.slice(0, 2);
  // Rule data that may not be the law for this shipment informs, never decides.
  const gate = det.status !== 'undetermined' ? undecidable(agreement, s, det.status) : undefined;
  if (gate) issues.push(gate.issue);
  const limitations = agreement.facts.limitations;
  if (limitations) {
    for (const l of limitations) {
      if (l.chapters && !l.chapters.includes(chapter)) continue;
      issues.push(makeIssue('rule_data_limitation', [], l.text.en, { id: l.id, en: l.text.en, vi: l.text.vi }));
    }
  }
  return {
    status: gate ? 'undetermined' : det.status,
    agreement: {
      id: header.id,
      shortName: header.shortName,
      dataHash: header.dataHash,
      completeness: header.completeness,
      productChapter: { chapter, data: chapterCompleteness(agreement, chapter) },
      ...(agreement.facts.psrInForceFrom ? { psrList: { from: agreement.facts.psrInForceFrom.date, ...(agreement.psrUntil ? { until: agreement.psrUntil } : {}) } } : {}),
    },
    shipment,
    hsCode: det.hsCode,
    rule: det.rule,
    criterion: gate ? undefined : det.criterion,
    closest: det.closest,
    trace: det.trace,
    insufficientOperations: det.insufficientOperations,
    materials: det.materials,
    reason: gate ? gate.reason : det.reason,
    transposition,
    issues: issues.length > 1 ? dedupe(issues) : issues,
  };
}

const PRODUCT_PATH = ['product'] as const;

/** The product-specific-rule list in force on a date: the current one, or the earlier list (edition) then in force. */
function listInForce(agreement: CompiledAgreement, date: string): CompiledAgreement {
  const editions = agreement.editions;
  const from = agreement.facts.psrInForceFrom?.date;
  if (!editions?.length || from === undefined || date >= from) return agreement;
  for (const e of editions) if (date >= e.facts.psrInForceFrom!.date) return e;
  // Before the earliest list held: its own date check says so.
  return editions[editions.length - 1]!;
}

/**
 * Why the rule data may inform but not decide this shipment: data not confirmed as the law in force; a list that
 * replaced one the data does not hold, for earlier shipments; or a list a party has since left for a later one.
 */
function undecidable(agreement: CompiledAgreement, s: NormalizedShipment, verdict: string): { issue: Issue; reason: Reason } | undefined {
  const f = agreement.facts;
  const name = f.shortName;
  if (f.completeness.status === 'unverified') {
    return {
      issue: makeIssue('rule_data_unverified', [], `the ${name} rule data is not confirmed as the law in force: ${f.completeness.note}`, { verdict }),
      reason: { key: 'result_data_unverified', params: { verdict } },
    };
  }
  const from = f.psrInForceFrom?.date;
  if (from !== undefined && s.date < from) {
    return {
      issue: makeIssue('psr_not_in_force', ['date'], `the ${name} product-specific rules in the data apply from ${from}; the shipment date ${s.date} falls under an earlier list that the data does not hold`, { from, verdict }),
      reason: { key: 'result_psr_not_in_force', params: { verdict, from } },
    };
  }
  for (const e of f.psrSupersededFor ?? []) {
    if (s.date < e.date) continue;
    const country = e.countries.includes(s.importingCountry) ? s.importingCountry : e.countries.includes(s.exportingCountry) ? s.exportingCountry : undefined;
    if (!country) continue;
    return {
      issue: makeIssue('psr_superseded', ['date'], `from ${e.date} ${name} trade with ${country} is under a later product-specific rule list that the data does not hold (${e.cite.ref})`, { from: e.date, country, verdict }),
      reason: { key: 'result_psr_superseded', params: { verdict, from: e.date, country } },
    };
  }
  return undefined;
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.code}|${i.path.join('.')}|${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
