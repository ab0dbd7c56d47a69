import { daysBetween, type IsoDate } from '../dates';
import type { CustomerLedger, Invoice } from '../ledger';
import { promiseStatus } from '../promises';
import { daysPastDue, isOpenInvoice } from './aging';
import { weightOf, type RankingRates } from './weights';

export type BehaviourTrend = 'improving' | 'stable' | 'worsening' | 'unknown';

export interface PaymentBehaviour {
  readonly paidInvoiceCount: number;
  readonly weightedAverageDaysToPay?: number;
  readonly weightedAverageDaysLate?: number;
  readonly averageDaysLate?: number;
  /** Share of paid invoices (by count) paid on or before the due date, 0..1. */
  readonly onTimeShare?: number;
  readonly trend: BehaviourTrend;
  /** Kept ÷ (kept + broken) promises; open and cancelled ones do not count. */
  readonly promiseKeptRatio?: number;
  readonly habitualLatePayer: boolean;
}

export interface BehaviourOptions {
  /** Recent window for the trend, in days up to `asOf` (default 90). */
  readonly recentDays?: number;
  /** The earlier window just before the recent one (default 270). */
  readonly earlierDays?: number;
  /** Change in weighted days late that counts as a trend (default 5 days). */
  readonly trendThresholdDays?: number;
  /** Habitual late payer: at least this many paid invoices (default 3)… */
  readonly habitualMinPaid?: number;
  /** …and weighted days late above this (default 14) or on-time share below `habitualOnTimeShare` (default 0.5). */
  readonly habitualDaysLate?: number;
  readonly habitualOnTimeShare?: number;
  readonly rates?: RankingRates;
  readonly promiseGraceDays?: number;
}

/** Invoices (not credit notes) paid on a known day on or before `asOf`; others cannot say how the customer pays. */
export const paidInvoices = (ledger: CustomerLedger, asOf: IsoDate): Invoice[] =>
  ledger.invoices.filter((i) => i.kind === 'invoice' && i.paidDate !== undefined && i.paidDate <= asOf);

/** Days late: 0 when paid on or before the due date (early payment does not offset lateness elsewhere). */
const daysLate = (i: Invoice): number => Math.max(0, daysBetween(i.dueDate, i.paidDate!));

function weightedAverage(items: readonly Invoice[], days: (i: Invoice) => number, rates: RankingRates): number | undefined {
  let weight = 0;
  let weighted = 0;
  for (const i of items) {
    const w = weightOf(i.amount, rates);
    weight += w;
    weighted += w * days(i);
  }
  return weight > 0 ? weighted / weight : undefined;
}

/**
 * How this customer pays, from invoices with a paid date. Weights are the invoice amounts. Trend compares
 * the weighted days late of invoices paid in the recent window with those paid in the earlier window;
 * 'unknown' when either window has no paid invoice.
 */
export function paymentBehaviour(ledger: CustomerLedger, asOf: IsoDate, opts: BehaviourOptions = {}): PaymentBehaviour {
  const rates = opts.rates ?? {};
  const paid = paidInvoices(ledger, asOf);
  const onTime = paid.filter((i) => daysLate(i) === 0).length;
  const weightedAverageDaysLate = weightedAverage(paid, daysLate, rates);
  const onTimeShare = paid.length > 0 ? onTime / paid.length : undefined;
  const resolved = ledger.promises
    .map((p) => promiseStatus(p, ledger, asOf, opts.promiseGraceDays))
    .filter((s) => s === 'kept' || s === 'broken');
  const habitual =
    paid.length >= (opts.habitualMinPaid ?? 3) &&
    ((weightedAverageDaysLate ?? 0) > (opts.habitualDaysLate ?? 14) || (onTimeShare ?? 1) < (opts.habitualOnTimeShare ?? 0.5));
  return {
    paidInvoiceCount: paid.length,
    weightedAverageDaysToPay: weightedAverage(paid, (i) => daysBetween(i.issueDate, i.paidDate!), rates),
    weightedAverageDaysLate,
    averageDaysLate: paid.length > 0 ? paid.reduce((s, i) => s + daysLate(i), 0) / paid.length : undefined,
    onTimeShare,
    trend: trendOf(paid, asOf, opts, rates),
    promiseKeptRatio: resolved.length > 0 ? resolved.filter((s) => s === 'kept').length / resolved.length : undefined,
    habitualLatePayer: habitual,
  };
}

function trendOf(paid: readonly Invoice[], asOf: IsoDate, opts: BehaviourOptions, rates: RankingRates): BehaviourTrend {
  const recentDays = opts.recentDays ?? 90;
  const earlierDays = opts.earlierDays ?? 270;
  const age = (i: Invoice) => daysBetween(i.paidDate!, asOf);
  const recent = weightedAverage(paid.filter((i) => age(i) < recentDays), daysLate, rates);
  const earlier = weightedAverage(paid.filter((i) => age(i) >= recentDays && age(i) < recentDays + earlierDays), daysLate, rates);
  if (recent === undefined || earlier === undefined) return 'unknown';
  const change = recent - earlier;
  const threshold = opts.trendThresholdDays ?? 5;
  return change > threshold ? 'worsening' : change < -threshold ? 'improving' : 'stable';
}

/**
 * WADO: Σ(open × days overdue) ÷ Σ open over open invoices (not-yet-due ones weigh in with 0 days);
 * undefined when nothing is open.
 */
export function weightedAverageDaysOverdueOpen(invoices: readonly Invoice[], asOf: IsoDate, rates: RankingRates = {}): number | undefined {
  let weight = 0;
  let weighted = 0;
  for (const i of invoices) {
    if (!isOpenInvoice(i)) continue;
    const w = weightOf(i.open, rates);
    weight += w;
    weighted += w * daysPastDue(i, asOf);
  }
  return weight > 0 ? weighted / weight : undefined;
}
