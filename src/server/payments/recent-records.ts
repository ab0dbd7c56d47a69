import type { Redis } from 'ioredis';
import { ledgerKeys } from '../ledger/ledger-keys';

const DAY_MS = 86_400_000;

export interface RecentRecordsOptions<T> {
  /** The key's name under the portal: `…:p:<portal>:dp:<name>` → id → record, and `…:dp:<name>-by-time`. */
  readonly name: string;
  readonly keepDays: number;
  /** Reads one stored record (parsed JSON) back, refusing what is not one. */
  readonly parse: (stored: unknown) => T;
  readonly now: () => Date;
}

/**
 * Records of the last days per portal, each kept once under its id with a by-time index for pruning: what one
 * payment channel remembers so the other can recognise the same money (provider payments for the bank import,
 * bank credits for a late provider webhook).
 */
export function createRecentRecords<T>(redis: Redis, prefix: string, opts: RecentRecordsOptions<T>) {
  const keys = (portalId: string) => {
    const root = ledgerKeys(prefix, portalId).root;
    return { byId: `${root}:dp:${opts.name}`, byTime: `${root}:dp:${opts.name}-by-time` };
  };

  return {
    /** Once per id: a record that is already there is kept as it is (with what was marked on it). */
    async add(portalId: string, records: readonly { readonly id: string; readonly value: T }[]): Promise<void> {
      if (!records.length) return;
      const k = keys(portalId);
      const tx = redis.multi();
      for (const r of records) tx.hsetnx(k.byId, r.id, JSON.stringify(r.value)).zadd(k.byTime, 'NX', opts.now().getTime(), r.id);
      await tx.exec();
    },

    /** The records of the last `keepDays`, oldest first; older ones are dropped on the way. */
    async recent(portalId: string): Promise<T[]> {
      const k = keys(portalId);
      const cutoff = opts.now().getTime() - opts.keepDays * DAY_MS;
      const old = await redis.zrangebyscore(k.byTime, '-inf', `(${cutoff}`);
      if (old.length) await redis.multi().hdel(k.byId, ...old).zrem(k.byTime, ...old).exec();
      const ids = await redis.zrange(k.byTime, '0', '-1');
      if (!ids.length) return [];
      const raws = await redis.hmget(k.byId, ...ids);
      return raws.flatMap((raw) => (raw ? [opts.parse(JSON.parse(raw))] : []));
    },

    /** Rewrites the records that exist among `changes` (a missing one stays missing). */
    async update(portalId: string, changes: readonly { readonly id: string; readonly change: (record: T) => T }[]): Promise<void> {
      if (!changes.length) return;
      const k = keys(portalId);
      const raws = await redis.hmget(k.byId, ...changes.map((c) => c.id));
      const updates: Record<string, string> = {};
      changes.forEach((c, i) => {
        const raw = raws[i];
        if (raw) updates[c.id] = JSON.stringify(c.change(opts.parse(JSON.parse(raw))));
      });
      if (Object.keys(updates).length) await redis.hset(k.byId, updates);
    },
  };
}
