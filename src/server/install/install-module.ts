import type { ConnectionOptions } from 'bullmq';
import type { Router } from 'express';
import type { Redis } from 'ioredis';
import type { RATE_LIMIT_TIERS } from '../config';
import { createOAuthRouter } from '../http/oauth/oauth-router';
import { createWebhooksRouter } from '../http/webhooks/webhooks-router';
import { createOAuthInstallClient } from '../hubspot/oauth-install';
import type { JobQueues } from '../jobs/queues';
import type { LedgerStore } from '../ledger/ledger-store';
import type { CompanyIndexCache } from '../matching/company-index-cache';
import type { AccountSettings } from '../portals/account-settings';
import type { PortalRegistry } from '../portals/portal-registry';
import type { TokenStore } from '../portals/token-store';
import { createWebhookQueue, type WebhookQueue } from '../webhooks/webhook-queue';
import { createWebhookReceiver } from '../webhooks/webhook-receiver';
import { readRequiredScopes } from './app-scopes';
import { authorizeEndpointFor } from './authorize-url';
import { createInstallService, type InstallService } from './install-service';
import { createOAuthStateStore } from './oauth-state';
import { portalDefaultsFrom } from './portal-defaults';
import { createQuarantine, type Quarantine } from './quarantine';
import { createUninstaller, type UninstallPortal } from './uninstall';

export interface InstallModuleDeps {
  readonly clientId: string;
  readonly clientSecret: string;
  /** HUBSPOT_BASE_PATH, or the embedded sandbox's URL. */
  readonly basePath: string;
  /** PUBLIC_BASE_URL: redirect URI origin and the origin HubSpot signs webhook URIs with. */
  readonly publicBaseUrl: string;
  readonly tier: (typeof RATE_LIMIT_TIERS)[number];
  readonly creditControllerOwnerId?: string;
  readonly redis: Redis;
  readonly prefix: string;
  /** BullMQ producer connection for the 'webhooks' queue. */
  readonly connection: ConnectionOptions;
  readonly portals: PortalRegistry;
  readonly tokens: TokenStore;
  readonly ledger: LedgerStore;
  readonly companyIndex: Pick<CompanyIndexCache, 'invalidate'>;
  readonly queues: JobQueues;
  readonly account: Pick<AccountSettings, 'refresh'>;
  /** The settings store's first admin: the user who installed the app. */
  readonly firstAdmin?: (portalId: string, userId: string) => Promise<void>;
  /** Days a portal whose refresh HubSpot refused keeps its data (config QUARANTINE_RETENTION_DAYS). */
  readonly quarantineDays: number;
  /** The business clock: the retention period is counted on it. */
  readonly now: () => Date;
  readonly log?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

export interface InstallModule {
  readonly install: InstallService;
  /** Mount at /oauth (GET /oauth/install, GET /oauth/callback). */
  readonly oauthRouter: Router;
  /** Mount at /webhooks (POST /webhooks/hubspot). */
  readonly webhooksRouter: Router;
  /** Deletes everything of a portal now (an explicit uninstall). */
  readonly uninstallPortal: UninstallPortal;
  /** What a refused token refresh does: the portal stops, its data is kept for the retention period. */
  readonly quarantine: Quarantine;
  readonly webhookQueue: WebhookQueue;
  close(): Promise<void>;
}

/** Wires capability 6 (install, uninstall, webhooks) from the composition root's stores; nothing global. */
export function createInstallModule(d: InstallModuleDeps): InstallModule {
  const log = d.log ? { log: d.log } : {};
  const uninstallPortal = createUninstaller({ portals: d.portals, tokens: d.tokens, queues: d.queues, ledger: d.ledger, companyIndex: d.companyIndex, ...log });
  const quarantine = createQuarantine({
    redis: d.redis, prefix: d.prefix, portals: d.portals, tokens: d.tokens, queues: d.queues, uninstall: uninstallPortal,
    now: d.now, retentionDays: d.quarantineDays, ...log,
  });
  const install = createInstallService({
    clientId: d.clientId,
    redirectUri: `${d.publicBaseUrl.replace(/\/+$/, '')}/oauth/callback`,
    authorizeEndpoint: authorizeEndpointFor(d.basePath),
    scopes: readRequiredScopes(),
    states: createOAuthStateStore(d.redis, d.prefix),
    oauth: createOAuthInstallClient({ clientId: d.clientId, clientSecret: d.clientSecret, basePath: d.basePath }),
    portals: d.portals, tokens: d.tokens, queues: d.queues, account: d.account, quarantine,
    ...(d.firstAdmin ? { firstAdmin: d.firstAdmin } : {}),
    defaults: portalDefaultsFrom({ HUBSPOT_RATE_LIMIT_TIER: d.tier, CREDIT_CONTROLLER_OWNER_ID: d.creditControllerOwnerId }, d.basePath),
    ...log,
  });
  const webhookQueue = createWebhookQueue({ connection: d.connection, prefix: d.prefix, ...(d.log ? { onError: (err: Error) => d.log!.warn({ err: err.message }, 'webhook queue error') } : {}) });
  const receive = createWebhookReceiver({ redis: d.redis, prefix: d.prefix, portals: d.portals, enqueue: (job) => webhookQueue.enqueue(job) });
  return {
    install,
    oauthRouter: createOAuthRouter({ install }),
    webhooksRouter: createWebhooksRouter({ clientSecret: d.clientSecret, publicBaseUrl: d.publicBaseUrl, receive }),
    uninstallPortal,
    quarantine,
    webhookQueue,
    close: () => webhookQueue.close(),
  };
}
