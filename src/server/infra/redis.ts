import { Redis, type RedisOptions } from 'ioredis';

/** Connection roles, following BullMQ's production guidance. */
export type RedisRole =
  /** Workers and blocking commands: wait through reconnects. */
  | 'worker'
  /** HTTP handlers and producers: fail fast while Redis is down. */
  | 'producer'
  /** The HTTP side's health probe: its own connection, short timeouts, nothing queued while offline. */
  | 'probe';

/** How long the probe waits for Redis: /ready must say "not ready" within a second, even on a loaded machine. */
export const PROBE_TIMEOUT_MS = 800;

/** Turns REDIS_URL (`redis://`, `rediss://` or `unix:///path/to.sock`) into ioredis options. */
export function redisOptions(url: string, role: RedisRole): RedisOptions {
  const base: RedisOptions =
    role === 'worker' ? { maxRetriesPerRequest: null }
      : role === 'producer' ? { enableOfflineQueue: false, maxRetriesPerRequest: 1 }
        : { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: PROBE_TIMEOUT_MS, connectTimeout: PROBE_TIMEOUT_MS, retryStrategy: () => 250 };
  if (url.startsWith('unix://')) return { ...base, path: url.slice('unix://'.length) };
  const u = new URL(url);
  return {
    ...base,
    host: u.hostname,
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

export function createRedis(url: string, role: RedisRole): Redis {
  const redis = new Redis(redisOptions(url, role));
  // ioredis prints "Unhandled error event" without a listener; callers attach their own logger too.
  redis.on('error', () => undefined);
  return redis;
}
