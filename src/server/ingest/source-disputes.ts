import type { Invoice } from '../../domain/ledger';
import { sourceDisputeChange, sourceDisputeId, sourceDisputeMayChange } from '../../domain/source-disputes';
import type { RedisLedgerStore } from '../ledger/redis-ledger-store';

/**
 * After a batch of invoices went in: the ones the source calls disputed get their dispute, the ones it no longer
 * does have theirs resolved (the rule is the domain's). It reads the invoices as stored, not as sent — an older
 * version the upsert ignored does not count. Only an invoice sent as disputed or with an open source dispute can
 * change anything, so only those are read back; the source disputes of the batch are one round trip, whatever
 * its size, and a re-import of the same file changes nothing.
 */
export async function syncSourceDisputes(ledger: Pick<RedisLedgerStore, 'findDisputes' | 'findInvoiceDisputes' | 'addDispute' | 'resolveDispute'>, portalId: string, invoices: readonly Invoice[], today: string): Promise<void> {
  if (invoices.length === 0) return;
  const refs = invoices.map((i) => ({ companyId: i.companyId, invoiceExternalId: i.externalId, disputeId: sourceDisputeId(i.externalId) }));
  const disputes = await ledger.findDisputes(portalId, refs);
  const candidates = refs.filter((_, n) => sourceDisputeMayChange(invoices[n]!, disputes[n]));
  const stored = await ledger.findInvoiceDisputes(portalId, candidates);
  for (const { invoice, dispute } of stored) {
    const change = invoice ? sourceDisputeChange(invoice, dispute, today) : undefined;
    if (change?.kind === 'open') await ledger.addDispute(portalId, change.dispute);
    else if (change?.kind === 'resolve') await ledger.resolveDispute(portalId, invoice!.companyId, change.disputeId, today);
  }
}
