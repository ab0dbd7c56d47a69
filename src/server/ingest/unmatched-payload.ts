import { z } from 'zod';
import { InvoiceInput, PaymentInput, type UnmatchedItem } from '../../contracts/ingest';
import type { UnmatchedDocument } from '../ledger/ledger-store';

/** What an unmatched document keeps so it can be filed later exactly as it would have been on arrival. */
export const UnmatchedPayload = z.discriminatedUnion('type', [
  z.object({ type: z.literal('invoice'), input: InvoiceInput, version: z.string() }),
  z.object({ type: z.literal('payment'), input: PaymentInput }),
]);

export function unmatchedInvoice(input: InvoiceInput, version: string, receivedAt: string, reason: string): UnmatchedDocument {
  return {
    externalId: input.externalId,
    kind: input.kind,
    customer: input.customer,
    payload: { type: 'invoice', input: { ...input, version: input.version ?? version }, version: input.version ?? version },
    receivedAt,
    reason,
  };
}

export function unmatchedPayment(input: PaymentInput, receivedAt: string, reason: string): UnmatchedDocument {
  return { externalId: input.externalId, kind: 'payment', customer: input.customer ?? {}, payload: { type: 'payment', input }, receivedAt, reason };
}

/** The list entry shown to people: the customer as the source described it and the document's key facts. */
export function toUnmatchedItem(doc: UnmatchedDocument): UnmatchedItem {
  const parsed = UnmatchedPayload.safeParse(doc.payload);
  const input = parsed.success ? parsed.data.input : undefined;
  return {
    externalId: doc.externalId,
    kind: doc.kind,
    customer: { ...doc.customer },
    ...(doc.reason ? { reason: doc.reason } : {}),
    receivedAt: doc.receivedAt,
    ...(input && 'number' in input ? { number: input.number } : {}),
    ...(input ? { currency: input.currency, amountMinor: input.amountMinor } : {}),
  };
}
