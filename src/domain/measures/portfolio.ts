import { addDays, type IsoDate } from '../dates';
import type { Invoice } from '../ledger';
import type { CurrencyCode } from '../money';
import { isOpenReceivable, isOverdueInvoice, signedOpen } from './aging';
import { weightedAverageDaysOverdueOpen } from './behaviour';
import { dsoByCurrency } from './dso';

/** A portal's receivables figures in one currency (amounts in minor units; days exact, round when shown). */
export interface PortfolioKpis {
  readonly currency: CurrencyCode;
  /** Signed open receivables (credit notes count negative) and the overdue invoices' open amount. */
  readonly openMinor: number;
  readonly overdueMinor: number;
  readonly dso: number;
  readonly bestPossibleDso: number;
  readonly averageDaysDelinquent: number;
  /** Weighted average days overdue of the open invoices (not-yet-due ones weigh in with 0 days); null when none. */
  readonly weightedDaysLate: number | null;
}

/** Open, overdue, count-back DSO, best possible DSO, ADD and weighted days late per currency, over every document given. */
export function portfolioKpis(invoices: readonly Invoice[], asOf: IsoDate, opts: { months?: number } = {}): PortfolioKpis[] {
  return dsoByCurrency(invoices, asOf, opts).map((d) => {
    const mine = invoices.filter((i) => i.open.currency === d.currency && i.issueDate <= asOf);
    const overdueMinor = mine.filter((i) => isOverdueInvoice(i, asOf)).reduce((s, i) => s + i.open.minor, 0);
    const openMinor = mine.filter(isOpenReceivable).reduce((s, i) => s + signedOpen(i).minor, 0);
    return {
      currency: d.currency, openMinor, overdueMinor,
      dso: d.dso, bestPossibleDso: d.bestPossibleDso, averageDaysDelinquent: d.averageDaysDelinquent,
      weightedDaysLate: weightedAverageDaysOverdueOpen(mine, asOf) ?? null,
    };
  });
}

/**
 * The documents as they stood at the end of `day`: issued by then, and open unless paid on or before it. A
 * document paid later was open in full then; one still open counts with today's open amount (part-payments
 * carry no date, so their timing cannot be replayed).
 */
export function asTheyStood(invoices: readonly Invoice[], day: IsoDate): Invoice[] {
  return invoices.filter((i) => i.issueDate <= day).map((i) => {
    if (i.paidDate !== undefined && i.paidDate <= day) return { ...i, open: { ...i.open, minor: 0 }, status: 'paid' as const };
    if (i.paidDate !== undefined) return { ...i, open: i.amount, status: 'open' as const };
    return i;
  });
}

export interface TrendPoint {
  /** The last day of the month (or `asOf` for the running month). */
  readonly date: IsoDate;
  readonly kpis: readonly PortfolioKpis[];
}

/** The KPIs at the end of each of the last `months` months, oldest first, the running month last (at `asOf`). */
export function kpiTrend(invoices: readonly Invoice[], asOf: IsoDate, months = 6): TrendPoint[] {
  const points: TrendPoint[] = [];
  let day = asOf;
  for (let n = 0; n < months; n++) {
    points.unshift({ date: day, kpis: portfolioKpis(asTheyStood(invoices, day), day) });
    day = addDays(`${day.slice(0, 7)}-01`, -1);
  }
  return points;
}
