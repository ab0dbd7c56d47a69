import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { CompanyRollup } from '../hubspot/gateway';

/** Stable JSON (sorted keys) so the same rollup always hashes the same. */
const stable = (o: object): string => JSON.stringify(Object.keys(o).sort().map((k) => [k, (o as Record<string, unknown>)[k]]));

// `changed` and then `remember` hash the same rollup objects: compute each hash once.
const hashes = new WeakMap<CompanyRollup, string>();
export function rollupHash(r: CompanyRollup): string {
  let h = hashes.get(r);
  if (h === undefined) hashes.set(r, (h = createHash('sha1').update(stable(r)).digest('base64url')));
  return h;
}

/** What was last written to HubSpot per company, so an unchanged rollup is never sent again. */
export interface RollupHashStore {
  /** The rollups whose hash differs from the last written one. */
  changed(portalId: string, rollups: readonly CompanyRollup[]): Promise<CompanyRollup[]>;
  /** Call only after HubSpot accepted the write. */
  remember(portalId: string, rollups: readonly CompanyRollup[]): Promise<void>;
  forget(portalId: string): Promise<void>;
}

export function createRollupHashStore(redis: Redis, prefix: string): RollupHashStore {
  const key = (portalId: string) => `${prefix}:p:${portalId}:sync:rollup-hash`;
  return {
    async changed(portalId, rollups) {
      if (rollups.length === 0) return [];
      const stored = await redis.hmget(key(portalId), ...rollups.map((r) => r.companyId));
      return rollups.filter((r, i) => stored[i] !== rollupHash(r));
    },
    async remember(portalId, rollups) {
      if (rollups.length === 0) return;
      await redis.hset(key(portalId), Object.fromEntries(rollups.map((r) => [r.companyId, rollupHash(r)])));
    },
    async forget(portalId) {
      await redis.del(key(portalId));
    },
  };
}
