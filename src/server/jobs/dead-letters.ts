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
}

export interface DeadLetters {
  add(portalId: string, letter: Omit<DeadLetter, 'at'>): Promise<void>;
  list(portalId: string, limit?: number): Promise<DeadLetter[]>;
}

const KEEP = 1000;

export function createDeadLetters(redis: Redis, prefix: string): DeadLetters {
  const key = (portalId: string) => `${prefix}:p:${portalId}:dead-letters`;
  return {
    async add(portalId, letter) {
      await redis.multi().lpush(key(portalId), JSON.stringify({ at: new Date().toISOString(), ...letter })).ltrim(key(portalId), 0, KEEP - 1).exec();
    },
    async list(portalId, limit = 100) {
      return (await redis.lrange(key(portalId), 0, limit - 1)).map((s) => JSON.parse(s) as DeadLetter);
    },
  };
}
