import { addDays, compareIsoDate, type IsoDate } from './dates';
import type { CustomerLedger, Payment, PaymentArrangement, PromiseToPay } from './ledger';

export type PromiseStatus = 'open' | 'kept' | 'broken' | 'cancelled';
export type ArrangementStatus = 'on_track' | 'broken' | 'completed' | 'cancelled';

/** Calendar days after the promised date (or an instalment's due date) before it counts as broken. */
export const DEFAULT_PROMISE_GRACE_DAYS = 1;

/** The last day a payment still keeps the promise. */
export const promiseDeadline = (p: PromiseToPay, graceDays = DEFAULT_PROMISE_GRACE_DAYS): IsoDate =>
  addDays(p.promisedDate, graceDays);

/**
 * Payments that count towards a commitment: same currency, applied to one of the covered invoices (or any
 * payment when the commitment covers the balance, i.e. lists no invoices), dated within [from, to].
 * Credit notes applied count too: they reduce what is owed just like money does.
 */
function paidWithin(ledger: CustomerLedger, invoiceIds: readonly string[], currency: string, from: IsoDate, to: IsoDate): Payment[] {
  const covered = new Set(invoiceIds);
  return ledger.payments.filter(
    (pay) =>
      pay.amount.currency === currency &&
      pay.date >= from &&
      pay.date <= to &&
      (covered.size === 0 || (pay.invoiceExternalId !== undefined && covered.has(pay.invoiceExternalId))),
  );
}

const total = (payments: readonly Payment[]): number => payments.reduce((s, p) => s + p.amount.minor, 0);

/** Covered invoices all fully paid by `by` (a fallback when the source gives paid dates but no payment lines). */
function coveredInvoicesPaidBy(ledger: CustomerLedger, invoiceIds: readonly string[], by: IsoDate): boolean {
  if (invoiceIds.length === 0) return false;
  return invoiceIds.every((id) => {
    const inv = ledger.invoices.find((i) => i.externalId === id);
    return inv !== undefined && inv.open.minor === 0 && inv.paidDate !== undefined && inv.paidDate <= by;
  });
}

/**
 * Kept when the counting payments made from the day the promise was made up to the deadline (promised
 * date + grace, and not after `asOf`) reach the promised amount. Broken once `asOf` is past the deadline
 * without that. A promise cancelled on or before `asOf` is 'cancelled' unless it had already been kept
 * by the cancellation day.
 */
export function promiseStatus(
  p: PromiseToPay,
  ledger: CustomerLedger,
  asOf: IsoDate,
  graceDays = DEFAULT_PROMISE_GRACE_DAYS,
): PromiseStatus {
  const deadline = promiseDeadline(p, graceDays);
  const cancelled = p.cancelledOn !== undefined && p.cancelledOn <= asOf;
  let countUntil = deadline < asOf ? deadline : asOf;
  if (cancelled && p.cancelledOn! < countUntil) countUntil = p.cancelledOn!;
  const kept =
    total(paidWithin(ledger, p.invoiceExternalIds, p.amount.currency, p.madeOn, countUntil)) >= p.amount.minor ||
    coveredInvoicesPaidBy(ledger, p.invoiceExternalIds, countUntil);
  if (kept) return 'kept';
  if (cancelled) return 'cancelled';
  return asOf > deadline ? 'broken' : 'open';
}

/**
 * The day a kept promise was kept: when the counting payments first reached the promised amount (or, without
 * payment lines, the last covered invoice's paid date). Undefined unless promiseStatus says 'kept' on `asOf`.
 */
export function promiseKeptOn(p: PromiseToPay, ledger: CustomerLedger, asOf: IsoDate, graceDays = DEFAULT_PROMISE_GRACE_DAYS): IsoDate | undefined {
  if (promiseStatus(p, ledger, asOf, graceDays) !== 'kept') return undefined;
  const deadline = promiseDeadline(p, graceDays);
  const until = deadline < asOf ? deadline : asOf;
  const byDate = paidWithin(ledger, p.invoiceExternalIds, p.amount.currency, p.madeOn, until).sort((a, b) => compareIsoDate(a.date, b.date));
  let paid = 0;
  for (const pay of byDate) if ((paid += pay.amount.minor) >= p.amount.minor) return pay.date;
  const paidDates = p.invoiceExternalIds.map((id) => ledger.invoices.find((i) => i.externalId === id)?.paidDate ?? until);
  return paidDates.reduce((a, b) => (a > b ? a : b), p.madeOn);
}

/**
 * Completed when payments since the agreement reach the sum of all instalments (or every covered invoice
 * is paid); broken when, for some instalment whose deadline (due date + grace) has passed, the payments by
 * that deadline are below the instalments due so far (cumulative, so paying ahead is fine); else on track.
 */
export function arrangementStatus(
  a: PaymentArrangement,
  ledger: CustomerLedger,
  asOf: IsoDate,
  graceDays = DEFAULT_PROMISE_GRACE_DAYS,
): ArrangementStatus {
  if (a.cancelledOn !== undefined && a.cancelledOn <= asOf) return 'cancelled';
  const first = a.instalments[0];
  if (!first) return 'completed';
  const currency = first.amount.currency;
  const payments = paidWithin(ledger, a.invoiceExternalIds, currency, a.agreedOn, asOf);
  const instalmentsTotal = a.instalments.reduce((s, i) => s + i.amount.minor, 0);
  if (total(payments) >= instalmentsTotal || coveredInvoicesPaidBy(ledger, a.invoiceExternalIds, asOf)) return 'completed';
  const byDue = [...a.instalments].sort((x, y) => compareIsoDate(x.dueDate, y.dueDate));
  let dueSoFar = 0;
  for (const inst of byDue) {
    dueSoFar += inst.amount.minor;
    const deadline = addDays(inst.dueDate, graceDays);
    if (deadline >= asOf) break;
    if (total(payments.filter((p) => p.date <= deadline)) < dueSoFar) return 'broken';
  }
  return 'on_track';
}
