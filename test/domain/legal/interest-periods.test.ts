import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/dates';
import { rateOn, statutoryInterest, type InterestKind } from '../../../src/domain/legal/interest';

/** The definition, day by day: each day after `from` up to `to` earns the rate in force that day. */
function dayByDay(principalMinor: number, from: string, to: string, kind: InterestKind): number {
  let bp = 0n;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) bp += BigInt(rateOn(day, kind)!.basisPoints);
  const num = BigInt(principalMinor) * bp;
  const den = 10_000n * 365n;
  return Number((num * 2n + den) / (2n * den));
}

describe('statutory interest counted per rate period', () => {
  it('equals the day-by-day definition for any principal and span across rate changes', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 0, max: 3_500 }), fc.integer({ min: 0, max: 1_200 }), fc.constantFrom<InterestKind>('commercial', 'consumer'),
      (principal, offset, length, kind) => {
        const from = addDays('2016-07-01', offset);
        const to = addDays(from, length);
        expect(statutoryInterest({ principal: { minor: principal, currency: 'EUR' }, from, to, kind }).minor).toBe(dayByDay(principal, from, to, kind));
      },
    ), { numRuns: 300 });
  });

  it('still refuses a day before the table starts', () => {
    expect(() => statutoryInterest({ principal: { minor: 100, currency: 'EUR' }, from: '2016-06-01', to: '2016-07-10', kind: 'commercial' })).toThrow(RangeError);
  });
});
