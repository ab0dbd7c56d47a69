import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../src/domain/i18n/format';
import { formatters } from '../../../src/server/debtor-page/render/page';
import { selfServiceTexts } from '../../../src/server/debtor-page/self-service-texts';

describe('the debtor page\'s formatting', () => {
  it('when it prints money, dates and percentages, then they read as before in each language — the domain\'s formatter, one copy', () => {
    const nl = formatters('nl');
    const en = formatters('en');
    expect(nl.money({ minor: 123_456, currency: 'EUR' }).replace(/\s/g, ' ')).toBe('€ 1.234,56');
    expect(en.money({ minor: 123_456, currency: 'EUR' })).toBe('€1,234.56');
    expect(nl.date('2027-03-05')).toBe('5 maart 2027');
    expect(en.date('2027-03-05')).toBe('5 March 2027');
    expect(nl.percent(1015).replace(/\s/g, ' ')).toBe('10,15%');
    expect(en.list([{ minor: 100, currency: 'EUR' }, { minor: 200, currency: 'USD' }])).toBe('€1.00 + US$2.00');
  });

  it('when an amount is in a currency without cents, then it is no longer divided by 100 (the page\'s own copy did)', () => {
    expect(formatters('en').money({ minor: 5000, currency: 'JPY' })).toBe(formatMoney({ minor: 5000, currency: 'JPY' }, 'en'));
    expect(formatters('en').money({ minor: 5000, currency: 'JPY' })).toBe('JP¥5,000');
  });

  it('when the notes for HubSpot print money, then it is the same formatter', () => {
    const limit = selfServiceTexts('nl').deferralTaskBody('F1', '2027-04-01', [{ code: 'instalment_too_small', minMinor: 5000 }]);
    expect(limit).toContain(formatMoney({ minor: 5000, currency: 'EUR' }, 'nl'));
  });
});
