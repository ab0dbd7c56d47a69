import { describe, expect, it } from 'vitest';
import { rateOn, STATUTORY_INTEREST_RATES, statutoryInterest, type InterestRatePeriod } from '../../../src/domain/legal/interest';
import { money } from '../../../src/domain/money';

const eur = (minor: number) => money(minor, 'EUR');

describe('statutory interest', () => {
  it.each([
    { date: '2024-03-01', kind: 'commercial' as const, want: 1_250 },
    { date: '2024-07-01', kind: 'commercial' as const, want: 1_225 },
    { date: '2023-12-31', kind: 'consumer' as const, want: 600 },
    { date: '2024-01-01', kind: 'consumer' as const, want: 700 },
  ])('when the day is $date ($kind), then the rate is $want basis points', ({ date, kind, want }) => {
    expect(rateOn(date, kind)?.basisPoints).toBe(want);
  });

  it.each([
    // €10,000 × 12.5% × 31/365 = €106.16438… → €106.16
    { name: 'when 31 days at 12.5% commercial, then €106.16', from: '2024-03-01', to: '2024-04-01', kind: 'commercial' as const, want: 10_616 },
    // 365 days (Jan 2 … Dec 31, 2024) at 7% (the 2024-07-01 row keeps 7%): €10,000 × 7% = €700.00
    { name: 'when 365 days at 7% consumer, then €700', from: '2024-01-01', to: '2024-12-31', kind: 'consumer' as const, want: 70_000 },
    // 10 days at 12.5% (Jun 21–30) + 10 days at 12.25% (Jul 1–10): 1,000,000 × 24,750 / 3,650,000 = 6,780.82 cents
    { name: 'when the days straddle a rate change, then each day earns its own rate', from: '2024-06-20', to: '2024-07-10', kind: 'commercial' as const, want: 6_781 },
    { name: 'when to is not after from, then nothing', from: '2024-03-01', to: '2024-03-01', kind: 'commercial' as const, want: 0 },
  ])('$name', ({ from, to, kind, want }) => {
    expect(statutoryInterest({ principal: eur(1_000_000), from, to, kind })).toEqual(eur(want));
  });

  it('when a custom rate table is passed, then it is used', () => {
    const rates: InterestRatePeriod[] = [{ kind: 'commercial', validFrom: '2000-01-01', basisPoints: 36_500 }];
    // 365% a year = 1% a day: 3 days on €100 → €3
    expect(statutoryInterest({ principal: eur(10_000), from: '2026-01-01', to: '2026-01-04', kind: 'commercial', rates })).toEqual(eur(300));
  });

  it('when a day precedes the table, then it throws', () => {
    expect(() => statutoryInterest({ principal: eur(100), from: '2010-01-01', to: '2010-01-02', kind: 'consumer' })).toThrow(RangeError);
  });

  it('when reading the table, then entries of each kind are in date order and the newest are marked verify', () => {
    for (const kind of ['commercial', 'consumer'] as const) {
      const rows = STATUTORY_INTEREST_RATES.filter((r) => r.kind === kind);
      expect(rows.map((r) => r.validFrom)).toEqual([...rows.map((r) => r.validFrom)].sort());
      expect(rows.at(-1)?.verify).toBe(true);
    }
  });
});
