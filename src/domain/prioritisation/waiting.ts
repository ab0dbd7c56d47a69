import type { IsoDate } from '../dates';
import type { CustomerLedger, Invoice } from '../ledger';
import { activePauses, isInvoicePaused, type ActivePause } from '../pauses';
import type { Reason } from './reason';

/**
 * Overdue invoices the customer is already dealing with: under an open dispute, covered by a promise not yet
 * due, by an arrangement on track, or handed to a collection agency (the pauses of kinds dispute / promise /
 * arrangement / in_collection). Chasing them
 * now would not help, so they leave the score's base, and a customer with nothing else overdue is
 * de-prioritised.
 */
export function waitingCover(
  ledger: CustomerLedger,
  asOf: IsoDate,
  overdue: readonly Invoice[],
  promiseGraceDays: number,
): { chaseable: Invoice[]; reasons: Reason[] } {
  const waiting = activePauses(ledger, asOf, { promiseGraceDays }).filter(
    (p): p is Extract<ActivePause, { kind: 'dispute' | 'promise' | 'arrangement' | 'in_collection' }> =>
      p.kind === 'dispute' || p.kind === 'promise' || p.kind === 'arrangement' || p.kind === 'in_collection',
  );
  const chaseable = overdue.filter((i) => !isInvoicePaused(i, waiting));
  const reasons: Reason[] = [];
  const disputedOverdue = overdue.filter((i) => waiting.some((p) => p.kind === 'dispute' && p.invoiceExternalId === i.externalId));
  if (disputedOverdue.length > 0) reasons.push({ code: 'dispute_open', params: { count: disputedOverdue.length } });
  for (const p of waiting) {
    if (p.kind === 'promise') {
      // The promised date itself (what the customer said), not the deadline with grace the pause runs to.
      const promisedDate = ledger.promises.find((x) => x.id === p.promiseId)?.promisedDate ?? p.until;
      reasons.push({ code: 'promise_not_due', params: { promiseId: p.promiseId, promisedDate } });
    }
    if (p.kind === 'arrangement') reasons.push({ code: 'arrangement_on_track', params: { arrangementId: p.arrangementId } });
  }
  return { chaseable, reasons };
}
