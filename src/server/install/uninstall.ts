import type { JobQueues } from '../jobs/queues';
import type { LedgerStore } from '../ledger/ledger-store';
import type { CompanyIndexCache } from '../matching/company-index-cache';
import type { PortalRegistry } from '../portals/portal-registry';
import type { TokenStore } from '../portals/token-store';

export interface UninstallDeps {
  readonly portals: Pick<PortalRegistry, 'remove'>;
  readonly tokens: Pick<TokenStore, 'remove'>;
  readonly queues: Pick<JobQueues, 'removeDailyScheduling'>;
  readonly ledger: Pick<LedgerStore, 'deletePortal'>;
  readonly companyIndex: Pick<CompanyIndexCache, 'invalidate'>;
  readonly log?: { info(obj: object, msg: string): void };
}

export type UninstallPortal = (portalId: string) => Promise<void>;

/**
 * Forgets a portal completely (HubSpot has no uninstall webhook: a refresh answered with invalid_grant means
 * the app was uninstalled). The daily run stops first, so nothing new starts; jobs already queued fail on
 * `portals.require`. Idempotent: uninstalling twice is harmless.
 */
export function createUninstaller(deps: UninstallDeps): UninstallPortal {
  return async (portalId) => {
    await deps.queues.removeDailyScheduling(portalId);
    await deps.tokens.remove(portalId);
    await deps.companyIndex.invalidate(portalId);
    // Every `${prefix}:p:${portalId}:*` key: ledger, profiles, webhook dedupe marks, cached indexes.
    await deps.ledger.deletePortal(portalId);
    await deps.portals.remove(portalId);
    deps.log?.info({ portalId }, 'portal uninstalled');
  };
}
