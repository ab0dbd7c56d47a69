import type { Queue } from 'bullmq';
import type { DeadLetterSource, DeadLetterVM, OperationsErrorCode, RetriedVM, SyncHealthVM } from '../../contracts/operations';
import { err, ok, type Result } from '../../domain/result';
import type { ParkedWrites } from '../actions/parked-writes';
import type { DeadLetters, ListedDeadLetter } from '../jobs/dead-letters';
import { dailySchedulerId, JOB_NAMES, type JobQueues } from '../jobs/queues';
import type { LedgerStore } from '../ledger/ledger-store';
import type { PortalRegistry } from '../portals/portal-registry';
import type { PortalParks } from '../rate/portal-park';
import { TIER_PER_10S, type RateLimitTier } from '../rate/rate-budget';
import type { TaskClaims } from '../scheduling/task-claims';
import type { PortalSettings } from '../settings/settings-service';
import type { PoisonedCompanies, PoisonStage } from '../sync/poisoned-companies';
import type { RefreshService } from '../sync/refresh-portal';
import { queueDepth } from './queue-depth';
import type { UsageCounters } from './usage';

/**
 * HubSpot's daily limit per app tier (usage guidelines): OAuth apps from the marketplace have none; private
 * apps have their account tier's. 'private-addon' (250 per 10 s) counts as the smallest account that can buy
 * the increase: Starter's 250,000 plus one 1,000,000 increase.
 */
export const DAILY_LIMIT: Record<RateLimitTier, number | null> = {
  marketplace: null, 'private-starter': 250_000, 'private-pro': 625_000, 'private-addon': 1_250_000,
};

export interface SyncHealthDeps {
  readonly portals: Pick<PortalRegistry, 'get'>;
  readonly settings: { read(portalId: string): Promise<Pick<PortalSettings, 'adminUserIds'>> };
  readonly deadLetters: DeadLetters;
  readonly poisoned: Pick<PoisonedCompanies, 'release'>;
  readonly claims: Pick<TaskClaims, 'releaseRejected'>;
  readonly ledger: Pick<LedgerStore, 'markDirty' | 'countDirtyCompanies'>;
  readonly queues: Pick<JobQueues, 'sync' | 'scheduling' | 'refresh' | 'requestRefresh'>;
  readonly webhookQueue: Queue;
  readonly refresh: Pick<RefreshService, 'runsSince'>;
  readonly usage: Pick<UsageCounters, 'dailyCalls'>;
  readonly parks: Pick<PortalParks, 'parkedUntil'>;
  readonly parkedWrites: Pick<ParkedWrites, 'count'>;
  /** How long a retried company waits for more changes before its refresh (the continuous sync's debounce). */
  readonly debounceMs: number;
}

export type OperationsFailure = Extract<OperationsErrorCode, 'not_admin' | 'not_found'>;

const JOB_QUEUE: Record<string, 'sync' | 'scheduling' | 'refresh'> = {
  [JOB_NAMES.sync]: 'sync', [JOB_NAMES.schedule]: 'scheduling', [JOB_NAMES.dailyPass]: 'scheduling', [JOB_NAMES.refresh]: 'refresh',
};
const COMPANY_STAGE: Record<string, PoisonStage> = { 'sync-company': 'sync', 'scheduling-company': 'scheduling' };

const sourceOf = (kind: string): DeadLetterSource => (kind in JOB_QUEUE ? 'job' : kind === 'create-task' ? 'task' : 'company');

function toVM(l: ListedDeadLetter): DeadLetterVM {
  const source = sourceOf(l.kind);
  return {
    id: l.id, at: l.at, source, kind: l.kind, ref: l.ref, reason: l.reason, attempts: l.attempts ?? null,
    companyId: source === 'company' ? l.ref : l.companyId ?? null,
  };
}

/**
 * The settings page's sync health and its dead-letter actions. A retried job runs again with fresh attempts; a
 * retried company (a pass could not process it) or rejected task has its failure forgotten and the company
 * synced and planned again — the result is in HubSpot after the next refresh, or a new dead letter says why not.
 */
