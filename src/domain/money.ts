/** ISO 4217 currency code, upper case (EUR, USD, GBP…). */
export type CurrencyCode = string;

/** An exact amount: integer minor units (cents) plus its currency. Never a float, never mixed across currencies. */
export type Money = Readonly<{ minor: number; currency: CurrencyCode }>;

export class CurrencyMismatchError extends Error {
  constructor(a: CurrencyCode, b: CurrencyCode) {
    super(`cannot combine ${a} with ${b}`);
    this.name = 'CurrencyMismatchError';
  }
}

export function money(minor: number, currency: CurrencyCode): Money {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`minor units must be a safe integer, got ${minor}`);
  return { minor, currency };
}

export const zero = (currency: CurrencyCode): Money => ({ minor: 0, currency });

export function add(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
  return money(a.minor + b.minor, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
  return money(a.minor - b.minor, a.currency);
}

/** Totals per currency, in first-seen order: the only way amounts of several currencies are summed. */
export function totalsByCurrency(amounts: Iterable<Money>): Money[] {
  const totals = new Map<CurrencyCode, number>();
  for (const m of amounts) totals.set(m.currency, (totals.get(m.currency) ?? 0) + m.minor);
  return [...totals].map(([currency, minor]) => money(minor, currency));
}

export const negate = (m: Money): Money => money(-m.minor, m.currency);

/** Sum of amounts that must all be in `currency` (an empty list gives zero; a stray currency throws). */
export function sum(currency: CurrencyCode, amounts: Iterable<Money>): Money {
  let total = zero(currency);
  for (const m of amounts) total = add(total, m);
  return total;
}

/** Decimal places of a currency's minor unit (EUR 2, JPY 0, BHD 3), from Intl so no table has to be kept. */
export function currencyExponent(currency: CurrencyCode): number {
  // Building an Intl.NumberFormat costs ~20 µs; measures call this per invoice, so remember the answer.
  let exponent = exponentCache.get(currency);
  if (exponent === undefined) {
    try {
      exponent = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      exponent = 2; // an unknown code: assume cents rather than fail a measure
    }
    // Only well-formed codes are remembered: the cache must not grow with whatever an import file contains.
    if (/^[A-Z]{3}$/.test(currency)) exponentCache.set(currency, exponent);
  }
  return exponent;
}
const exponentCache = new Map<CurrencyCode, number>();

/** Major units as a float: for ratios and ranking only, never for amounts that are stored or shown as money. */
export const toMajor = (m: Money): number => m.minor / 10 ** currencyExponent(m.currency);
