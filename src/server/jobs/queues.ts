import { Queue, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';
import type { Portal } from '../portals/portal-registry';

/** Queue names and payloads. Payloads carry ids only: BullMQ stores job data in clear text (no tokens, no PII). */
export const QUEUES = { sync: 'sync', scheduling: 'scheduling', refresh: 'refresh' } as const;

/** Job names: the daily scheduler's jobs are the daily pass (every company), not a plain scheduling run. */
export const JOB_NAMES = { sync: 'sync-portal', schedule: 'schedule-portal', dailyPass: 'daily-pass', refresh: 'refresh-portal', sweep: 'sweep' } as const;

const portalId = z.string().regex(/^\d+$/);
export const SyncPortalJob = z.object({ portalId, companyIds: z.array(z.string().regex(/^\d+$/)).max(10_000).optional() }).strict();
export type SyncPortalJob = z.infer<typeof SyncPortalJob>;
export const SchedulePortalJob = z.object({ portalId }).strict();
export type SchedulePortalJob = z.infer<typeof SchedulePortalJob>;
/** The continuous sync of one portal: which companies comes from the ledger's dirty set, not the payload. */
export const RefreshPortalJob = z.object({ portalId }).strict();
export type RefreshPortalJob = z.infer<typeof RefreshPortalJob>;

/** BullMQ job ids must not contain ':' and must not be all digits. */
const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');
export const syncJobId = (portalId: string, trigger: string) => `sync-${portalId}-${safe(trigger)}`;
export const scheduleJobId = (portalId: string, trigger: string) => `schedule-${portalId}-${safe(trigger)}`;
export const dailySchedulerId = (portalId: string) => `daily-${portalId}`;
export const refreshDedupId = (portalId: string) => `refresh-${portalId}`;
export const SWEEP_SCHEDULER_ID = 'sweep';

export const bullPrefix = (prefix: string) => `${prefix}:q`;

export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'hubspot' },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 5000 },
} as const;

export interface JobQueues {
  /** On demand: `trigger` makes the id deterministic (the same trigger twice enqueues once while it exists). */
  enqueueSync(job: SyncPortalJob, trigger: string): Promise<string>;
  enqueueScheduling(job: SchedulePortalJob, trigger: string): Promise<string>;
  /**
   * Asks for the continuous sync of the portal's changed companies after `delayMs` (the debounce). At most one
   * such job runs per portal and at most one waits: requests while one waits are coalesced into it, a request
   * while one runs leaves exactly one follow-up (BullMQ deduplication with keepLastIfActive).
   */
  requestRefresh(portalId: string, delayMs: number): Promise<void>;
  /** True while a refresh of the portal is waiting or running. */
  refreshPending(portalId: string): Promise<boolean>;
  /** A repeating job that looks for portals with changed companies and no refresh (writes from other processes). */
  upsertSweep(everyMs: number): Promise<void>;
  /** The daily reminder run at the portal's local time (idempotent upsert by portal). */
  upsertDailyScheduling(portal: Portal): Promise<void>;
  removeDailyScheduling(portalId: string): Promise<void>;
  readonly sync: Queue;
  readonly scheduling: Queue;
  readonly refresh: Queue;
  close(): Promise<void>;
}

export function createJobQueues(opts: { connection: ConnectionOptions; prefix: string; onError?: (err: Error) => void }): JobQueues {
  const common = { connection: opts.connection, prefix: bullPrefix(opts.prefix), defaultJobOptions: DEFAULT_JOB_OPTIONS };
  const sync = new Queue(QUEUES.sync, common);
  const scheduling = new Queue(QUEUES.scheduling, common);
  const refresh = new Queue(QUEUES.refresh, common);
  for (const q of [sync, scheduling, refresh]) q.on('error', (err) => opts.onError?.(err));
  return {
    sync, scheduling, refresh,
    async enqueueSync(job, trigger) {
      const data = SyncPortalJob.parse(job);
      const added = await sync.add(JOB_NAMES.sync, data, { jobId: syncJobId(data.portalId, trigger) });
      return added.id!;
    },
    async enqueueScheduling(job, trigger) {
      const data = SchedulePortalJob.parse(job);
      const added = await scheduling.add(JOB_NAMES.schedule, data, { jobId: scheduleJobId(data.portalId, trigger) });
      return added.id!;
    },
    async upsertDailyScheduling(portal) {
      const [hour, minute] = portal.dailyRunAt.split(':').map(Number);
      await scheduling.upsertJobScheduler(dailySchedulerId(portal.portalId),
        { pattern: `${minute} ${hour} * * *`, tz: portal.timeZone },
        { name: JOB_NAMES.dailyPass, data: { portalId: portal.portalId }, opts: { ...DEFAULT_JOB_OPTIONS } });
    },
    async requestRefresh(portalId, delayMs) {
      const data = RefreshPortalJob.parse({ portalId });
      await refresh.add(JOB_NAMES.refresh, data, {
        delay: delayMs, deduplication: { id: refreshDedupId(portalId), keepLastIfActive: true },
        // Runs are frequent and small: keep a short history.
        removeOnComplete: { age: 3600, count: 200 },
      });
    },
    async refreshPending(portalId) {
      return (await refresh.getDeduplicationJobId(refreshDedupId(portalId))) !== null;
    },
    async upsertSweep(everyMs) {
      await refresh.upsertJobScheduler(SWEEP_SCHEDULER_ID, { every: everyMs },
        { name: JOB_NAMES.sweep, data: {}, opts: { attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } } });
    },
    async removeDailyScheduling(portalId) {
      await scheduling.removeJobScheduler(dailySchedulerId(portalId));
    },
    async close() {
      await Promise.all([sync.close(), scheduling.close(), refresh.close()]);
    },
  };
}
