import type { Redis } from 'ioredis';

/**
 * The promise-check follow-up tasks still open, per company: promise id → HubSpot task id. The outcome service
 * remembers one when it creates the check; the reminder run ends it once the promise is kept.
 */
export interface PromiseChecks {
  remember(portalId: string, companyId: string, promiseId: string, taskId: string): Promise<void>;
  /** companyId → its open checks (promise id → task id), for many companies in one round trip; companies without any are left out. */
  openOf(portalId: string, companyIds: readonly string[]): Promise<Map<string, Map<string, string>>>;
  forget(portalId: string, companyId: string, promiseIds: readonly string[]): Promise<void>;
}

export function createPromiseChecks(redis: Redis, prefix: string): PromiseChecks {
  const key = (portalId: string, companyId: string) => `${prefix}:p:${portalId}:promise-checks:${companyId}`;
  return {
    async remember(portalId, companyId, promiseId, taskId) {
      await redis.hset(key(portalId, companyId), promiseId, taskId);
    },
    async openOf(portalId, companyIds) {
      const found = new Map<string, Map<string, string>>();
      if (companyIds.length === 0) return found;
      const m = redis.pipeline();
      for (const id of companyIds) m.hgetall(key(portalId, id));
      const replies = (await m.exec()) ?? [];
      companyIds.forEach((id, i) => {
        const [err, raw] = replies[i]!;
        if (err) throw err;
        const open = Object.entries(raw as Record<string, string>);
        if (open.length > 0) found.set(id, new Map(open));
      });
      return found;
    },
    async forget(portalId, companyId, promiseIds) {
      if (promiseIds.length > 0) await redis.hdel(key(portalId, companyId), ...promiseIds);
    },
  };
}
