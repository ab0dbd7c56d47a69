import type { ApiErrorBody } from '../../contracts/api-error';
import express, { type Express, type Router } from 'express';
import type { Registry } from 'prom-client';
import type { TrustProxy } from '../config';
import type { Logger } from '../infra/logger';
import { errorHandler } from './error-handler';
import { QUEUE_DASHBOARD_PATH } from './queue-dashboard/queue-dashboard';
import { unavailableGate, type RedisView } from './unavailable-gate';

export interface AppRouters {
  /** Signed `hubspot.fetch` endpoints for the cards, at /api/cards. */
  readonly cards?: Router;
  /** Signed endpoints of the cards that act (preferences, call script, outcomes), also at /api/cards. */
  readonly actions?: Router;
  /** API-key protected ingest endpoints, at /api/ingest. */
  readonly ingest?: Router;
  /** The marketplace install flow: /oauth/install and /oauth/callback. */
  readonly oauth?: Router;
  /** Signed HubSpot webhooks: /webhooks/hubspot. */
  readonly webhooks?: Router;
  /** Signed admin endpoints of the settings page (ingest API keys), at /api/admin. */
  readonly admin?: Router;
  /** Signed admin endpoint of the settings page that regenerates a customer's debtor-page link, at /api/admin/debtor-links. */
  readonly debtorLinks?: Router;
  /** Signed sync health of the settings page (dead letters, queues, HubSpot budget), also at /api/admin. */
  readonly operations?: Router;
  /** Signed endpoints of the settings page (policy, company details, calendar, admins), at /api/settings. */
  readonly settings?: Router;
  /** Signed endpoints of the app home (today's call list), at /api/home. */
  readonly home?: Router;
  /** The debtor's own page, reached by a per-customer link outside HubSpot, at /my. */
  readonly debtorPage?: Router;
  /** The payment provider's webhook (Mollie), at /payments/mollie. */
  readonly payments?: Router;
  /** Operators' queue dashboard (bull-board, behind its token), at /admin/queues; absent unless configured. */
  readonly queueDashboard?: Router;
}

export interface AppDeps {
  readonly log: Logger;
  readonly metrics: Registry;
  readonly routers: AppRouters;
  /** Whether the app's dependencies (Redis, and in production its persistence) are fit to serve, and why not. */
  readonly ready: () => Promise<ReadyState>;
  /** Redis as the HTTP side sees it, without a round trip: while it is down, requests get 503, never hang. */
  readonly redis?: RedisView;
  /** TRUST_PROXY: which proxies may name the client (X-Forwarded-For); `false` (the default): the connection's address. */
  readonly trustProxy?: TrustProxy;
}

export interface ReadyState {
  readonly ready: boolean;
  /** Why not, for operators: e.g. `redis_unreachable`, `redis_without_persistence`. */
  readonly reason?: string;
}

/** The Express app without `listen()`: routers parse, call one service, answer. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Per-address limits (the debtor page) count req.ip: only proxies named in the config may set it, else anyone
  // could send a new X-Forwarded-For with every request.
  const trust = deps.trustProxy ?? false;
  app.set('trust proxy', Array.isArray(trust) ? [...trust] : trust);
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const state = await deps.ready().catch((): ReadyState => ({ ready: false, reason: 'redis_unreachable' }));
    res.status(state.ready ? 200 : 503).json({ status: state.ready ? 'ready' : 'unavailable', ...(state.reason ? { reason: state.reason } : {}) });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.contentType).send(await deps.metrics.metrics());
  });
  // Everything below needs Redis: while it is down, answer at once (HubSpot and clients retry after Retry-After).
  if (deps.redis) app.use(unavailableGate(deps.redis));
  // The action routes verify their own (larger) bodies; they go first because the cards router verifies
  // every request that reaches it, consuming the body.
  if (deps.routers.actions) app.use('/api/cards', deps.routers.actions);
  if (deps.routers.cards) app.use('/api/cards', deps.routers.cards);
  if (deps.routers.ingest) app.use('/api/ingest', deps.routers.ingest);
  if (deps.routers.oauth) app.use('/oauth', deps.routers.oauth);
  if (deps.routers.webhooks) app.use('/webhooks', deps.routers.webhooks);
  if (deps.routers.debtorLinks) app.use('/api/admin/debtor-links', deps.routers.debtorLinks);
  if (deps.routers.admin) app.use('/api/admin', deps.routers.admin);
  if (deps.routers.operations) app.use('/api/admin', deps.routers.operations);
  if (deps.routers.settings) app.use('/api/settings', deps.routers.settings);
  if (deps.routers.home) app.use('/api/home', deps.routers.home);
  if (deps.routers.debtorPage) app.use('/my', deps.routers.debtorPage);
  if (deps.routers.payments) app.use('/payments/mollie', deps.routers.payments);
  if (deps.routers.queueDashboard) app.use(QUEUE_DASHBOARD_PATH, deps.routers.queueDashboard);
  app.use((_req, res) => {
    res.status(404).json({ code: 'not_found', message: 'No such endpoint.' } satisfies ApiErrorBody);
  });
  app.use(errorHandler(deps.log));
  return app;
}
