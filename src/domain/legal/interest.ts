import { addDays, daysBetween, epochDay, type IsoDate } from '../dates';
import { money, type Money } from '../money';

export type InterestKind = 'commercial' | 'consumer';

/**
 * One rate period: valid from `validFrom` until the next entry of the same kind. `basisPoints` 1250 = 12.5%
 * a year. `verify` marks figures that could not be checked against the official publication (Staatscourant,
 * rijksoverheid.nl) when they were entered: derived from the ECB rate by the statutory formula, or assumed
 * unchanged. Check and clear them before relying on them.
 */
export interface InterestRatePeriod {
  readonly kind: InterestKind;
  readonly validFrom: IsoDate;
  readonly basisPoints: number;
  readonly verify?: boolean;
}

/**
 * Dutch statutory interest, one row per half-year since the rates started moving again (2023) and every
 * change before that back to mid-2012 (older claims are time-barred after five years, art. 3:307 BW). Rates
 * change every six months, so they are data, never constants: add a row each 1 January and 1 July.
 * 'commercial' = wettelijke handelsrente (art. 6:119a BW): the ECB main refinancing rate on the last operation
 * before 1 January / 1 July plus 8 points (7 before 16 March 2013). 'consumer' = wettelijke rente (art. 6:119
 * BW), set by decree: the ECB rate plus 2.25 points, rounded to whole percents; also for other non-commercial claims.
 */
export const STATUTORY_INTEREST_RATES: readonly InterestRatePeriod[] = [
  { kind: 'commercial', validFrom: '2012-07-01', basisPoints: 800 },
  { kind: 'commercial', validFrom: '2013-01-01', basisPoints: 775 },
  { kind: 'commercial', validFrom: '2013-07-01', basisPoints: 850 },
  { kind: 'commercial', validFrom: '2014-01-01', basisPoints: 825 },
  { kind: 'commercial', validFrom: '2014-07-01', basisPoints: 815 },
  { kind: 'commercial', validFrom: '2015-01-01', basisPoints: 805 },
  { kind: 'commercial', validFrom: '2016-07-01', basisPoints: 800 },
  { kind: 'commercial', validFrom: '2023-01-01', basisPoints: 1_050 },
  { kind: 'commercial', validFrom: '2023-07-01', basisPoints: 1_200 },
  { kind: 'commercial', validFrom: '2024-01-01', basisPoints: 1_250 },
  { kind: 'commercial', validFrom: '2024-07-01', basisPoints: 1_225 },
  { kind: 'commercial', validFrom: '2025-01-01', basisPoints: 1_115 },
  // ECB main refinancing rate 2.15% from 11 June 2025 (allotments of June 2025) + 8.
  { kind: 'commercial', validFrom: '2025-07-01', basisPoints: 1_015, verify: true },
  // Assumed: the ECB rate still 2.15% at the end of 2025 and of June 2026.
  { kind: 'commercial', validFrom: '2026-01-01', basisPoints: 1_015, verify: true },
  { kind: 'commercial', validFrom: '2026-07-01', basisPoints: 1_015, verify: true },
  { kind: 'consumer', validFrom: '2012-07-01', basisPoints: 300 },
  { kind: 'consumer', validFrom: '2015-01-01', basisPoints: 200 },
  { kind: 'consumer', validFrom: '2023-01-01', basisPoints: 400 },
  { kind: 'consumer', validFrom: '2023-07-01', basisPoints: 600 },
  { kind: 'consumer', validFrom: '2024-01-01', basisPoints: 700 },
  { kind: 'consumer', validFrom: '2024-07-01', basisPoints: 700 },
  { kind: 'consumer', validFrom: '2025-01-01', basisPoints: 600 },
  // 2.15% + 2.25 = 4.4 → 4%.
  { kind: 'consumer', validFrom: '2025-07-01', basisPoints: 400, verify: true },
  { kind: 'consumer', validFrom: '2026-01-01', basisPoints: 400, verify: true },
  { kind: 'consumer', validFrom: '2026-07-01', basisPoints: 400, verify: true },
];

/** The rate in force on `date` for `kind`; undefined before the table starts. */
export function rateOn(date: IsoDate, kind: InterestKind, rates: readonly InterestRatePeriod[] = STATUTORY_INTEREST_RATES): InterestRatePeriod | undefined {
  let found: InterestRatePeriod | undefined;
  for (const r of rates) if (r.kind === kind && r.validFrom <= date && (!found || r.validFrom >= found.validFrom)) found = r;
  return found;
}

/** The first day of the half-year `date` falls in (1 January or 1 July). */
export const halfYearOf = (date: IsoDate): IsoDate => `${date.slice(0, 4)}-${date.slice(5, 7) < '07' ? '01' : '07'}-01`;

