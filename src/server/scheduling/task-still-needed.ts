import type { IsoDate } from '../../domain/dates';
import type { CustomerLedger } from '../../domain/ledger';
import { isOpenReceivable } from '../../domain/measures/aging';
import { activePauses, pausesFor } from '../../domain/pauses';

/**
 * A reminder task is still needed while at least one of its invoices is open and not on hold. Paid,
 * credited or written-off invoices, an opened dispute, a promise or an arrangement on track all end it.
 */
export function taskStillNeeded(ledger: CustomerLedger, invoiceExternalIds: readonly string[], today: IsoDate): boolean {
  const pauses = activePauses(ledger, today);
  const byId = new Map(ledger.invoices.map((i) => [i.externalId, i]));
  // A task with no invoices (e.g. a customer-level follow-up) stays until someone completes it.
  if (invoiceExternalIds.length === 0) return true;
  return invoiceExternalIds.some((id) => {
    const inv = byId.get(id);
    return inv !== undefined && isOpenReceivable(inv) && inv.kind === 'invoice' && pausesFor(inv, pauses).length === 0;
  });
}
