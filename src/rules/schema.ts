import { z } from 'zod';

/**
 * zod schemas of the rule files in `rules/<agreement>/`: `agreement.json` (the
 * agreement's facts) and `psr.json` (its product-specific rules). The same
 * schemas validate rule sets that users load themselves
 * ({@link compileAgreement}), and are published as JSON Schema in
 * `docs/schema/`.
 *
 * @module
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const percent = z.string().regex(/^\d{1,3}(\.\d+)?$/, 'a percentage as a decimal string such as "40" or "47.5"');
const country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code');

/** Where a fact comes from: a source id from `sources` plus the article, annex, page or line. */
export const citationSchema = z.object({
  source: z.string().min(1).describe('id of an entry in the agreement `sources` list'),
  ref: z.string().min(1).describe('article, annex, note, page or line within that source'),
});
export type Citation = z.infer<typeof citationSchema>;

const localized = z.object({ en: z.string().min(1), vi: z.string().min(1) });

export const partySchema = z.object({
  country: country,
  name: z.string().min(1),
  /** First date on which the agreement's preferences apply to trade with this party. */
  from: isoDate,
  /** Last date (inclusive) if the party withdrew or the agreement ended. */
  until: isoDate.optional(),
  cite: citationSchema,
});

export const toleranceSchema = z.object({
  percent: percent,
  basis: z.enum(['ex_works', 'fob', 'transaction_value']),
  /** Also allowed by net weight for products of these chapters (e.g. "02", "04".."24"). */
  weightAlternativeChapters: z.array(z.string().regex(/^\d{2}$/)).default([]),
  /** Chapters where this tolerance does not apply (e.g. textiles, which have their own notes). */
  excludedChapters: z.array(z.string().regex(/^\d{2}$/)).default([]),
  /** Chapters where the tolerance is measured by net weight only (against the product's weight). */
  weightOnlyChapters: z.array(z.string().regex(/^\d{2}$/)).default([]),
  /**
   * Chapters where the tolerance is withdrawn for some goods or materials the
   * data cannot tell apart: absorbing materials there gives `undetermined`, never
   * `originating`; exceeding it still fails.
   */
  uncertainChapters: z.array(z.string().regex(/^\d{2}$/)).default([]),
  /**
   * Chapters where a tolerance the data cannot evaluate may apply (e.g. textile
   * notes whose row references are not recorded): materials that break the rule
   * there give `undetermined`, never `not_originating`.
   */
  unknownToleranceChapters: z.array(z.string().regex(/^\d{2}$/)).default([]),
  /** Rule kinds the tolerance never relaxes (value and weight thresholds). */
  notFor: z.array(z.string()).default(['max_non_originating', 'regional_value_content', 'weight_limit']),
  cite: citationSchema,
  note: z.string().optional(),
});

/**
 * Textile tolerances that apply only to list rows referring to them (EU-model
 * Annex I Notes 6 and 7). `mixed`: non-conforming basic textile materials may
 * make up `percent` of the weight of all basic textile materials, in products of
 * two or more basic textile materials. `otherHeading`: non-conforming textile
 * materials of another heading than the product may make up `percent` of the
 * product's value; materials outside Chapters 50–63 may be used freely.
 */
export const textileTolerancesSchema = z.object({
  mixed: z.object({ percent: percent, cite: citationSchema }).optional(),
  otherHeading: z.object({ percent: percent, basis: z.enum(['ex_works', 'fob', 'transaction_value']), cite: citationSchema }).optional(),
});

export const cumulationSchema = z.object({
  /** Countries whose originating materials count as originating (with evidence). */
  bilateral: z.array(country),
  /** Further countries, each group with its conditions; counted only when the caller confirms them. */
  conditional: z
    .array(
      z.object({
        id: z.string(),
        countries: z.array(country),
        conditions: z.string(),
        /** Product HS chapters/headings the cumulation is restricted to, if any (empty: unrestricted). */
        products: z.array(z.string()).default([]),
        cite: citationSchema,
      }),
    )
    .default([]),
  /**
   * Partial cumulation (e.g. ATIGA Article 30(2)): a material from a party whose proof states a regional value
   * content of at least `minPercent` but below `belowPercent` counts, in value tests, for that share of its value.
   */
  partial: z.object({ minPercent: z.string(), belowPercent: z.string(), cite: citationSchema }).optional(),
  cite: citationSchema,
});

export const minimalOperationSchema = z.object({ id: z.string(), text: z.string() });

