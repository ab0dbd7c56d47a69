import type { IsoDate } from '../dates';
import type { Language } from '../ledger';
import { toMajor, type Money } from '../money';
import { MESSAGES, type MessageKey } from './messages';

export const LOCALE: Record<Language, string> = { en: 'en-GB', nl: 'nl-NL' };

export type Params = Readonly<Record<string, string | number>>;

/** The text of `key` in `language`, with `{name}` placeholders filled; an unknown placeholder is a bug. */
export function text(language: Language, key: MessageKey, params: Params = {}): string {
  return MESSAGES[language][key].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`message ${key} needs {${name}}`);
    return String(value);
  });
}

/** Money in the reader's locale; the currency's own number of decimals (JPY has none). */
export function formatMoney(m: Money, language: Language): string {
  return new Intl.NumberFormat(LOCALE[language], { style: 'currency', currency: m.currency }).format(toMajor(m));
}

export const formatAmounts = (amounts: readonly Money[], language: Language): string =>
  amounts.map((m) => formatMoney(m, language)).join(' + ');

/** A calendar date as people read it (23-11-2026 / 23 Nov 2026), computed without a time zone shift. */
export function formatDate(date: IsoDate, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
