import { z } from 'zod';

/**
 * The shipment input: what the exporter knows about a product, its bill of
 * materials and the consignment. Validated with zod; exported as JSON Schema in
 * `docs/schema/shipment.schema.json`.
 *
 * @module
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date as YYYY-MM-DD' });
const country = z.string().regex(/^[A-Z]{2}$/, { message: 'an ISO 3166-1 alpha-2 country code such as "VN"' });
const decimalText = /^\d+(\.\d+)?$/;

/**
 * An exact amount: a decimal string ("1250.50") or a safe integer. Binary
 * floats (1250.5 as a JSON number) are refused, so no value is ever rounded
 * before it is compared.
 */
export const amountSchema = z.union([
  z.string().regex(decimalText, { message: 'an exact non-negative decimal string such as "1250.50"' }),
  z.number().refine((n) => Number.isSafeInteger(n) && n >= 0, {
    message: 'a binary floating-point number is not exact: give the amount as a decimal string, e.g. "12.50"',
    params: { code: 'float_amount' },
  }),
]);

export const moneySchema = z.object({
  amount: amountSchema,
  currency: z.string().regex(/^[A-Z]{3}$/, { message: 'an ISO 4217 currency code such as "USD"' }),
});
export type Money = z.infer<typeof moneySchema>;

/** Net weight in kilograms, as an exact amount. */
const weightSchema = amountSchema;

export const evidenceSchema = z.object({
  /** Agreements (ids such as "ukvfta") under which the evidence shows the material originating. */
  agreements: z.array(z.string()).min(1),
  type: z.enum(['supplier_declaration', 'certificate_of_origin', 'origin_declaration', 'producer_record']),
  reference: z.string().optional(),
  /**
   * The material's regional value content as its proof states it, in percent (e.g. "30" for ATIGA's "PC 30%").
   * Under an agreement with partial cumulation, a value below that agreement's threshold makes the material count
   * in value tests for this share only, and as non-originating in every other test.
   */
  regionalValueContent: z.string().regex(decimalText, { message: 'a percentage as a decimal string such as "30"' }).optional(),
  issued: isoDate.optional(),
  expires: isoDate.optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const materialRoleSchema = z.enum([
  'component',
  'retail_packing',
  'transport_packing',
  'accessory',
  'indirect',
]);

export const hsVersionSchema = z.enum(['HS2012', 'HS2017', 'HS2022']);
const hsCodesSchema = z.object({ HS2007: z.string().optional(), HS2012: z.string().optional(), HS2017: z.string().optional(), HS2022: z.string().optional() });

/** A material of the bill of materials; `bom` when the producer made it itself. */
export interface MaterialInput {
  id: string;
  description?: string | undefined;
  hsCode: string;
  /** The code in other HS versions, where the caller knows it (used when a rule set is keyed on that version). */
  hsCodes?: Partial<Record<'HS2007' | 'HS2012' | 'HS2017' | 'HS2022', string>> | undefined;
  value: Money;
  weight?: string | number | undefined;
  originCountry?: string | undefined;
  tags?: string[] | undefined;
  role?: z.infer<typeof materialRoleSchema> | undefined;
  evidence?: Evidence[] | undefined;
  bom?: IntermediateBomInput | undefined;
}

/** How the producer made an intermediate material. */
export interface IntermediateBomInput {
  operations?: string[] | undefined;
  declarations?: Record<string, boolean> | undefined;
  exWorksPrice?: Money | undefined;
  materials: MaterialInput[];
}

export const materialSchema: z.ZodType<MaterialInput> = z.lazy(() =>
  z.object({
    id: z.string().min(1),
    description: z.string().optional(),
    hsCode: z.string().min(1),
    hsCodes: hsCodesSchema.optional(),
    value: moneySchema,
    weight: weightSchema.optional(),
    originCountry: country.optional(),
    tags: z.array(z.string()).optional(),
    role: materialRoleSchema.optional(),
    evidence: z.array(evidenceSchema).optional(),
    bom: intermediateBomSchema.optional(),
  }),
);

export const intermediateBomSchema: z.ZodType<IntermediateBomInput> = z.lazy(() =>
  z.object({
    operations: z.array(z.string()).optional(),
    declarations: z.record(z.string(), z.boolean()).optional(),
    exWorksPrice: moneySchema.optional(),
    materials: z.array(materialSchema),
  }),
);

export const productSchema = z.object({
  hsCode: z.string().min(1),
  hsVersion: hsVersionSchema.default('HS2022'),
  /** The product code in other HS versions, where the caller knows it (settles ambiguous transpositions). */
  hsCodes: hsCodesSchema.optional(),
  description: z.string().optional(),
  exWorksPrice: moneySchema.optional(),
  fobValue: moneySchema.optional(),
  transactionValue: moneySchema.optional(),
  netCost: moneySchema.optional(),
  /** Cost components for build-up RVC formulas. */
  costs: z
    .object({
      directLabour: moneySchema.optional(),
      directOverhead: moneySchema.optional(),
      profit: moneySchema.optional(),
      other: moneySchema.optional(),
    })
    .optional(),
  weight: weightSchema.optional(),
  /** The product is wholly obtained in the exporting country (e.g. fish caught by its vessels). */
  whollyObtained: z.boolean().optional(),
  /** Working or processing the producer carries out (process ids, see docs/rule-language.md). */
  operations: z.array(z.string()).optional(),
  /** Answers to rule conditions only the producer can attest (`Declared(id, …)` rules). */
  declarations: z.record(z.string(), z.boolean()).optional(),
  /** For rules split into "ex" parts: the chosen rule row id, per agreement id. */
  subdivision: z.record(z.string(), z.string()).optional(),
  materials: z.array(materialSchema),
});
export type ProductInput = z.infer<typeof productSchema>;

export const exchangeRateSchema = z.object({
  from: z.string().regex(/^[A-Z]{3}$/),
  to: z.string().regex(/^[A-Z]{3}$/),
  /** Units of `to` for one unit of `from`, as an exact decimal string. */
  rate: z.string().regex(/^\d+(\.\d+)?$/, { message: 'an exact decimal string such as "25430.5"' }),
});

export const shipmentSchema = z.object({
  exportingCountry: country,
  importingCountry: country,
  /** Shipment date: every date-dependent rule is judged on it (nothing reads the clock). */
  date: isoDate,
  exchangeRates: z.array(exchangeRateSchema).optional(),
  /** The whole consignment (all units of the product): for proof-of-origin thresholds, waivers and duty. */
  consignment: z
    .object({
      value: moneySchema,
      kind: z.enum(['commercial', 'small_package', 'personal_luggage']).default('commercial'),
    })
    .optional(),
  product: productSchema,
});
export type ShipmentInput = z.input<typeof shipmentSchema>;
export type Shipment = z.output<typeof shipmentSchema>;
