import { daysBetween, type IsoDate } from '../dates';
import type { Invoice } from '../ledger';
import { money, type CurrencyCode, type Money } from '../money';

/** One aging range in days past due, inclusive on both ends; no max means "and older". */
export interface AgingBucketDef {
  readonly id: string;
  readonly label: string;
  readonly minDaysPastDue: number;
  readonly maxDaysPastDue?: number;
}

export const AGING_BUCKETS_DEFAULT: readonly AgingBucketDef[] = [
  { id: 'current', label: 'Current', minDaysPastDue: 0, maxDaysPastDue: 0 },
  { id: '1-30', label: '1–30 days', minDaysPastDue: 1, maxDaysPastDue: 30 },
  { id: '31-60', label: '31–60 days', minDaysPastDue: 31, maxDaysPastDue: 60 },
  { id: '61-90', label: '61–90 days', minDaysPastDue: 61, maxDaysPastDue: 90 },
  { id: '90+', label: '90+ days', minDaysPastDue: 91 },
];

export interface AgingBucketTotal {
  readonly id: string;
  readonly amount: Money;
  readonly count: number;
}

export interface CurrencyAging {
  readonly currency: CurrencyCode;
  readonly buckets: readonly AgingBucketTotal[];
  readonly totalOpen: Money;
  readonly totalOverdue: Money;
}

/** Whole days past the due date; 0 on the due date and before it. */
export function daysPastDue(inv: Invoice, asOf: IsoDate): number {
  return Math.max(0, daysBetween(inv.dueDate, asOf));
}

/**
 * Is this document part of the open receivables? Open amount above zero and neither written off nor credited (a
 * write-off leaves the books, and a credited invoice was settled by its credit note, even when the source still
 * shows an open amount). An invoice at a collection agency is still owed: it stays.
 */
export const isOpenReceivable = (inv: Invoice): boolean => inv.open.minor > 0 && inv.status !== 'written_off' && inv.status !== 'credited';

/** The open amount as it counts towards the balance: credit notes count negative. */
export const signedOpen = (inv: Invoice): Money =>
  inv.kind === 'credit_note' ? money(-inv.open.minor, inv.open.currency) : inv.open;

/** An open invoice (not a credit note): what chasing and the measures of open invoices look at. */
export const isOpenInvoice = (inv: Invoice): boolean => inv.kind === 'invoice' && isOpenReceivable(inv);

/** An open invoice (not a credit note) past its due date. */
export const isOverdueInvoice = (inv: Invoice, asOf: IsoDate): boolean => isOpenInvoice(inv) && daysPastDue(inv, asOf) > 0;

/**
 * Days a document counts as late in the aging. A credit note is money the customer may set off, not a debt:
 * its own due date never makes it "overdue", so it always sits in the current range.
 */
export const agingDays = (inv: Invoice, asOf: IsoDate): number => (inv.kind === 'credit_note' ? 0 : daysPastDue(inv, asOf));

/**
 * What is overdue per currency (sorted by code): the open overdue invoices less every open credit note of that
 * currency, whatever its due date — the customer may set a credit off against what is late — and never below
 * zero (a larger credit makes nothing overdue, it is not a negative debt). Currencies with nothing open are absent.
 */
export function overdueByCurrency(invoices: readonly Invoice[], asOf: IsoDate): Money[] {
  const net = new Map<CurrencyCode, number>();
  for (const inv of invoices) {
    if (!isOpenReceivable(inv)) continue;
    const late = inv.kind === 'credit_note' ? -inv.open.minor : isOverdueInvoice(inv, asOf) ? inv.open.minor : 0;
    net.set(inv.open.currency, (net.get(inv.open.currency) ?? 0) + late);
  }
  return [...net.keys()].sort().map((currency) => money(Math.max(0, net.get(currency)!), currency));
}

export function bucketFor(days: number, buckets: readonly AgingBucketDef[]): AgingBucketDef {
  const found = buckets.find((b) => days >= b.minDaysPastDue && (b.maxDaysPastDue === undefined || days <= b.maxDaysPastDue));
  // A gap in configured ranges would silently drop money from the totals: treat it as a configuration bug.
  if (!found) throw new RangeError(`aging buckets do not cover ${days} days past due`);
  return found;
}

/**
 * Aging per currency (currencies sorted by code), every bucket present in definition order. Credit notes are
 * never late (see agingDays): they reduce the current range, so bucket amounts always add up to `totalOpen`.
 * `totalOverdue` is overdueByCurrency's: the overdue invoices netted with the open credit notes, at least zero.
 */
export function agingByCurrency(
  invoices: readonly Invoice[],
  asOf: IsoDate,
  buckets: readonly AgingBucketDef[] = AGING_BUCKETS_DEFAULT,
): CurrencyAging[] {
  const perCurrency = new Map<CurrencyCode, Map<string, { minor: number; count: number }>>();
  for (const inv of invoices) {
    if (!isOpenReceivable(inv)) continue;
    const days = agingDays(inv, asOf);
    const bucket = bucketFor(days, buckets);
    const currency = inv.open.currency;
    let totals = perCurrency.get(currency);
    if (!totals) {
      totals = new Map(buckets.map((b) => [b.id, { minor: 0, count: 0 }]));
      perCurrency.set(currency, totals);
    }
    const slot = totals.get(bucket.id)!;
    slot.minor += signedOpen(inv).minor;
    slot.count += 1;
  }
  const overdue = new Map(overdueByCurrency(invoices, asOf).map((m) => [m.currency, m]));
  return [...perCurrency.keys()].sort().map((currency) => {
    const totals = perCurrency.get(currency)!;
    const rows = buckets.map((b) => ({ id: b.id, amount: money(totals.get(b.id)!.minor, currency), count: totals.get(b.id)!.count }));
    const open = rows.reduce((s, r) => s + r.amount.minor, 0);
    return { currency, buckets: rows, totalOpen: money(open, currency), totalOverdue: overdue.get(currency) ?? money(0, currency) };
  });
}

/** The open invoice longest past due (ties: lowest external id), or undefined when nothing is overdue. */
export function oldestOverdue(
  invoices: readonly Invoice[],
  asOf: IsoDate,
): { invoiceExternalId: string; daysPastDue: number } | undefined {
  let best: { invoiceExternalId: string; daysPastDue: number } | undefined;
  for (const inv of invoices) {
    if (!isOverdueInvoice(inv, asOf)) continue;
    const days = daysPastDue(inv, asOf);
    if (!best || days > best.daysPastDue || (days === best.daysPastDue && inv.externalId < best.invoiceExternalId)) {
      best = { invoiceExternalId: inv.externalId, daysPastDue: days };
    }
  }
  return best;
}
