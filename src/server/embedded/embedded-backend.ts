import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMollieStandIn, type MollieStandIn } from '../../sandbox/mollie/mollie-standin';
import { startWebhookDelivery, type WebhookDelivery } from '../../sandbox/webhooks';
import { createControllableClock, type ControllableClock } from '../clock/controllable-clock';
import { composeBackend, type Backend, type BackendOptions } from '../compose';
import { DEMO_CREDITOR, fixedCreditor } from '../debtor-page/creditor';
import type { Config } from '../config';
import type { Logger } from '../infra/logger';
import { createSchemaGuard } from '../sync/schema-guard';
import { readAppSubscriptions } from './app-webhooks';
import { startEmbeddedHubSpot, type EmbeddedAccount, type EmbeddedHubSpot } from './embedded-hubspot';
import { createTimeControl, type TimeControl } from './time-control';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface EmbeddedBackendOptions {
  readonly config: Config;
  readonly log: Logger;
  readonly redisUrl: string;
  /** Business time; by default one that runs with real time until someone moves it. */
  readonly clock?: ControllableClock;
  /** The demo portal's seed (companies, contacts, owners). */
  readonly seed?: number;
  /** The local HubSpot account's time zone and currency (account-info); Europe/Amsterdam and EUR by default. */
  readonly account?: EmbeddedAccount;
  readonly loop?: BackendOptions['loop'];
  readonly msUntilDailyReset?: BackendOptions['msUntilDailyReset'];
  /** The sandbox's webhook retry waits; HubSpot's own schedule (about a day) by default. */
  readonly webhookRetryScheduleMs?: number[];
  /** Served before the backend's routes, by path prefix: the workspace (issue 13) mounts `/workspace` here. */
  readonly mounts?: readonly { readonly path: string; readonly handler: RequestHandler }[];
}

export interface EmbeddedBackend {
  readonly backend: Backend;
  readonly hubspot: EmbeddedHubSpot;
  /** Where the backend listens and what HubSpot (the sandbox) calls: e.g. http://localhost:3000. */
  readonly publicBaseUrl: string;
  readonly webhooks: WebhookDelivery;
  /** The local Mollie stand-in the debtor page's online payments go to. */
  readonly mollie: MollieStandIn;
  readonly time: TimeControl;
  readonly portalId: string;
  /** Stops the workers (they finish what they hold) and starts new ones, as a restarted worker process would. */
  restartWorkers(): Promise<void>;
  /** Stops taking requests, lets the workers finish what they hold, closes the queues and the sandbox. */
  close(): Promise<void>;
}

const DEMO_SEED = 42;

/**
 * The embedded default as one piece — what `npm start` runs and the month-in-the-life suite boots: the local
 * HubSpot portal, the backend composed on it (same composition as production), the portal installed, the
 * sandbox delivering the app's webhooks to /webhooks/hubspot signed like HubSpot, and the workers running.
 */
export async function startEmbeddedBackend(o: EmbeddedBackendOptions): Promise<EmbeddedBackend> {
  const server = createServer();
  const port = await listen(server, o.config.PORT);
  // PORT=0 (tests) picks a free port; the public origin is only known now.
  const publicBaseUrl = o.config.PORT === 0 ? `http://localhost:${port}` : o.config.PUBLIC_BASE_URL;
  const hubspot = await startEmbeddedHubSpot({ seed: o.seed ?? DEMO_SEED, redirectUri: `${publicBaseUrl}/oauth/callback`, ...(o.account ? { account: o.account } : {}) });
  const clock = o.clock ?? createControllableClock();
  const mollie = await startMollieStandIn();
  const backend = composeBackend({
    config: o.config, log: o.log, redisUrl: o.redisUrl, clock,
    clientId: hubspot.clientId, clientSecret: hubspot.clientSecret, hubspotBasePath: hubspot.sandbox.url,
    publicBaseUrl, tokenKey: o.config.TOKEN_ENCRYPTION_KEY,
    mollie: { apiKey: mollie.apiKey, apiEndpoint: mollie.apiEndpoint },
    // The demo portal's page shows a fictitious creditor until someone saves company details on the settings page.
    creditor: fixedCreditor(DEMO_CREDITOR),
    ...(o.loop ? { loop: o.loop } : {}),
    ...(o.msUntilDailyReset ? { msUntilDailyReset: o.msUntilDailyReset } : {}),
    ...(hubspot.adminUserId ? { initialAdmins: async () => [hubspot.adminUserId!] } : {}),
  });
  await installLocalPortal(backend, {
    portalId: hubspot.portalId, basePath: hubspot.sandbox.url, accessToken: hubspot.accessToken, tier: o.config.HUBSPOT_RATE_LIMIT_TIER,
    ...(hubspot.creditControllerOwnerId ? { creditControllerOwnerId: hubspot.creditControllerOwnerId } : {}),
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const mount = o.mounts?.find((m) => req.url === m.path || req.url?.startsWith(`${m.path}/`) || req.url?.startsWith(`${m.path}?`));
    (mount?.handler ?? backend.app)(req, res);
  });
  let workers = backend.startBackgroundWork();
  const webhooks = startWebhookDelivery(hubspot.sandbox.state, {
    targetUrl: `${publicBaseUrl}/webhooks/hubspot`, clientSecret: hubspot.clientSecret, appId: hubspot.appId,
    subscriptions: readAppSubscriptions(),
    ...(o.webhookRetryScheduleMs ? { retryScheduleMs: o.webhookRetryScheduleMs } : {}),
  });
  const time = createTimeControl({
    clock,
    calendar: () => backend.calendarFor(hubspot.portalId),
    runDailyPass: (opts) => backend.loop.runDailyPass(hubspot.portalId, opts),
  });

  let closing: Promise<void> | undefined;
  return {
    backend, hubspot, publicBaseUrl, webhooks, mollie, time, portalId: hubspot.portalId,
    async restartWorkers() {
      await workers.close();
      workers = backend.startBackgroundWork();
    },
    close() {
      closing ??= (async () => {
        webhooks.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await workers.close();
        await backend.close();
        await hubspot.sandbox.close();
        await mollie.close();
      })();
      return closing;
    },
  };
}

/**
 * A local HubSpot portal installed as an OAuth install leaves it (the embedded default, benchmarks): registered
 * (Dutch), its long-lived token stored, its time zone and currency read from HubSpot's account-info, the daily
 * pass scheduled and the app's properties created — so matching can search HubSpot by VAT, chamber-of-commerce
 * and customer number from the first import.
 */
export async function installLocalPortal(backend: Backend, p: {
  portalId: string; basePath: string; accessToken: string; tier: Config['HUBSPOT_RATE_LIMIT_TIER']; creditControllerOwnerId?: string;
}): Promise<void> {
  await backend.hubspot.portals.register({
    portalId: p.portalId, timeZone: 'Europe/Amsterdam', country: 'NL', tier: p.tier, basePath: p.basePath, currency: 'EUR',
    ...(p.creditControllerOwnerId ? { creditControllerOwnerId: p.creditControllerOwnerId } : {}),
  });
  await backend.hubspot.tokens.save(p.portalId, { accessToken: p.accessToken });
  const { portal } = await backend.account.refresh(p.portalId);
  await backend.queues.upsertDailyScheduling(portal);
  await createSchemaGuard({ redis: backend.redis, prefix: backend.prefix, gateway: backend.hubspot.gateway })(portal, (await backend.hubspot.planner.forPortal(portal)).policy);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