export const proofSchema = z.object({
  id: z.string(),
  /** A certificate issued by an authority, or a declaration the exporter makes out itself. */
  kind: z.enum(['certificate', 'self_declaration']).default('certificate'),
  /** Exporter status the proof needs, if any (given in the preferences options). */
  requires: z.enum(['approved_exporter', 'registered_exporter']).optional(),
  name: localized,
  /** Who makes it out or issues it, for exports from Vietnam. */
  issuer: localized,
  /** When it can be used, in plain words. */
  conditions: localized.optional(),
  /** Upper limit of the consignment value for this proof, if any. */
  maxConsignmentValue: z.object({ amount: z.string(), currency: z.string() }).optional(),
  validityMonths: z.number().int().positive().optional(),
  /**
   * What the form says about the origin criterion: the box, and the code written
   * for each kind of criterion met (`{percent}` takes the rule's threshold), e.g.
   * `{ tariff_shift_heading: "CTH", regional_value_content: "RVC {percent}%" }`.
   * A form without such a box has no `box` and says so in `note`.
   */
  originCriterion: z
    .object({
      box: z.string().optional(),
      codes: z.record(z.string(), z.string()).optional(),
      note: localized,
      cite: citationSchema,
    })
    .optional(),
  cite: citationSchema,
});

/** Consignments admitted as originating without any proof (small packages, travellers' luggage, low value). */
export const proofWaiverSchema = z.object({
  id: z.string(),
  /** Importing countries the waiver applies to (its value limit is theirs). */
  importingCountries: z.array(country),
  kinds: z.array(z.enum(['small_package', 'personal_luggage', 'any'])),
  maxValue: z.object({ amount: z.string(), currency: z.string() }),
  text: localized,
  cite: citationSchema,
});

export const sourceSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string().optional(),
  note: z.string().optional(),
});

/** A known limit of the rule data that every affected result states. */
const limitationSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]+$/),
  /** HS chapters of the products concerned; absent: every product. */
  chapters: z.array(z.string().regex(/^\d{2}$/)).optional(),
  /**
   * Countries the limitation concerns (e.g. Parties left out of the data): a
   * shipment excluded because such a country is not a party in the data says so.
   */
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  text: localized,
  cite: citationSchema,
});

/** How complete a product-specific-rule list is, per HS chapter. */
const completenessSchema = z.object({
  /** `unverified`: the rule data may not be the law in force (e.g. a superseded list); every verdict is then undetermined, with the verdict the data would give. */
  status: z.enum(['complete', 'partial', 'general_rule_only', 'unverified']),
  note: z.string(),
  /** Per HS chapter ("01"–"97"): whether the PSR data for it is complete, partial or absent. Unlisted chapters follow `status` (complete → complete, otherwise absent). */
  chapters: z.record(z.string().regex(/^\d{2}$/), z.enum(['complete', 'partial', 'absent'])).optional(),
});

