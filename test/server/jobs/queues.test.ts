import { afterAll, describe, expect, it } from 'vitest';
import { createJobQueues, scheduleJobId, syncJobId } from '../../../src/server/jobs/queues';
import { retryDelay } from '../../../src/server/jobs/workers';
import { GatewayError } from '../../../src/server/hubspot/gateway-error';
import { testRedis, uniquePrefix } from '../../support/redis';

const redis = testRedis();
afterAll(async () => redis.quit());

describe('job queues', () => {
  it('when the daily run is upserted twice, then one scheduler runs at 07:00 in the portal zone', async () => {
    const queues = createJobQueues({ connection: redis, prefix: uniquePrefix('q') });
    const portal = { portalId: '42', timeZone: 'America/New_York', country: 'US', tier: 'marketplace' as const, basePath: 'https://api.hubapi.com', currency: 'USD', dailyRunAt: '07:00' };
    await queues.upsertDailyScheduling(portal);
    await queues.upsertDailyScheduling(portal);
    const schedulers = await queues.scheduling.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ key: 'daily-42', pattern: '0 7 * * *', tz: 'America/New_York' });
    await queues.close();
  });

  it('when the same on-demand run is enqueued twice, then one job exists, with an id BullMQ accepts', async () => {
    const queues = createJobQueues({ connection: redis, prefix: uniquePrefix('q') });
    const a = await queues.enqueueSync({ portalId: '42' }, 'import:2026-11-23');
    const b = await queues.enqueueSync({ portalId: '42' }, 'import:2026-11-23');
    expect(a).toBe(b);
    expect(a).not.toContain(':');
    expect(await queues.sync.getJobCounts('waiting')).toEqual({ waiting: 1 });
    await expect(queues.enqueueScheduling({ portalId: 'not-a-portal' } as never, 'x')).rejects.toThrow();
    expect(syncJobId('1', 'a:b')).toBe('sync-1-a_b');
    expect(scheduleJobId('1', 'daily')).toBe('schedule-1-daily');
    await queues.close();
  });

  it('when a job fails with a HubSpot verdict, then its retry waits as long as HubSpot asked', () => {
    expect(retryDelay(1, new GatewayError('x', { kind: 'retry', delayMs: 10_000, reason: 'rate limit' }, 429))).toBe(10_000);
    expect(retryDelay(3, new Error('boom'))).toBeGreaterThan(0);
  });
});
