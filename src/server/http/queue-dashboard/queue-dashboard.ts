import { createHash, timingSafeEqual } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import { Router, type RequestHandler } from 'express';
import type { ApiErrorBody } from '../../../contracts/api-error';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * The token from `Authorization: Bearer <token>` or basic auth (any user name, the token as password, so a
 * browser's own login prompt works); undefined when neither is there.
 */
function presentedToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value] = header.split(' ', 2);
  if (!value) return undefined;
  if (scheme?.toLowerCase() === 'bearer') return value;
  if (scheme?.toLowerCase() !== 'basic') return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? undefined : decoded.slice(colon + 1);
}

// Digests of equal length, so the comparison takes the same time whatever was sent.
const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

function requireToken(token: string): RequestHandler {
  const expected = digest(token);
  return (req, res, next) => {
    const given = presentedToken(req.headers.authorization);
    if (given !== undefined && timingSafeEqual(digest(given), expected)) return next();
    res.status(401).set('WWW-Authenticate', 'Basic realm="queues", charset="UTF-8"')
      .json({ code: 'unauthorized', message: 'The queue dashboard needs its token (Authorization: Bearer, or basic auth with the token as password).' } satisfies ApiErrorBody);
  };
}

/**
 * bull-board over the app's queues for operators (mount at QUEUE_DASHBOARD_PATH), behind QUEUE_DASHBOARD_TOKEN.
 * Read-only: failed work is retried from the settings page's dead letters, which also keeps their list right.
 */
export function createQueueDashboard(opts: { token: string; queues: readonly Queue[] }): Router {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: opts.queues.map((q) => new BullMQAdapter(q, { readOnlyMode: true })), serverAdapter: adapter });
  const router = Router();
  router.use(requireToken(opts.token), adapter.getRouter() as Router);
  return router;
}
