import type { Redis } from 'ioredis';
import type { LedgerKeys } from './ledger-keys';
import type { LedgerStore, PortalId, UnmatchedDocument } from './ledger-store';

type UnmatchedOps = Pick<LedgerStore, 'addUnmatched' | 'listUnmatched' | 'takeUnmatched'>;

/** The unmatched list: a hash externalId → document, ordered by a sorted set scored by receivedAt. */
export function createUnmatchedOps(redis: Redis, keysOf: (portalId: PortalId) => LedgerKeys): UnmatchedOps {
  return {
    async addUnmatched(portalId, docs) {
      if (docs.length === 0) return;
      const keys = keysOf(portalId);
      const tx = redis.multi();
      for (const doc of docs) {
        // Keyed by externalId: re-sending a document replaces it and keeps one entry.
        tx.hset(keys.unmatched, doc.externalId, JSON.stringify(doc));
        tx.zadd(keys.unmatchedByTime, Date.parse(doc.receivedAt) || 0, doc.externalId);
      }
      await tx.exec();
    },

    async listUnmatched(portalId, page = { offset: 0, limit: 100 }) {
      const keys = keysOf(portalId);
      const [total, ids] = await Promise.all([
        redis.zcard(keys.unmatchedByTime),
        page.limit > 0 ? redis.zrange(keys.unmatchedByTime, page.offset, String(page.offset + page.limit - 1)) : Promise.resolve([]),
      ]);
      if (ids.length === 0) return { total, items: [] };
      const raws = await redis.hmget(keys.unmatched, ...ids);
      const items = raws.filter((r): r is string => r !== null).map((r) => JSON.parse(r) as UnmatchedDocument);
      return { total, items };
    },

    async takeUnmatched(portalId, externalId) {
      const keys = keysOf(portalId);
      const results = await redis.multi().hget(keys.unmatched, externalId).hdel(keys.unmatched, externalId).zrem(keys.unmatchedByTime, externalId).exec();
      const raw = results?.[0]?.[1] as string | null | undefined;
      return raw ? (JSON.parse(raw) as UnmatchedDocument) : undefined;
    },
  };
}
