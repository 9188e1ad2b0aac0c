import { isValid, parseISO } from 'date-fns';
import type { z } from 'zod';
import { normalizeHsCode } from '../hs/hsCode.js';
import { type Issue, makeIssue } from '../issues.js';
import { type Rational, div, formatRational, mul, parseDecimal, rational, toDecimalString } from '../money/rational.js';
import {
  type Evidence,
  type IntermediateBomInput,
  type MaterialInput,
  type Money,
  type Shipment,
  shipmentSchema,
} from './schema.js';

/** A material with exact values in the shipment's currency and a normalised HS code. */
export interface NormalizedMaterial {
  readonly id: string;
  readonly path: readonly (string | number)[];
  readonly description: string;
  readonly hsCode: string;
  /** Codes the caller gave for other HS versions. */
  readonly hsCodes: Readonly<Partial<Record<HsVersion, string>>>;
  /** After transposition, when the goods of the code are split between several codes of the rules' version. */
  readonly hsCandidates?: readonly string[];
  readonly value: Rational;
  /** `value` for display (two decimals), formatted once. */
  readonly valueText: string;
  readonly weight: Rational | undefined;
  readonly weightText: string | undefined;
  readonly originCountry: string | undefined;
  readonly tags: readonly string[];
  readonly role: 'component' | 'retail_packing' | 'transport_packing' | 'accessory' | 'indirect';
  readonly evidence: readonly Evidence[];
  readonly bom: NormalizedBom | undefined;
}

export interface NormalizedBom {
  readonly operations?: readonly string[];
  readonly declarations: Readonly<Record<string, boolean>>;
  readonly exWorksPrice?: Rational;
  readonly materials: readonly NormalizedMaterial[];
}

/** HS editions rule data may use; inputs are given in HS2012, HS2017 or HS2022 (HS2007 only through `hsCodes`). */
export type HsVersion = 'HS2007' | 'HS2012' | 'HS2017' | 'HS2022';

export interface NormalizedProduct {
  readonly hsCode: string;
  readonly hsCodes: Readonly<Partial<Record<HsVersion, string>>>;
  /** The edition of `hsCode`: as given, or the rule set's edition once transposed (which may be HS2007). */
  readonly hsVersion: HsVersion;
  readonly description: string;
  readonly exWorksPrice?: Rational;
  readonly fobValue?: Rational;
  readonly transactionValue?: Rational;
  readonly netCost?: Rational;
  readonly costs: { readonly directLabour?: Rational; readonly directOverhead?: Rational; readonly profit?: Rational; readonly other?: Rational };
  readonly weight?: Rational;
  readonly whollyObtained: boolean;
  readonly operations?: readonly string[];
  readonly declarations: Readonly<Record<string, boolean>>;
  readonly subdivision: Readonly<Record<string, string>>;
  readonly materials: readonly NormalizedMaterial[];
}

/** A validated shipment: exact amounts in one currency, normalised codes. */
export interface NormalizedShipment {
  readonly exportingCountry: string;
  readonly importingCountry: string;
  readonly date: string;
  /** The currency every amount has been converted into. */
  readonly currency: string;
  readonly product: NormalizedProduct;
  readonly input: Shipment;
}

export type SafeParseShipmentResult =
  | { readonly success: true; readonly data: NormalizedShipment; readonly issues: readonly Issue[] }
  | { readonly success: false; readonly issues: readonly Issue[] };

const POW10 = [1n, 10n, 100n, 1000n, 10000n, 100000n, 1000000n];
const NO_TAGS: readonly string[] = [];
const NO_EVIDENCE: readonly Evidence[] = [];
const NO_CODES: Readonly<Partial<Record<HsVersion, string>>> = {};

/** Reads an amount zod has already validated (decimal string or safe integer), without re-checking it. */
function parseValidDecimal(amount: string | number): Rational {
  if (typeof amount === 'number') return { n: BigInt(amount), d: 1n };
  const dot = amount.indexOf('.');
  if (dot < 0) return { n: BigInt(amount), d: 1n };
  const frac = amount.length - dot - 1;
  return { n: BigInt(amount.slice(0, dot) + amount.slice(dot + 1)), d: POW10[frac] ?? 10n ** BigInt(frac) };
}

function fromZod(issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.map((i) => {
    const params = (i as { params?: { code?: string } }).params;
    const code =
      params?.code === 'float_amount'
        ? 'float_amount'
        : i.code === 'invalid_type'
          ? (i as { input?: unknown }).input === undefined
            ? 'required'
            : 'invalid_type'
          : i.code === 'invalid_format'
            ? 'invalid_format'
            : 'invalid_value';
    // A union reports each branch: prefer the float message when it is the cause.
    const nested = (i as { errors?: z.core.$ZodIssue[][] }).errors?.flat();
    const float = nested?.find((n) => (n as { params?: { code?: string } }).params?.code === 'float_amount');
    if (float) return makeIssue('float_amount', i.path as (string | number)[], float.message, undefined, 'error');
    return makeIssue(code, i.path as (string | number)[], i.message, undefined, 'error');
  });
}

/**
 * Validates a shipment and converts it to exact values in a single currency.
 * Never throws on bad input: problems come back as issues with a code and a path.
 *
 * @example
 * ```ts
 * const r = safeParseShipment({ exportingCountry: 'VN', importingCountry: 'GB', date: '2026-03-01',
 *   product: { hsCode: '610910', exWorksPrice: { amount: 12.5, currency: 'USD' }, materials: [] } });
 * // → { success: false, issues: [{ code: 'float_amount', path: ['product', 'exWorksPrice', 'amount'], … }] }
 * ```
 */
