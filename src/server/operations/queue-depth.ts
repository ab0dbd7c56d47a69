import type { Queue } from 'bullmq';
import type { QueueDepthVM } from '../../contracts/operations';

/** One queue's jobs by state and how long its oldest waiting job has waited (settings page and /metrics). */
export async function queueDepth(name: QueueDepthVM['name'], queue: Queue, nowMs: number): Promise<QueueDepthVM> {
  const [counts, [oldest]] = await Promise.all([queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized'), queue.getJobs(['waiting'], 0, 0, true)]);
  // A debounced job starts waiting only when its delay is over.
  const since = oldest ? oldest.timestamp + (oldest.opts.delay ?? 0) : nowMs;
  return {
    name, waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0), active: counts.active ?? 0, delayed: counts.delayed ?? 0, failed: counts.failed ?? 0,
    lagSeconds: Math.max(0, (nowMs - since) / 1000),
  };
}
