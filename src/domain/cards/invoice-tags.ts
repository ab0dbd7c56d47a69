import type { IsoDate } from '../dates';
import { isArrangementOnTrack, isDisputeOpen } from '../holds';
import type { CustomerLedger, Invoice } from '../ledger';
import { isOverdueInvoice } from '../measures/aging';
import { promiseStatus } from '../promises';

/** What the cards mark an open invoice with (src/contracts/cards.ts lists the same words for the wire). */
export const INVOICE_TAGS = ['overdue', 'disputed', 'promised', 'in_arrangement', 'direct_debit', 'in_collection'] as const;
export type InvoiceTag = (typeof INVOICE_TAGS)[number];

/** Which invoices a commitment covers: an empty list means "the overdue balance" (every overdue invoice). */
export const coveredInvoiceIds = (ids: readonly string[], overdueIds: readonly string[]): readonly string[] =>
  ids.length > 0 ? ids : overdueIds;

/** Tags per open invoice, from the disputes, promises and arrangements that hold on `asOf`. */
export function invoiceTags(ledger: CustomerLedger, asOf: IsoDate): (inv: Invoice) => InvoiceTag[] {
  const overdueIds = ledger.invoices.filter((i) => isOverdueInvoice(i, asOf)).map((i) => i.externalId);
  const disputed = new Set(ledger.disputes.filter((d) => isDisputeOpen(d, asOf)).map((d) => d.invoiceExternalId));
  const promised = new Set(
    ledger.promises
      .filter((p) => p.madeOn <= asOf && promiseStatus(p, ledger, asOf) === 'open')
      .flatMap((p) => coveredInvoiceIds(p.invoiceExternalIds, overdueIds)),
  );
  const arranged = new Set(
    ledger.arrangements.filter((a) => isArrangementOnTrack(a, ledger, asOf)).flatMap((a) => coveredInvoiceIds(a.invoiceExternalIds, overdueIds)),
  );
  return (inv) => {
    const tags: InvoiceTag[] = [];
    if (isOverdueInvoice(inv, asOf)) tags.push('overdue');
    if (disputed.has(inv.externalId)) tags.push('disputed');
    if (promised.has(inv.externalId)) tags.push('promised');
    if (arranged.has(inv.externalId)) tags.push('in_arrangement');
    if (inv.directDebit) tags.push('direct_debit');
    if (inv.status === 'in_collection') tags.push('in_collection');
    return tags;
  };
}