/** Whether the table has a row for `date`'s own half-year: a later day is computed with the last known rate. */
export const rateTableCovers = (date: IsoDate, kind: InterestKind, rates: readonly InterestRatePeriod[] = STATUTORY_INTEREST_RATES): boolean =>
  rates.some((r) => r.kind === kind && r.validFrom === halfYearOf(date));

/** Same day and month `years` later; 29 February becomes 28 February in a common year. */
function addYears(date: IsoDate, years: number): IsoDate {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/**
 * Statutory interest over the days after `from` up to and including `to` (pass the due date as `from`: interest
 * runs from the day after it). Each day earns the rate in force that day, actual/365. At the end of every full
 * year the year's interest is added to the sum it is computed on (art. 6:119 lid 2 / 6:119a lid 3 BW): each
 * year's interest is rounded half up to the cent, as it is owed, before it joins the principal. A day before the
 * table starts is a programmer error and throws.
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
  if (daysBetween(from, to) <= 0 || principal.minor <= 0) return money(0, principal.currency);
  let base = BigInt(principal.minor);
  let interest = 0n;
  for (let year = 0, start = from; start < to; year++) {
    const end = addYears(from, year + 1) < to ? addYears(from, year + 1) : to;
    const owed = yearInterest(base, start, end, kind, rates);
    interest += owed;
    base += owed; // compounds only once the year is full; the last, partial year adds nothing more
    start = end;
  }
  return money(Number(interest), principal.currency);
}

/** A rate period as a closed range of epoch days; `until` is Infinity for the last one. */
interface DayPeriod { readonly from: number; readonly until: number; readonly basisPoints: bigint }

// yearInterest runs per invoice and per year of its claim (5,000 open invoices: 10,000+ calls per card), so each
// table is sorted and turned into day numbers once per kind, not on every call.
const dayPeriodsCache = new WeakMap<readonly InterestRatePeriod[], Map<InterestKind, readonly DayPeriod[]>>();
function dayPeriods(rates: readonly InterestRatePeriod[], kind: InterestKind): readonly DayPeriod[] {
  let byKind = dayPeriodsCache.get(rates);
  if (!byKind) dayPeriodsCache.set(rates, (byKind = new Map()));
  let periods = byKind.get(kind);
  if (!periods) {
    const sorted = rates.filter((r) => r.kind === kind).sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
    periods = sorted.map((r, i) => ({
      from: epochDay(r.validFrom),
      until: sorted[i + 1] ? epochDay(sorted[i + 1]!.validFrom) - 1 : Infinity,
      basisPoints: BigInt(r.basisPoints),
    }));
    byKind.set(kind, periods);
  }
  return periods;
}

/**
 * Simple interest on `base` for the days in (start, end], each at the rate in force that day, rounded half up
 * once. Counted per rate period rather than day by day, so a long claim stays cheap.
 */
function yearInterest(base: bigint, start: IsoDate, end: IsoDate, kind: InterestKind, rates: readonly InterestRatePeriod[]): bigint {
  const periods = dayPeriods(rates, kind);
  const first = epochDay(start) + 1;
  const last = epochDay(end);
  if (!periods[0] || periods[0].from > first) throw new RangeError(`no ${kind} interest rate known for ${addDays(start, 1)}`);
  let dayBasisPoints = 0n;
  for (const period of periods) {
    if (period.from > last) break;
    const from = Math.max(period.from, first);
    const until = Math.min(period.until, last);
    if (from <= until) dayBasisPoints += BigInt(until - from + 1) * period.basisPoints;
  }
  const numerator = base * dayBasisPoints;
  const denominator = 10_000n * 365n;
  return (numerator * 2n + denominator) / (2n * denominator);
}

/** The regime of a customer: consumers owe wettelijke rente, businesses wettelijke handelsrente. */
export const interestKindFor = (customerType: 'business' | 'consumer'): InterestKind => (customerType === 'consumer' ? 'consumer' : 'commercial');

/** The first day the table knows for `kind`: interest on older debts is counted from there (nothing is guessed before it). */
export const firstRateDay = (kind: InterestKind, rates: readonly InterestRatePeriod[] = STATUTORY_INTEREST_RATES): IsoDate =>
  rates.filter((r) => r.kind === kind).map((r) => r.validFrom).sort()[0]!;

/**
 * Interest on one invoice's open amount from the day after its due date up to `asOf`. The open amount stands
 * for the principal throughout (part-payments are not split into their own periods: a small understatement,
 * never an overstatement, since what was paid was owed before).
 */
export function invoiceInterest(invoice: { readonly open: Money; readonly dueDate: IsoDate }, asOf: IsoDate, kind: InterestKind): Money {
  const first = firstRateDay(kind);
  const from = invoice.dueDate < first ? addDays(first, -1) : invoice.dueDate;
  return statutoryInterest({ principal: invoice.open, from, to: asOf, kind });
}
