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

export function sourceDisputeChange(invoice: Invoice, existing: Dispute | undefined, today: IsoDate): SourceDisputeChange | undefined {
  const open = existing !== undefined && existing.resolvedOn === undefined;
  if (invoice.status === 'disputed' && !open) {
    return {
      kind: 'open',
      dispute: { id: sourceDisputeId(invoice.externalId), companyId: invoice.companyId, invoiceExternalId: invoice.externalId, reason: 'other', note: 'disputed in the accounting system', openedOn: today },
    };
  }
  if (invoice.status !== 'disputed' && open) return { kind: 'resolve', disputeId: existing.id };
  return undefined;
}
