import { showMoney } from '../criteria/shared.js';
import { type EvaluateOriginOptions, type OriginResult, evaluateNormalizedOrigin } from '../evaluate/evaluateOrigin.js';
import { type TraceNode, expressionOf } from '../evaluate/evaluateRuleTree.js';
import type { RuleNode } from '../rules/ast.js';
import { type NormalizedMaterial, type NormalizedShipment, safeParseShipment } from '../input/normalizeShipment.js';
import type { Money } from '../input/schema.js';
import type { Issue } from '../issues.js';
import { type Rational, compare, div, mul, parseDecimal, percentAmount, sub } from '../money/rational.js';
import type { CompiledAgreement } from '../rules/compileAgreement.js';
import { dayBefore } from '../rules/dayBefore.js';
import type { AgreementFacts, Citation } from '../rules/schema.js';
import { COUNTRIES } from '../generated/countries.js';

/** Options of {@link findPreferences}. */
export interface FindPreferencesOptions {
  /** Per agreement id: conditional cumulation groups whose conditions the caller confirms. */
  readonly confirmedCumulation?: Readonly<Record<string, readonly string[]>>;
  /**
   * Agreement ids under whose product-specific rules the caller states the product is not listed:
   * where the rule data cannot tell, the general rule is applied (see {@link EvaluateOriginOptions.productNotInPsrList}).
   */
  readonly productNotInPsrList?: readonly string[];
  /** The exporter's status: agreements under which it is an approved (or registered) exporter. */
  readonly exporter?: { readonly approvedExporterFor?: readonly string[]; readonly registeredExporterFor?: readonly string[] };
  /** Value of the consignment, for proof thresholds and waivers (default: the product's FOB value, else its ex-works price). */
  readonly consignmentValue?: Money;
  /** What the consignment is, for waivers (default `commercial`). */
  readonly consignmentKind?: 'commercial' | 'small_package' | 'personal_luggage';
  /** Duty rates at destination, percentages as decimal strings: MFN, and the preferential rate per agreement id. */
  readonly dutyRates?: { readonly mfn: string; readonly preferential: Readonly<Record<string, string>> };
  /** Look for the smallest single change that would make a failing product qualify (default true). */
  readonly suggestions?: boolean;
}

/** One proof of origin and whether this consignment can use it. */
export interface ProofOption {
  readonly id: string;
  readonly kind: 'certificate' | 'self_declaration';
  readonly name: { readonly en: string; readonly vi: string };
  readonly issuer: { readonly en: string; readonly vi: string };
  readonly usable: 'yes' | 'no' | 'unknown';
  readonly why?: string;
  readonly validityMonths?: number;
  /** What to write in the form's origin-criterion box, or why there is nothing to write. */
  readonly originCriterion?: { readonly box?: string; readonly text?: string; readonly note: { readonly en: string; readonly vi: string } };
  readonly cite: Citation;
}

/** A change that would make a failing product qualify. */
export interface Suggestion {
  readonly kind: 'obtain_origin_evidence' | 'renew_origin_evidence' | 'confirm_cumulation';
  readonly materialId: string;
  /** The material's value (the money at stake in sourcing it from a party, or proving its origin). */
  readonly value: string;
  readonly text: string;
}

/** The answer for one agreement. */
export interface AgreementPreference {
  readonly agreement: { readonly id: string; readonly shortName: string; readonly name: { readonly en: string; readonly vi: string } };
  readonly origin: OriginResult;
  /** Proofs of origin for the consignment, the recommended one first (only when originating). */
  readonly proofs: readonly ProofOption[];
  readonly waiver?: { readonly id: string; readonly text: { readonly en: string; readonly vi: string }; readonly cite: Citation };
  /** The origin criterion met, as rule text. */
  readonly criterion?: string;
  /**
   * The last day the determination holds for the same goods, and why: dated origin evidence it relies on expires
   * (`materialId` names the material), the product-specific rule list applied gives way to another, or the agreement
   * stops applying between the two countries.
   */
  readonly validUntil?: { readonly date: string; readonly reason: 'evidence_expires' | 'rule_list_ends' | 'agreement_ends'; readonly materialId?: string };
  /** Value headroom of the alternative met, or the shortfall of the closest one. */
  readonly margins: readonly { readonly expression: string; readonly figures: Readonly<Record<string, string>> }[];
  /** Non-originating materials that break a classification rule, with what the tolerance allows. */
  readonly blockingMaterials: readonly {
    readonly expression: string;
    readonly materialIds: readonly string[];
    readonly value?: string;
    readonly allowed?: string;
    /** Per material: the value it must not exceed (the others unchanged) for the tolerance to absorb them. */
    readonly perMaterial?: readonly { readonly id: string; readonly value: string; readonly mustNotExceed: string }[];
  }[];
  readonly suggestion?: Suggestion;
  /** Duty saved on the consignment value, when rates were given. */
  readonly dutySaving?: { readonly mfn: string; readonly preferential: string; readonly amount: string; readonly currency: string };
}

