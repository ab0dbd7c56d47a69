import { collectDefaultMetrics, Registry } from 'prom-client';
import { buildCallScript } from '../domain/call-script';
import { collectionCostOptions } from '../domain/legal/collection-costs';
import { createApiKeyService } from './api-keys/api-key-service';
import { createApiKeyStore } from './api-keys/api-key-store';
import { createCalendarProvider } from './calendar/calendar-provider';
import { createReceivablesViews } from './cards/receivables-views';
import { createStoredViews } from './cards/stored-views';
import { systemClock, type Clock } from './clock/clock';
import { requiresRedisPersistence, type Config } from './config';
import { createApp } from './http/app';
import type { CreditorSource } from './debtor-page/creditor';
import { createInvoicePdfStore } from './debtor-page/invoice-pdfs';
import { createDebtorLinkStore } from './debtor-page/link-store';
import { createPageCache } from './debtor-page/page-cache';
import { createDebtorPageService } from './debtor-page/page-service';
import { createSelfService } from './debtor-page/self-service';
import { createDebtorPageRouter } from './http/debtor-page/router';
import { createPaymentWebhooksRouter } from './http/payments/router';
import { createBankCreditStore } from './payments/bank-credit-store';
import { createCheckoutService } from './payments/checkout-service';
import { createMollieProvider } from './payments/mollie-provider';
import { createPaidOnlineStore } from './payments/paid-online-store';
import { createOutcomeService } from './actions/outcome-service';
import { createParkedWrites } from './actions/parked-writes';
import { createPreferencesService } from './actions/preferences-service';
import { createParkedResume } from './actions/resume-parked';
import { createActionsRouter } from './http/actions/router';
import { createApiKeysRouter } from './http/admin/api-keys-router';
import { createQueueDashboard } from './http/queue-dashboard/queue-dashboard';
import { createDebtorLinksRouter } from './http/admin/debtor-links-router';
import { createDebtorLinkAdmin } from './debtor-page/link-admin';
import { createOperationsRouter } from './http/admin/operations-router';
import { registerAppMetrics } from './operations/app-metrics';
import { createSyncHealth } from './operations/sync-health';
import { createCardsRouter, DEFAULT_VIEW_CACHE_TTL_MS } from './http/cards/router';
import { createIngestRouter } from './http/ingest/ingest-router';
import { createEngagements } from './hubspot/engagements';
import type { Logger } from './infra/logger';
import { createRedis } from './infra/redis';
import { createRedisHealth } from './infra/redis-health';
import { createCsvImporter } from './ingest/csv/csv-import';
import { createBankImporter } from './ingest/bank/bank-import';
import { createBankStore } from './ingest/bank/bank-store';
import { createUnappliedResolver } from './ingest/bank/resolve-unapplied';
import { createDirectDebitFailureService } from './ingest/direct-debit/failure-service';
import { createIngestService } from './ingest/ingest-service';
import { createHubSpotServices } from './jobs/services';
import { createJobQueues } from './jobs/queues';
import { startWorkers, type StartWorkersOptions } from './jobs/workers';
import { createRedisLedgerStore } from './ledger/redis-ledger-store';
import { createMissingCompanyFinder } from './matching/find-missing';
import { createRematcher } from './matching/rematch';
import { createUninstallAwareRefresher } from './hubspot/oauth-install';
import { createInstallModule } from './install/install-module';
import { createAccountSettings } from './portals/account-settings';
import { createPortalRegistry } from './portals/portal-registry';
import { createContinuousSync, DEFAULT_DEBOUNCE_MS } from './sync/continuous-sync';
import { withChangeFeed } from './sync/ledger-change-feed';
import { creditorFromSettings } from './settings/creditor-from-settings';
import { createSettingsRouter } from './http/settings/settings-router';
import { createHomeRouter } from './http/home/home-router';
import { createCallListService } from './home/call-list-service';
import { createWebhookProcessor } from './webhooks/webhook-processor';
import { startWebhookWorker } from './webhooks/webhook-queue';

