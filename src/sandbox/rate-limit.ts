import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Portal, RateLimitTier, SandboxState } from './state';

/** Requests per rolling 10 s per portal (HubSpot usage guidelines, reference §5). */
export const TEN_SECOND_BUDGET: Record<Exclude<RateLimitTier, 'off'>, number> = {
  marketplace: 110, 'private-starter': 100, 'private-pro': 190, 'private-addon': 250,
};
const WINDOW_MS = 10_000;
/** More batch writes than this within one second answer 423 when lockOnWriteBurst is on. */
export const WRITE_BURST_LIMIT = 4;

export type RateLimitPolicy = 'TEN_SECONDLY_ROLLING' | 'SECONDLY' | 'DAILY';

/**
 * HubSpot's 429 bodies. The api-client's RetryDecorator keys on exactly these: policyName
 * TEN_SECONDLY_ROLLING (waits 10 s × attempt) or message "You have reached your secondly limit." (1 s × attempt).
 */
export function rateLimitBody(policy: RateLimitPolicy): Record<string, string> {
  const message = policy === 'SECONDLY' ? 'You have reached your secondly limit.'
    : policy === 'DAILY' ? 'You have reached your daily limit.' : 'You have reached your ten_secondly_rolling limit.';
  return { status: 'error', message, errorType: 'RATE_LIMIT', correlationId: randomUUID(), policyName: policy, requestId: randomUUID() };
}

export function lockedBody(): Record<string, string> {
  return {
    status: 'error', message: 'The resource is locked by concurrent writes; retry after 2 seconds.',
    correlationId: randomUUID(), category: 'LOCKED',
  };
}

interface Counters { requests: number[]; searches: number[]; batchWrites: number[] }
const countersByPortal = new WeakMap<Portal, Counters>();

export function isSearchRequest(req: Request): boolean {
  return req.method === 'POST' && /\/search\/?$/.test(req.path);
}

function isBatchWrite(req: Request): boolean {
  return req.method === 'POST' && /\/batch\/(create|update|upsert|archive)\/?$/.test(req.path);
}

/** Drops timestamps that left the window; returns the same array for reuse. */
function prune(times: number[], since: number): number[] {
  while (times.length > 0 && (times[0] as number) <= since) times.shift();
  return times;
}

/** Per-portal limits after bearer auth. The tier 'off' disables the request limits, search included (not the write lock). */
export function rateLimit(_state: SandboxState): RequestHandler {
  return (req, res, next) => {
    const portal = res.locals.portal as Portal | undefined;
    if (!portal) return next();
    let counters = countersByPortal.get(portal);
    if (!counters) countersByPortal.set(portal, (counters = { requests: [], searches: [], batchWrites: [] }));
    const now = Date.now();

    // The write lock is its own switch: it applies whatever the rate-limit tier.
    if (portal.settings.lockOnWriteBurst && isBatchWrite(req)) {
      const writes = prune(counters.batchWrites, now - 1000);
      writes.push(now);
      if (writes.length > WRITE_BURST_LIMIT) return void res.status(423).json(lockedBody());
    }
    if (portal.settings.rateLimitTier === 'off') return next();

    if (isSearchRequest(req)) {
      // Search has its own per-second limit, sends no rate-limit headers and does not use the 10 s budget.
      const searches = prune(counters.searches, now - 1000);
      if (searches.length >= portal.settings.searchPerSecond) return void res.status(429).json(rateLimitBody('SECONDLY'));
      searches.push(now);
      return next();
    }

    const max = TEN_SECOND_BUDGET[portal.settings.rateLimitTier];
    const requests = prune(counters.requests, now - WINDOW_MS);
    if (requests.length >= max) {
      setHeaders(res, max, 0);
      return void res.status(429).json(rateLimitBody('TEN_SECONDLY_ROLLING'));
    }
    requests.push(now);
    setHeaders(res, max, max - requests.length);
    next();
  };
}

function setHeaders(res: Response, max: number, remaining: number): void {
  res.setHeader('X-HubSpot-RateLimit-Max', String(max));
  res.setHeader('X-HubSpot-RateLimit-Remaining', String(remaining));
  res.setHeader('X-HubSpot-RateLimit-Interval-Milliseconds', String(WINDOW_MS));
}
