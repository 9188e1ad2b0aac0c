/**
 * Exact non-negative-denominator fractions over bigint. Money amounts, exchange
 * rates and percentages all become rationals, so that sums and comparisons are
 * exact and scale-invariant; rounding happens only in {@link formatRational}.
 *
 * @module
 */

/** A fraction `n / d` with `d > 0`, always reduced. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Builds a reduced rational; throws on a zero denominator (a programmer error). */
export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('rational: zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

export const ZERO: Rational = { n: 0n, d: 1n };
export const HUNDRED: Rational = { n: 100n, d: 1n };

// Arithmetic keeps fractions unreduced (gcd is the costly part of bigint work);
// comparisons cross-multiply and display reduces, so results are the same.
const raw = (n: bigint, d: bigint): Rational => (d < 0n ? { n: -n, d: -d } : { n, d });
export const add = (a: Rational, b: Rational): Rational => (a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d });
export const sub = (a: Rational, b: Rational): Rational => (a.d === b.d ? { n: a.n - b.n, d: a.d } : { n: a.n * b.d - b.n * a.d, d: a.d * b.d });
export const mul = (a: Rational, b: Rational): Rational => ({ n: a.n * b.n, d: a.d * b.d });
/** Divides; throws on division by zero (callers check the denominator first). */
export const div = (a: Rational, b: Rational): Rational => {
  if (b.n === 0n) throw new RangeError('rational: division by zero');
  return raw(a.n * b.d, a.d * b.n);
};
/** The same value in lowest terms. */
export const reduce = (r: Rational): Rational => rational(r.n, r.d);

/** Compares by cross-multiplication: -1, 0 or 1. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export const isZero = (a: Rational): boolean => a.n === 0n;
/** A running exact sum, for {@link addTo}. */
export interface RationalSum {
  n: bigint;
  d: bigint;
}

/**
 * Adds `x` to a running sum in place (amounts usually share a denominator, so no
 * rescaling). `acc` is mutated: start from a fresh `{ n: 0n, d: 1n }`, never from a shared constant.
 */
export function addTo(acc: RationalSum, x: Rational): void {
  if (x.d === acc.d) acc.n += x.n;
  else if (acc.d % x.d === 0n) acc.n += x.n * (acc.d / x.d);
  else {
    acc.n = acc.n * x.d + x.n * acc.d;
    acc.d *= x.d;
  }
}

/** Exact sum (not reduced: comparisons cross-multiply and display reduces). */
export const sum = (xs: Iterable<Rational>): Rational => {
  const acc: RationalSum = { n: 0n, d: 1n };
  for (const x of xs) addTo(acc, x);
  return acc;
};

const POW10 = [1n, 10n, 100n, 1000n, 10000n, 100000n, 1000000n];

const DECIMAL = /^-?\d+(\.\d+)?$/;

const parsedCache = new Map<string, Rational>();

/** {@link parseDecimal} for rule-data constants (percentages), memoised. */
export function parseConstant(text: string): Rational {
  let r = parsedCache.get(text);
  if (!r) {
    r = parseDecimal(text);
    if (!r) throw new RangeError(`not a decimal constant: ${text}`);
    parsedCache.set(text, r);
  }
  return r;
}

/** Reads an exact decimal string ("12.50", "-3", "0.075"); undefined when malformed. */
export function parseDecimal(text: string): Rational | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const neg = text.startsWith('-');
  const body = neg ? text.slice(1) : text;
  const [int, frac = ''] = body.split('.');
  const n = BigInt(int! + frac) * (neg ? -1n : 1n);
  // Kept over a power of ten: amounts with the same decimals then add without rescaling.
  return { n, d: POW10[frac.length] ?? 10n ** BigInt(frac.length) };
}

/** `part / whole` as a percentage (exact); undefined when `whole` is zero. */
export function percentOf(part: Rational, whole: Rational): Rational | undefined {
  return isZero(whole) ? undefined : div(mul(part, HUNDRED), whole);
}

/** `percent % of whole`, exactly. */
export const percentAmount = (percent: Rational, whole: Rational): Rational => div(mul(percent, whole), HUNDRED);

