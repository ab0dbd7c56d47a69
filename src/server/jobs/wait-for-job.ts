import { Job, QueueEvents, type Queue } from 'bullmq';
import { createRedis } from '../infra/redis';

/** Waits until the given job has finished and returns its result (the start-up demo waits for its first runs). */
export async function waitForJob<T>(queue: Queue, jobId: string, redisUrl: string, timeoutMs = 300_000): Promise<T> {
  const connection = createRedis(redisUrl, 'worker');
  const events = new QueueEvents(queue.name, { connection, prefix: queue.opts.prefix });
  try {
    await events.waitUntilReady();
    const job = await Job.fromId(queue, jobId);
    if (!job) throw new Error(`job ${jobId} not found in ${queue.name}`);
    return (await job.waitUntilFinished(events, timeoutMs)) as T;
  } finally {
    await events.close();
    await connection.quit().catch(() => connection.disconnect());
  }
}