export function createSyncHealth(deps: SyncHealthDeps) {
  const queueOf = { sync: deps.queues.sync, scheduling: deps.queues.scheduling, refresh: deps.queues.refresh } as const;
  const isAdmin = async (portalId: string, userId: string | undefined) =>
    userId !== undefined && (await deps.settings.read(portalId)).adminUserIds.includes(userId);

  const replanCompany = async (portalId: string, companyId: string) => {
    await deps.ledger.markDirty(portalId, [companyId]);
    await deps.queues.requestRefresh(portalId, deps.debounceMs);
  };

  /** Runs the letter's work again: the failed job itself while BullMQ keeps it, else a sync of what it was about. */
  async function retry(portalId: string, letter: ListedDeadLetter): Promise<RetriedVM['retried']> {
    const queueName = JOB_QUEUE[letter.kind];
    if (queueName) {
      const job = await queueOf[queueName].getJob(letter.ref);
      // The letter is the portal's, and so must the job be: never touch another portal's work.
      if (job && (job.data as { portalId?: unknown }).portalId === portalId && (await job.getState()) === 'failed') {
        await job.retry('failed', { resetAttemptsMade: true });
        return 'job';
      }
      // The failed job is gone (kept 14 days): the continuous sync picks up whatever it left unsynced.
      await deps.queues.requestRefresh(portalId, deps.debounceMs);
      return 'sync';
    }
    const stage = COMPANY_STAGE[letter.kind];
    if (stage) {
      await deps.poisoned.release(portalId, stage, letter.ref);
      await replanCompany(portalId, letter.ref);
      return 'sync';
    }
    await deps.claims.releaseRejected(portalId, letter.ref);
    if (letter.companyId) await replanCompany(portalId, letter.companyId);
    // An older letter names no company: the daily pass plans every company again.
    return 'sync';
  }

  return {
    /** Undefined when the portal has not installed the app. */
    async view(portalId: string, userId: string | undefined): Promise<SyncHealthVM | undefined> {
      const portal = await deps.portals.get(portalId);
      if (!portal) return undefined;
      const nowMs = Date.now();
      const [runs, scheduler, pending, queues, letters, total, calls, canAct, parkedUntil, waitingWrites] = await Promise.all([
        deps.refresh.runsSince(portalId, 0),
        deps.queues.scheduling.getJobScheduler(dailySchedulerId(portalId)),
        deps.ledger.countDirtyCompanies(portalId),
        Promise.all([queueDepth('sync', deps.queues.sync, nowMs), queueDepth('scheduling', deps.queues.scheduling, nowMs), queueDepth('refresh', deps.queues.refresh, nowMs), queueDepth('webhooks', deps.webhookQueue, nowMs)]),
        deps.deadLetters.list(portalId, 100),
        deps.deadLetters.count(portalId),
        deps.usage.dailyCalls(portalId, portal.timeZone),
        isAdmin(portalId, userId),
        deps.parks.parkedUntil(portalId),
        deps.parkedWrites.count(portalId),
      ]);
      const last = runs.at(-1);
      return {
        portalId, generatedAt: new Date(nowMs).toISOString(), timeZone: portal.timeZone, currency: portal.currency,
        lastRun: last ? {
          at: last.startedAt, companies: last.companies, seconds: last.seconds, rollupsWritten: last.sync?.written ?? 0,
          tasksCreated: last.scheduling?.created ?? 0, tasksUpdated: last.scheduling?.updated ?? 0,
          tasksClosed: last.scheduling?.closed ?? 0, tasksRejected: last.scheduling?.rejected ?? 0,
        } : null,
        dailyRun: { at: portal.dailyRunAt, next: scheduler?.next ? new Date(scheduler.next).toISOString() : null },
        pendingCompanies: pending,
        queues,
        deadLetters: { total, items: letters.map(toVM) },
        hubspotCalls: { ...calls, dailyLimit: DAILY_LIMIT[portal.tier], per10Seconds: TIER_PER_10S[portal.tier] },
        dailyLimitPause: { until: parkedUntil === undefined ? null : new Date(parkedUntil).toISOString(), waitingWrites },
        canAct,
      };
    },

    async retry(portalId: string, userId: string | undefined, letterId: string): Promise<Result<RetriedVM, OperationsFailure>> {
      if (!(await isAdmin(portalId, userId))) return err('not_admin');
      const letter = await deps.deadLetters.get(portalId, letterId);
      if (!letter) return err('not_found');
      const retried = await retry(portalId, letter);
      // Gone from the list once it is on its way: a new failure writes a new letter.
      await deps.deadLetters.remove(portalId, letterId);
      return ok({ id: letterId, retried });
    },

    async discard(portalId: string, userId: string | undefined, letterId: string): Promise<Result<void, OperationsFailure>> {
      if (!(await isAdmin(portalId, userId))) return err('not_admin');
      return (await deps.deadLetters.remove(portalId, letterId)) ? ok(undefined) : err('not_found');
    },
  };
}
export type SyncHealth = ReturnType<typeof createSyncHealth>;
