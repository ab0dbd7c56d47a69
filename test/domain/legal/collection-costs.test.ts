import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { b2bCollectionCosts, b2bMinimumCompensation, wikCollectionCosts } from '../../../src/domain/legal/collection-costs';
import { money } from '../../../src/domain/money';

const eur = (minor: number) => money(minor, 'EUR');

describe('WIK collection costs', () => {
  it.each([
    { principal: 25_000, want: 4_000, why: '€250 → the €40 minimum' },
    { principal: 26_667, want: 4_000, why: '€266.67 → €40.0005 rounds to €40.00' },
    { principal: 30_000, want: 4_500, why: '€300 → 15% = €45' },
    { principal: 100_000, want: 15_000, why: '€1,000 → €150' },
    { principal: 250_000, want: 37_500, why: '€2,500 → €375 (end of the first tier)' },
    { principal: 600_000, want: 67_500, why: '€6,000 → 375 + 250 + 50 = €675' },
    { principal: 1_000_000, want: 87_500, why: '€10,000 → 375 + 250 + 250 = €875' },
    { principal: 20_000_000, want: 277_500, why: '€200,000 → 875 + 1,900 = €2,775' },
    { principal: 100_000_000, want: 677_500, why: '€1,000,000 → 2,775 + 4,000 = the €6,775 cap exactly' },
    { principal: 500_000_000, want: 677_500, why: '€5,000,000 → capped at €6,775' },
    { principal: 123_457, want: 18_519, why: '€1,234.57 → €185.1855 rounds half up to €185.19' },
    { principal: 0, want: 0, why: 'nothing owed' },
    { principal: -5_000, want: 0, why: 'a negative principal owes nothing' },
  ])('when the principal is $principal cents ($why), then $want cents', ({ principal, want }) => {
    expect(wikCollectionCosts(eur(principal))).toEqual(eur(want));
  });

  it.each([
    { principal: 100_000, vat: 2_100, want: 18_150, why: '€150 + 21% = €181.50' },
    { principal: 25_000, vat: 2_100, want: 4_840, why: 'the €40 minimum + 21% = €48.40' },
    { principal: 123_457, vat: 2_100, want: 22_408, why: '€185.19 + €38.8899 (half up) = €224.08' },
    { principal: 100_000_000, vat: 2_100, want: 819_775, why: 'the €6,775 cap + 21% = €8,197.75' },
    { principal: 100_000, vat: 0, want: 15_000, why: 'a creditor who reclaims VAT adds none' },
  ])('when the creditor\'s VAT setting is $vat bp on $principal cents ($why), then $want cents', ({ principal, vat, want }) => {
    expect(wikCollectionCosts(eur(principal), { vatBasisPoints: vat })).toEqual(eur(want));
  });

  it('when the principal is not in euros, then it throws', () => {
    expect(() => wikCollectionCosts(money(100_000, 'USD'))).toThrow(RangeError);
  });

  it('when the principal grows, then the costs never decrease and stay between €40 and €6,775', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000_000 }), fc.integer({ min: 0, max: 200_000_000 }), (a, extra) => {
        const low = wikCollectionCosts(eur(a)).minor;
        const high = wikCollectionCosts(eur(a + extra)).minor;
        expect(high).toBeGreaterThanOrEqual(low);
        expect(low).toBeGreaterThanOrEqual(4_000);
        expect(high).toBeLessThanOrEqual(677_500);
        expect(Number.isInteger(high)).toBe(true);
      }),
    );
  });
});

describe('B2B minimum compensation', () => {
  it.each([
    { currency: 'EUR', want: eur(4_000) },
    { currency: 'GBP', want: undefined },
  ])('when the currency is $currency, then $want', ({ currency, want }) => {
    expect(b2bMinimumCompensation(currency)).toEqual(want);
  });
});

describe('B2B collection costs: the scale, but at least €40 per invoice (CJEU C-585/20)', () => {
  it.each([
    { invoices: [100_000], want: 15_000, why: 'one invoice of €1,000: the scale (€150) beats €40' },
    { invoices: [10_000, 10_000, 10_000], want: 12_000, why: 'three invoices of €100: 3 × €40 beats the scale on €300 (€45)' },
    { invoices: [20_000, 30_000], want: 8_000, why: '€200 + €300: 2 × €40 = €80 beats €75' },
    { invoices: [50_000, 60_000], want: 16_500, why: '€500 + €600: the scale on €1,100 (€165) beats €80' },
    { invoices: [10_000, 0, -500], want: 4_000, why: 'only invoices with something owed count' },
  ])('when the overdue invoices are $invoices cents ($why), then $want cents', ({ invoices, want }) => {
    expect(b2bCollectionCosts(invoices.map(eur))).toEqual(eur(want));
  });

  it('when nothing is owed or the claim is not in euros, then there is no figure', () => {
    expect(b2bCollectionCosts([])).toBeUndefined();
    expect(b2bCollectionCosts([money(10_000, 'GBP')])).toBeUndefined();
  });

  it('when invoices are added, then the costs never fall below €40 for each', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 50_000_000 }), { minLength: 1, maxLength: 30 }), (cents) => {
      expect(b2bCollectionCosts(cents.map(eur))!.minor).toBeGreaterThanOrEqual(cents.length * 4_000);
    }));
  });
});
