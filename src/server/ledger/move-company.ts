import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { CompanyId } from '../../domain/ledger';
import { COMPANY_COLLECTIONS, type LedgerKeys } from './ledger-keys';
import { decodeInvoice, encodeInvoice } from './invoice-codec';
import type { LedgerStore, PortalId } from './ledger-store';

type Json = Record<string, unknown>;

/**
 * Two companies merged in HubSpot: everything filed under the merged one (invoices, payments, promises,
 * disputes, arrangements, mandates, history, its saved profile when the surviving company has none) is filed
 * under the surviving one, in one transaction. Records keep their ids, so history still says which steps were
 * done for which invoices and no step is repeated. Both companies are marked dirty; idempotent.
 */
export function createMoveCompany(redis: Redis, keysOf: (portalId: PortalId) => LedgerKeys): Pick<LedgerStore, 'moveCompany'> {
  return {
    async moveCompany(portalId, from, to) {
      if (from === to) return false;
      const keys = keysOf(portalId);
      const read = redis.multi();
      for (const c of COMPANY_COLLECTIONS) read.hgetall(keys.company(from, c));
      read.get(keys.profile(from)).exists(keys.profile(to));
      const results = (await read.exec()) ?? [];
      const collections = COMPANY_COLLECTIONS.map((c, i) => ({ c, records: (results[i]?.[1] ?? {}) as Record<string, string> }));
      const profile = results[COMPANY_COLLECTIONS.length]?.[1] as string | null;
      const targetHasProfile = results[COMPANY_COLLECTIONS.length + 1]?.[1] === 1;
      if (!profile && collections.every(({ records }) => Object.keys(records).length === 0)) return false;

      const tx = redis.multi();
      for (const { c, records } of collections) {
        for (const [field, raw] of Object.entries(records)) tx.hset(keys.company(to, c), field, c === 'inv' ? encodeInvoice({ ...decodeInvoice(raw), companyId: to }) : refile(raw, to));
        if (c === 'inv') for (const id of Object.keys(records)) tx.hset(keys.invoiceIndex, id, to);
        if (c === 'pay') for (const id of Object.keys(records)) tx.hset(keys.paymentIndex, id, to);
        tx.del(keys.company(from, c));
      }
      if (profile && !targetHasProfile) tx.set(keys.profile(to), refile(profile, to));
      tx.del(keys.profile(from));
      if (Object.keys(collections[0]!.records).length > 0 || Object.keys(collections[1]!.records).length > 0) tx.zadd(keys.companies, 0, to);
      tx.zrem(keys.companies, from);
      tx.set(keys.revision(to), randomUUID()).set(keys.revision(from), randomUUID());
      tx.sadd(keys.dirty, from, to);
      await tx.exec();
      return true;
    },
  };
}

const refile = (raw: string, companyId: CompanyId): string => JSON.stringify({ ...(JSON.parse(raw) as Json), companyId });
