import type { Redis } from 'ioredis';

/**
 * HubSpot's daily limit spent for a portal (429 with policy DAILY): the portal is parked until the limit resets.
 * The park is two records: `…:p:<portal>:rate:parked` (the reset, epoch ms by Redis' clock, expiring then), which
 * the rate budget checks before every call, and the index `${prefix}:parked` (portal → reset), which outlives the
 * park so the sweep finds the portals whose reset has passed and resumes them once (apply their waiting writes).
 */
export const parkedKey = (prefix: string, portalId: string) => `${prefix}:p:${portalId}:rate:parked`;
export const parkIndexKey = (prefix: string) => `${prefix}:parked`;

// Returns {1 when the portal was not parked before, the reset}. A later reset than the current one wins.
const PARK = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ms = tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local untilMs = math.max(current, now + ms)
if untilMs > current then redis.call('SET', KEYS[1], untilMs, 'PX', untilMs - now) end
redis.call('ZADD', KEYS[2], untilMs, ARGV[2])
if current == 0 then return {1, untilMs} end
return {0, untilMs}
`;

// Takes the portal off the index only when its reset has passed: a portal parked again meanwhile stays on it.
const REMOVE_IF_DUE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) <= now then return redis.call('ZREM', KEYS[1], ARGV[1]) end
return 0
`;

export interface ParkedPortal { readonly portalId: string; readonly untilMs: number }

export interface PortalParks {
  /** Parks the portal for `ms`; `newly` is true when it was not parked already (the one moment to log it). */
  park(portalId: string, ms: number): Promise<{ newly: boolean; untilMs: number }>;
  /** The reset (epoch ms) while the portal is parked, else undefined. */
  parkedUntil(portalId: string): Promise<number | undefined>;
  /** Portals parked now, with their reset. */
  parked(): Promise<ParkedPortal[]>;
  /** Portals whose reset has passed and that were not resumed yet. */
  due(): Promise<string[]>;
  /** The portal is resumed: true for the one caller that took it off the index. */
  resumed(portalId: string): Promise<boolean>;
}

async function redisNowMs(redis: Redis): Promise<number> {
  const [s, us] = await redis.time();
  return Number(s) * 1000 + Math.floor(Number(us) / 1000);
}

export function createPortalParks(redis: Redis, prefix: string): PortalParks {
  const index = parkIndexKey(prefix);
  return {
    async park(portalId, ms) {
      const [newly, untilMs] = (await redis.eval(PARK, 2, parkedKey(prefix, portalId), index, Math.max(1, Math.round(ms)), portalId)) as [number, number];
      return { newly: newly === 1, untilMs: Number(untilMs) };
    },
    async parkedUntil(portalId) {
      const [raw, now] = await Promise.all([redis.get(parkedKey(prefix, portalId)), redisNowMs(redis)]);
      const untilMs = Number(raw ?? 0);
      return untilMs > now ? untilMs : undefined;
    },
    async parked() {
      const now = await redisNowMs(redis);
      const flat = await redis.zrangebyscore(index, `(${now}`, '+inf', 'WITHSCORES');
      const out: ParkedPortal[] = [];
      for (let i = 0; i < flat.length; i += 2) out.push({ portalId: flat[i]!, untilMs: Number(flat[i + 1]) });
      return out;
    },
    async due() {
      return redis.zrangebyscore(index, '-inf', await redisNowMs(redis));
    },
    async resumed(portalId) {
      return Number(await redis.eval(REMOVE_IF_DUE, 1, index, portalId)) === 1;
    },
  };
}
