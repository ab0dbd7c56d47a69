import type { IsoDate } from './dates';
import type { Dispute, Invoice } from './ledger';

/**
 * An accounting system that marks an invoice "disputed" (betwist) opens a dispute on that invoice only — the
 * same record a person opens from the call outcome, so the pauses, the cards and the call script all see it.
 * When a later export no longer says so, that dispute is resolved. A dispute a person opened has its own id
 * and is never touched here.
 */
export const sourceDisputeId = (invoiceExternalId: string): string => `src:${invoiceExternalId}`;

export type SourceDisputeChange =
  | { readonly kind: 'open'; readonly dispute: Dispute }
  | { readonly kind: 'resolve'; readonly disputeId: string };

const isOpen = (dispute: Dispute | undefined): dispute is Dispute => dispute !== undefined && dispute.resolvedOn === undefined;

/**
 * Whether sourceDisputeChange can say anything for an invoice as the source sent it: only when it is sent as
 * disputed or its source dispute is open (so an import reads back just those invoices as stored).
 */
export const sourceDisputeMayChange = (sent: Pick<Invoice, 'status'>, existing: Dispute | undefined): boolean =>
  sent.status === 'disputed' || isOpen(existing);

export function sourceDisputeChange(invoice: Invoice, existing: Dispute | undefined, today: IsoDate): SourceDisputeChange | undefined {
  const open = isOpen(existing);
  if (invoice.status === 'disputed' && !open) {
    return {
      kind: 'open',
      dispute: { id: sourceDisputeId(invoice.externalId), companyId: invoice.companyId, invoiceExternalId: invoice.externalId, reason: 'other', note: 'disputed in the accounting system', openedOn: today },
    };
  }
  if (invoice.status !== 'disputed' && open) return { kind: 'resolve', disputeId: existing.id };
  return undefined;
}
