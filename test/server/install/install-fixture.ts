import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { errorHandler } from '../../../src/server/http/error-handler';
import { createInstallModule, type InstallModule } from '../../../src/server/install/install-module';
import type { InstallService } from '../../../src/server/install/install-service';
import { createOAuthStateStore, type OAuthStateStore } from '../../../src/server/install/oauth-state';
import { createJobQueues, type JobQueues } from '../../../src/server/jobs/queues';
import { createRedisLedgerStore } from '../../../src/server/ledger/redis-ledger-store';
import { createCompanyIndexCache } from '../../../src/server/matching/company-index-cache';
import { createHubSpotGateway } from '../../../src/server/hubspot/hubspot-gateway';
import { createAccountSettings } from '../../../src/server/portals/account-settings';
import { createPortalRegistry, type PortalRegistry } from '../../../src/server/portals/portal-registry';
import { createRateBudget } from '../../../src/server/rate/rate-budget';
import { createTokenStore, type TokenStore } from '../../../src/server/portals/token-store';
import { registerApp } from '../../../src/sandbox/oauth';
import { startSandbox, type StartedSandbox } from '../../../src/sandbox/server';
import type { Portal as SandboxPortal } from '../../../src/sandbox/state';
import { deletePrefix, testRedis, uniquePrefix } from '../../support/redis';

/** A real HTTP server for our routers: HubSpot (the sandbox) redirects browsers and posts webhooks to it. */
export async function listen(mount: (app: express.Express) => void): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  mount(app);
  app.use(errorHandler(pino({ level: 'silent' })));
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => { server.once('listening', resolve); server.once('error', reject); });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export interface InstallFixture {
  readonly sandbox: StartedSandbox;
  readonly hub: SandboxPortal;
  readonly backendUrl: string;
  readonly redis: Redis;
  readonly prefix: string;
  readonly portals: PortalRegistry;
  readonly tokens: TokenStore;
  readonly queues: JobQueues;
  readonly states: OAuthStateStore;
  readonly install: InstallService;
  close(): Promise<void>;
}

export async function startInstallFixture(): Promise<InstallFixture> {
  const sandbox = await startSandbox();
  // An account outside the product's home market: the install must take its zone and currency from HubSpot.
  const hub = sandbox.state.createPortal({ settings: { timeZone: 'America/Chicago', currency: 'USD' } });
  const redis = testRedis();
  const prefix = uniquePrefix('install');
  const portals = createPortalRegistry(redis, prefix);
  const tokens = createTokenStore({ redis, prefix, key: randomBytes(32) });
  const queues = createJobQueues({ connection: redis, prefix });
  const states = createOAuthStateStore(redis, prefix);
  const app = { clientId: 'rd-client-id', clientSecret: `secret-${randomBytes(8).toString('hex')}` };
  // The module needs the public origin, which exists only once the server listens.
  const late: { module?: InstallModule } = {};
  const server = await listen((a) => a.use('/oauth', (req, res, next) => late.module!.oauthRouter(req, res, next)));
  registerApp(sandbox.state, { ...app, redirectUri: `${server.url}/oauth/callback` });
  const module = createInstallModule({
    ...app, basePath: sandbox.url, publicBaseUrl: server.url, tier: 'marketplace', redis, prefix, connection: redis,
    portals, tokens, queues, ledger: createRedisLedgerStore(redis, prefix), companyIndex: createCompanyIndexCache({ redis, prefix }),
    account: createAccountSettings({ gateway: createHubSpotGateway({ portals, tokens, budget: createRateBudget(redis, prefix) }), portals, queues }),
    quarantineDays: 30, now: () => new Date(),
  });
  late.module = module;
  const install = module.install;
  return {
    sandbox, hub, backendUrl: server.url, redis, prefix, portals, tokens, queues, states, install,
    async close() {
      await server.close();
      await sandbox.close();
      await queues.close();
      await module.close();
      await deletePrefix(redis, prefix);
      await redis.quit();
    },
  };
}