/** An agreement not considered for this shipment, and why. */
export interface ExcludedAgreement {
  readonly id: string;
  readonly shortName: string;
  readonly reason: 'exporting_country_not_party' | 'importing_country_not_party' | 'not_yet_in_force' | 'no_longer_in_force';
  readonly detail: string;
}

/** The answer of {@link findPreferences}. */
export type PreferencesResult =
  | {
      readonly status: 'ok';
      readonly shipment: { readonly exportingCountry: string; readonly importingCountry: string; readonly date: string; readonly currency: string };
      /** Agreements evaluated, best first: qualifying ones ranked by duty saved (when rates are given) or by the simplicity of the proof. */
      readonly ranked: readonly AgreementPreference[];
      readonly ranking: 'duty_saving' | 'proof_simplicity';
      readonly excluded: readonly ExcludedAgreement[];
      /** When no agreement applies or none qualifies. */
      readonly nonPreferential?: { readonly form: string; readonly name: { readonly en: string; readonly vi: string }; readonly note: { readonly en: string; readonly vi: string }; readonly cite: readonly Citation[] };
      readonly notes: readonly string[];
    }
  | { readonly status: 'invalid_input'; readonly issues: readonly Issue[] };

function partyState(f: AgreementFacts, country: string, date: string): 'ok' | 'not_party' | 'not_yet' | 'ended' {
  const p = f.parties.find((x) => x.country === country);
  if (!p) return 'not_party';
  if (date < p.from) return 'not_yet';
  if (p.until !== undefined && date > p.until) return 'ended';
  return 'ok';
}

function applicability(f: AgreementFacts, s: NormalizedShipment): ExcludedAgreement | undefined {
  const base = { id: f.id, shortName: f.shortName };
  for (const [country, side] of [
    [s.exportingCountry, 'exporting'],
    [s.importingCountry, 'importing'],
  ] as const) {
    const state = partyState(f, country, s.date);
    if (state === 'not_party') {
      // A Party the data leaves out must not read as a non-party.
      const left = f.limitations?.find((l) => l.countries?.includes(country));
      const detail = left ? `${country} is not a party to ${f.shortName} in the rule data: ${left.text.en}` : `${country} is not a party to ${f.shortName}`;
      return { ...base, reason: `${side}_country_not_party`, detail };
    }
    const party = f.parties.find((x) => x.country === country)!;
    if (state === 'not_yet') return { ...base, reason: 'not_yet_in_force', detail: `${f.shortName} applies to ${country} from ${party.from}` };
    if (state === 'ended') return { ...base, reason: 'no_longer_in_force', detail: `${f.shortName} ceased to apply to ${country} after ${party.until}` };
  }
  return undefined;
}

/** Converts an amount into the shipment currency with the caller's rates; undefined when no rate is given. */
function inShipmentCurrency(amount: string, currency: string, s: NormalizedShipment): Rational | undefined {
  const value = parseDecimal(amount);
  if (!value) return undefined;
  if (currency === s.currency) return value;
  for (const r of s.input.exchangeRates ?? []) {
    const rate = parseDecimal(r.rate)!;
    if (r.from === currency && r.to === s.currency) return mul(value, rate);
    if (r.to === currency && r.from === s.currency && rate.n !== 0n) return div(value, rate);
  }
  return undefined;
}

