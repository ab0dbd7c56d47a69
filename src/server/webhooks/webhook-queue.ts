import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { parsePayload } from '../jobs/job-payload';
import { bullPrefix, DEFAULT_JOB_OPTIONS } from '../jobs/queues';
import { MAX_STALLED_RUNS } from '../jobs/workers';
import { WebhookJob } from './webhook-events';

export const WEBHOOK_QUEUE = 'webhooks';

export interface WebhookQueue {
  /** Idempotent by jobId while the job exists (the receiver's SET NX covers the time after). */
  enqueue(job: WebhookJob): Promise<void>;
  readonly queue: Queue;
  close(): Promise<void>;
}

/** BullMQ job ids must not contain ':' nor be all digits. */
export const webhookJobId = (job: WebhookJob) => `wh-${job.portalId}-${job.events[0]?.eventId ?? 'none'}-${job.events.length}`;

export function createWebhookQueue(opts: { connection: ConnectionOptions; prefix: string; onError?: (err: Error) => void }): WebhookQueue {
  const queue = new Queue(WEBHOOK_QUEUE, { connection: opts.connection, prefix: bullPrefix(opts.prefix), defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, backoff: { type: 'exponential', delay: 1000 } } });
  queue.on('error', (err) => opts.onError?.(err));
  return {
    queue,
    async enqueue(job) {
      const data = WebhookJob.parse(job);
      await queue.add('webhook-events', data, { jobId: webhookJobId(data) });
    },
    close: () => queue.close(),
  };
}

/** The worker side: parse → plain processor (webhook-processor.ts). The lead's workers.ts may start it. */
export function startWebhookWorker(opts: {
  connection: ConnectionOptions;
  prefix: string;
  process: (job: WebhookJob) => Promise<unknown>;
  concurrency?: number;
  onError?: (err: Error) => void;
}): Worker {
  const worker = new Worker(WEBHOOK_QUEUE, async (job) => opts.process(parsePayload(WebhookJob, job)), {
    connection: opts.connection, prefix: bullPrefix(opts.prefix), concurrency: opts.concurrency ?? 4, maxStalledCount: MAX_STALLED_RUNS,
  });
  worker.on('error', (err) => opts.onError?.(err));
  // A delivery that finally failed is said out loud; HubSpot does not send it again (the receiver answered 200).
  worker.on('failed', (job, err) => { if (job && (job.attemptsMade >= (job.opts.attempts ?? 1) || err.name === 'UnrecoverableError')) opts.onError?.(new Error(`webhook job ${job.id} failed for good: ${err.message}`)); });
  return worker;
}
