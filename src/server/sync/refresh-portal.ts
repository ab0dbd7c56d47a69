import type { Redis } from 'ioredis';
import type { LedgerStore } from '../ledger/ledger-store';
import type { SchedulingResult, SchedulingService } from '../scheduling/schedule-portal';
import type { SyncResult, SyncService } from './sync-portal';

export interface RefreshDeps {
  readonly redis: Redis;
  readonly prefix: string;
  readonly ledger: Pick<LedgerStore, 'claimDirtyCompanies' | 'settleDirtyCompanies' | 'listCompanyIds' | 'markDirty'>;
  readonly sync: Pick<SyncService, 'syncPortal'>;
  readonly scheduling: Pick<SchedulingService, 'schedulePortal'>;
  readonly now?: () => Date;
  /** Files waiting documents the company index matches now (matching/rematch.ts); they are synced in the same run. */
  readonly rematch?: (portalId: string) => Promise<number>;
  /** Precomputes the cards' views of the companies just refreshed (cards/receivables-views.ts). */
  readonly warmViews?: (portalId: string, companyIds: readonly string[]) => Promise<void>;
  readonly log?: { warn(obj: object, msg: string): void };
}

export interface RefreshResult {
  readonly companies: number;
  /** Waiting (unmatched) documents filed by this run. */
  readonly filed: number;
  readonly sync?: SyncResult;
  readonly scheduling?: SchedulingResult;
  /** Business clock. */
  readonly startedAt: string;
  /** Real time (epoch ms): when the run began, whatever the business clock says. */
  readonly began: number;
  readonly seconds: number;
}

/** Runs kept per portal (newest first), for the summary of `npm start`, the settings page and benchmarks. */
const KEEP_RUNS = 100;

/**
 * The continuous sync of one portal: the companies whose ledger changed since the last run get their reminder
 * tasks re-planned (new ones created, changed ones updated, unneeded ones completed) and their rollups written
 * (only those that changed). Claimed companies are settled only after both succeeded, so a crash or a failed attempt hands
 * them to the next attempt again. The daily pass is the same run over every company.
 */
export function createRefreshService(deps: RefreshDeps) {
  const now = deps.now ?? (() => new Date());
  const runsKey = (portalId: string) => `${deps.prefix}:p:${portalId}:refresh:runs`;

  async function refreshPortal(portalId: string, opts: { owner: string }): Promise<RefreshResult> {
    const startedAt = now().toISOString();
    const began = Date.now();
    const filed = (await deps.rematch?.(portalId)) ?? 0;
    const companyIds = await deps.ledger.claimDirtyCompanies(portalId);
    if (companyIds.length === 0) return { companies: 0, filed, startedAt, began, seconds: 0 };
    // Tasks first: the rollup then already shows the steps just planned (stage, next action), in one write.
    const scheduling = await deps.scheduling.schedulePortal(portalId, { companyIds, owner: opts.owner });
    const sync = await deps.sync.syncPortal(portalId, { companyIds });
    // Tasks held by another run (maybe a dead one) are not done: the companies stay claimed and the job retries.
    if (scheduling.busy > 0) throw new Error(`${scheduling.busy} tasks were held by another run; trying again`);
    await deps.ledger.settleDirtyCompanies(portalId, companyIds);
    // Only an optimisation: a card opened before (or without) it computes its view from the ledger.
    await deps.warmViews?.(portalId, companyIds).catch((err: Error) => deps.log?.warn({ portalId, err: err.message }, 'card views not warmed'));
    const result = { companies: companyIds.length, filed, sync, scheduling, startedAt, began, seconds: (Date.now() - began) / 1000 };
    await deps.redis.multi().lpush(runsKey(portalId), JSON.stringify(result)).ltrim(runsKey(portalId), 0, KEEP_RUNS - 1).exec();
    return result;
  }

  /** The daily safety net: every company with documents is treated as changed (rollups age, steps fall due). */
  async function startDailyPass(portalId: string): Promise<number> {
    const ids = await deps.ledger.listCompanyIds(portalId);
    await deps.ledger.markDirty(portalId, ids);
    return ids.length;
  }

  /** The runs that began at or after `sinceMs` (real time), oldest first. */
  async function runsSince(portalId: string, sinceMs: number): Promise<RefreshResult[]> {
    const raw = await deps.redis.lrange(runsKey(portalId), 0, KEEP_RUNS - 1);
    return raw.map((r) => JSON.parse(r) as RefreshResult).filter((r) => r.began >= sinceMs).reverse();
  }

  return { refreshPortal, startDailyPass, runsSince };
}
export type RefreshService = ReturnType<typeof createRefreshService>;
