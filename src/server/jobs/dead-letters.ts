import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** What finally failed, with why: kept per portal for the settings page and operators. Never holds tokens. */
export interface DeadLetter {
  readonly at: string;
  /** e.g. 'sync-portal', 'create-task'. */
  readonly kind: string;
  /** What it was about: a job id or an action key. */
  readonly ref: string;
  readonly reason: string;
  readonly attempts?: number;
  /** The HubSpot company it is about, when it is about one (a rejected task). */
  readonly companyId?: string;
}

/** A stored letter with its id: a digest of the stored entry, so older entries have one too. */
export interface ListedDeadLetter extends DeadLetter { readonly id: string }

export interface DeadLetters {
  add(portalId: string, letter: Omit<DeadLetter, 'at'>): Promise<void>;
  list(portalId: string, limit?: number): Promise<ListedDeadLetter[]>;
  count(portalId: string): Promise<number>;
  get(portalId: string, id: string): Promise<ListedDeadLetter | undefined>;
  /** False when the portal has no such letter (already discarded or retried). */
  remove(portalId: string, id: string): Promise<boolean>;
}

const KEEP = 1000;

const idOf = (raw: string) => createHash('sha256').update(raw).digest('hex').slice(0, 24);

export function createDeadLetters(redis: Redis, prefix: string): DeadLetters {
  const key = (portalId: string) => `${prefix}:p:${portalId}:dead-letters`;
  const listed = (raw: string): ListedDeadLetter => ({ ...(JSON.parse(raw) as DeadLetter), id: idOf(raw) });
  const find = async (portalId: string, id: string) => (await redis.lrange(key(portalId), 0, KEEP - 1)).find((raw) => idOf(raw) === id);
  return {
    async add(portalId, letter) {
      await redis.multi().lpush(key(portalId), JSON.stringify({ at: new Date().toISOString(), ...letter })).ltrim(key(portalId), 0, KEEP - 1).exec();
    },
    async list(portalId, limit = 100) {
      return (await redis.lrange(key(portalId), 0, limit - 1)).map(listed);
    },
    count: (portalId) => redis.llen(key(portalId)),
    async get(portalId, id) {
      const raw = await find(portalId, id);
      return raw === undefined ? undefined : listed(raw);
    },
    async remove(portalId, id) {
      const raw = await find(portalId, id);
      return raw !== undefined && (await redis.lrem(key(portalId), 1, raw)) > 0;
    },
  };
}
