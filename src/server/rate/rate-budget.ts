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
   * not spend it, and every call of this app — card actions included — books this same log; what does spend it
   * otherwise shows in HubSpot's `X-HubSpot-RateLimit-Remaining` and is kept back as it shows (`observe`). Tests
   * use it to shrink windows.
   */
  readonly headroom?: number;
  /**
   * Extra time added to each window (default 50 ms). A call counts from its answer (`answered`), by when HubSpot
   * had counted it, so the next window's calls cannot meet it in HubSpot's window however late it left; the margin
   * only covers the clocks' millisecond rounding and a process that died before the answer.
   */
  readonly marginMs?: number;
  readonly searchPerSecond?: number;
  /** HubSpot's standard window; only tests shorten it. */
  readonly windowMs?: number;
}

/** What one HubSpot answer's `X-HubSpot-RateLimit-*` headers said (hubspot/rate-limit-headers.ts reads them). */
export interface RateLimitAnswer {
  /** The portal's limit per window. */
  readonly max: number;
  /** What was left of it after this call. */
  readonly remaining?: number;
  /** The window's length (HubSpot: 10,000). */
  readonly intervalMs?: number;
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
   * An answer's rate-limit headers, with the admission time of its call (what `acquire` returned): learns the
   * limit (`observeLimit`), and when HubSpot counted more calls in its window than this budget admitted in the
   * same span — calls this log does not know of, or ours reaching HubSpot later than admitted — keeps that many
   * back for one window, so the next windows do not meet a 429. Standard calls only (search answers carry none).
   */
  observe(portalId: string, answer: RateLimitAnswer, admittedAt: number): Promise<void>;
  /**
   * The call this process admitted at `admittedAt` has been answered: from now on it counts in the window from the
   * answer, by when HubSpot had surely counted it. HubSpot's window runs on arrival, so a call that left late (a
   * busy event loop, a slow connection) would otherwise free its place too early for the next window's calls.
   */
  answered(portalId: string, kind: BudgetKind, admittedAt: number): Promise<void>;
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
// The log keeps two windows, so `observe` can still count the calls admitted in the window before a slow
// answer's admission.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local parked = tonumber(redis.call('GET', KEYS[5]) or '0')
if parked > now then return {2, parked - now} end
local window = tonumber(ARGV[1])
local max = tonumber(ARGV[2])
local learned = redis.call('GET', KEYS[3])
if learned then max = tonumber(learned) - tonumber(ARGV[4]) end
max = math.max(1, max - tonumber(redis.call('GET', KEYS[4]) or '0'))
local blocked = tonumber(redis.call('GET', KEYS[2]) or '0')
if blocked > now then return {1, blocked - now} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 2 * window)
if redis.call('ZCOUNT', KEYS[1], '(' .. (now - window), '+inf') < max then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], 2 * window + 1000)
  return {0, now}
end
local oldest = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. (now - window), '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
return {1, math.max(1, tonumber(oldest[2]) + window - now + 1)}
`;
const ADMITTED = 0;
const PARKED = 2;

// HubSpot counted ARGV[1] calls in its window of ARGV[2] ms up to the call admitted at ARGV[3]. This log counts
// what it admitted from one window before that admission until now: calls admitted after it may have reached
// HubSpot first (four writes are in flight), so only calls it never admitted in that span, or old ones that
// reached HubSpot late, make a difference, which is kept back until a window has passed.
const OBSERVE = `
local interval = tonumber(ARGV[2])
local ours = redis.call('ZCOUNT', KEYS[1], '(' .. (tonumber(ARGV[3]) - interval), '+inf')
local others = tonumber(ARGV[1]) - ours
if others > 0 then redis.call('SET', KEYS[2], others, 'PX', interval) else redis.call('DEL', KEYS[2]) end
return others
`;

const ANSWERED = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], 'XX', 'GT', now, ARGV[1])
return 0
`;

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
  const marginMs = options.marginMs ?? 50;
  const searchPerSecond = options.searchPerSecond ?? 5;
  const keys = (portalId: string, kind: BudgetKind) => {
    const log = `${prefix}:p:${portalId}:rate:${kind}`;
    return [log, `${log}:blocked`, `${log}:limit`, `${log}:others`] as const;
  };
  // The last limit each portal's headers said and when it was stored: written when it changes (or hourly, to
  // keep it from expiring), not on every call.
  const lastSeen = new Map<string, { max: number; at: number }>();
  const parks = createPortalParks(redis, prefix);
  // The log entries this process admitted and not yet saw answered, by portal, kind and admission time.
  const unanswered = new Map<string, string[]>();
  const entryKey = (portalId: string, kind: BudgetKind, at: number) => `${portalId}|${kind}|${at}`;
  const limits = (kind: BudgetKind, tier: RateLimitTier) => kind === 'search'
    ? { window: 1000 + marginMs / 2, max: Math.max(1, searchPerSecond - 1) }
    : { window: (options.windowMs ?? 10_000) + marginMs, max: Math.max(1, TIER_PER_10S[tier] - headroom) };

  async function observeLimit(portalId: string, max: number): Promise<void> {
    const seen = lastSeen.get(portalId);
    if (!Number.isInteger(max) || max < 1 || (seen?.max === max && Date.now() - seen.at < 3_600_000)) return;
    // Search answers carry no rate-limit headers: what HubSpot reports is always the standard 10 s limit.
    await redis.set(keys(portalId, 'standard')[2], max, 'EX', LEARNED_LIMIT_SECONDS);
    lastSeen.set(portalId, { max, at: Date.now() });
  }

  return {
    async acquire(portalId, kind, tier) {
      const { window, max } = limits(kind, tier);
      for (;;) {
        const entry = randomUUID();
        const [verdict, ms] = (await redis.eval(ACQUIRE, 5, ...keys(portalId, kind), parkedKey(prefix, portalId), window, max, entry, headroom)) as [number, number];
        if (verdict === ADMITTED) {
          const k = entryKey(portalId, kind, ms);
          unanswered.set(k, [...(unanswered.get(k) ?? []), entry]);
          return ms;
        }
        // A daily-limit park lasts until the reset: fail fast so a job is delayed and a card write kept for later.
        if (verdict === PARKED) throw new PortalParkedError(portalId, ms);
        // A little jitter so waiting processes do not all hit Redis in the same millisecond.
        await sleep(Math.min(ms, 1000) + Math.floor(Math.random() * 5));
      }
    },
    async block(portalId, kind, ms) {
      await redis.eval(BLOCK, 1, keys(portalId, kind)[1], Math.max(1, Math.round(ms)));
    },
    park: (portalId, ms) => parks.park(portalId, ms),
    observeLimit,
    async answered(portalId, kind, admittedAt) {
      const k = entryKey(portalId, kind, admittedAt);
      const entries = unanswered.get(k);
      const entry = entries?.pop();
      if (!entries?.length) unanswered.delete(k);
      if (entry) await redis.eval(ANSWERED, 1, keys(portalId, kind)[0], entry);
    },
    async observe(portalId, answer, admittedAt) {
      await observeLimit(portalId, answer.max);
      if (answer.remaining === undefined) return;
      const [log, , , others] = keys(portalId, 'standard');
      await redis.eval(OBSERVE, 2, log, others, Math.max(0, answer.max - answer.remaining), answer.intervalMs ?? options.windowMs ?? 10_000, admittedAt);
    },
  };
}
