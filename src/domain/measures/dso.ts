import { addDays, epochDay, type IsoDate } from '../dates';
import type { Invoice } from '../ledger';
import type { CurrencyCode } from '../money';
import { agingDays, isOpenReceivable, signedOpen } from './aging';

/** Credit sales of one period (minor units, net of credit notes) and the period's length in days. */
export interface PeriodSales {
  readonly sales: number;
  readonly days: number;
}

/**
 * Count-back (exhaustion) DSO: walk back period by period from the most recent, consuming each period's
 * sales with the receivables; whole periods add their days, the last partial one its fraction.
 * Exact (not rounded): round only when presenting. When the receivables outlast every period given, the
 * result is the sum of all days (a lower bound: pass more history for a truer figure).
 */
export function countBackDso(input: { receivables: number; monthlySales: readonly PeriodSales[] }): number {
  let remaining = input.receivables;
  let dso = 0;
  for (const { sales, days } of input.monthlySales) {
    if (remaining <= 0) break;
    if (sales <= 0 || remaining >= sales) {
      // A period without sales cannot absorb receivables: it only adds its days.
      dso += days;
      remaining -= Math.max(0, sales);
    } else {
      dso += (remaining / sales) * days;
      remaining = 0;
    }
  }
  return dso;
}

/** Best possible DSO: the same count-back with only the current (not yet due) receivables. */
export function bestPossibleDso(input: { currentReceivables: number; monthlySales: readonly PeriodSales[] }): number {
  return countBackDso({ receivables: input.currentReceivables, monthlySales: input.monthlySales });
}

/** Average days delinquent: the part of DSO caused by paying late. */
export const averageDaysDelinquent = (dso: number, bestPossible: number): number => dso - bestPossible;

export interface DsoMeasures {
  readonly currency: CurrencyCode;
  /** Signed open receivables (minor units) and the not-yet-due part of them. */
  readonly receivables: number;
  readonly currentReceivables: number;
  /** Most recent first: the month to date of `asOf`, then whole calendar months. */
  readonly monthlySales: readonly PeriodSales[];
  readonly dso: number;
  readonly bestPossibleDso: number;
  readonly averageDaysDelinquent: number;
}

/**
 * DSO, best possible DSO and ADD per currency from the documents (one ledger's or a whole portfolio's).
 * Periods are calendar months: the month of `asOf` up to and including `asOf`, then `months − 1` whole
 * months before it. Sales are invoices issued in the period minus credit notes issued in it. The open
 * amounts are the ledger's current ones, so `asOf` should be today.
 */
export function dsoByCurrency(invoices: readonly Invoice[], asOf: IsoDate, opts: { months?: number } = {}): DsoMeasures[] {
  const periods = monthPeriods(asOf, opts.months ?? 3);
  const byCurrency = new Map<CurrencyCode, { receivables: number; current: number; sales: number[] }>();
  const row = (c: CurrencyCode) => {
    let r = byCurrency.get(c);
    if (!r) byCurrency.set(c, (r = { receivables: 0, current: 0, sales: periods.map(() => 0) }));
    return r;
  };
  for (const inv of invoices) {
    if (inv.issueDate > asOf) continue;
    const sign = inv.kind === 'credit_note' ? -1 : 1;
    const period = periods.findIndex((p) => inv.issueDate >= p.from && inv.issueDate <= p.to);
    if (period >= 0) row(inv.amount.currency).sales[period]! += sign * inv.amount.minor;
    if (isOpenReceivable(inv)) {
      const r = row(inv.open.currency);
      r.receivables += signedOpen(inv).minor;
      if (agingDays(inv, asOf) === 0) r.current += signedOpen(inv).minor;
    }
  }
  return [...byCurrency.keys()].sort().map((currency) => {
    const r = byCurrency.get(currency)!;
    const monthlySales = periods.map((p, i) => ({ sales: r.sales[i]!, days: p.days }));
    const dso = countBackDso({ receivables: r.receivables, monthlySales });
    const best = bestPossibleDso({ currentReceivables: r.current, monthlySales });
    return {
      currency,
      receivables: r.receivables,
      currentReceivables: r.current,
      monthlySales,
      dso,
      bestPossibleDso: best,
      averageDaysDelinquent: averageDaysDelinquent(dso, best),
    };
  });
}

/** Calendar-month periods ending at `asOf`, most recent first, with inclusive bounds and their length. */
export function monthPeriods(asOf: IsoDate, months: number): { from: IsoDate; to: IsoDate; days: number }[] {
  const periods: { from: IsoDate; to: IsoDate; days: number }[] = [];
  let to = asOf;
  for (let i = 0; i < months; i++) {
    const from = `${to.slice(0, 7)}-01`;
    periods.push({ from, to, days: epochDay(to) - epochDay(from) + 1 });
    to = addDays(from, -1);
  }
  return periods;
}
