import { Queue, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';
import type { Portal } from '../portals/portal-registry';

/** Queue names and payloads. Payloads carry ids only: BullMQ stores job data in clear text (no tokens, no PII). */
export const QUEUES = { sync: 'sync', scheduling: 'scheduling' } as const;

const portalId = z.string().regex(/^\d+$/);
export const SyncPortalJob = z.object({ portalId, companyIds: z.array(z.string().regex(/^\d+$/)).max(10_000).optional() }).strict();
export type SyncPortalJob = z.infer<typeof SyncPortalJob>;
export const SchedulePortalJob = z.object({ portalId }).strict();
export type SchedulePortalJob = z.infer<typeof SchedulePortalJob>;

/** BullMQ job ids must not contain ':' and must not be all digits. */
const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');
export const syncJobId = (portalId: string, trigger: string) => `sync-${portalId}-${safe(trigger)}`;
export const scheduleJobId = (portalId: string, trigger: string) => `schedule-${portalId}-${safe(trigger)}`;
export const dailySchedulerId = (portalId: string) => `daily-${portalId}`;

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
  /** The daily reminder run at the portal's local time (idempotent upsert by portal). */
  upsertDailyScheduling(portal: Portal): Promise<void>;
  removeDailyScheduling(portalId: string): Promise<void>;
  readonly sync: Queue;
  readonly scheduling: Queue;
  close(): Promise<void>;
}

export function createJobQueues(opts: { connection: ConnectionOptions; prefix: string; onError?: (err: Error) => void }): JobQueues {
  const common = { connection: opts.connection, prefix: bullPrefix(opts.prefix), defaultJobOptions: DEFAULT_JOB_OPTIONS };
  const sync = new Queue(QUEUES.sync, common);
  const scheduling = new Queue(QUEUES.scheduling, common);
  for (const q of [sync, scheduling]) q.on('error', (err) => opts.onError?.(err));
  return {
    sync, scheduling,
    async enqueueSync(job, trigger) {
      const data = SyncPortalJob.parse(job);
      const added = await sync.add('sync-portal', data, { jobId: syncJobId(data.portalId, trigger) });
      return added.id!;
    },
    async enqueueScheduling(job, trigger) {
      const data = SchedulePortalJob.parse(job);
      const added = await scheduling.add('schedule-portal', data, { jobId: scheduleJobId(data.portalId, trigger) });
      return added.id!;
    },
    async upsertDailyScheduling(portal) {
      const [hour, minute] = portal.dailyRunAt.split(':').map(Number);
      await scheduling.upsertJobScheduler(dailySchedulerId(portal.portalId),
        { pattern: `${minute} ${hour} * * *`, tz: portal.timeZone },
        { name: 'schedule-portal', data: { portalId: portal.portalId }, opts: { ...DEFAULT_JOB_OPTIONS } });
    },
    async removeDailyScheduling(portalId) {
      await scheduling.removeJobScheduler(dailySchedulerId(portalId));
    },
    async close() {
      await Promise.all([sync.close(), scheduling.close()]);
    },
  };
}
