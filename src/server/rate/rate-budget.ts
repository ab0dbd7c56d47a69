import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RATE_LIMIT_TIERS } from '../config';
import { createPortalParks, parkedKey } from './portal-park';

export type RateLimitTier = (typeof RATE_LIMIT_TIERS)[number];
export type BudgetKind = 'standard' | 'search';

/** HubSpot's burst limits per rolling 10 s (reference §5). Search is separate: 5 per second per account. */
export const TIER_PER_10S: Record<RateLimitTier, number> = {
  marketplace: 110, 'private-starter': 100, 'private-pro': 190, 'private-addon': 250,
};

export interface RateBudgetOptions {
  /**
   * Requests kept back from HubSpot's limit (default 0). HubSpot's limit is per app and portal, so other apps do
   * not spend it, and every call of this app — card actions included — books this same log, so nothing else
   * needs room; a kept-back request would only be a request no one makes. Tests use it to shrink windows.
   */
  readonly headroom?: number;
  /** Extra time added to each window: a request admitted at t reaches HubSpot a little later, so HubSpot's window must not see the old one still. */
  readonly marginMs?: number;
  readonly searchPerSecond?: number;
  /** HubSpot's standard window; only tests shorten it. */
  readonly windowMs?: number;
}

export interface RateBudget {
  /** Waits until the portal's shared budget admits one more request of this kind, then books it. Resolves with the admission time (Redis clock, epoch ms). */
  acquire(portalId: string, kind: BudgetKind, tier: RateLimitTier): Promise<number>;
  /** Books the whole window for `ms` (after a 429 the window is known to be full). */
  block(portalId: string, kind: BudgetKind, ms: number): Promise<void>;
  /**
   * What HubSpot's `X-HubSpot-RateLimit-Max` header said the portal's 10 s limit is. From then on (for a day)
   * that limit replaces the configured tier's, so a tier configured too high 429s once, not every window.
   */
  observeLimit(portalId: string, max: number): Promise<void>;
  /**
   * HubSpot's daily limit is spent: every call for the portal fails fast (PortalParkedError) until the reset,
   * `ms` from now. `newly` is true for the call that parked it.
   */
  park(portalId: string, ms: number): Promise<{ newly: boolean; untilMs: number }>;
}

/** How long a limit read from HubSpot's headers is trusted without being seen again. */
const LEARNED_LIMIT_SECONDS = 24 * 3600;

// A sliding-window log per portal and kind: a sorted set of admitted requests scored by Redis' own
// clock, so every process on every host shares one budget and one clock. Returns {ADMITTED, admission time},
// {WAIT, ms until the oldest entry leaves the window (or a block ends)} or {PARKED, ms until the daily reset}.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local parked = tonumber(redis.call('GET', KEYS[4]) or '0')
if parked > now then return {2, parked - now} end
local window = tonumber(ARGV[1])
local max = tonumber(ARGV[2])
local learned = redis.call('GET', KEYS[3])
if learned then max = math.max(1, tonumber(learned) - tonumber(ARGV[4])) end
local blocked = tonumber(redis.call('GET', KEYS[2]) or '0')
if blocked > now then return {1, blocked - now} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < max then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window + 1000)
  return {0, now}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {1, math.max(1, tonumber(oldest[2]) + window - now + 1)}
`;
const ADMITTED = 0;
const PARKED = 2;

const BLOCK = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilMs > current then redis.call('SET', KEYS[1], untilMs, 'PX', tonumber(ARGV[1]) + 1000) end
return 0
`;

export class PortalParkedError extends Error {
  constructor(readonly portalId: string, readonly waitMs: number) {
    super(`portal ${portalId} is parked for ${Math.round(waitMs / 1000)} s`);
    this.name = 'PortalParkedError';
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createRateBudget(redis: Redis, prefix: string, options: RateBudgetOptions = {}): RateBudget {
  const headroom = options.headroom ?? 0;
  const marginMs = options.marginMs ?? 250;
  const searchPerSecond = options.searchPerSecond ?? 5;
  const keys = (portalId: string, kind: BudgetKind) =>
    [`${prefix}:p:${portalId}:rate:${kind}`, `${prefix}:p:${portalId}:rate:${kind}:blocked`, `${prefix}:p:${portalId}:rate:${kind}:limit`];
  // The last limit each portal's headers said and when it was stored: written when it changes (or hourly, to
  // keep it from expiring), not on every call.
  const lastSeen = new Map<string, { max: number; at: number }>();
  const parks = createPortalParks(redis, prefix);
  const limits = (kind: BudgetKind, tier: RateLimitTier) => kind === 'search'
    ? { window: 1000 + marginMs / 2, max: Math.max(1, searchPerSecond - 1) }
    : { window: (options.windowMs ?? 10_000) + marginMs, max: Math.max(1, TIER_PER_10S[tier] - headroom) };

  return {
    async acquire(portalId, kind, tier) {
      const { window, max } = limits(kind, tier);
      const [log, blocked, learned] = keys(portalId, kind);
      for (;;) {
        const [verdict, ms] = (await redis.eval(ACQUIRE, 4, log!, blocked!, learned!, parkedKey(prefix, portalId), window, max, randomUUID(), headroom)) as [number, number];
        if (verdict === ADMITTED) return ms;
        // A daily-limit park lasts until the reset: fail fast so a job is delayed and a card write kept for later.
        if (verdict === PARKED) throw new PortalParkedError(portalId, ms);
        // A little jitter so waiting processes do not all hit Redis in the same millisecond.
        await sleep(Math.min(ms, 1000) + Math.floor(Math.random() * 5));
      }
    },
    async block(portalId, kind, ms) {
      await redis.eval(BLOCK, 1, keys(portalId, kind)[1]!, Math.max(1, Math.round(ms)));
    },
    park: (portalId, ms) => parks.park(portalId, ms),
    async observeLimit(portalId, max) {
      const seen = lastSeen.get(portalId);
      if (!Number.isInteger(max) || max < 1 || (seen?.max === max && Date.now() - seen.at < 3_600_000)) return;
      // Search answers carry no rate-limit headers: what HubSpot reports is always the standard 10 s limit.
      await redis.set(keys(portalId, 'standard')[2]!, max, 'EX', LEARNED_LIMIT_SECONDS);
      lastSeen.set(portalId, { max, at: Date.now() });
    },
  };
}