export interface BackendOptions {
  readonly config: Config;
  readonly log: Logger;
  readonly redisUrl: string;
  /** The app's OAuth client id and secret; the secret also signs hubspot.fetch requests and webhooks. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** HUBSPOT_BASE_PATH, or the embedded sandbox's URL: where OAuth installs and token refreshes go. */
  readonly hubspotBasePath: string;
  /** The origin HubSpot calls (PUBLIC_BASE_URL). */
  readonly publicBaseUrl: string;
  /** Encrypts tokens at rest (TOKEN_ENCRYPTION_KEY). */
  readonly tokenKey: Buffer;
  /** Who may change a portal's settings before it names its own admins (the embedded default: the demo portal's user). */
  readonly initialAdmins?: (portalId: string) => Promise<readonly string[]>;
  /** Business time (the embedded default and the month-in-the-life suite pass a controllable one). */
  readonly clock?: Clock;
  /** The continuous sync's timing; defaults suit production. */
  readonly loop?: { readonly debounceMs?: number; readonly sweepEveryMs?: number };
  /**
   * The creditor the debtor page presents while a portal has saved no company details (the embedded demo's); without
   * one such a portal's page offers no payment instructions ("not available yet").
   */
  readonly creditor?: CreditorSource;
  /** Online payments on the debtor page through Mollie (MOLLIE_API_KEY; the embedded default: its local stand-in). */
  readonly mollie?: { readonly apiKey: string; readonly apiEndpoint?: string };
  /** The workers' BullMQ settings and the task-claim lease: crash tests shorten them (jobs/worker-process.ts). */
  /** When HubSpot's daily limit resets (hubspot/portal-caller.ts); the portal's next midnight unless a test shortens it. */
  readonly msUntilDailyReset?: (timeZone: string) => number;
  readonly workers?: Pick<StartWorkersOptions, 'concurrency' | 'lockDuration' | 'stalledInterval'> & { readonly claimLeaseMs?: number };
}

const DEFAULT_SWEEP_EVERY_MS = 15_000;

/**
 * The one composition root: every store, service, router and queue of the backend, wired once.
 * `main.ts` adds the process concerns (Redis and sandbox start-up, listening, shutdown).
 */
