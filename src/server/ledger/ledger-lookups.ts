import type { Redis } from 'ioredis';
import type { CompanyId } from '../../domain/ledger';
import type { LedgerKeys } from './ledger-keys';
import type { PortalId } from './ledger-store';

/** What ingest needs beyond the LedgerStore port: where known documents live, and clearing resolved unmatched ones. */
export interface LedgerLookups {
  /** The company each invoice (or credit note) is filed under, undefined when not in the ledger. */
  findInvoiceCompanies(portalId: PortalId, externalIds: readonly string[]): Promise<(CompanyId | undefined)[]>;
  /** Drops documents from the unmatched list (they were matched on a later delivery). */
  removeUnmatched(portalId: PortalId, externalIds: readonly string[]): Promise<void>;
}

export function createLedgerLookups(redis: Redis, keysOf: (portalId: PortalId) => LedgerKeys): LedgerLookups {
  return {
    async findInvoiceCompanies(portalId, externalIds) {
      if (externalIds.length === 0) return [];
      const found = await redis.hmget(keysOf(portalId).invoiceIndex, ...externalIds);
      return found.map((c) => c ?? undefined);
    },
    async removeUnmatched(portalId, externalIds) {
      if (externalIds.length === 0) return;
      const keys = keysOf(portalId);
      await redis.multi().hdel(keys.unmatched, ...externalIds).zrem(keys.unmatchedByTime, ...externalIds).exec();
    },
  };
}
