import { describe, expect, it } from 'vitest';
import { formatDecimal, formatMoney, formatMoneyWithCode } from '../../../src/domain/i18n/format';
import { money } from '../../../src/domain/money';

describe('money formatting, one implementation for server and sandbox', () => {
  it.each([
    [money(123_456, 'EUR'), 'nl', 'EUR 1.234,56', '1.234,56'],
    [money(123_456, 'EUR'), 'en', 'EUR 1,234.56', '1,234.56'],
    [money(5000, 'JPY'), 'nl', 'JPY 5.000', '5.000'],
    [money(-1999, 'USD'), 'nl', 'USD -19,99', '-19,99'],
    [money(-123_456_789, 'EUR'), 'nl', 'EUR -1.234.567,89', '-1.234.567,89'],
  ] as const)('when %o is written in %s, then with its code it reads %s', (m, lang, withCode, decimal) => {
    expect(formatMoneyWithCode(m, lang)).toBe(withCode);
    expect(formatDecimal(m, lang)).toBe(decimal);
  });

  it('when money is written for a reader, then with the currency symbol of their locale', () => {
    expect(formatMoney(money(123_456, 'EUR'), 'nl')).toMatch(/^€\s1\.234,56$/);
    expect(formatMoney(money(123_456, 'EUR'), 'en')).toBe('€1,234.56');
  });
});
