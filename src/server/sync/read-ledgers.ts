import type { CustomerLedger } from '../../domain/ledger';
import type { LedgerStore } from '../ledger/ledger-store';

/** One batch of ledgers in one round trip when the store can, otherwise one read per company; unknown ids are left out. */
export async function readLedgers(ledger: Pick<LedgerStore, 'getCustomerLedger' | 'getCustomerLedgers'>, portalId: string, ids: readonly string[]): Promise<CustomerLedger[]> {
  return (ledger.getCustomerLedgers
    ? await ledger.getCustomerLedgers(portalId, ids)
    : await Promise.all(ids.map((id) => ledger.getCustomerLedger(portalId, id))))
    .filter((l): l is CustomerLedger => l !== undefined);
}
