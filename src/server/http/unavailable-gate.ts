import type { ApiErrorBody } from '../../contracts/api-error';
import type { RequestHandler, Response } from 'express';

export interface RedisView {
  /** False while Redis is known to be down: requests get 503 at once. */
  readonly available: () => boolean;
  /** True while a probe failed or waits unusually long: a request waiting that long is likely waiting on Redis. */
  readonly inDoubt: () => boolean;
}

/** How long a client should wait before trying again while Redis is down (seconds). */
const RETRY_AFTER_S = 5;
/** A request unanswered this long while Redis is in doubt is answered 503 instead of waiting out the outage. */
export const IN_DOUBT_DEADLINE_MS = 800;
/** How often the requests in flight are looked at (only while there are any). */
const SWEEP_EVERY_MS = 50;

const answeredUnavailable = new WeakSet<Response>();

/** True when the gate answered this request 503 while its handler was still at work. */
export function wasAnsweredUnavailable(res: Response): boolean {
  return answeredUnavailable.has(res);
}

function answerUnavailable(res: Response): void {
  res.status(503).set('Retry-After', String(RETRY_AFTER_S)).json({ code: 'unavailable', message: 'The service is briefly unavailable. Try again in a few seconds.' } satisfies ApiErrorBody);
}

/**
 * The handler of a request answered by the gate still runs and answers once Redis is back (its commands wait
 * on the workers' connection): that answer goes nowhere instead of throwing ERR_HTTP_HEADERS_SENT.
 */
function answerUnavailableInFlight(res: Response): void {
  answerUnavailable(res);
  answeredUnavailable.add(res);
  Object.assign(res, { setHeader: () => res, writeHead: () => res, write: () => true, end: () => res });
}

/**
 * Everything behind this gate needs Redis. While Redis is down, new requests are answered 503 at once; so are
 * the requests already in flight when the gate closes, and those unanswered for IN_DOUBT_DEADLINE_MS while a
 * probe is in doubt (before the gate closes): none waits out the outage.
 */
export function unavailableGate(redis: RedisView): RequestHandler {
  const inFlight = new Map<Response, number>();
  let sweeper: NodeJS.Timeout | undefined;
  const sweep = () => {
    const closed = !redis.available();
    const doubtful = closed || redis.inDoubt();
    const now = performance.now();
    for (const [res, since] of inFlight) {
      if (closed || (doubtful && now - since >= IN_DOUBT_DEADLINE_MS)) {
        inFlight.delete(res);
        if (!res.headersSent) answerUnavailableInFlight(res);
      }
    }
    if (inFlight.size === 0) stop();
  };
  const stop = () => {
    clearInterval(sweeper);
    sweeper = undefined;
  };
  return (_req, res, next) => {
    if (!redis.available()) {
      answerUnavailable(res);
      return;
    }
    inFlight.set(res, performance.now());
    res.on('close', () => {
      inFlight.delete(res);
      if (inFlight.size === 0) stop();
    });
    if (!sweeper) {
      sweeper = setInterval(sweep, SWEEP_EVERY_MS);
      sweeper.unref();
    }
    next();
  };
}
