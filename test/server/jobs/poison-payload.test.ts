import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis } from '../../../src/server/infra/redis';
import { createJobQueues, JOB_NAMES } from '../../../src/server/jobs/queues';
import { startWorkers } from '../../../src/server/jobs/workers';
import { startHarness, type Harness } from '../hubspot/harness';
import { testRedisUrl } from '../../support/redis';

let h: Harness;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
beforeAll(async () => { h = await startHarness({ companies: 1 }); }, 60_000);
afterAll(async () => h.close());

describe('job payloads', () => {
  it('when a job carries a payload its schema refuses (an older version wrote it), then it fails once as unrecoverable and is dead-lettered', async () => {
    const redis = createRedis(testRedisUrl(), 'worker');
    const queues = createJobQueues({ connection: redis, prefix: h.prefix });
    const workers = startWorkers({ connectionUrl: testRedisUrl(), prefix: h.prefix, services: h.services, log: quiet });
    try {
      // Straight onto the queue, past enqueueSync's own check: the way a payload of an older release would sit there.
      const job = await queues.sync.add(JOB_NAMES.sync, { portalId: h.portalId, companyIds: ['not-a-company-id'] });
      const end = Date.now() + 20_000;
      while ((await job.getState()) !== 'failed') {
        if (Date.now() > end) throw new Error(`job is ${await job.getState()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const failed = (await queues.sync.getJob(job.id!))!;
      expect(failed.attemptsMade).toBe(1);
      expect(failed.failedReason).toMatch(/invalid sync-portal payload: companyIds\.0/);
      await expect.poll(() => h.services.deadLetters.list(h.portalId)).toEqual([
        expect.objectContaining({ kind: JOB_NAMES.sync, ref: job.id, attempts: 1, reason: expect.stringContaining('invalid sync-portal payload') }),
      ]);
    } finally {
      await workers.close();
      await queues.close();
      await redis.quit();
    }
  });
});
