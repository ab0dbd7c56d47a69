import type { MoneyVM } from '../contracts/cards';

/**
 * Money and dates in the user's locale with Intl (part of the language, available in HubSpot's worker).
 * Amounts arrive as integer minor units; the currency's own number of decimals turns them into a value.
 */

const digitsByCurrency = new Map<string, number>();
/** Decimals of the currency's minor unit (EUR 2, JPY 0), remembered: building a formatter is not free. */
export function fractionDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

export function formatMoney(m: MoneyVM, locale: string): string {
  const digits = fractionDigits(m.currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency, minimumFractionDigits: digits, maximumFractionDigits: digits })
    .format(m.minor / 10 ** digits);
}

/** Several currencies are never summed: they are listed ("€1,200.00 + $75.00"). */
export const formatMoneyList = (list: readonly MoneyVM[], locale: string): string =>
  list.map((m) => formatMoney(m, locale)).join(' + ');

/** A calendar date (YYYY-MM-DD) as the same calendar day everywhere: formatted in UTC, never shifted by a zone. */
export function formatDate(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** An instant in the portal's time zone (the ladder plans in it). */
export function formatDateTime(instant: string, locale: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(instant));
  } catch {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(instant));
  }
}

export const formatNumber = (n: number, locale: string, maxDigits = 1): string =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: maxDigits }).format(n);