export function safeParseShipment(input: unknown): SafeParseShipmentResult {
  const parsed = shipmentSchema.safeParse(input);
  if (!parsed.success) return { success: false, issues: fromZod(parsed.error.issues) };
  const s = parsed.data;
  const issues: Issue[] = [];
  const err = (code: Issue['code'], path: (string | number)[], message: string, params?: Record<string, string>) =>
    issues.push(makeIssue(code, path, message, params, 'error'));

  if (!isValid(parseISO(s.date))) err('invalid_date', ['date'], `"${s.date}" is not a calendar date`);

  const p = s.product;
  const currency = p.exWorksPrice?.currency ?? p.fobValue?.currency ?? p.transactionValue?.currency ?? p.materials[0]?.value.currency ?? 'USD';
  const rates = new Map<string, Rational>();
  for (const r of s.exchangeRates ?? []) {
    const rate = parseDecimal(r.rate)!;
    if (rate.n === 0n) continue;
    if (r.to === currency) rates.set(r.from, rate);
    else if (r.from === currency) rates.set(r.to, div(rational(1n), rate));
  }
  const missing = new Set<string>();
  const money = (m: Money | undefined): Rational | undefined => {
    if (!m) return undefined;
    const amount = parseValidDecimal(m.amount);
    if (m.currency === currency) return amount;
    const rate = rates.get(m.currency);
    if (!rate) {
      missing.add(m.currency);
      return amount;
    }
    return mul(amount, rate);
  };
  const weight = (w: string | number | undefined) => (w === undefined ? undefined : parseValidDecimal(w));
  const hs = (code: string, base: readonly (string | number)[]): string => {
    const n = normalizeHsCode(code);
    if (!n) err('invalid_hs_code', [...base, 'hsCode'], `"${code}" is not an HS code of 6, 8 or 10 digits`, { code });
    return n ?? code;
  };
  const otherCodes = (codes: Partial<Record<HsVersion, string>> | undefined, base: readonly (string | number)[]) => {
    if (!codes) return NO_CODES;
    const out: Partial<Record<HsVersion, string>> = {};
    for (const [v, c] of Object.entries(codes ?? {}) as [HsVersion, string][]) out[v] = hs(c, [...base, 'hsCodes', v]);
    return out;
  };
  const checkDates = (ev: Evidence[] | undefined, path: (string | number)[]) =>
    (ev ?? []).forEach((e, k) => {
      for (const key of ['issued', 'expires'] as const) {
        const d = e[key];
        if (d && !isValid(parseISO(d))) err('invalid_date', [...path, k, key], `"${d}" is not a calendar date`);
      }
    });

  const seen = new Set<string>();
  const materials = (list: MaterialInput[], path: (string | number)[]): NormalizedMaterial[] =>
    list.map((m, i) => {
      const mp = [...path, i];
      if (seen.has(m.id)) err('duplicate_material_id', [...mp, 'id'], `material id "${m.id}" is used twice`, { id: m.id });
      seen.add(m.id);
      if (m.evidence) checkDates(m.evidence, [...mp, 'evidence']);
      const w = weight(m.weight);
      const value = money(m.value)!;
      const out: NormalizedMaterial = {
        id: m.id,
        path: mp,
        description: m.description ?? m.id,
        hsCode: hs(m.hsCode, mp),
        hsCodes: otherCodes(m.hsCodes, mp),
        value,
        valueText: formatRational(value, 2),
        // One shape for every material (absent parts undefined): this runs per BOM line.
        weight: w,
        weightText: w ? toDecimalString(w) : undefined,
        originCountry: m.originCountry,
        tags: m.tags ?? NO_TAGS,
        role: m.role ?? 'component',
        evidence: m.evidence ?? NO_EVIDENCE,
        bom: m.bom ? bom(m.bom, [...mp, 'bom']) : undefined,
      };
      return out;
    });
  const bom = (b: IntermediateBomInput, path: (string | number)[]): NormalizedBom => {
    const ex = money(b.exWorksPrice);
    return {
      ...(b.operations ? { operations: b.operations } : {}),
      declarations: b.declarations ?? {},
      ...(ex ? { exWorksPrice: ex } : {}),
      materials: materials(b.materials, [...path, 'materials']),
    };
  };

  const opt = <K extends string>(key: K, v: Rational | undefined) => (v ? ({ [key]: v } as Record<K, Rational>) : {});
  const costs = p.costs ?? {};
  const product: NormalizedProduct = {
    hsCode: hs(p.hsCode, ['product']),
    hsCodes: otherCodes(p.hsCodes, ['product']),
    hsVersion: p.hsVersion,
    description: p.description ?? '',
    ...opt('exWorksPrice', money(p.exWorksPrice)),
    ...opt('fobValue', money(p.fobValue)),
    ...opt('transactionValue', money(p.transactionValue)),
    ...opt('netCost', money(p.netCost)),
    costs: {
      ...opt('directLabour', money(costs.directLabour)),
      ...opt('directOverhead', money(costs.directOverhead)),
      ...opt('profit', money(costs.profit)),
      ...opt('other', money(costs.other)),
    },
    ...opt('weight', weight(p.weight)),
    whollyObtained: p.whollyObtained ?? false,
    ...(p.operations ? { operations: p.operations } : {}),
    declarations: p.declarations ?? {},
    subdivision: p.subdivision ?? {},
    materials: materials(p.materials, ['product', 'materials']),
  };
  if (missing.size > 0) {
    const list = [...missing].sort().join(', ');
    err('missing_exchange_rate', ['exchangeRates'], `amounts in ${list} need an exchange rate to ${currency}`, {
      currencies: list,
      target: currency,
    });
  }
  if (issues.length > 0) return { success: false, issues };
  return {
    success: true,
    issues: [],
    data: { exportingCountry: s.exportingCountry, importingCountry: s.importingCountry, date: s.date, currency, product, input: s },
  };
}