/**
 * Decimal text with `digits` fraction digits, rounded half away from zero.
 * For display only: never compare rounded values.
 *
 * @example
 * ```ts
 * formatRational(rational(2n, 3n), 2); // → "0.67"
 * ```
 */
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** `SAFE / 10^k` for the usual display precisions (computed once, not per call). */
const SAFE_OVER_POW10 = POW10.map((p) => SAFE / p);
const POW10_NUMBER = POW10.map(Number);

/** "00" … "99": the cents of two-decimal text without a number-to-string conversion. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? '0' : '') + i);

export function formatRational(r: Rational, digits = 2): string {
  // Two decimals over a power-of-ten denominator is nearly every figure of a trace (amounts are kept over 10^k):
  // no conversion of the denominator and no division by it.
  if (digits === 2) {
    const d = r.d;
    const shift = d === 100n ? 1 : d === 10000n ? 100 : d === 1000000n ? 10000 : d === 1000n ? 10 : 0;
    if (shift !== 0 && r.n <= SAFE && r.n >= -SAFE) {
      const x = Number(r.n);
      const ax = x < 0 ? -x : x;
      let q = shift === 1 ? ax : Math.floor(ax / shift);
      if (shift !== 1) {
        let rem = ax - q * shift;
        if (rem < 0) (q -= 1), (rem += shift);
        else if (rem >= shift) (q += 1), (rem -= shift);
        if (rem * 2 >= shift) q += 1;
      }
      const whole = Math.floor(q / 100);
      const out = whole + '.' + TWO_DIGITS[q - whole * 100]!;
      return x < 0 && q !== 0 ? '-' + out : out;
    }
  }
  const neg = r.n < 0n;
  const n = neg ? -r.n : r.n;
  const limit = SAFE_OVER_POW10[digits];
  // Fast path: when n·10^digits and d fit in a double's integer range, integer
  // arithmetic on numbers is exact and much cheaper than on bigints.
  if (limit !== undefined && n <= limit && r.d <= SAFE) {
    const scaleNumber = POW10_NUMBER[digits]!;
    const scaled = Number(n) * scaleNumber;
    const d = Number(r.d);
    let q = Math.floor(scaled / d);
    let rem = scaled - q * d;
    // The float quotient may round across an integer: settle q so that 0 ≤ rem < d.
    if (rem < 0) {
      q -= 1;
      rem += d;
    } else if (rem >= d) {
      q += 1;
      rem -= d;
    }
    if (rem * 2 >= d) q += 1;
    if (digits === 0) return neg && q !== 0 ? `-${q}` : String(q);
    const whole = Math.floor(q / scaleNumber);
    const cents = q - whole * scaleNumber;
    let out: string;
    // Two decimals (money, percentages) is nearly every call: plain concatenation is the cheapest form.
    if (digits === 2) out = (cents < 10 ? whole + '.0' : whole + '.') + cents;
    else {
      const frac = String(cents);
      out = whole + '.' + (frac.length < digits ? '0'.repeat(digits - frac.length) + frac : frac);
    }
    return neg && q !== 0 ? '-' + out : out;
  }
  return formatRationalExact(neg, n, r.d, digits);
}

/** The bigint path of {@link formatRational} (any size); exported for tests. */
export function formatRationalExact(neg: boolean, n: bigint, den: bigint, digits: number): string {
  const r = { n, d: den };
  const scale = POW10[digits] ?? 10n ** BigInt(digits);
  let q: bigint;
  if (scale % r.d === 0n) q = n * (scale / r.d); // exact: no rounding needed
  else {
    q = (n * scale) / r.d;
    if (((n * scale) % r.d) * 2n >= r.d) q += 1n;
  }
  const s = q.toString().padStart(digits + 1, '0');
  const out = digits > 0 ? `${s.slice(0, -digits)}.${s.slice(-digits)}` : s;
  return neg && q !== 0n ? `-${out}` : out;
}

/** Exact decimal text when the denominator allows it (2^a·5^b), else `formatRational(r, 6)`. */
export function toDecimalString(value: Rational): string {
  const r = reduce(value);
  let d = r.d;
  let k = 0;
  while (d % 10n === 0n) (d /= 10n), k++;
  let twos = 0, fives = 0;
  while (d % 2n === 0n) (d /= 2n), twos++;
  while (d % 5n === 0n) (d /= 5n), fives++;
  if (d !== 1n) return formatRational(r, 6);
  const digits = k + Math.max(twos, fives);
  const s = formatRational(r, digits);
  return digits > 0 ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
