import type { JobQueues } from '../jobs/queues';
import type { LedgerStore } from '../ledger/ledger-store';
import type { PortalRegistry } from '../portals/portal-registry';
import type { RefreshResult, RefreshService } from './refresh-portal';

/** A change waits this long for more before its portal's refresh starts: a 1,000-row upload becomes one run. */
export const DEFAULT_DEBOUNCE_MS = 1000;

export interface ContinuousSyncDeps {
  readonly queues: Pick<JobQueues, 'requestRefresh' | 'refreshPending'>;
  readonly ledger: Pick<LedgerStore, 'countDirtyCompanies'>;
  readonly portals: Pick<PortalRegistry, 'list'>;
  readonly refresh: Pick<RefreshService, 'startDailyPass' | 'runsSince'>;
  /** How long a change waits for more changes before the portal's refresh starts (bursts become one run). */
  readonly debounceMs: number;
}

export interface SettleOptions {
  readonly timeoutMs?: number;
  readonly pollMs?: number;
}

/**
 * The continuous loop around the ledger: the change feed calls `request` on every write; `sweep` catches
 * changes written by other processes (the import CLI) or whose request was lost; `settled` tells when every
 * change so far has reached HubSpot; `runDailyPass` runs the daily safety net now (the time control of the
 * embedded default and the month-in-the-life suite use it).
 */
export function createContinuousSync(deps: ContinuousSyncDeps) {
  const request = (portalId: string) => deps.queues.requestRefresh(portalId, deps.debounceMs);

  const isSettled = async (portalId: string) =>
    (await deps.ledger.countDirtyCompanies(portalId)) === 0 && !(await deps.queues.refreshPending(portalId));

  async function settled(portalId: string, opts: SettleOptions = {}): Promise<void> {
    const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
    while (!(await isSettled(portalId))) {
      if (Date.now() > deadline) throw new Error(`portal ${portalId}: changes not synced within ${opts.timeoutMs ?? 60_000} ms`);
      await new Promise((r) => setTimeout(r, opts.pollMs ?? 25));
    }
  }

  return {
    request,
    settled,
    async sweep(): Promise<number> {
      let requested = 0;
      for (const portal of await deps.portals.list()) {
        if (await isSettled(portal.portalId)) continue;
        if (!(await deps.queues.refreshPending(portal.portalId))) { await request(portal.portalId); requested++; }
      }
      return requested;
    },
    /** Every company re-synced and re-planned now; resolves with the runs it took once all of them are done. */
    async runDailyPass(portalId: string, opts: SettleOptions = {}): Promise<RefreshResult[]> {
      const since = Date.now();
      await deps.refresh.startDailyPass(portalId);
      await settled(portalId, opts);
      return deps.refresh.runsSince(portalId, since);
    },
  };
}
export type ContinuousSync = ReturnType<typeof createContinuousSync>;
