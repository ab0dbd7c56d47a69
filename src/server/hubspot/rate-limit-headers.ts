import type { RateLimitAnswer } from '../rate/rate-budget';

/** Reads one header of an answer by its lower-case name. */
export type HeaderLookup = (name: string) => string | null | undefined;

const int = (v: string | null | undefined): number | undefined => {
  const n = v === null || v === undefined || v === '' ? NaN : Number(v);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
};

/**
 * What HubSpot's `X-HubSpot-RateLimit-Max`, `-Remaining` and `-Interval-Milliseconds` headers say about the portal's
 * rolling window (reference §5: the burst limit, what is left of it after this call, the window's length). Search
 * answers carry none; undefined when there is no usable Max.
 */
export function rateLimitOf(header: HeaderLookup): RateLimitAnswer | undefined {
  const max = int(header('x-hubspot-ratelimit-max'));
  if (max === undefined || max < 1) return undefined;
  const remaining = int(header('x-hubspot-ratelimit-remaining'));
  const intervalMs = int(header('x-hubspot-ratelimit-interval-milliseconds'));
  return { max, ...(remaining !== undefined ? { remaining } : {}), ...(intervalMs !== undefined && intervalMs > 0 ? { intervalMs } : {}) };
}

/** The headers of a failed call as the api-client throws it (`ApiException.headers`, lower-case names). */
export function errorHeaders(err: unknown): HeaderLookup {
  const headers = (err as { headers?: Record<string, string | undefined> } | undefined)?.headers;
  return (name) => headers?.[name];
}