function consignmentValue(s: NormalizedShipment, options: FindPreferencesOptions, notes: string[]): Rational | undefined {
  const given = options.consignmentValue ?? s.input.consignment?.value;
  if (given) return inShipmentCurrency(String(given.amount), given.currency, s);
  notes.push("the consignment value was not given: proof thresholds and waivers were checked against one unit's value");
  return s.product.fobValue ?? s.product.exWorksPrice;
}

/** The code for the form's criterion box, from the agreement's code table; none when a part of the criterion has no code. */
function criterionText(codes: Readonly<Record<string, string>> | undefined, rule: RuleNode | undefined): { text?: string } {
  if (!codes || !rule) return {};
  const parts: string[] = [];
  const walk = (n: RuleNode): boolean => {
    if (n.kind === 'all_of' || n.kind === 'any_of') return n.of.every(walk);
    const key = n.kind === 'tariff_shift' ? `tariff_shift_${n.level}` : n.kind;
    const code = codes[key];
    if (code === undefined) return false;
    parts.push('percent' in n ? code.replace('{percent}', n.percent) : code);
    return true;
  };
  return walk(rule) ? { text: parts.join(codes.separator ?? ' + ') } : {};
}

function proofOptions(a: CompiledAgreement, s: NormalizedShipment, value: Rational | undefined, options: FindPreferencesOptions, metRule: RuleNode | undefined): ProofOption[] {
  const id = a.facts.id;
  const list = a.facts.proofs.map((p): ProofOption => {
    let usable: ProofOption['usable'] = 'yes';
    let why: string | undefined;
    if (p.requires === 'approved_exporter' && !options.exporter?.approvedExporterFor?.includes(id)) {
      usable = 'no';
      why = 'needs approved-exporter status under this agreement';
    } else if (p.requires === 'registered_exporter' && !options.exporter?.registeredExporterFor?.includes(id)) {
      usable = 'no';
      why = 'needs registered-exporter status under this agreement';
    } else if (p.maxConsignmentValue) {
      const max = inShipmentCurrency(p.maxConsignmentValue.amount, p.maxConsignmentValue.currency, s);
      const limit = `${p.maxConsignmentValue.amount} ${p.maxConsignmentValue.currency}`;
      if (!max || !value) {
        usable = 'unknown';
        why = !max ? `limited to consignments up to ${limit}: give an exchange rate ${p.maxConsignmentValue.currency}→${s.currency}` : `limited to consignments up to ${limit}: give the consignment value`;
      } else if (compare(value, max) > 0) {
        usable = 'no';
        why = `the consignment (${showMoney(value)} ${s.currency}) exceeds ${limit}`;
      } else why = `the consignment is within ${limit}`;
    }
    const originCriterion = p.originCriterion
      ? { ...(p.originCriterion.box ? { box: p.originCriterion.box } : {}), ...criterionText(p.originCriterion.codes, metRule), note: p.originCriterion.note }
      : undefined;
    return {
      id: p.id,
      kind: p.kind,
      name: p.name,
      issuer: p.issuer,
      usable,
      ...(why ? { why } : {}),
      ...(p.validityMonths ? { validityMonths: p.validityMonths } : {}),
      ...(originCriterion ? { originCriterion } : {}),
      cite: p.cite,
    };
  });
  // Recommended first: usable before unknown before not usable; a declaration the exporter makes itself before a certificate.
  const rank = (p: ProofOption) => (p.usable === 'yes' ? 0 : p.usable === 'unknown' ? 2 : 4) + (p.kind === 'self_declaration' ? 0 : 1);
  return list.sort((x, y) => rank(x) - rank(y));
}

/** The shipment with one material (at any depth) changed. */
function withMaterial(s: NormalizedShipment, id: string, change: (m: NormalizedMaterial) => NormalizedMaterial): NormalizedShipment {
  const walk = (ms: readonly NormalizedMaterial[]): NormalizedMaterial[] =>
    ms.map((m) => (m.id === id ? change(m) : m.bom ? { ...m, bom: { ...m.bom, materials: walk(m.bom.materials) } } : m));
  return { ...s, product: { ...s.product, materials: walk(s.product.materials) } };
}

function allMaterials(ms: readonly NormalizedMaterial[]): NormalizedMaterial[] {
  return ms.flatMap((m) => [m, ...(m.bom ? allMaterials(m.bom.materials) : [])]);
}

