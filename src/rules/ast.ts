/**
 * The rule expression tree: what a product-specific rule (PSR) requires, as data.
 *
 * Rules are authored in a compact text form (see `docs/rule-language.md` and
 * {@link parseRuleExpression}) and compiled to this tree. Every node is plain,
 * JSON-serialisable data so that compiled rule sets can be shipped, diffed and
 * validated like any other data.
 *
 * @module
 */

/** A value basis a percentage is taken of. */
export type ValueBasis = 'ex_works' | 'fob' | 'transaction_value' | 'net_cost';

/** A percentage as a decimal string, e.g. `"40"` or `"47.5"`; compared exactly. */
export type Percent = string;

/**
 * One item of a material selector. HS items match by code prefix (`chapter` = 2
 * digits, `heading` = 4, `subheading` = 6, `tariff_item` = 8 or more); a range
 * matches every code whose prefix of the same length lies between `from` and `to`
 * inclusive. A `tag` item matches materials the caller has tagged with that word
 * (for materials the legal text names by description, such as "sugar").
 */
export type SelectorItem =
  | { readonly type: 'hs'; readonly from: string; readonly to: string }
  | { readonly type: 'tag'; readonly tag: string };

/** A set of materials, named by HS codes or caller tags. */
export type MaterialSelector = readonly SelectorItem[];

/** Level of a change of tariff classification; `none` = "materials of any heading". */
export type TariffShiftLevel = 'chapter' | 'heading' | 'subheading' | 'tariff_item' | 'none';

/** Regional value content formulas. */
export type RvcMethod = 'build_down' | 'build_up' | 'net_cost' | 'focused_value' | 'agreement_default';

/** Either alternative may be met; `of` keeps the legal order. */
export interface AnyOfNode {
  readonly kind: 'any_of';
  readonly of: readonly RuleNode[];
}

/** Every part must be met. */
export interface AllOfNode {
  readonly kind: 'all_of';
  readonly of: readonly RuleNode[];
}

/** The product itself is wholly obtained in the exporting party. */
export interface WhollyObtainedNode {
  readonly kind: 'wholly_obtained';
}

/** The product is produced exclusively from originating materials. */
export interface ProducedExclusivelyNode {
  readonly kind: 'produced_exclusively';
}

/**
 * Change of tariff classification: every non-originating material must be
 * classified at `level` differently from the product, must not fall in `except`,
 * and materials of the product's own `level` may be used up to `sameLevelMax`.
 * With level `none` there is no change requirement, only the exceptions.
 * `allow` lists materials that may be used whatever their classification.
 */
export interface TariffShiftNode {
  readonly kind: 'tariff_shift';
  readonly level: TariffShiftLevel;
  readonly except?: MaterialSelector;
  readonly allow?: MaterialSelector;
  readonly sameLevelMax?: { readonly percent: Percent; readonly basis: ValueBasis };
}

/**
 * Value of non-originating materials (all of them, or those in `materials`)
 * does not exceed `percent` of the value `basis` of the product.
 */
export interface MaxNonOriginatingNode {
  readonly kind: 'max_non_originating';
  readonly percent: Percent;
  readonly basis: ValueBasis;
  readonly materials?: MaterialSelector;
}

/** Regional value content of not less than `percent` by `method`. */
export interface RegionalValueContentNode {
  readonly kind: 'regional_value_content';
  readonly percent: Percent;
  readonly basis: ValueBasis;
  readonly method: RvcMethod;
  /** For the focused value method: the non-originating materials counted. */
  readonly materials?: MaterialSelector;
}

/**
 * Weight of non-originating materials in `materials` does not exceed `percent`
 * of the weight of the product (or of the materials in `relativeTo`).
 * `each`: every material group separately (the "individual weight" wording).
 */
export interface WeightLimitNode {
  readonly kind: 'weight_limit';
  readonly percent: Percent;
  readonly materials: MaterialSelector;
  readonly each: boolean;
  readonly relativeTo?: MaterialSelector;
}

/** All materials in `materials` used are wholly obtained (none is non-originating). */
export interface MaterialsWhollyObtainedNode {
  readonly kind: 'materials_wholly_obtained';
  readonly materials: MaterialSelector;
}

/**
 * "Manufacture from <materials>": non-originating materials must be classified
 * in `materials`. Other non-originating materials may be at an earlier stage or
 * unable by nature to meet the requirement, which only a person can judge: the
 * criterion is then undetermined unless the caller confirms with a declaration.
 */
export interface ManufactureFromNode {
  readonly kind: 'manufacture_from';
  readonly materials: MaterialSelector;
}

/** A named working or processing operation the producer must carry out. */
export interface SpecificProcessNode {
  readonly kind: 'specific_process';
  readonly process: string;
}

/**
 * A condition the engine cannot compute from a bill of materials (e.g.
 * "manufacture from boards not cut to size"); met only when the caller
 * declares `id` true, and then shown as relying on that declaration.
 */
export interface DeclaredConditionNode {
  readonly kind: 'declared_condition';
  readonly id: string;
  readonly text: string;
}

/** Any node of the rule tree. */
export type RuleNode =
  | AnyOfNode
  | AllOfNode
  | WhollyObtainedNode
  | ProducedExclusivelyNode
  | TariffShiftNode
  | MaxNonOriginatingNode
  | RegionalValueContentNode
  | WeightLimitNode
  | MaterialsWhollyObtainedNode
  | ManufactureFromNode
  | SpecificProcessNode
  | DeclaredConditionNode;

/** The `kind` of every leaf node. */
export type LeafKind = Exclude<RuleNode['kind'], 'any_of' | 'all_of'>;
