import type { IsoDate } from '../../domain/dates';
import type { CustomerLedger } from '../../domain/ledger';
import { isOpenInvoice } from '../../domain/measures/aging';
import { activePauses, pausesFor, type PauseOptions } from '../../domain/pauses';

/**
 * Of a task's invoices, those still owed and not on hold: paid, credited, written off, disputed or promised
 * ones drop out, and all of them when the customer is paused (opted out, or netted below the policy's tolerance).
 */
export function invoicesStillOwed(ledger: CustomerLedger, invoiceExternalIds: readonly string[], today: IsoDate, opts: PauseOptions = {}): string[] {
  const pauses = activePauses(ledger, today, opts);
  const byId = new Map(ledger.invoices.map((i) => [i.externalId, i]));
  return invoiceExternalIds.filter((id) => {
    const inv = byId.get(id);
    return inv !== undefined && isOpenInvoice(inv) && pausesFor(inv, pauses).length === 0;
  });
}

/**
 * A reminder task is still needed while at least one of its invoices is open and not on hold. Paid,
 * credited or written-off invoices, an opened dispute, a promise or an arrangement on track all end it.
 */
export function taskStillNeeded(ledger: CustomerLedger, invoiceExternalIds: readonly string[], today: IsoDate, opts: PauseOptions = {}): boolean {
  // A task with no invoices (e.g. a customer-level follow-up) stays until someone completes it.
  if (invoiceExternalIds.length === 0) return true;
  return invoicesStillOwed(ledger, invoiceExternalIds, today, opts).length > 0;
}