/**
 * The earliest expiry among the evidence the verdict depends on: evidence whose
 * material, once it counts as non-originating, would make the product fail.
 */
function validUntil(r: OriginResult, s: NormalizedShipment, a: CompiledAgreement, evalOptions: EvaluateOriginOptions): AgreementPreference['validUntil'] {
  let best: AgreementPreference['validUntil'] = evidenceUntil(r, s, a, evalOptions);
  const sooner = (date: string | undefined, reason: 'rule_list_ends' | 'agreement_ends') => {
    if (date !== undefined && date >= s.date && (!best || date < best.date)) best = { date, reason };
  };
  sooner(r.agreement.psrList?.until, 'rule_list_ends');
  for (const e of a.facts.psrSupersededFor ?? []) {
    if (s.date < e.date && (e.countries.includes(s.exportingCountry) || e.countries.includes(s.importingCountry))) sooner(dayBefore(e.date), 'rule_list_ends');
  }
  // The current list gives way to a later one only through psrSupersededFor; an earlier list ends at psrUntil (above).
  for (const country of [s.exportingCountry, s.importingCountry]) sooner(a.facts.parties.find((p) => p.country === country)?.until, 'agreement_ends');
  return best;
}

function evidenceUntil(r: OriginResult, s: NormalizedShipment, a: CompiledAgreement, evalOptions: EvaluateOriginOptions): AgreementPreference['validUntil'] {
  const agreementId = a.facts.id;
  const relied = new Set<string>();
  const walk = (ms: OriginResult['materials']) => {
    for (const m of ms) {
      if (m.counted && m.originating && m.basis.startsWith('evidence')) relied.add(m.id);
      if (m.intermediate) walk(m.intermediate.materials);
    }
  };
  walk(r.materials);
  let best: AgreementPreference['validUntil'];
  for (const m of allMaterials(s.product.materials)) {
    if (!relied.has(m.id)) continue;
    // The latest-running valid evidence of the material is the one that counts.
    const valid = m.evidence.filter((e) => e.agreements.includes(agreementId) && (!e.issued || e.issued <= s.date) && (!e.expires || e.expires >= s.date));
    if (valid.some((e) => !e.expires)) continue;
    const until = valid.map((e) => e.expires!).sort().at(-1);
    if (!until || (best && until >= best.date)) continue;
    const without = withMaterial(s, m.id, (x) => ({ ...x, evidence: x.evidence.filter((e) => !e.agreements.includes(agreementId)) }));
    if (evaluateNormalizedOrigin(without, a, evalOptions).status !== 'originating') best = { date: until, reason: 'evidence_expires', materialId: m.id };
  }
  return best;
}

function collectMargins(t: TraceNode | undefined, out: { expression: string; figures: Record<string, string> }[]): void {
  if (!t) return;
  if (t.figures && (t.kind === 'max_non_originating' || t.kind === 'regional_value_content')) out.push({ expression: t.expression, figures: t.figures });
  for (const c of t.children ?? []) collectMargins(c, out);
}

function collectBlocking(t: TraceNode | undefined, out: AgreementPreference['blockingMaterials'][number][]): void {
  if (!t) return;
  if (t.tolerance && !t.tolerance.applied) {
    out.push({
      expression: t.expression,
      materialIds: t.tolerance.materialIds,
      ...(t.tolerance.value ? { value: t.tolerance.value } : {}),
      ...(t.tolerance.allowed ? { allowed: t.tolerance.allowed } : {}),
      ...(t.tolerance.perMaterial ? { perMaterial: t.tolerance.perMaterial } : {}),
    });
  }
  for (const c of t.children ?? []) collectBlocking(c, out);
}

/** The alternatives the verdict rests on: the one met, or all of them when none is. */
function relevantTrace(r: OriginResult): TraceNode[] {
  const t = r.trace;
  if (!t) return [];
  if (t.kind !== 'any_of' || !t.children) return [t];
  const met = t.children.filter((c) => c.status === 'met');
  return met.length ? [met[0]!] : [...t.children];
}

/**
 * The smallest single change that makes a failing product qualify: for each
 * non-originating material, in order of value, prove it originating (or renew
 * expired evidence, or confirm a cumulation) and evaluate again.
 */
