import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import { createRedis } from '../infra/redis';
import { isGatewayError } from '../hubspot/gateway-error';
import { OAuthInstallError } from '../hubspot/oauth-install';
import { PortalNotInstalledError } from '../portals/portal-registry';
import { backoffMs } from '../hubspot/retry-policy';
import { PortalParkedError } from '../rate/rate-budget';
import type { SchedulingService } from '../scheduling/schedule-portal';
import type { RefreshService } from '../sync/refresh-portal';
import type { SyncService } from '../sync/sync-portal';
import type { DeadLetters } from './dead-letters';
import { parsePayload } from './job-payload';
import { DEFAULT_JOB_OPTIONS, JOB_NAMES, QUEUES, RefreshPortalJob, SchedulePortalJob, SyncPortalJob, bullPrefix } from './queues';

export interface WorkerServices {
  readonly sync: SyncService;
  readonly scheduling: SchedulingService;
  readonly refresh: Pick<RefreshService, 'refreshPortal' | 'startDailyPass'>;
  readonly deadLetters: DeadLetters;
  /** Requests a refresh for portals with changed companies and none pending (the `sweep` job). */
  readonly sweep?: () => Promise<unknown>;
}

export interface WorkerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface StartWorkersOptions {
  readonly connectionUrl: string;
  readonly prefix: string;
  readonly services: WorkerServices;
  readonly log: WorkerLog;
  /** Portals processed in parallel per queue; each portal's pace is set by its rate budget. */
  readonly concurrency?: number;
  /** Short values only in crash tests: a killed worker's job is re-run after about lock + 2 × interval. */
  readonly lockDuration?: number;
  readonly stalledInterval?: number;
}

/** How often one job may be resumed after its worker died before it counts as failed (a crash loop, not a crash). */
export const MAX_STALLED_RUNS = 50;

/** Retry delay for BullMQ: the gateway's verdict when it has one (429 → ≥10 s, 423 → ≥2 s), else exponential. */
export function retryDelay(attemptsMade: number, err?: Error): number {
  if (isGatewayError(err) && err.verdict.kind !== 'permanent') return Math.max(1000, err.verdict.delayMs);
  return backoffMs(attemptsMade, 1000, 60_000);
}

const isPortalGone = (err: unknown): err is Error =>
  err instanceof PortalNotInstalledError || (err instanceof OAuthInstallError && err.failure.code === 'invalid_grant');

/** Parse → plain processor; maps gateway verdicts onto BullMQ: park → delayed, permanent → unrecoverable. */
async function runJob<T>(job: Job, token: string | undefined, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const parkMs = err instanceof PortalParkedError ? err.waitMs
      : isGatewayError(err) && err.verdict.kind === 'park' ? err.verdict.delayMs : undefined;
    if (parkMs !== undefined) {
      // The daily limit is gone: wait for the reset without using up an attempt.
      await job.moveToDelayed(Date.now() + parkMs, token);
      throw new DelayedError();
    }
    if (isGatewayError(err) && err.verdict.kind === 'permanent') throw new UnrecoverableError(err.message);
    // The portal is gone or quarantined (its refresh refused): no retry can bring it back, a reinstall starts anew.
    if (isPortalGone(err)) throw new UnrecoverableError(err.message);
    throw err;
  }
}

/**
 * Tasks whose claims another run held were neither created nor given up: that run may have died holding them.
 * The job is tried again (after the usual backoff, when such a lease has expired), so the next attempt either
 * finds them created or recovers them — nothing is left out until the next daily pass.
 */
export function unlessBusy<T extends { busy: number }>(result: T): T {
  if (result.busy > 0) throw new Error(`${result.busy} tasks were held by another run; trying again`);
  return result;
}

export function startWorkers(opts: StartWorkersOptions): { close(): Promise<void> } {
  const connections = [createRedis(opts.connectionUrl, 'worker'), createRedis(opts.connectionUrl, 'worker'), createRedis(opts.connectionUrl, 'worker')];
  const common = {
    prefix: bullPrefix(opts.prefix),
    concurrency: opts.concurrency ?? 4,
    // A job whose worker died is picked up again, however often that happens in one run: every processor is
    // idempotent (claims, rollup hashes), so re-running costs time, never a duplicate. BullMQ's default (1)
    // failed a run for good when its worker was killed twice.
    maxStalledCount: MAX_STALLED_RUNS,
    settings: { backoffStrategy: (attemptsMade: number, _type?: string, err?: Error) => retryDelay(attemptsMade, err) },
    ...(opts.lockDuration ? { lockDuration: opts.lockDuration } : {}),
    ...(opts.stalledInterval ? { stalledInterval: opts.stalledInterval } : {}),
  };
  const { sync, scheduling, refresh, deadLetters } = opts.services;

  const syncWorker = new Worker(QUEUES.sync, async (job, token) => {
    const data = parsePayload(SyncPortalJob, job);
    return runJob(job, token, () => sync.syncPortal(data.portalId, data.companyIds ? { companyIds: data.companyIds } : {}));
  }, { ...common, connection: connections[0]! });

  const schedulingWorker = new Worker(QUEUES.scheduling, async (job, token) => {
    const data = parsePayload(SchedulePortalJob, job);
    // The daily scheduler's job hands every company to the continuous sync, which runs one job per portal at a time.
    if (job.name === JOB_NAMES.dailyPass) return refresh.startDailyPass(data.portalId);
    // The job id is the claim owner: a re-run of this job after a crash may take its own claims over at once.
    return runJob(job, token, async () => unlessBusy(await scheduling.schedulePortal(data.portalId, { owner: `job-${job.id}` })));
  }, { ...common, connection: connections[1]! });

  const refreshWorker = new Worker(QUEUES.refresh, async (job, token) => {
    if (job.name === JOB_NAMES.sweep) return opts.services.sweep?.();
    const data = parsePayload(RefreshPortalJob, job);
    return runJob(job, token, () => refresh.refreshPortal(data.portalId, { owner: `job-${job.id}` }));
  }, { ...common, connection: connections[2]! });

  for (const worker of [syncWorker, schedulingWorker, refreshWorker]) {
    worker.on('error', (err) => opts.log.error({ queue: worker.name, err: err.message }, 'worker error'));
    worker.on('completed', (job, result) => opts.log.info({ queue: worker.name, jobId: job.id, result }, 'job completed'));
    worker.on('failed', (job, err) => {
      if (!job) return;
      const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? DEFAULT_JOB_OPTIONS.attempts);
      opts.log.warn({ queue: worker.name, jobId: job.id, attemptsMade: job.attemptsMade, final, reason: err.message }, 'job failed');
      const portalId = (job.data as { portalId?: unknown }).portalId;
      if (final && typeof portalId === 'string') {
        void deadLetters.add(portalId, { kind: job.name, ref: job.id ?? '', reason: err.message, attempts: job.attemptsMade })
          .catch((e: Error) => opts.log.error({ err: e.message }, 'dead letter not recorded'));
      }
    });
  }

  return {
    async close() {
      await Promise.all([syncWorker.close(), schedulingWorker.close(), refreshWorker.close()]);
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
