import type { NormalizedMaterial, NormalizedProduct } from '../input/normalizeShipment.js';
import type { Issue } from '../issues.js';
import type { Rational } from '../money/rational.js';
import type { CompiledAgreement } from '../rules/compileAgreement.js';
import type { RuleNode } from '../rules/ast.js';
import type { ProductDetermination } from '../evaluate/evaluateOrigin.js';

/** Why a material is (not) originating under the agreement being evaluated. */
export type OriginBasis =
  | 'evidence_exporting_party'
  | 'evidence_cumulation'
  | 'evidence_conditional_cumulation'
  | 'intermediate_qualifies'
  | 'intermediate_fails'
  | 'intermediate_undetermined'
  | 'no_evidence'
  | 'evidence_expired'
  | 'conditional_cumulation_not_confirmed'
  | 'partial_cumulation'
  | 'regional_content_too_low'
  | 'non_party_origin';

/** A counted material with its originating status for one agreement. */
export interface ClassifiedMaterial {
  readonly material: NormalizedMaterial;
  readonly originating: boolean;
  readonly basis: OriginBasis | 'not_counted';
  /** Value counted as non-originating (0 when originating). */
  readonly nonOriginatingAmount: Rational;
  /** `nonOriginatingAmount` for display. */
  readonly nonOriginatingText: string;
  /** True when its status could not be settled and the worst case was assumed. */
  readonly uncertain: boolean;
  /** For a material the producer made: its own determination. */
  readonly intermediate: ProductDetermination | undefined;
}

/** What a criterion sees of the product. */
export interface ProductFacts
  extends Pick<NormalizedProduct, 'hsCode' | 'exWorksPrice' | 'fobValue' | 'transactionValue' | 'netCost' | 'costs' | 'weight' | 'whollyObtained' | 'operations' | 'declarations'> {
  /** Input path of the product (or intermediate material) for issues. */
  readonly path: readonly (string | number)[];
}

export interface CriterionContext {
  readonly agreement: CompiledAgreement;
  readonly product: ProductFacts;
  readonly materials: readonly ClassifiedMaterial[];
  readonly currency: string;
  /** Textile tolerances the applied rule row refers to. */
  readonly textileTolerances?: readonly ('mixed' | 'otherHeading')[];
}

/** A message key and its parameters, rendered per language by the report layer. */
export interface Reason {
  readonly key: string;
  readonly params?: Readonly<Record<string, string>>;
}

/** A material's part in a criterion's verdict. */
export interface MaterialVerdict {
  readonly id: string;
  readonly verdict: 'ok' | 'offending' | 'same_level_allowed' | 'allowed' | 'to_judge' | 'counted';
  readonly hsCode: string;
  readonly value: string;
  /** Net weight in kg, when given (undefined otherwise, omitted from JSON). */
  readonly weight: string | undefined;
}

/**
 * The outcome of one leaf. `offending` lists non-originating materials that
 * break a classification or process condition: the tolerance (de minimis) may
 * still absorb them, which the tree evaluator decides for the whole alternative.
 */
export interface LeafOutcome {
  readonly status: 'met' | 'not_met' | 'undetermined';
  readonly offending?: readonly ClassifiedMaterial[];
  readonly reason: Reason;
  readonly figures?: Readonly<Record<string, string>>;
  readonly materials?: readonly MaterialVerdict[];
  readonly issues?: readonly Issue[];
}

/** One small, self-describing check per rule kind (valibot style). */
export interface Criterion<K extends RuleNode['kind']> {
  readonly kind: K;
  /** Whether failures of this criterion are material-by-material and may be absorbed by the tolerance. */
  readonly tolerable: boolean;
  run(node: Extract<RuleNode, { kind: K }>, ctx: CriterionContext): LeafOutcome;
}