function findSuggestion(a: CompiledAgreement, s: NormalizedShipment, r: OriginResult, evalOptions: EvaluateOriginOptions): Suggestion | undefined {
  const id = a.facts.id;
  const candidates = r.materials
    .filter((m) => m.counted && !m.originating)
    .map((m) => ({ status: m, material: s.product.materials.find((x) => x.id === m.id)! }))
    .filter((c) => c.material && !c.material.bom)
    .sort((x, y) => compare(x.material.value, y.material.value));
  for (const { status, material } of candidates) {
    const group = a.facts.cumulation.conditional.find((g) => material.originCountry && g.countries.includes(material.originCountry));
    if (status.basis === 'conditional_cumulation_not_confirmed' && group) {
      const retry = evaluateNormalizedOrigin(s, a, { ...evalOptions, confirmedCumulation: [...(evalOptions.confirmedCumulation ?? []), group.id] });
      if (retry.status === 'originating') {
        return { kind: 'confirm_cumulation', materialId: material.id, value: material.valueText, text: `confirm the conditions of cumulation "${group.id}" for material "${material.id}": ${group.conditions}` };
      }
      continue;
    }
    const evidence = { agreements: [id], type: 'supplier_declaration' as const };
    const origin = material.originCountry && a.facts.cumulation.bilateral.includes(material.originCountry) ? material.originCountry : s.exportingCountry;
    const changed = withMaterial(s, material.id, (m) => ({ ...m, originCountry: origin, evidence: [...m.evidence, evidence] }));
    if (evaluateNormalizedOrigin(changed, a, evalOptions).status !== 'originating') continue;
    const renew = status.basis === 'evidence_expired';
    return {
      kind: renew ? 'renew_origin_evidence' : 'obtain_origin_evidence',
      materialId: material.id,
      value: material.valueText,
      text: renew
        ? `renew the origin evidence for material "${material.id}" (it is not valid on the shipment date)`
        : `source material "${material.id}" (${material.valueText} ${s.currency}) as an originating material of a party to ${a.facts.shortName}, with a supplier declaration or certificate naming ${id}`,
    };
  }
  return undefined;
}

/** The rule alternative the product met, from the applied row. */
function metAlternative(a: CompiledAgreement, r: OriginResult): RuleNode | undefined {
  if (!r.rule || !r.criterion) return undefined;
  const row = r.rule.id === 'general' ? a.generalRow : a.rows.find((x) => x.id === r.rule!.id);
  if (!row) return undefined;
  const alternatives = row.rule.kind === 'any_of' ? row.rule.of : [row.rule];
  return alternatives.find((n) => expressionOf(n) === r.criterion);
}

const STATUS_RANK = { originating: 0, undetermined: 1, not_originating: 2, invalid_input: 3 } as const;

/**
 * Answers the exporter's question for one shipment: under which agreements in
 * force between the two countries on the shipment date is the product
 * originating, on which criterion, with which proof of origin, until when, and
 * which agreement is best. Agreements are passed in (only their data is
 * bundled). Never throws on bad input.
 *
 * @example
 * ```ts
 * import { findPreferences } from 'fta-origin';
 * import { ALL_AGREEMENTS } from 'fta-origin/agreements/all';
 * const r = findPreferences(shipment, Object.values(ALL_AGREEMENTS));
 * r.status === 'ok' && r.ranked[0].agreement.shortName; // → 'UKVFTA'
 * ```
 */
