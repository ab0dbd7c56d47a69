import type { Redis } from 'ioredis';
import { hashesOf } from '../infra/redis-hashes';

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
    openOf: (portalId, companyIds) => hashesOf(redis, companyIds, (id) => key(portalId, id), (raw) => new Map(Object.entries(raw))),
    async forget(portalId, companyId, promiseIds) {
      if (promiseIds.length > 0) await redis.hdel(key(portalId, companyId), ...promiseIds);
    },
  };
}
