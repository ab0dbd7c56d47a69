import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createHubSpotGateway } from '../hubspot/hubspot-gateway';
import type { LedgerStore } from '../ledger/ledger-store';
import { ownerOf } from '../matching/company-index';
import { createCompanyIndexCache } from '../matching/company-index-cache';
import { companySourceFromGateway } from '../matching/gateway-company-source';
import { createUsageCounters } from '../operations/usage';
import { createPortalRegistry, portalLanguage } from '../portals/portal-registry';
import { createTokenStore, type RefreshTokens } from '../portals/token-store';
import { createPortalParks } from '../rate/portal-park';
import { createRateBudget, type RateBudgetOptions } from '../rate/rate-budget';
import { createPlanner } from '../scheduling/planner';
import type { PayLinkFor } from '../scheduling/pay-links';
import { createSchedulingService } from '../scheduling/schedule-portal';
import { createPoisonedCompanies } from '../sync/poisoned-companies';
import { createSettingsService, DEFAULT_LANGUAGE } from '../settings/settings-service';
import { createSettingsStore } from '../settings/settings-store';
import { createRefreshService } from '../sync/refresh-portal';
import { createSyncService } from '../sync/sync-portal';
import { createDeadLetters } from './dead-letters';

export interface HubSpotServiceDeps {
  readonly redis: Redis;
  readonly prefix: string;
  /** The composition root passes the store with its change feed (ledger-change-feed.ts), so the services' own writes are synced too. */
  readonly ledger: LedgerStore;
  /** config TOKEN_ENCRYPTION_KEY (32 bytes). */
  readonly tokenKey: Buffer;
  /** OAuth refresh (hubspot/oauth-install.ts createUninstallAwareRefresher); absent for static tokens (sandbox, private app). */
  readonly refresh?: RefreshTokens;
  readonly rate?: RateBudgetOptions;
  readonly claimLeaseMs?: number;
  readonly log?: { warn(obj: object, msg: string): void };
  /** The business clock (clock/clock.ts). */
  readonly now?: () => Date;
  /** Files waiting documents before each refresh (the composition root binds it once ingest exists). */
  readonly rematch?: (portalId: string) => Promise<number>;
  /** Precomputes the cards' views after each refresh (the composition root binds it once the cards exist). */
  readonly warmViews?: (portalId: string, companyIds: readonly string[]) => Promise<void>;
  /** Who may change a portal's settings before it names its own admins (settings-service.ts). */
  readonly initialAdmins?: (portalId: string) => Promise<readonly string[]>;
  /** The customer's own page (debtor-page URL), written into reminder tasks. */
  readonly payLinkFor?: PayLinkFor;
  /** When HubSpot's daily limit resets (hubspot/portal-caller.ts); tests shorten it. */
  readonly msUntilDailyReset?: (timeZone: string) => number;
}

/** Wires the HubSpot-facing services on one Redis connection; the composition root calls this once. */
export function createHubSpotServices(deps: HubSpotServiceDeps) {
  const portals = createPortalRegistry(deps.redis, deps.prefix);
  const tokens = createTokenStore({ redis: deps.redis, prefix: deps.prefix, key: deps.tokenKey, ...(deps.refresh ? { refresh: deps.refresh } : {}) });
  const budget = createRateBudget(deps.redis, deps.prefix, deps.rate);
  const usage = createUsageCounters(deps.redis, deps.prefix);
  const gateway = createHubSpotGateway({
    portals, tokens, budget, usage, ...(deps.log ? { log: deps.log } : {}), ...(deps.msUntilDailyReset ? { msUntilDailyReset: deps.msUntilDailyReset } : {}),
  });
  // A saved policy or calendar re-plans every company of the portal: the same pass as the daily one.
  let replan: (portalId: string) => Promise<unknown> = async () => undefined;
  const settings = createSettingsService({
    store: createSettingsStore(deps.redis, deps.prefix), now: deps.now ?? (() => new Date()),
    onPlanningChanged: async (portalId) => { await replan(portalId); },
    defaultLanguageFor: async (portalId) => { const portal = await portals.get(portalId); return portal ? portalLanguage(portal) : DEFAULT_LANGUAGE; },
    ...(deps.initialAdmins ? { initialAdmins: deps.initialAdmins } : {}),
  });
  const planner = createPlanner({
    planningFor: async (portalId) => {
      const s = await settings.read(portalId);
      return {
        policy: s.policy, calendar: s.calendar, language: s.defaultLanguage, ...(s.company ? { creditor: s.company, vatOnCollectionCosts: s.company.vatOnCollectionCosts } : {}),
        // The whole settings document: whatever a plan or a task text reads from it, a change re-plans every company.
        fingerprint: createHash('sha1').update(JSON.stringify(s)).digest('base64url'),
      };
    },
  });
  const companyIndex = createCompanyIndexCache({ redis: deps.redis, prefix: deps.prefix, source: companySourceFromGateway(gateway) });
  const companyOwners = async (portalId: string, ids: readonly string[]) => {
    const index = await companyIndex.get(portalId);
    return new Map(ids.map((id) => [id, index ? ownerOf(index, id) : undefined]));
  };
  // A portal not yet listed is planned page by page as its listing arrives, not after the last page.
  const companyListing = (portalId: string, onPage: (owners: ReadonlyMap<string, string | undefined>) => void) =>
    companyIndex.get(portalId, (page) => onPage(new Map(page.map((c) => [c.id, c.ownerId]))));
  const deadLetters = createDeadLetters(deps.redis, deps.prefix);
  const poisoned = createPoisonedCompanies(deps.redis, deps.prefix, deadLetters);
  const common = { redis: deps.redis, prefix: deps.prefix, gateway, ledger: deps.ledger, portals, planner, poisoned, ...(deps.now ? { now: deps.now } : {}) };
  const sync = createSyncService(common);
  const scheduling = createSchedulingService({
    ...common, deadLetters, companyOwners, companyListing, ...(deps.claimLeaseMs ? { claimLeaseMs: deps.claimLeaseMs } : {}), ...(deps.payLinkFor ? { payLinkFor: deps.payLinkFor } : {}),
  });
  const refresh = createRefreshService({ redis: deps.redis, prefix: deps.prefix, ledger: deps.ledger, sync, scheduling, ...(deps.now ? { now: deps.now } : {}), ...(deps.rematch ? { rematch: deps.rematch } : {}),
    ...(deps.warmViews ? { warmViews: deps.warmViews } : {}), ...(deps.log ? { log: deps.log } : {}) });
  replan = refresh.startDailyPass;
  const parks = createPortalParks(deps.redis, deps.prefix);
  return { portals, tokens, budget, parks, usage, gateway, planner, settings, companyIndex, deadLetters, poisoned, sync, scheduling, refresh };
}
export type HubSpotServices = ReturnType<typeof createHubSpotServices>;
