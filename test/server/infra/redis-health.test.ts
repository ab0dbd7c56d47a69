import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, requiresRedisPersistence } from '../../../src/server/config';
import { createRedis } from '../../../src/server/infra/redis';
import { createRedisHealth } from '../../../src/server/infra/redis-health';
import { startPrivateRedis, type PrivateRedis } from '../../../src/server/infra/redis-server';

let server: PrivateRedis;
beforeAll(async () => { server = await startPrivateRedis(); });
afterAll(async () => server?.stop());

describe('Redis health', () => {
  it('when the private Redis runs, then it persists with AOF everysec, and the probe tells AOF, RDB-only and nothing apart', async () => {
    const admin = createRedis(server.url, 'worker');
    const health = createRedisHealth(server.url);
    try {
      expect(await admin.config('GET', 'appendfsync')).toEqual(['appendfsync', 'everysec']);
      expect(await health.persistence()).toBe('aof');
      await admin.config('SET', 'appendonly', 'no');
      expect(await health.persistence()).toBe('none');
      await admin.config('SET', 'save', '3600 1');
      expect(await health.persistence()).toBe('rdb');
    } finally {
      await admin.config('SET', 'save', '');
      await admin.config('SET', 'appendonly', 'yes');
      await health.close();
      await admin.quit();
    }
  });

  it('when Redis is frozen, then the probe says so within a second', async () => {
    const health = createRedisHealth(server.url);
    try {
      expect(await health.check()).toBe(true);
      expect(health.inDoubt()).toBe(false);
      process.kill(server.pid()!, 'SIGSTOP');
      const t0 = performance.now();
      const first = health.check();
      // A PING waiting longer than half its timeout already puts Redis in doubt, before the probe gives up.
      await new Promise((r) => setTimeout(r, 500));
      expect(health.inDoubt()).toBe(true);
      expect(await first).toBe(false);
      expect(performance.now() - t0).toBeLessThan(1000);
      // One slow answer does not close the gate; a second failed probe in a row does.
      expect(health.isUp()).toBe(true);
      expect(health.inDoubt()).toBe(true);
      expect(await health.check()).toBe(false);
      expect(health.isUp()).toBe(false);
    } finally {
      process.kill(server.pid()!, 'SIGCONT');
    }
    try {
      expect(await health.check()).toBe(true);
      expect(health.inDoubt()).toBe(false);
    } finally {
      await health.close();
    }
  });

  it('when the app runs in production, then it requires persistence unless REDIS_ALLOW_NO_PERSISTENCE=true', () => {
    const production = { NODE_ENV: 'production', HUBSPOT_BASE_PATH: 'https://api.hubapi.com', HUBSPOT_CLIENT_ID: 'id', HUBSPOT_CLIENT_SECRET: 's',
      TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'), PUBLIC_BASE_URL: 'https://rd.example.com' };
    expect(requiresRedisPersistence(loadConfig(production))).toBe(true);
    expect(requiresRedisPersistence(loadConfig({ ...production, REDIS_ALLOW_NO_PERSISTENCE: 'true' }))).toBe(false);
    expect(requiresRedisPersistence(loadConfig({}))).toBe(false);
    expect(() => loadConfig({ REDIS_ALLOW_NO_PERSISTENCE: 'yes' })).toThrow(/REDIS_ALLOW_NO_PERSISTENCE must be true or false/);
  });
});
