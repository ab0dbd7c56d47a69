import { collectDefaultMetrics, Registry } from 'prom-client';
import { buildCallScript } from '../domain/call-script';
import { DEFAULT_POLICY } from '../domain/policy/policy';
import { createApiKeyStore } from './api-keys/api-key-store';
import { createCalendarProvider } from './calendar/calendar-provider';
import type { Config } from './config';
import { createApp } from './http/app';
import { createActionsRouter } from './http/actions/router';
import { createCardsRouter } from './http/cards/router';
import { createIngestRouter } from './http/ingest/ingest-router';
import { createEngagements } from './hubspot/engagements';
import type { HubSpotGateway } from './hubspot/gateway';
import type { Logger } from './infra/logger';
import { createRedis } from './infra/redis';
import { createCsvImporter } from './ingest/csv/csv-import';
import { createIngestService } from './ingest/ingest-service';
import { createHubSpotServices } from './jobs/services';
import { createJobQueues } from './jobs/queues';
import { startWorkers } from './jobs/workers';
import { createRedisLedgerStore } from './ledger/redis-ledger-store';
import type { CompanySource } from './matching/company-index';
import { createCompanyIndexCache } from './matching/company-index-cache';
import type { RefreshTokens } from './portals/token-store';

export interface BackendOptions {
  readonly config: Config;
  readonly log: Logger;
  readonly redisUrl: string;
  /** The app's client secret: signs hubspot.fetch requests and webhooks. */
  readonly clientSecret: string;
  /** The origin HubSpot calls (PUBLIC_BASE_URL). */
  readonly publicBaseUrl: string;
  /** Encrypts tokens at rest (TOKEN_ENCRYPTION_KEY). */
  readonly tokenKey: Buffer;
  readonly refresh?: RefreshTokens;
  readonly now?: () => Date;
}

/** Matching reads companies through the gateway, the only code that knows HubSpot's property names. */
function companySource(gateway: HubSpotGateway): CompanySource {
  return async (portalId, onPage) => {
    await gateway.listCompanies(portalId, (companies) =>
      onPage(companies.map((c) => ({
        id: c.id,
        properties: { name: c.name, domain: c.domain, rd_vat_number: c.vatNumber, rd_coc_number: c.cocNumber, rd_customer_number: c.customerNumber },
      }))),
    );
  };
}

/**
 * The one composition root: every store, service, router and queue of the backend, wired once.
 * `main.ts` adds the process concerns (Redis and sandbox start-up, listening, shutdown).
 */
export function composeBackend(o: BackendOptions) {
  const now = o.now ?? (() => new Date());
  const prefix = o.config.REDIS_PREFIX;
  const redis = createRedis(o.redisUrl, 'worker');
  const ledger = createRedisLedgerStore(redis, prefix);
  const hubspot = createHubSpotServices({ redis, prefix, ledger, tokenKey: o.tokenKey, log: o.log, now, ...(o.refresh ? { refresh: o.refresh } : {}) });
  const calendarFor = createCalendarProvider(hubspot.portals, now);
  const companyIndex = createCompanyIndexCache({ redis, prefix, source: companySource(hubspot.gateway) });
  const ingest = createIngestService({ ledger, companyIndex: (portalId) => companyIndex.get(portalId), now });
  const csvImporter = createCsvImporter(ingest, now);
  const apiKeys = createApiKeyStore(redis, prefix);
  const engagements = createEngagements({ portals: hubspot.portals, tokens: hubspot.tokens, budget: hubspot.budget, log: o.log });
  // Producers fail fast while Redis is down (an HTTP 503 beats a hanging request); workers wait.
  const producer = createRedis(o.redisUrl, 'producer');
  const queues = createJobQueues({ connection: producer, prefix, onError: (err) => o.log.warn({ err: err.message }, 'queue error') });
  const fallbackOwnerFor = async (portalId: string) => (await hubspot.portals.get(portalId))?.creditControllerOwnerId;

  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  const signed = { clientSecret: o.clientSecret, publicBaseUrl: o.publicBaseUrl };
  const app = createApp({
    log: o.log,
    metrics,
    ready: async () => (await redis.ping()) === 'PONG',
    routers: {
      cards: createCardsRouter({ ...signed, ledger, now, calendarFor, policy: DEFAULT_POLICY }),
      actions: createActionsRouter({
        ...signed, ledger, gateway: hubspot.gateway, engagements, redis, prefix, now, calendarFor,
        policy: DEFAULT_POLICY, buildCallScript, fallbackOwnerFor,
      }),
      ingest: createIngestRouter({ ingest, apiKeys, maxBodyBytes: o.config.INGEST_MAX_BODY_BYTES }),
    },
  });

  const startBackgroundWork = () => startWorkers({
    connectionUrl: o.redisUrl, prefix, log: o.log,
    services: { sync: hubspot.sync, scheduling: hubspot.scheduling, deadLetters: hubspot.deadLetters },
  });

  const close = async () => {
    await queues.close();
    await producer.quit().catch(() => undefined);
    await redis.quit().catch(() => undefined);
  };
  return { app, redis, ledger, hubspot, ingest, csvImporter, apiKeys, companyIndex, engagements, queues, metrics, calendarFor, startBackgroundWork, close };
}
export type Backend = ReturnType<typeof composeBackend>;
