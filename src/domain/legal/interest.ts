import { addDays, daysBetween, type IsoDate } from '../dates';
import { money, type Money } from '../money';

export type InterestKind = 'commercial' | 'consumer';

/**
 * One rate period: valid from `validFrom` until the next entry of the same kind. `basisPoints` 1250 = 12.5%
 * a year. `verify` marks figures taken from secondary sources that must be checked against the official
 * publication (rijksoverheid.nl) before they are relied on.
 */
export interface InterestRatePeriod {
  readonly kind: InterestKind;
  readonly validFrom: IsoDate;
  readonly basisPoints: number;
  readonly verify?: boolean;
}

/**
 * Dutch statutory interest. Rates change every six months, so they are data, never constants; add a row
 * each 1 January and 1 July. 'commercial' = wettelijke handelsrente (art. 6:119a BW: ECB main refinancing
 * rate + 8 points), 'consumer' = wettelijke rente (art. 6:119 BW, set by decree; also for other
 * non-commercial claims).
 */
export const STATUTORY_INTEREST_RATES: readonly InterestRatePeriod[] = [
  { kind: 'commercial', validFrom: '2016-07-01', basisPoints: 800 },
  { kind: 'commercial', validFrom: '2023-01-01', basisPoints: 1_050 },
  { kind: 'commercial', validFrom: '2023-07-01', basisPoints: 1_200 },
  { kind: 'commercial', validFrom: '2024-01-01', basisPoints: 1_250 },
  { kind: 'commercial', validFrom: '2024-07-01', basisPoints: 1_225 },
  { kind: 'commercial', validFrom: '2025-01-01', basisPoints: 1_115, verify: true },
  { kind: 'commercial', validFrom: '2025-07-01', basisPoints: 1_015, verify: true },
  { kind: 'commercial', validFrom: '2026-01-01', basisPoints: 1_015, verify: true },
  { kind: 'consumer', validFrom: '2015-07-01', basisPoints: 200 },
  { kind: 'consumer', validFrom: '2023-01-01', basisPoints: 400 },
  { kind: 'consumer', validFrom: '2023-07-01', basisPoints: 600 },
  { kind: 'consumer', validFrom: '2024-01-01', basisPoints: 700 },
  { kind: 'consumer', validFrom: '2024-07-01', basisPoints: 700 },
  { kind: 'consumer', validFrom: '2025-01-01', basisPoints: 600, verify: true },
];

/** The rate in force on `date` for `kind`; undefined before the table starts. */
export function rateOn(date: IsoDate, kind: InterestKind, rates: readonly InterestRatePeriod[] = STATUTORY_INTEREST_RATES): InterestRatePeriod | undefined {
  let found: InterestRatePeriod | undefined;
  for (const r of rates) if (r.kind === kind && r.validFrom <= date && (!found || r.validFrom >= found.validFrom)) found = r;
  return found;
}

/**
 * Simple interest over the days after `from` up to and including `to` (pass the due date as `from`:
 * interest runs from the day after it). Each day earns the rate in force that day, actual/365.
 * Simplification: the law adds interest to the principal once a year (art. 6:119 lid 2 / 6:119a lid 3),
 * which this ignores, so for claims older than a year it slightly understates. Rounded half up once, to
 * the minor unit. A day before the first table entry is a programmer error and throws.
 */
export function statutoryInterest(input: {
  principal: Money;
  from: IsoDate;
  to: IsoDate;
  kind: InterestKind;
  rates?: readonly InterestRatePeriod[];
}): Money {
  const { principal, from, to, kind } = input;
  const rates = input.rates ?? STATUTORY_INTEREST_RATES;
  const days = daysBetween(from, to);
  if (days <= 0 || principal.minor <= 0) return money(0, principal.currency);
  // Σ days × basis points per period, then × principal ÷ (10,000 × 365): BigInt keeps it exact. Each day earns the
  // rate in force that day (rateOn); counted per rate period rather than day by day, so a long claim stays cheap.
  const periods = rates.filter((r) => r.kind === kind).sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
  const first = addDays(from, 1);
  if (!periods[0] || periods[0].validFrom > first) throw new RangeError(`no ${kind} interest rate known for ${first}`);
  let dayBasisPoints = 0n;
  periods.forEach((period, i) => {
    const next = periods[i + 1];
    const start = period.validFrom > first ? period.validFrom : first;
    const end = next && addDays(next.validFrom, -1) < to ? addDays(next.validFrom, -1) : to;
    if (start <= end) dayBasisPoints += BigInt(daysBetween(start, end) + 1) * BigInt(period.basisPoints);
  });
  const numerator = BigInt(principal.minor) * dayBasisPoints;
  const denominator = 10_000n * 365n;
  return money(Number((numerator * 2n + denominator) / (2n * denominator)), principal.currency);
}
