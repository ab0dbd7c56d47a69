import type { Redis } from 'ioredis';

/**
 * The promise-check follow-up tasks still open, per company: promise id → HubSpot task id. The outcome service
 * remembers one when it creates the check; the reminder run ends it once the promise is kept.
 */
export interface PromiseChecks {
  remember(portalId: string, companyId: string, promiseId: string, taskId: string): Promise<void>;
  open(portalId: string, companyId: string): Promise<Map<string, string>>;
  forget(portalId: string, companyId: string, promiseIds: readonly string[]): Promise<void>;
}

export function createPromiseChecks(redis: Redis, prefix: string): PromiseChecks {
  const key = (portalId: string, companyId: string) => `${prefix}:p:${portalId}:promise-checks:${companyId}`;
  return {
    async remember(portalId, companyId, promiseId, taskId) {
      await redis.hset(key(portalId, companyId), promiseId, taskId);
    },
    async open(portalId, companyId) {
      return new Map(Object.entries(await redis.hgetall(key(portalId, companyId))));
    },
    async forget(portalId, companyId, promiseIds) {
      if (promiseIds.length > 0) await redis.hdel(key(portalId, companyId), ...promiseIds);
    },
  };
}
