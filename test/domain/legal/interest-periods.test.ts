import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/dates';
import { rateOn, statutoryInterest, type InterestKind } from '../../../src/domain/legal/interest';

/**
 * The definition, day by day: each day after `from` up to `to` earns the rate in force that day, and every 365th
 * (366th over a 29 February) day closes a year whose interest, rounded to the cent, joins the principal.
 */
function dayByDay(principalMinor: number, from: string, to: string, kind: InterestKind): number {
  let base = BigInt(principalMinor);
  let total = 0n;
  let bp = 0n;
  const close = () => {
    const den = 10_000n * 365n;
    const owed = (base * bp * 2n + den) / (2n * den);
    total += owed;
    base += owed;
    bp = 0n;
  };
  let anniversary = `${Number(from.slice(0, 4)) + 1}${from.slice(4)}`;
  if (anniversary.endsWith('-02-29')) anniversary = anniversary.replace('-02-29', '-02-28');
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    bp += BigInt(rateOn(day, kind)!.basisPoints);
    if (day === anniversary && day < to) {
      close();
      const years = Number(day.slice(0, 4)) - Number(from.slice(0, 4)) + 1;
      anniversary = `${Number(from.slice(0, 4)) + years}${from.slice(4)}`;
      if (anniversary.endsWith('-02-29') && !isLeap(Number(anniversary.slice(0, 4)))) anniversary = anniversary.replace('-02-29', '-02-28');
    }
  }
  close();
  return Number(total);
}
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

describe('statutory interest counted per rate period', () => {
  it('equals the day-by-day definition, yearly compounding included, for any principal and span across rate changes', () => {
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
    expect(() => statutoryInterest({ principal: { minor: 100, currency: 'EUR' }, from: '2012-06-01', to: '2012-07-10', kind: 'commercial' })).toThrow(RangeError);
  });
});