export function composeBackend(o: BackendOptions) {
  const clock = o.clock ?? systemClock;
  const now = () => clock.now();
  const prefix = o.config.REDIS_PREFIX;
  const redis = createRedis(o.redisUrl, 'worker');
  // Producers fail fast while Redis is down (an HTTP 503 beats a hanging request); workers wait.
  const producer = createRedis(o.redisUrl, 'producer');
  // HTTP's own view of Redis: /ready and the 503 gate answer within a second while Redis is down.
  const health = createRedisHealth(o.redisUrl, { watched: [redis, producer] });
  const queues = createJobQueues({ connection: producer, prefix, onError: (err) => o.log.warn({ err: err.message }, 'queue error') });
  const debounceMs = o.loop?.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  // Every write to the ledger, by anyone in this process, asks for its portal's refresh: the continuous sync.
  const ledger = withChangeFeed(createRedisLedgerStore(redis, prefix), (portalId) => queues.requestRefresh(portalId, debounceMs));
  // A refresh answered with invalid_grant means the app lost the portal: it is quarantined (data kept for the
  // retention period). The quarantine needs the token store the refresher belongs to, hence the late binding.
  let quarantine: (portalId: string) => Promise<void> = async () => undefined;
  const refresh = createUninstallAwareRefresher({
    clientId: o.clientId, clientSecret: o.clientSecret, portals: createPortalRegistry(redis, prefix),
    onRevoked: (portalId) => quarantine(portalId),
  });
  // Waiting documents are re-matched before each refresh; the rematcher needs ingest, built below.
  let rematch: (portalId: string) => Promise<number> = async () => 0;
  // The refresh warms the cards' views of what it just refreshed; the views need the calendar, built below.
  let warmViews: (portalId: string, companyIds: readonly string[]) => Promise<void> = async () => undefined;
  // Per-customer debtor-page links (hashed lookup, sealed token): the page, the cards, reminder tasks and call summaries share one.
  const debtorLinks = createDebtorLinkStore({ redis, prefix, tokenKey: o.tokenKey, now, validDays: o.config.DEBTOR_LINK_DAYS });
  const payLinkFor = async (portalId: string, companyId: string) => `${o.publicBaseUrl}/my/${(await debtorLinks.ensure(portalId, companyId)).token}`;
  const hubspot = createHubSpotServices({
    redis, prefix, ledger, tokenKey: o.tokenKey, log: o.log, now, refresh, rematch: (p) => rematch(p), warmViews: (p, ids) => warmViews(p, ids), payLinkFor,
    ...(o.workers?.claimLeaseMs ? { claimLeaseMs: o.workers.claimLeaseMs } : {}),
    ...(o.msUntilDailyReset ? { msUntilDailyReset: o.msUntilDailyReset } : {}),
    ...(o.initialAdmins ? { initialAdmins: o.initialAdmins } : {}),
  });
  const { settings } = hubspot;
  const calendarFor = createCalendarProvider(hubspot.portals, now, async (portalId) => (await settings.read(portalId)).calendar);
  const costsFor = async (portalId: string) => collectionCostOptions((await settings.read(portalId)).company?.vatOnCollectionCosts ?? false);
  const receivablesViews = createReceivablesViews({
    ledger, now, calendarFor, policy: settings.policyFor, costsFor, stored: createStoredViews(redis, prefix), viewCacheTtlMs: DEFAULT_VIEW_CACHE_TTL_MS, log: o.log,
  });
  const { companyIndex } = hubspot;
  const callList = createCallListService({
    ledger, now, calendarFor, policy: settings.policyFor, companyIndex: async (portalId) => (await companyIndex.get(portalId)) ?? {},
    owners: (portalId) => hubspot.gateway.listOwners(portalId), log: o.log,
  });
  // After a refresh the card views are warmed and the changed companies' lines of the call list recomputed.
  warmViews = async (portalId, companyIds) => {
    await Promise.all([receivablesViews.warm(portalId, companyIds), callList.update(portalId, companyIds)]);
  };
  const findMissing = createMissingCompanyFinder({ redis, prefix, findCompanies: hubspot.gateway.findCompanies, companyIndex, log: o.log });
  const ingest = createIngestService({
    ledger, companyIndex: (portalId) => companyIndex.get(portalId), findMissing, now, referenceScheme: settings.referenceSchemeFor,
    onRows: (portalId, rows) => hubspot.usage.add(portalId, { ingest_rows: rows }).catch(() => undefined),
  });
  rematch = createRematcher({ ledger, companyIndex: (portalId) => companyIndex.get(portalId), file: ingest.resolveUnmatched, log: o.log });
  const csvImporter = createCsvImporter(ingest, now);
  const directDebitFailures = createDirectDebitFailureService({ ledger });
  const bankStore = createBankStore(redis, prefix);
  // Online payments of the debtor page, remembered so their later bank statement is not counted twice.
  const paidOnline = createPaidOnlineStore(redis, prefix, now);
  const bankCredits = createBankCreditStore(redis, prefix, now);
  const bank = {
    store: bankStore,
    importer: createBankImporter({ ledger, bank: bankStore, failures: directDebitFailures, paidOnline, bankCredits, now }),
    resolve: createUnappliedResolver({ ledger, bank: bankStore }),
  };
  const apiKeys = createApiKeyStore(redis, prefix);
  const engagements = createEngagements({
    portals: hubspot.portals, tokens: hubspot.tokens, budget: hubspot.budget, usage: hubspot.usage, log: o.log,
    ...(o.msUntilDailyReset ? { msUntilDailyReset: o.msUntilDailyReset } : {}),
  });
  const account = createAccountSettings({ gateway: hubspot.gateway, portals: hubspot.portals, queues });
  // The daily pass asks HubSpot for the account's time zone and currency first; a failure keeps what we had.
  const dailyRefresh = {
    ...hubspot.refresh,
    async startDailyPass(portalId: string) {
      await account.refresh(portalId).catch((err: Error) => o.log.warn({ portalId, err: err.message }, 'account details not refreshed'));
      return hubspot.refresh.startDailyPass(portalId);
    },
  };
  const loop = createContinuousSync({ queues, ledger, portals: hubspot.portals, refresh: dailyRefresh, debounceMs });
  const operate = createInstallModule({
    clientId: o.clientId, clientSecret: o.clientSecret, basePath: o.hubspotBasePath, publicBaseUrl: o.publicBaseUrl,
    tier: o.config.HUBSPOT_RATE_LIMIT_TIER, redis, prefix, connection: producer,
    portals: hubspot.portals, tokens: hubspot.tokens, ledger, companyIndex, queues, account, log: o.log,
    firstAdmin: settings.claimFirstAdmin, quarantineDays: o.config.QUARANTINE_RETENTION_DAYS, now,
    ...(o.config.CREDIT_CONTROLLER_OWNER_ID ? { creditControllerOwnerId: o.config.CREDIT_CONTROLLER_OWNER_ID } : {}),
  });
  quarantine = operate.quarantine.quarantine;
  const processWebhooks = createWebhookProcessor({
    companyIndex, readCompanies: hubspot.gateway.readCompanies, ledger, claims: hubspot.scheduling.claims,
    requestRefresh: loop.request, tasksChanged: hubspot.scheduling.tasksChanged, log: o.log,
  });
  const fallbackOwnerFor = async (portalId: string) => (await hubspot.portals.get(portalId))?.creditControllerOwnerId;
  const actionDeps = {
    ledger, gateway: hubspot.gateway, engagements, redis, prefix, now, calendarFor, policy: settings.policyFor, fallbackOwnerFor, payLinkFor, costsFor,
  };
  const parkedWrites = createParkedWrites(redis, prefix);
  // Card writes kept while HubSpot's daily limit was spent go out once the sweep sees the reset pass.
  const resumeParked = createParkedResume({
    parks: hubspot.parks, writes: parkedWrites, portals: hubspot.portals, deadLetters: hubspot.deadLetters, log: o.log,
    logOutcome: createOutcomeService(actionDeps), applyPreferences: createPreferencesService(actionDeps).applyKept,
  });

  // The debtor page, built from the same ledger, policy and calendar as the cards; the invoices' own PDFs from UBL.
  const invoicePdfs = createInvoicePdfStore(redis, prefix);
  const debtorPages = createDebtorPageService({
    links: debtorLinks, ledger, now, calendarFor, policy: settings.policyFor, creditor: creditorFromSettings(settings, o.creditor),
    settingsVersion: async (portalId) => (await settings.read(portalId)).version, pdfs: invoicePdfs,
  });
  const checkout = o.mollie ? createCheckoutService({
    provider: createMollieProvider(o.mollie), ledger, redis, prefix, publicBaseUrl: o.publicBaseUrl, now,
    timeZoneOf: async (portalId) => (await calendarFor(portalId)).timeZone, log: o.log, paidOnline,
    bankCredits, takeUnapplied: bankStore.takeUnapplied,
  }) : undefined;

  const syncHealth = createSyncHealth({
    portals: hubspot.portals, settings, deadLetters: hubspot.deadLetters, poisoned: hubspot.poisoned, claims: hubspot.scheduling.claims,
    ledger, queues, webhookQueue: operate.webhookQueue.queue, refresh: hubspot.refresh, usage: hubspot.usage, debounceMs,
    parks: hubspot.parks, parkedWrites,
  });

  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  registerAppMetrics(metrics, {
    usage: hubspot.usage, portals: hubspot.portals, deadLetters: hubspot.deadLetters, parks: hubspot.parks, parkedWrites,
    queues: { sync: queues.sync, scheduling: queues.scheduling, refresh: queues.refresh, webhooks: operate.webhookQueue.queue },
  });
  const signed = { clientSecret: o.clientSecret, publicBaseUrl: o.publicBaseUrl };
  const app = createApp({
    log: o.log,
    metrics,
    redis: { available: health.isUp, inDoubt: health.inDoubt },
    trustProxy: o.config.TRUST_PROXY,
    ready: async () => {
      if (!(await health.check())) return { ready: false, reason: 'redis_unreachable' };
      if (requiresRedisPersistence(o.config) && (await health.persistence()) !== 'aof') return { ready: false, reason: 'redis_without_persistence' };
      return { ready: true };
    },
    routers: {
      cards: createCardsRouter({
        ...signed, ledger, now, calendarFor, policy: settings.policyFor, costsFor, receivables: receivablesViews,
        debtorPageUrl: payLinkFor,
      }),
      actions: createActionsRouter({ ...signed, ...actionDeps, buildCallScript }),
      ingest: createIngestRouter({ ingest, directDebitFailures, bank, apiKeys, maxBodyBytes: o.config.INGEST_MAX_BODY_BYTES, pdfs: invoicePdfs.put }),
      oauth: operate.oauthRouter,
      webhooks: operate.webhooksRouter,
      settings: createSettingsRouter({ ...signed, settings, portals: hubspot.portals, now, calendarFor }),
      home: createHomeRouter({ ...signed, callList }),
      admin: createApiKeysRouter({ ...signed, keys: createApiKeyService({ apiKeys, portals: hubspot.portals }), isAdmin: settings.isAdmin }),
      debtorLinks: createDebtorLinksRouter({
        ...signed, admin: createDebtorLinkAdmin({ links: debtorLinks, ledger, publicBaseUrl: o.publicBaseUrl, adminsOf: async (p) => (await settings.read(p)).adminUserIds }),
      }),
      operations: createOperationsRouter({ ...signed, health: syncHealth }),
      debtorPage: createDebtorPageRouter({
        pages: debtorPages, pageCache: createPageCache({ redis, prefix }), redis, prefix, log: o.log, perMinute: o.config.DEBTOR_PAGE_RATE_PER_MINUTE, publicBaseUrl: o.publicBaseUrl, pdfs: invoicePdfs, ...(checkout ? { checkout } : {}),
        selfService: createSelfService({ ledger, gateway: hubspot.gateway, redis, prefix, now, calendarFor: async (p) => calendarFor(p), fallbackOwnerFor }),
      }),
      ...(checkout ? { payments: createPaymentWebhooksRouter({ checkout }) } : {}),
      ...(o.config.QUEUE_DASHBOARD_TOKEN ? {
        queueDashboard: createQueueDashboard({ token: o.config.QUEUE_DASHBOARD_TOKEN, queues: [queues.sync, queues.scheduling, queues.refresh, operate.webhookQueue.queue] }),
      } : {}),
    },
  });

  const startBackgroundWork = () => {
    const { claimLeaseMs: _lease, ...workerSettings } = o.workers ?? {};
    const workers = startWorkers({
      connectionUrl: o.redisUrl, prefix, log: o.log, ...workerSettings,
      services: { sync: hubspot.sync, scheduling: hubspot.scheduling, refresh: dailyRefresh, deadLetters: hubspot.deadLetters,
        // The sweep also deletes the quarantined portals whose retention period is over and resumes parked ones.
        sweep: async () => ({ requested: await loop.sweep(), purged: await operate.quarantine.purgeExpired(), resumed: await resumeParked() }) },
    });
    const sweep = queues.upsertSweep(o.loop?.sweepEveryMs ?? DEFAULT_SWEEP_EVERY_MS)
      .catch((err: Error) => o.log.warn({ err: err.message }, 'sweep not scheduled'));
    const webhookConnection = createRedis(o.redisUrl, 'worker');
    const webhookWorker = startWebhookWorker({
      connection: webhookConnection, prefix, process: processWebhooks,
      onError: (err) => o.log.error({ err: err.message }, 'webhook worker error'),
    });
    return {
      async close() {
        await sweep;
        await Promise.all([workers.close(), webhookWorker.close()]);
        await webhookConnection.quit().catch(() => webhookConnection.disconnect());
      },
    };
  };

  const close = async () => {
    await queues.close();
    await operate.close();
    await health.close();
    await producer.quit().catch(() => undefined);
    await redis.quit().catch(() => undefined);
  };
  return {
    app, clock, redis, prefix, ledger, hubspot, account, receivablesViews, callList, operate, ingest, csvImporter, directDebitFailures, apiKeys, companyIndex, engagements, queues, loop, metrics, calendarFor,
    debtorLinks, debtorPages, health, syncHealth, parkedWrites,
    startBackgroundWork, close,
  };
}
export type Backend = ReturnType<typeof composeBackend>;
