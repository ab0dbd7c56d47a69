import { describe, expect, it } from 'vitest';
import { AdviceVM } from '../../src/contracts/cards';
import { backendOrigin, DEFAULT_BACKEND_ORIGIN } from '../../src/extensions/config';
import { formatDate, formatMoney } from '../../src/extensions/format';
import { createI18n, intlLocaleOf, languageOf } from '../../src/extensions/i18n';
import { adviceText, reasonText } from '../../src/extensions/i18n/describe';
import { en } from '../../src/extensions/i18n/en';
import { nl } from '../../src/extensions/i18n/nl';
import { plain } from './fixtures';

describe('language and locale', () => {
  it.each([
    [{ language: 'nl' }, 'nl'], [{ locale: 'nl-nl' }, 'nl'], [{ language: 'nl-BE' }, 'nl'],
    [{ language: 'en' }, 'en'], [{ locale: 'de-de' }, 'en'], [{}, 'en'], [{ language: 'nld' }, 'en'],
  ])('when the user is %o, then the cards speak %s', (user, lang) => {
    expect(languageOf(user)).toBe(lang);
  });

  it('when the locale is valid, then Intl uses it; when it is not, then the language default', () => {
    expect(intlLocaleOf({ locale: 'en-gb' })).toBe('en-GB');
    expect(intlLocaleOf({ language: 'nl', locale: 'not a locale!' })).toBe('nl-NL');
    expect(intlLocaleOf({})).toBe('en-US');
  });
});

describe('formatting', () => {
  it('when money has minor units, then the currency decides the decimals and the locale the notation', () => {
    expect(formatMoney({ minor: 1_840_000, currency: 'EUR' }, 'en-US')).toBe('€18,400.00');
    expect(plain(formatMoney({ minor: 1_840_000, currency: 'EUR' }, 'nl-NL'))).toBe('€ 18.400,00');
    expect(formatMoney({ minor: 1500, currency: 'JPY' }, 'en-US')).toBe('¥1,500');
    expect(plain(formatMoney({ minor: -2550, currency: 'EUR' }, 'nl-NL'))).toBe('€ -25,50');
  });

  it('when a calendar date is formatted, then it is the same day whatever the zone', () => {
    expect(formatDate('2026-01-01', 'en-US')).toBe('Jan 1, 2026');
    expect(formatDate('2026-11-12', 'nl-NL')).toBe('12 nov 2026');
  });
});

describe('texts', () => {
  it('when a Dutch text exists for every English key, then no card shows an English word to a Dutch user by accident', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    const sameInBothLanguages = new Set(['colStatus', 'trend_unknown']);
    for (const [key, value] of Object.entries(nl)) {
      if (typeof value === 'string' && !sameInBothLanguages.has(key)) expect(value, key).not.toBe((en as Record<string, unknown>)[key]);
    }
  });

  const advices: AdviceVM[] = [
    { code: 'no_open_invoices' }, { code: 'pays_on_time' }, { code: 'in_arrangement' }, { code: 'dispute_open', count: 2 },
    { code: 'promise_broken', overdue: [{ minor: 1_840_000, currency: 'EUR' }, { minor: 100, currency: 'USD' }], days: 46, promisedDate: '2026-11-12' },
    { code: 'promise_pending', overdue: [{ minor: 100, currency: 'EUR' }], promisedDate: '2026-12-01' },
    { code: 'overdue_stop_orders', overdue: [{ minor: 100, currency: 'EUR' }], days: 31 },
    { code: 'overdue_mention', overdue: [{ minor: 100, currency: 'EUR' }], days: 1 },
  ];
  it.each(advices)('when the advice is $code, then both languages word it', (advice) => {
    const english = adviceText(createI18n({ language: 'en', locale: 'en-US' }, 'UTC'), advice);
    const dutch = adviceText(createI18n({ language: 'nl' }, 'UTC'), advice);
    expect(english.length).toBeGreaterThan(10);
    expect(dutch.length).toBeGreaterThan(10);
    expect(dutch).not.toBe(english);
  });

  it('when amounts are in two currencies, then they are listed, not summed', () => {
    const text = adviceText(createI18n({ locale: 'en-US' }, 'UTC'), advices[4]!);
    expect(text).toBe("€18,400.00 + $1.00 overdue for 46 days; promise of Nov 12, 2026 broken — don't raise new orders before payment.");
  });

  it('when a reason is known, then it is worded with its own parameters', () => {
    const i = createI18n({ language: 'nl' }, 'UTC');
    expect(reasonText(i, { code: 'habitual_late', params: { weightedDaysLate: 21 } })).toBe('Betaalt meestal te laat (gemiddeld 21 dagen)');
    expect(reasonText(createI18n({ locale: 'en-US' }, 'UTC'), { code: 'promise_not_due', params: { promiseId: 'p1', promisedDate: '2026-12-04' } }))
      .toBe('Payment promised for Dec 4, 2026');
  });

});

describe('backend origin', () => {
  it('when the profile variable is an https origin, then it is used; otherwise the fallback', () => {
    expect(backendOrigin({ BACKEND_ORIGIN: 'https://rd.acme.nl/' })).toBe('https://rd.acme.nl');
    expect(backendOrigin({ BACKEND_ORIGIN: 'http://rd.acme.nl' })).toBe(DEFAULT_BACKEND_ORIGIN);
    expect(backendOrigin({ BACKEND_ORIGIN: 'https://rd.acme.nl/path' })).toBe(DEFAULT_BACKEND_ORIGIN);
    expect(backendOrigin(undefined)).toBe(DEFAULT_BACKEND_ORIGIN);
  });
});
