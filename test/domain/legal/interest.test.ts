import { describe, expect, it } from 'vitest';
import {
  halfYearOf, invoiceInterest, rateOn, rateTableCovers, STATUTORY_INTEREST_RATES, statutoryInterest, type InterestRatePeriod,
} from '../../../src/domain/legal/interest';
import { money } from '../../../src/domain/money';

const eur = (minor: number) => money(minor, 'EUR');

describe('the statutory interest table', () => {
  it.each([
    { date: '2013-03-01', kind: 'commercial' as const, want: 775 },
    { date: '2020-06-30', kind: 'commercial' as const, want: 800 },
    { date: '2024-03-01', kind: 'commercial' as const, want: 1_250 },
    { date: '2024-07-01', kind: 'commercial' as const, want: 1_225 },
    { date: '2025-01-01', kind: 'commercial' as const, want: 1_115 },
    { date: '2026-11-30', kind: 'commercial' as const, want: 1_015 },
    { date: '2014-12-31', kind: 'consumer' as const, want: 300 },
    { date: '2015-01-01', kind: 'consumer' as const, want: 200 },
    { date: '2023-12-31', kind: 'consumer' as const, want: 600 },
    { date: '2024-01-01', kind: 'consumer' as const, want: 700 },
    { date: '2025-03-01', kind: 'consumer' as const, want: 600 },
    { date: '2026-11-30', kind: 'consumer' as const, want: 400 },
  ])('when the day is $date ($kind), then the rate is $want basis points', ({ date, kind, want }) => {
    expect(rateOn(date, kind)?.basisPoints).toBe(want);
  });

  it('when read, then each kind is in date order, has a row for every half-year from 2023 to the current one (2026 H2), and marks the unverified ones', () => {
    for (const kind of ['commercial', 'consumer'] as const) {
      const rows = STATUTORY_INTEREST_RATES.filter((r) => r.kind === kind);
      expect(rows.map((r) => r.validFrom)).toEqual([...rows.map((r) => r.validFrom)].sort());
      for (let y = 2023; y <= 2026; y++) for (const m of ['01', '07']) expect(rateTableCovers(`${y}-${m}-15`, kind), `${kind} ${y}-${m}`).toBe(true);
      expect(rows.filter((r) => r.verify).map((r) => r.validFrom)).toEqual(['2025-07-01', '2026-01-01', '2026-07-01']);
    }
    expect(rateTableCovers('2027-01-04', 'commercial')).toBe(false);
    expect([halfYearOf('2026-06-30'), halfYearOf('2026-07-01')]).toEqual(['2026-01-01', '2026-07-01']);
  });
});

describe('statutory interest', () => {
  it.each([
    // €10,000 × 12.5% × 31/365 = €106.16438… → €106.16
    { name: 'when 31 days at 12.5% commercial, then €106.16', from: '2024-03-01', to: '2024-04-01', kind: 'commercial' as const, want: 10_616 },
    // 365 days (Jan 2 … Dec 31, 2024) at 7%: a full year ends on Dec 31 itself, so nothing compounds yet: €700.00
    { name: 'when 365 days at 7% consumer, then €700', from: '2024-01-01', to: '2024-12-31', kind: 'consumer' as const, want: 70_000 },
    // 10 days at 12.5% (Jun 21–30) + 10 days at 12.25% (Jul 1–10): 1,000,000 × 24,750 / 3,650,000 = 6,780.82 cents
    { name: 'when the days straddle a rate change, then each day earns its own rate', from: '2024-06-20', to: '2024-07-10', kind: 'commercial' as const, want: 6_781 },
    // 2024-01-02 … 2024-07-01: 181 days at 12.5% and 1 July at 12.25%: 1,000,000 × 227,475 / 3,650,000 = 62,321.92 cents
    { name: 'when half a year ends on the day a new rate starts, then that day earns the new rate', from: '2024-01-01', to: '2024-07-01', kind: 'commercial' as const, want: 62_322 },
    { name: 'when to is not after from, then nothing', from: '2024-03-01', to: '2024-03-01', kind: 'commercial' as const, want: 0 },
  ])('$name', ({ from, to, kind, want }) => {
    expect(statutoryInterest({ principal: eur(1_000_000), from, to, kind })).toEqual(eur(want));
  });

  it.each([
    {
      name: 'when two years straddle four half-year rates, then the first year\'s interest earns interest in the second',
      from: '2023-06-30', to: '2025-06-30', kind: 'commercial' as const,
      // year 1 (2023-07-01 … 2024-06-30, 366 days): 184 × 1,200 + 182 × 1,250 = 448,300 → 1,000,000 × 448,300 / 3,650,000 = 122,821.9 → 122,822
      // year 2 (2024-07-01 … 2025-06-30) on 1,122,822: 184 × 1,225 + 181 × 1,115 = 427,215 → 131,420.9 → 131,421
      want: 122_822 + 131_421,
    },
    {
      name: 'when a consumer debt runs a year and a half, then the half year after the first year is on principal plus that year\'s interest',
      from: '2024-01-01', to: '2025-07-01', kind: 'consumer' as const,
      // year 1 (2024-01-02 … 2025-01-01, a leap year: 366 days): 365 × 700 + 1 × 600 = 256,100 → 70,164.4 → 70,164
      // then 2025-01-02 … 2025-07-01 on 1,070,164: 180 × 600 + 1 × 400 = 108,400 → 31,782.0 → 31,782
      want: 70_164 + 31_782,
    },
  ])('$name', ({ from, to, kind, want }) => {
    expect(statutoryInterest({ principal: eur(1_000_000), from, to, kind })).toEqual(eur(want));
  });

  it('when compounding is compared with simple interest over three years at a flat 10%, then it is exactly the yearly capitalised sum', () => {
    const rates: InterestRatePeriod[] = [{ kind: 'commercial', validFrom: '2000-01-01', basisPoints: 1_000 }];
    // 2021-01-01 → 2024-01-01: years of 365, 365, 365 days (2024-01-01 is in year 3, which holds 2023's days only)
    const got = statutoryInterest({ principal: eur(100_000), from: '2021-01-01', to: '2024-01-01', kind: 'commercial', rates });
    expect(got).toEqual(eur(10_000 + 11_000 + 12_100)); // 100,000 → 110,000 → 121,000 → 133,100
  });

  it('when a custom rate table is passed, then it is used', () => {
    const rates: InterestRatePeriod[] = [{ kind: 'commercial', validFrom: '2000-01-01', basisPoints: 36_500 }];
    // 365% a year = 1% a day: 3 days on €100 → €3
    expect(statutoryInterest({ principal: eur(10_000), from: '2026-01-01', to: '2026-01-04', kind: 'commercial', rates })).toEqual(eur(300));
  });

  it('when a day precedes the table, then it throws; an invoice due before the table counts from the table\'s first day', () => {
    expect(() => statutoryInterest({ principal: eur(100), from: '2010-01-01', to: '2010-01-02', kind: 'consumer' })).toThrow(RangeError);
    expect(invoiceInterest({ open: eur(1_000_000), dueDate: '2011-05-01' }, '2012-07-11', 'consumer')).toEqual(eur(904)); // 11 days (1–11 July 2012) at 3%
  });

  it('when an invoice is overdue, then its interest runs from the day after its due date on its open amount', () => {
    expect(invoiceInterest({ open: eur(1_000_000), dueDate: '2024-03-01' }, '2024-04-01', 'commercial')).toEqual(eur(10_616));
    expect(invoiceInterest({ open: eur(1_000_000), dueDate: '2024-04-01' }, '2024-04-01', 'commercial')).toEqual(eur(0));
  });
});