/** Agreement facts: `rules/<id>/agreement.json`. */
export const agreementFactsSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  name: localized,
  shortName: z.string(),
  parties: z.array(partySchema).min(2),
  /** HS version the PSR table is keyed on. */
  hsVersion: z.enum(['HS2007', 'HS2012', 'HS2017', 'HS2022']),
  /** The product value percentages refer to by default. */
  valueBasis: z.enum(['ex_works', 'fob', 'transaction_value']),
  /** Default RVC formulas and basis for `RVC(x%)` without a method. */
  rvc: z
    .object({
      methods: z.array(z.enum(['build_down', 'build_up', 'net_cost', 'focused_value'])).min(1),
      cite: citationSchema,
    })
    .optional(),
  tolerance: toleranceSchema.optional(),
  textileTolerances: textileTolerancesSchema.optional(),
  cumulation: cumulationSchema,
  minimalOperations: z.object({
    operations: z.array(minimalOperationSchema),
    /** `false` when the agreement's list could not be read: the operations held may be incomplete (results say so). */
    listKnown: z.boolean().optional(),
    cite: citationSchema,
  }),
  /**
   * How packing, accessories and neutral elements count. `unknown`: the provision
   * could not be read; a product with such materials is then undetermined.
   */
  treatment: z.object({
    retailPacking: z.enum(['counted_with_product', 'disregarded', 'unknown']),
    transportPacking: z.enum(['disregarded', 'counted_with_product', 'unknown']),
    accessories: z.enum(['counted_with_product', 'disregarded', 'unknown']),
    indirectMaterials: z.enum(['disregarded', 'counted_as_originating']),
    cite: z.array(citationSchema),
  }),
  proofs: z.array(proofSchema),
  proofWaivers: z.array(proofWaiverSchema).default([]),
  sources: z.array(sourceSchema).min(1),
  /**
   * The rule for goods the PSR table does not list (e.g. ATIGA "RVC 40 % or CTH").
   * Applied only in chapters whose PSR data is complete: where the data is partial
   * or absent, a listed product's own rule may be missing, so the answer is
   * undetermined rather than the general rule.
   */
  generalRule: z
    .object({ rule: z.string().min(1), text: z.string(), cite: citationSchema })
    .optional(),
  /**
   * The date from which the product-specific rules in psr.json (and the general
   * rule) apply, when the list replaced an earlier one the data does not hold.
   * Shipments dated earlier are `undetermined` (reason `result_psr_not_in_force`,
   * with the verdict under the newer list shown for information).
   */
  psrInForceFrom: z.object({ date: isoDate, cite: citationSchema }).optional(),
  /**
   * Trade with some parties that moved, from a date, to a later list the data does
   * not hold (e.g. a protocol in force for some parties only). A shipment from or
   * to one of `countries` dated on or after `date` is `undetermined` (reason
   * `result_psr_superseded`, with the verdict under the list held shown).
   */
  psrSupersededFor: z.array(z.object({ countries: z.array(country).min(1), date: isoDate, cite: citationSchema })).optional(),
  /**
   * Known limits of the rule data that every affected result must state (e.g. a
   * list the data does not hold), so that a verdict is never read as covering them.
   */
  limitations: z.array(limitationSchema).optional(),
  /**
   * Earlier product-specific-rule lists the data holds, for shipments dated before
   * `psrInForceFrom`: each is a list file beside psr.json (same format, its own HS
   * version) that applied from `from` until the day before the next list's date.
   * A shipment is evaluated under the list in force on its date; one dated before
   * the earliest list is `undetermined` as under `psrInForceFrom`.
   */
  psrEditions: z
    .array(
      z.object({
        file: z.string().regex(/^psr-[a-z0-9-]+\.json$/, 'a list file name such as "psr-13-2019.json"'),
        from: isoDate,
        cite: citationSchema,
        completeness: completenessSchema,
        /** Limits of the data that concern this list only; added to the agreement's `limitations` for its shipments. */
        limitations: z.array(limitationSchema).optional(),
      }),
    )
    .optional(),
  completeness: completenessSchema,
});
export type AgreementFacts = z.infer<typeof agreementFactsSchema>;

/**
 * HS scope of a row: `"03"`, `"0304"`, `"030441"`, a tariff item, or a range of
 * equal-length codes `"0301-0303"`.
 */
export const hsScopeSchema = z
  .string()
  .regex(/^(\d{2}|\d{4}|\d{6}|\d{8}|\d{10})(-(\d{2}|\d{4}|\d{6}|\d{8}|\d{10}))?$/, 'an HS code or range such as "0301-0303"');

/** One row of the product-specific rules. */
export const psrRowSchema = z.object({
  id: z.string().regex(/^[a-z0-9_.-]+$/),
  scope: hsScopeSchema,
  /** Present on "ex" rows: the part of the scope the rule covers, which the caller chooses. */
  ex: z.string().optional(),
  description: z.string(),
  /** The rule in the rule language (docs/rule-language.md). */
  rule: z.string().min(1),
  /** The legal wording, for display and review. */
  text: z.string(),
  cite: citationSchema,
  note: z.string().optional(),
  /**
   * Set when the row may lack legal alternatives (e.g. a source that keeps only
   * the first line of a rule): a product failing the listed alternatives is then
   * `undetermined` with this reason, never `not_originating`.
   */
  incomplete: z.string().optional(),
  /** Textile tolerances this row refers to (by footnote in the legal list). */
  textileTolerances: z.array(z.enum(['mixed', 'otherHeading'])).optional(),
});
export type PsrRow = z.infer<typeof psrRowSchema>;

/** Product-specific rules: `rules/<id>/psr.json`. */
export const psrFileSchema = z.object({
  agreement: z.string(),
  hsVersion: z.enum(['HS2007', 'HS2012', 'HS2017', 'HS2022']),
  rows: z.array(psrRowSchema),
  /** HS ranges knowingly without a rule, each with why. */
  gaps: z.array(z.object({ scope: hsScopeSchema, reason: z.string() })).default([]),
});
export type PsrFile = z.infer<typeof psrFileSchema>;

/** Facts about an exporting country that do not belong to one agreement: `rules/countries/<CC>.json`. */
export const countryFactsSchema = z.object({
  country: country,
  name: localized,
  nonPreferential: z.object({
    form: z.string(),
    name: localized,
    note: localized,
    cite: z.array(citationSchema).min(1),
  }),
  sources: z.array(sourceSchema).min(1),
});
export type CountryFacts = z.infer<typeof countryFactsSchema>;
