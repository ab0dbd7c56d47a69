import type { HubSpotGateway } from '../hubspot/gateway';
import type { JobQueues } from '../jobs/queues';
import type { Portal, PortalRegistry } from './portal-registry';

export interface AccountSettingsDeps {
  readonly gateway: Pick<HubSpotGateway, 'accountDetails'>;
  readonly portals: Pick<PortalRegistry, 'require' | 'register'>;
  readonly queues: Pick<JobQueues, 'upsertDailyScheduling'>;
}

/** What a refresh changed: the fields that moved (empty when HubSpot's answer matched what we had). */
export interface AccountRefresh {
  readonly portal: Portal;
  readonly changed: readonly ('timeZone' | 'currency')[];
}

/**
 * Takes the portal's time zone and company currency from HubSpot's account-info API (on install and before each
 * daily pass): calendars, call windows, due times and the daily run follow the account, not a hard-wired zone.
 * A moved zone re-schedules the daily run at the same local time in the new zone.
 */
export function createAccountSettings(deps: AccountSettingsDeps) {
  return {
    async refresh(portalId: string): Promise<AccountRefresh> {
      const [portal, details] = await Promise.all([deps.portals.require(portalId), deps.gateway.accountDetails(portalId)]);
      const changed = (['timeZone', 'currency'] as const).filter((k) => portal[k] !== details[k]);
      if (changed.length === 0) return { portal, changed };
      const updated = await deps.portals.register({ ...portal, timeZone: details.timeZone, currency: details.currency });
      if (changed.includes('timeZone')) await deps.queues.upsertDailyScheduling(updated);
      return { portal: updated, changed };
    },
  };
}
export type AccountSettings = ReturnType<typeof createAccountSettings>;
