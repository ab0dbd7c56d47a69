import type { Dispute, Invoice } from '../../domain/ledger';
import { sourceDisputeChange, sourceDisputeId, sourceDisputeMayChange } from '../../domain/source-disputes';
import type { RedisLedgerStore } from '../ledger/redis-ledger-store';

type DisputeLedger = Pick<RedisLedgerStore, 'findDisputes' | 'findInvoiceDisputes' | 'addDispute' | 'resolveDispute'>;

/**
 * The source disputes of a batch of invoices (one round trip, whatever its size). Only disputes change them, not
 * the invoice upsert, so the importer reads them while the upsert is in flight.
 */
export async function readSourceDisputes(ledger: Pick<DisputeLedger, 'findDisputes'>, portalId: string, invoices: readonly Invoice[]): Promise<(Dispute | undefined)[]> {
  if (invoices.length === 0) return [];
  return ledger.findDisputes(portalId, invoices.map((i) => ({ companyId: i.companyId, disputeId: sourceDisputeId(i.externalId) })));
}

/**
 * After a batch of invoices went in: the ones the source calls disputed get their dispute, the ones it no longer
 * does have theirs resolved (the rule is the domain's). It reads the invoices as stored, not as sent — an older
 * version the upsert ignored does not count. Only an invoice sent as disputed or with an open source dispute
 * (`disputes`, from readSourceDisputes) can change anything, so only those are read back, and a re-import of the
 * same file changes nothing.
 */
export async function syncSourceDisputes(ledger: DisputeLedger, portalId: string, invoices: readonly Invoice[], disputes: readonly (Dispute | undefined)[], today: string): Promise<void> {
  const candidates = invoices
    .filter((invoice, n) => sourceDisputeMayChange(invoice, disputes[n]))
    .map((i) => ({ companyId: i.companyId, invoiceExternalId: i.externalId, disputeId: sourceDisputeId(i.externalId) }));
  if (candidates.length === 0) return;
  const stored = await ledger.findInvoiceDisputes(portalId, candidates);
  for (const { invoice, dispute } of stored) {
    const change = invoice ? sourceDisputeChange(invoice, dispute, today) : undefined;
    if (change?.kind === 'open') await ledger.addDispute(portalId, change.dispute);
    else if (change?.kind === 'resolve') await ledger.resolveDispute(portalId, invoice!.companyId, change.disputeId, today);
  }
}
