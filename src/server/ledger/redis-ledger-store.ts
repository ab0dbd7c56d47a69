import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ActionRecord, CompanyId, Dispute } from '../../domain/ledger';
import { createCustomerLedgerReader, createCustomerLedgersReader } from './customer-ledger-reader';
import { createForgetContact } from './forget-contact';
import { createMoveCompany } from './move-company';
import { ledgerKeys, type CompanyCollection } from './ledger-keys';
import type { LedgerStore, PortalId, RevisionChange } from './ledger-store';
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
export type RedisLedgerStore = LedgerStore & LedgerLookups & Required<Pick<LedgerStore, 'getCustomerLedgers'>>;

export interface RedisLedgerStoreOptions {
  /** How many parsed company ledgers to keep in memory (revalidated on every read); 0 turns caching off. */
  readonly cacheCompanies?: number;
}

export function createRedisLedgerStore(redis: Redis, prefix: string, options: RedisLedgerStoreOptions = {}): RedisLedgerStore {
  const keysOf = (portalId: PortalId) => ledgerKeys(prefix, portalId);
  const readLedger = createCustomerLedgerReader(redis, options.cacheCompanies ?? 200);
  const readLedgers = createCustomerLedgersReader(redis);

  /** HSET of records keyed by their id (idempotent), marking the companies dirty, in one MULTI. */
  async function putRecords<T>(portalId: PortalId, collection: CompanyCollection, records: readonly T[], company: (r: T) => CompanyId, id: (r: T) => string): Promise<void> {
    if (records.length === 0) return;
    const keys = keysOf(portalId);
    const tx = redis.multi();
    for (const r of records) {
      const key = keys.company(company(r), collection);
      tx.hset(key, id(r), JSON.stringify(r));
      tx.sadd(keys.dirty, company(r));
      tx.set(keys.revision(company(r)), randomUUID());
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
    async recordActions(portalId, actions) {
      const changes = new Map<CompanyId, RevisionChange>();
      if (actions.length === 0) return changes;
      const keys = keysOf(portalId);
      const companies = [...new Set(actions.map((a) => a.companyId))];
      const after = new Map(companies.map((c) => [c, randomUUID()]));
      // MULTI runs without interleaving: each GET is the revision right before this write.
      const tx = redis.multi();
      for (const c of companies) tx.get(keys.revision(c));
      for (const a of actions) tx.hsetnx(keys.company(a.companyId, 'history'), a.key, JSON.stringify(a)).sadd(keys.dirty, a.companyId);
      for (const c of companies) tx.set(keys.revision(c), after.get(c)!);
      const results = (await tx.exec()) ?? [];
      for (const [error] of results) if (error) throw error;
      companies.forEach((c, i) => changes.set(c, { before: (results[i]?.[1] as string | null) ?? null, after: after.get(c)! }));
      return changes;
    },

    async getRevisions(portalId, companyIds) {
      if (companyIds.length === 0) return [];
      const keys = keysOf(portalId);
      return redis.mget(companyIds.map((id) => keys.revision(id)));
    },

    async recordTaskCompletions(portalId, completions) {
      const keys = keysOf(portalId);
      const recorded: string[] = [];
      for (const c of completions) {
        const key = keys.company(c.companyId, 'history');
        const raw = await redis.hget(key, c.key);
        if (!raw) continue;
        const record = JSON.parse(raw) as ActionRecord;
        if (!record.task || record.task.completedAt) continue;
        const done: ActionRecord = { ...record, task: { completedAt: c.completedAt } };
        await redis.multi().hset(key, c.key, JSON.stringify(done)).sadd(keys.dirty, c.companyId).set(keys.revision(c.companyId), randomUUID()).exec();
        recorded.push(c.key);
      }
      return recorded;
    },

    async resolveDispute(portalId, companyId, disputeId, resolvedOn) {
      const keys = keysOf(portalId);
      const key = keys.company(companyId, 'disputes');
      const raw = await redis.hget(key, disputeId);
      if (!raw) return;
      const dispute: Dispute = { ...(JSON.parse(raw) as Dispute), resolvedOn };
      await redis.multi().hset(key, disputeId, JSON.stringify(dispute)).sadd(keys.dirty, companyId).set(keys.revision(companyId), randomUUID()).exec();
    },

    async saveProfile(portalId, profile) {
      const keys = keysOf(portalId);
      await redis.multi().set(keys.profile(profile.companyId), JSON.stringify(profile)).sadd(keys.dirty, profile.companyId).set(keys.revision(profile.companyId), randomUUID()).exec();
    },

    getCustomerLedger: (portalId, companyId) => readLedger(keysOf(portalId), companyId),
    getCustomerLedgers: (portalId, companyIds) => readLedgers(keysOf(portalId), companyIds),

    async listCompanyIds(portalId) {
      return redis.zrange(keysOf(portalId).companies, 0, '-1');
    },

    async markDirty(portalId, companyIds) {
      if (companyIds.length) await redis.sadd(keysOf(portalId).dirty, ...companyIds);
    },

    async touchCompanies(portalId, companyIds) {
      if (companyIds.length === 0) return;
      const keys = keysOf(portalId);
      const tx = redis.multi().sadd(keys.dirty, ...companyIds);
      for (const id of companyIds) tx.set(keys.revision(id), randomUUID());
      await tx.exec();
    },

    async takeDirtyCompanies(portalId) {
      const key = keysOf(portalId).dirty;
      // Read and clear in one transaction: a company marked in between is never lost.
      const results = await redis.multi().smembers(key).del(key).exec();
      return ((results?.[0]?.[1] as string[]) ?? []).sort();
    },

    async claimDirtyCompanies(portalId) {
      const { dirty, dirtyInFlight } = keysOf(portalId);
      // One transaction: a company marked in between is either claimed now or still dirty, never lost.
      const results = await redis.multi().sunionstore(dirtyInFlight, dirtyInFlight, dirty).del(dirty).smembers(dirtyInFlight).exec();
      return ((results?.[2]?.[1] as string[]) ?? []).sort();
    },

    async settleDirtyCompanies(portalId, companyIds) {
      if (companyIds.length) await redis.srem(keysOf(portalId).dirtyInFlight, ...companyIds);
    },

    async countDirtyCompanies(portalId) {
      const { dirty, dirtyInFlight } = keysOf(portalId);
      const results = await redis.multi().scard(dirty).scard(dirtyInFlight).exec();
      return Number(results?.[0]?.[1] ?? 0) + Number(results?.[1]?.[1] ?? 0);
    },

    ...createUnmatchedOps(redis, keysOf),
    ...createLedgerLookups(redis, keysOf),
    ...createForgetContact(redis, keysOf),
    ...createMoveCompany(redis, keysOf),

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