export function findPreferences(input: unknown, agreements: readonly CompiledAgreement[], options: FindPreferencesOptions = {}): PreferencesResult {
  const parsed = safeParseShipment(input);
  if (!parsed.success) return { status: 'invalid_input', issues: parsed.issues };
  const s = parsed.data;
  const excluded: ExcludedAgreement[] = [];
  const applicable: CompiledAgreement[] = [];
  for (const a of agreements) {
    const ex = applicability(a.facts, s);
    if (ex) excluded.push(ex);
    else applicable.push(a);
  }
  const notes: string[] = [];
  const value = consignmentValue(s, options, notes);
  const rates = options.dutyRates;
  const mfn = rates ? parseDecimal(rates.mfn) : undefined;
  const ranked: AgreementPreference[] = applicable.map((a) => {
    const id = a.facts.id;
    const evalOptions: EvaluateOriginOptions = {
      confirmedCumulation: options.confirmedCumulation?.[id] ?? [],
      productNotInPsrList: options.productNotInPsrList?.includes(id) ?? false,
    };
    const origin = evaluateNormalizedOrigin(s, a, evalOptions);
    const qualifies = origin.status === 'originating';
    const margins: { expression: string; figures: Record<string, string> }[] = [];
    const blocking: AgreementPreference['blockingMaterials'][number][] = [];
    for (const t of relevantTrace(origin)) {
      collectMargins(t, margins);
      collectBlocking(t, blocking);
    }
    const waiver = a.facts.proofWaivers.find((w) => {
      if (!w.importingCountries.includes(s.importingCountry)) return false;
      const kind = options.consignmentKind ?? s.input.consignment?.kind ?? 'commercial';
      if (!w.kinds.includes('any') && !w.kinds.includes(kind as 'small_package')) return false;
      const max = inShipmentCurrency(w.maxValue.amount, w.maxValue.currency, s);
      return !!max && !!value && compare(value, max) <= 0;
    });
    const pref = rates?.preferential[id] !== undefined ? parseDecimal(rates.preferential[id]!) : undefined;
    const dutySaving =
      qualifies && mfn && pref && value
        ? {
            mfn: rates!.mfn,
            preferential: rates!.preferential[id]!,
            amount: showMoney(percentAmount(sub(mfn, pref), value)),
            currency: s.currency,
          }
        : undefined;
    const suggestion =
      (origin.status === 'not_originating' || origin.status === 'undetermined') && options.suggestions !== false ? findSuggestion(a, s, origin, evalOptions) : undefined;
    const until = qualifies ? validUntil(origin, s, a, evalOptions) : undefined;
    return {
      agreement: { id, shortName: a.facts.shortName, name: a.facts.name },
      origin,
      proofs: qualifies ? proofOptions(a, s, value, options, metAlternative(a, origin)) : [],
      ...(waiver && qualifies ? { waiver: { id: waiver.id, text: waiver.text, cite: waiver.cite } } : {}),
      ...(origin.criterion ? { criterion: origin.criterion } : {}),
      ...(until ? { validUntil: until } : {}),
      margins,
      blockingMaterials: blocking,
      ...(suggestion ? { suggestion } : {}),
      ...(dutySaving ? { dutySaving } : {}),
    };
  });
  const ranking = rates ? 'duty_saving' : 'proof_simplicity';
  if (!rates) notes.push('duty rates were not given: qualifying agreements are ordered by the simplicity of the proof of origin, not by duty saved');
  const simplicity = (p: AgreementPreference) => (p.waiver ? 0 : p.proofs[0]?.usable === 'yes' ? (p.proofs[0].kind === 'self_declaration' ? 1 : 2) : 3);
  const saving = (p: AgreementPreference) => (p.dutySaving ? parseDecimal(p.dutySaving.amount)! : undefined);
  ranked.sort((x, y) => {
    const byStatus = STATUS_RANK[x.origin.status] - STATUS_RANK[y.origin.status];
    if (byStatus !== 0) return byStatus;
    if (ranking === 'duty_saving') {
      const sx = saving(x);
      const sy = saving(y);
      if (sx && sy) {
        const c = compare(sy, sx);
        if (c !== 0) return c;
      } else if (sx || sy) return sx ? -1 : 1;
    }
    return simplicity(x) - simplicity(y) || x.agreement.id.localeCompare(y.agreement.id);
  });
  const nonPreferentialFacts = COUNTRIES[s.exportingCountry]?.nonPreferential;
  const anyQualifies = ranked.some((p) => p.origin.status === 'originating');
  if (!value) notes.push('no consignment value: proof thresholds and waivers could not be checked');
  if (rates && !anyQualifies) notes.push('no agreement qualifies, so no duty saving applies');
  return {
    status: 'ok',
    shipment: { exportingCountry: s.exportingCountry, importingCountry: s.importingCountry, date: s.date, currency: s.currency },
    ranked,
    ranking,
    excluded,
    ...(!anyQualifies && nonPreferentialFacts ? { nonPreferential: nonPreferentialFacts } : {}),
    notes,
  };
}
