import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add, currencyExponent, CurrencyMismatchError, money, negate, subtract, sum, toMajor, totalsByCurrency,
} from '../../src/domain/money';

const currency = fc.constantFrom('EUR', 'USD', 'GBP', 'JPY');
const minor = fc.integer({ min: -1e12, max: 1e12 });

describe('money', () => {
  it.each([
    { name: 'when adding 0.10 and 0.20, then exactly 0.30', run: () => add(money(10, 'EUR'), money(20, 'EUR')), want: money(30, 'EUR') },
    { name: 'when subtracting past zero, then negative', run: () => subtract(money(10, 'EUR'), money(25, 'EUR')), want: money(-15, 'EUR') },
    { name: 'when summing nothing, then zero of the currency', run: () => sum('USD', []), want: money(0, 'USD') },
    { name: 'when negating, then the sign flips', run: () => negate(money(5, 'GBP')), want: money(-5, 'GBP') },
  ])('$name', ({ run, want }) => {
    expect(run()).toEqual(want);
  });

  it.each([
    { name: 'when minor units are fractional, then it throws', run: () => money(1.5, 'EUR') },
    { name: 'when adding EUR to USD, then it throws', run: () => add(money(1, 'EUR'), money(1, 'USD')) },
    { name: 'when summing a stray currency, then it throws', run: () => sum('EUR', [money(1, 'EUR'), money(1, 'GBP')]) },
  ])('$name', ({ run }) => {
    expect(run).toThrow();
  });

  it.each([
    { code: 'EUR', exponent: 2, major: 12.34, minor: 1234 },
    { code: 'JPY', exponent: 0, major: 1234, minor: 1234 },
    { code: 'BHD', exponent: 3, major: 1.234, minor: 1234 },
  ])('when the currency is $code, then it has $exponent decimals', ({ code, exponent, major, minor: m }) => {
    expect(currencyExponent(code)).toBe(exponent);
    expect(toMajor(money(m, code))).toBeCloseTo(major, 10);
  });

  it('when two amounts share a currency, then add is exact and subtract undoes it', () => {
    fc.assert(
      fc.property(minor, minor, currency, (a, b, c) => {
        const s = add(money(a, c), money(b, c));
        expect(s).toEqual(money(a + b, c));
        expect(subtract(s, money(b, c))).toEqual(money(a, c));
      }),
    );
  });

  it('when currencies differ, then add and subtract always throw CurrencyMismatchError', () => {
    fc.assert(
      fc.property(minor, minor, currency, currency, (a, b, c1, c2) => {
        fc.pre(c1 !== c2);
        expect(() => add(money(a, c1), money(b, c2))).toThrow(CurrencyMismatchError);
        expect(() => subtract(money(a, c1), money(b, c2))).toThrow(CurrencyMismatchError);
      }),
    );
  });

  it('when totalling mixed amounts per currency, then each total is the sum of that currency only', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ minor, currency })), (items) => {
        const totals = totalsByCurrency(items.map((i) => money(i.minor, i.currency)));
        expect(new Set(totals.map((t) => t.currency)).size).toBe(totals.length);
        for (const t of totals) {
          expect(t.minor).toBe(items.filter((i) => i.currency === t.currency).reduce((s, i) => s + i.minor, 0));
        }
      }),
    );
  });
});
