import type { Redis } from 'ioredis';
import { createHubSpotGateway } from '../hubspot/hubspot-gateway';
import type { LedgerStore } from '../ledger/ledger-store';
import { createPortalRegistry } from '../portals/portal-registry';
import { createTokenStore, type RefreshTokens } from '../portals/token-store';
import { createRateBudget, type RateBudgetOptions } from '../rate/rate-budget';
import { createPlanner } from '../scheduling/planner';
import { createSchedulingService } from '../scheduling/schedule-portal';
import { createSyncService } from '../sync/sync-portal';
import { createDeadLetters } from './dead-letters';

export interface HubSpotServiceDeps {
  readonly redis: Redis;
  readonly prefix: string;
  readonly ledger: LedgerStore;
  /** config TOKEN_ENCRYPTION_KEY (32 bytes). */
  readonly tokenKey: Buffer;
  /** OAuth refresh (hubspot/oauth-install.ts createUninstallAwareRefresher); absent for static tokens (sandbox, private app). */
  readonly refresh?: RefreshTokens;
  readonly rate?: RateBudgetOptions;
  readonly claimLeaseMs?: number;
  readonly log?: { warn(obj: object, msg: string): void };
  readonly now?: () => Date;
}

/** Wires the HubSpot-facing services on one Redis connection; the composition root calls this once. */
export function createHubSpotServices(deps: HubSpotServiceDeps) {
  const portals = createPortalRegistry(deps.redis, deps.prefix);
  const tokens = createTokenStore({ redis: deps.redis, prefix: deps.prefix, key: deps.tokenKey, ...(deps.refresh ? { refresh: deps.refresh } : {}) });
  const budget = createRateBudget(deps.redis, deps.prefix, deps.rate);
  const gateway = createHubSpotGateway({ portals, tokens, budget, ...(deps.log ? { log: deps.log } : {}) });
  const planner = createPlanner();
  const deadLetters = createDeadLetters(deps.redis, deps.prefix);
  const common = { redis: deps.redis, prefix: deps.prefix, gateway, ledger: deps.ledger, portals, planner, ...(deps.now ? { now: deps.now } : {}) };
  const sync = createSyncService(common);
  const scheduling = createSchedulingService({ ...common, deadLetters, ...(deps.claimLeaseMs ? { claimLeaseMs: deps.claimLeaseMs } : {}) });
  return { portals, tokens, budget, gateway, planner, deadLetters, sync, scheduling };
}
export type HubSpotServices = ReturnType<typeof createHubSpotServices>;
