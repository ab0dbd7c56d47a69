import type { IsoDate } from '../dates';
import type { Language } from '../ledger';
import { currencyExponent, toMajor, type Money } from '../money';

/** The Intl locale of each language the app writes in. */
export const LOCALE: Record<Language, string> = { en: 'en-GB', nl: 'nl-NL' };

// Building an Intl formatter costs tens of microseconds, formatting with one well under one: a planning run
// formats thousands of amounts and dates, so each formatter is built once per language and option set.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(language: Language, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `n|${language}|${key}`;
  let f = formatters.get(id) as Intl.NumberFormat | undefined;
  if (!f) formatters.set(id, (f = new Intl.NumberFormat(LOCALE[language], options)));
  return f;
}
function dateFormat(language: Language, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `d|${language}|${key}`;
  let f = formatters.get(id) as Intl.DateTimeFormat | undefined;
  if (!f) formatters.set(id, (f = new Intl.DateTimeFormat(LOCALE[language], options)));
  return f;
}

/** Money in the reader's locale; the currency's own number of decimals (JPY has none). */
export function formatMoney(m: Money, language: Language): string {
  return numberFormat(language, `currency|${m.currency}`, { style: 'currency', currency: m.currency }).format(toMajor(m));
}

/**
 * Money with its currency code in front ("EUR 1.234,56" / "EUR 1,234.56"): for lists and CRM properties where a
 * symbol could be ambiguous ($ of which country?). The currency's own number of decimals, a plain space.
 */
export const formatMoneyWithCode = (m: Money, language: Language): string => `${m.currency} ${formatDecimal(m, language)}`;

/** The amount as a plain number in the locale's notation ("-1.234,56"), the currency's own decimals, no grouping surprises. */
export function formatDecimal(m: Money, language: Language): string {
  const digits = currencyExponent(m.currency);
  return numberFormat(language, `fixed|${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(toMajor(m));
}

export const formatAmounts = (amounts: readonly Money[], language: Language): string =>
  amounts.map((m) => formatMoney(m, language)).join(' + ');

/** A calendar date as people read it in a list (23 nov 2026 / 23 Nov 2026), computed without a time zone shift. */
export function formatDate(date: IsoDate, language: Language): string {
  return dateFormat(language, 'short', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** A calendar date written out, as a letter states it (23 november 2026 / 23 November 2026). */
export function formatLongDate(date: IsoDate, language: Language): string {
  return dateFormat(language, 'long', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** A percentage with the locale's decimal sign (10,15% / 10.15%), from basis points. */
export function formatPercent(basisPoints: number, language: Language): string {
  return numberFormat(language, 'percent', { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}
