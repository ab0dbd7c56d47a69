import type { Redis } from 'ioredis';
import type { CompanyId, ContactProfile, CustomerLedger, Dispute, Invoice } from '../../domain/ledger';
import { defaultProfile } from './default-profile';
import { COMPANY_COLLECTIONS, ledgerKeys, type CompanyCollection } from './ledger-keys';
import type { LedgerStore, PortalId } from './ledger-store';
import { createLedgerLookups, type LedgerLookups } from './ledger-lookups';
import { createUnmatchedOps } from './unmatched-ops';
import { upsertInvoices } from './upsert-invoices';
import { upsertPayments } from './upsert-payments';

/**
 * The ledger replica in Redis. Layout under `${prefix}:p:${portalId}:ledger:` (see ledger-keys.ts):
 * one hash per company and record kind (keyed by the record's id, JSON values), indexes
 * externalId → companyId, a sorted set of companies, a dirty set and the unmatched list.
 * Reads of one company are a single pipelined round trip: getCustomerLedger is on the cards' hot path.
 */
export type RedisLedgerStore = LedgerStore & LedgerLookups;

export function createRedisLedgerStore(redis: Redis, prefix: string): RedisLedgerStore {
  const keysOf = (portalId: PortalId) => ledgerKeys(prefix, portalId);

  /** HSET of records keyed by their id (idempotent), marking the companies dirty, in one MULTI. */
  async function putRecords<T>(portalId: PortalId, collection: CompanyCollection, records: readonly T[], company: (r: T) => CompanyId, id: (r: T) => string, onlyNew = false): Promise<void> {
    if (records.length === 0) return;
    const keys = keysOf(portalId);
    const tx = redis.multi();
    for (const r of records) {
      const key = keys.company(company(r), collection);
      if (onlyNew) tx.hsetnx(key, id(r), JSON.stringify(r));
      else tx.hset(key, id(r), JSON.stringify(r));
      tx.sadd(keys.dirty, company(r));
    }
    await tx.exec();
  }

  return {
    upsertInvoices: (portalId, invoices) => upsertInvoices(redis, keysOf(portalId), invoices),
    upsertPayments: (portalId, payments) => upsertPayments(redis, keysOf(portalId), payments),
    upsertMandates: (portalId, mandates) => putRecords(portalId, 'mandates', mandates, (m) => m.companyId, (m) => m.reference),
    addFailedCollections: (portalId, failures) => putRecords(portalId, 'failed', failures, (f) => f.companyId, (f) => f.id),
    addPromise: (portalId, promise) => putRecords(portalId, 'promises', [promise], (p) => p.companyId, (p) => p.id),
    addDispute: (portalId, dispute) => putRecords(portalId, 'disputes', [dispute], (d) => d.companyId, (d) => d.id),
    addArrangement: (portalId, arrangement) => putRecords(portalId, 'arrangements', [arrangement], (a) => a.companyId, (a) => a.id),
    // The first record of an action wins: a retried "log outcome" must not rewrite history.
    recordActions: (portalId, actions) => putRecords(portalId, 'history', actions, (a) => a.companyId, (a) => a.key, true),

    async resolveDispute(portalId, companyId, disputeId, resolvedOn) {
      const keys = keysOf(portalId);
      const key = keys.company(companyId, 'disputes');
      const raw = await redis.hget(key, disputeId);
      if (!raw) return;
      const dispute: Dispute = { ...(JSON.parse(raw) as Dispute), resolvedOn };
      await redis.multi().hset(key, disputeId, JSON.stringify(dispute)).sadd(keys.dirty, companyId).exec();
    },

    async saveProfile(portalId, profile) {
      const keys = keysOf(portalId);
      await redis.multi().set(keys.profile(profile.companyId), JSON.stringify(profile)).sadd(keys.dirty, profile.companyId).exec();
    },

    async getCustomerLedger(portalId, companyId) {
      const keys = keysOf(portalId);
      const pipeline = redis.pipeline();
      for (const c of COMPANY_COLLECTIONS) pipeline.hvals(keys.company(companyId, c));
      pipeline.get(keys.profile(companyId));
      const results = (await pipeline.exec()) ?? [];
      for (const [error] of results) if (error) throw error;
      const lists = new Map(COMPANY_COLLECTIONS.map((c, i) => [c, (results[i]?.[1] as string[]).map((s) => JSON.parse(s) as unknown)]));
      const profileRaw = results[COMPANY_COLLECTIONS.length]?.[1] as string | null;
      if (!profileRaw && [...lists.values()].every((l) => l.length === 0)) return undefined;
      const list = <T>(c: CompanyCollection) => lists.get(c) as T[];
      return {
        companyId,
        // Hash order is arbitrary: sort so views and rollups are deterministic.
        invoices: list<Invoice>('inv').sort((a, b) => cmp(a.issueDate, b.issueDate) || cmp(a.number, b.number) || cmp(a.externalId, b.externalId)),
        payments: list<CustomerLedger['payments'][number]>('pay').sort((a, b) => cmp(a.date, b.date) || cmp(a.externalId, b.externalId)),
        mandates: list<CustomerLedger['mandates'][number]>('mandates').sort((a, b) => cmp(a.signedOn, b.signedOn)),
        failedCollections: list<CustomerLedger['failedCollections'][number]>('failed').sort((a, b) => cmp(a.date, b.date) || cmp(a.id, b.id)),
        disputes: list<CustomerLedger['disputes'][number]>('disputes').sort((a, b) => cmp(a.openedOn, b.openedOn) || cmp(a.id, b.id)),
        promises: list<CustomerLedger['promises'][number]>('promises').sort((a, b) => cmp(a.madeOn, b.madeOn) || cmp(a.id, b.id)),
        arrangements: list<CustomerLedger['arrangements'][number]>('arrangements').sort((a, b) => cmp(a.agreedOn, b.agreedOn) || cmp(a.id, b.id)),
        profile: profileRaw ? (JSON.parse(profileRaw) as ContactProfile) : defaultProfile(companyId),
        history: list<CustomerLedger['history'][number]>('history').sort((a, b) => cmp(a.doneAt, b.doneAt) || cmp(a.key, b.key)),
      };
    },

    async listCompanyIds(portalId) {
      return redis.zrange(keysOf(portalId).companies, 0, '-1');
    },

    async markDirty(portalId, companyIds) {
      if (companyIds.length) await redis.sadd(keysOf(portalId).dirty, ...companyIds);
    },

    async takeDirtyCompanies(portalId) {
      const key = keysOf(portalId).dirty;
      // Read and clear in one transaction: a company marked in between is never lost.
      const results = await redis.multi().smembers(key).del(key).exec();
      return ((results?.[0]?.[1] as string[]) ?? []).sort();
    },

    ...createUnmatchedOps(redis, keysOf),
    ...createLedgerLookups(redis, keysOf),

    async deletePortal(portalId) {
      const { pattern } = keysOf(portalId);
      let cursor = '0';
      do {
        const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        cursor = next;
        if (found.length) await redis.unlink(...found);
      } while (cursor !== '0');
    },
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
