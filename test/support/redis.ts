import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { Redis } from 'ioredis';
import { createRedis, type RedisRole } from '../../src/server/infra/redis';

/** The run's Redis URL (see global-setup.ts). */
export const testRedisUrl = (): string => inject('redisUrl');

/** A key prefix no other test or run shares, so tests never see each other's data. */
export const uniquePrefix = (label = 'test'): string => `rdtest-${label}-${randomUUID().slice(0, 8)}`;

/** A connection to the run's Redis; remember to `quit()` it in afterAll/afterEach. */
export const testRedis = (role: RedisRole = 'worker'): Redis => createRedis(testRedisUrl(), role);

/** Deletes every key under a prefix (SCAN, so safe on a shared server). */
export async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}
