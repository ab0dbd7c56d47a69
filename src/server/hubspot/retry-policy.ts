/**
 * How a failed HubSpot call should be handled (reference §4.10, §5; perf-reliability §3.1). The api-client
 * throws an object with `code` = HTTP status and `body` = the parsed JSON; network failures have no status.
 */
export type Verdict =
  /**
   * Try again after `delayMs`; `blockPortal` means the portal's whole window is known to be used up; `unsure` means
   * HubSpot may have done the write although no answer says so (a lost connection, a timeout, a 5xx).
   */
  | { readonly kind: 'retry'; readonly delayMs: number; readonly reason: string; readonly blockPortal?: boolean; readonly unsure?: boolean }
  /** The portal's daily budget is gone: stop its work until `delayMs` from now. */
  | { readonly kind: 'park'; readonly delayMs: number; readonly reason: string }
  /** Will never succeed as sent (validation, auth, missing object): dead-letter it. */
  | { readonly kind: 'permanent'; readonly reason: string };

interface ErrorLike { code?: unknown; status?: unknown; body?: unknown; message?: unknown; name?: unknown }

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

export function httpStatusOf(err: unknown): number | undefined {
  const e = err as ErrorLike | undefined;
  return typeof e?.code === 'number' ? e.code : typeof e?.status === 'number' ? e.status : undefined;
}

function bodyOf(err: unknown): Record<string, unknown> {
  const body = (err as ErrorLike | undefined)?.body;
  if (body && typeof body === 'object') return body as Record<string, unknown>;
  if (typeof body === 'string') { try { return JSON.parse(body) as Record<string, unknown>; } catch { return {}; } }
  return {};
}

/** HubSpot's message of a refused call, truncated to what a dead letter can hold. */
export function hubspotMessage(err: unknown): string | undefined {
  const message = bodyOf(err).message;
  return typeof message === 'string' && message !== '' ? message.slice(0, 300) : undefined;
}

/** Exponential backoff with jitter for attempt 1, 2, 3… capped at `capMs`. */
export function backoffMs(attempt: number, baseMs = 500, capMs = 30_000): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

/** Milliseconds until the next midnight in the portal's time zone (HubSpot resets the daily limit then). */
export function msUntilMidnight(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: 'numeric', minute: 'numeric', second: 'numeric' })
    .formatToParts(now);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const elapsed = (get('hour') * 3600 + get('minute') * 60 + get('second')) * 1000;
  return Math.max(60_000, 86_400_000 - elapsed);
}

export function classify(err: unknown, attempt: number, opts: { timeZone?: string; now?: Date; msUntilDailyReset?: (timeZone: string) => number } = {}): Verdict {
  const status = httpStatusOf(err);
  const body = bodyOf(err);
  if (status === 429) {
    const policy = String(body.policyName ?? '');
    const message = String(body.message ?? '');
    if (policy === 'DAILY') {
      const zone = opts.timeZone ?? 'UTC';
      return { kind: 'park', delayMs: opts.msUntilDailyReset ? opts.msUntilDailyReset(zone) : msUntilMidnight(opts.now ?? new Date(), zone), reason: 'rate limit DAILY' };
    }
    if (policy === 'SECONDLY' || /secondly limit/i.test(message) && !/ten_secondly/i.test(message)) {
      return { kind: 'retry', delayMs: 1000, reason: 'rate limit SECONDLY' };
    }
    // TEN_SECONDLY_ROLLING (or an unnamed 429): the rolling window is full; the next slot frees within 10 s.
    return { kind: 'retry', delayMs: 10_000, reason: 'rate limit TEN_SECONDLY_ROLLING', blockPortal: true };
  }
  if (status === 423) return { kind: 'retry', delayMs: 2000 + backoffMs(attempt, 250, 8000), reason: 'locked (423)' };
  if (status === 477) return { kind: 'retry', delayMs: 5000, reason: 'migration in progress (477)' };
  if (status !== undefined && status >= 500) return { kind: 'retry', delayMs: backoffMs(attempt), reason: `server error ${status}`, unsure: true };
  if (status === 408) return { kind: 'retry', delayMs: backoffMs(attempt), reason: 'timeout 408', unsure: true };
  if (status !== undefined && status >= 400) {
    const category = typeof body.category === 'string' ? ` ${body.category}` : '';
    return { kind: 'permanent', reason: `rejected ${status}${category}` };
  }
  const code = String((err as ErrorLike | undefined)?.code ?? '');
  const name = String((err as ErrorLike | undefined)?.name ?? '');
  const message = String((err as ErrorLike | undefined)?.message ?? '');
  if (NETWORK_CODES.has(code) || name === 'FetchError' || /socket hang up|network|ECONN|fetch failed/i.test(message)) {
    return { kind: 'retry', delayMs: backoffMs(attempt), reason: 'network error', unsure: true };
  }
  // Unknown errors are bugs on our side more often than not, but a retry costs little; BullMQ's attempts bound it.
  return { kind: 'retry', delayMs: backoffMs(attempt), reason: 'unexpected error', unsure: true };
}
