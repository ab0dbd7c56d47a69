import { useExtensionContext } from '@hubspot/ui-extensions';
import type { MoneyVM } from '../../contracts/cards';
import { formatDate, formatDateTime, formatMoney, formatMoneyList, formatNumber } from '../format';
import { en, type Messages } from './en';
import { nl } from './nl';

export type Language = 'en' | 'nl';

export interface UserLocale {
  readonly locale?: string;
  readonly language?: string;
}

/** Dutch when HubSpot says the user works in Dutch (language or locale), English otherwise. */
export function languageOf(user: UserLocale): Language {
  const tag = (user.language ?? user.locale ?? '').toLowerCase();
  return tag === 'nl' || tag.startsWith('nl-') || tag.startsWith('nl_') ? 'nl' : 'en';
}

/** The user's locale for Intl when valid (e.g. en-GB dates for an English user in the UK), else per language. */
export function intlLocaleOf(user: UserLocale): string {
  const fallback = languageOf(user) === 'nl' ? 'nl-NL' : 'en-US';
  if (!user.locale) return fallback;
  try {
    return Intl.getCanonicalLocales(user.locale.replace('_', '-'))[0] ?? fallback;
  } catch {
    return fallback;
  }
}

export interface I18n {
  readonly lang: Language;
  readonly locale: string;
  readonly t: Messages;
  money(m: MoneyVM): string;
  moneyList(list: readonly MoneyVM[]): string;
  date(isoDate: string): string;
  dateTime(instant: string): string;
  number(n: number): string;
}

export function createI18n(user: UserLocale, timeZone: string): I18n {
  const lang = languageOf(user);
  const locale = intlLocaleOf(user);
  return {
    lang,
    locale,
    t: lang === 'nl' ? nl : en,
    money: (m) => formatMoney(m, locale),
    moneyList: (list) => formatMoneyList(list, locale),
    date: (d) => formatDate(d, locale),
    dateTime: (i) => formatDateTime(i, locale, timeZone),
    number: (n) => formatNumber(n, locale),
  };
}

/** Texts and formatters for the current HubSpot user. */
export function useI18n(): I18n {
  const context = useExtensionContext();
  return createI18n(context.user ?? {}, context.portal?.timezone ?? 'UTC');
}
