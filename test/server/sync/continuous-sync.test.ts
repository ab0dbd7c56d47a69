import { afterAll, describe, expect, it } from 'vitest';
import { createJobQueues } from '../../../src/server/jobs/queues';
import { startWorkers, type WorkerServices } from '../../../src/server/jobs/workers';
import type { RefreshResult } from '../../../src/server/sync/refresh-portal';
import { createContinuousSync } from '../../../src/server/sync/continuous-sync';
import { testRedis, testRedisUrl, uniquePrefix } from '../../support/redis';

const redis = testRedis();
afterAll(async () => redis.quit());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The refresh queue with real BullMQ and Redis; the refresh itself is a stand-in that records when it ran
 * (the real one is exercised end to end by the month-in-the-life suite).
 */
function start(runMs: number) {
  const prefix = uniquePrefix('loop');
  const queues = createJobQueues({ connection: redis, prefix });
  const runs: { portalId: string; start: number; end: number }[] = [];
  const refresh: WorkerServices['refresh'] = {
    async refreshPortal(portalId) {
      const start = Date.now();
      await sleep(runMs);
      runs.push({ portalId, start, end: Date.now() });
      return { companies: 1, filed: 0, startedAt: new Date(start).toISOString(), began: start, seconds: runMs / 1000 } satisfies RefreshResult;
    },
    startDailyPass: async () => 0,
  };
  const workers = startWorkers({
    connectionUrl: testRedisUrl(), prefix, log: silent,
    services: { refresh, sync: {} as never, scheduling: {} as never, deadLetters: { add: async () => undefined } as never },
  });
  return {
    queues, runs,
    async idle(portalId: string) {
      while (await queues.refreshPending(portalId)) await sleep(20);
    },
    async close() { await workers.close(); await queues.close(); },
  };
}

describe('the continuous sync queue', () => {
  it('when fifty changes arrive within the debounce, then one refresh runs for them', async () => {
    const t = start(50);
    // The window opens with the first change and is not extended by later ones, so a steady trickle still syncs.
    await Promise.all(Array.from({ length: 50 }, () => t.queues.requestRefresh('11', 1000)));
    expect(await t.queues.refreshPending('11')).toBe(true);
    await t.idle('11');
    await sleep(300);
    expect(t.runs.map((r) => r.portalId)).toEqual(['11']);
    await t.close();
  });

  it('when changes arrive while the portal\'s refresh runs, then exactly one more runs, after it (never two at once)', async () => {
    const t = start(400);
    await t.queues.requestRefresh('12', 0);
    while (t.runs.length === 0 && !(await t.queues.refresh.getActiveCount())) await sleep(10);
    for (let i = 0; i < 20; i++) await t.queues.requestRefresh('12', 0);
    await sleep(100);
    await t.idle('12');
    await sleep(300);
    expect(t.runs).toHaveLength(2);
    expect(t.runs[1]!.start).toBeGreaterThanOrEqual(t.runs[0]!.end);
    await t.close();
  });

  it('when two portals change at once, then each gets its own refresh, side by side', async () => {
    const t = start(300);
    await t.queues.requestRefresh('13', 0);
    await t.queues.requestRefresh('14', 0);
    await t.idle('13');
    await t.idle('14');
    await sleep(100);
    expect(t.runs.map((r) => r.portalId).sort()).toEqual(['13', '14']);
    const [a, b] = t.runs;
    expect(a!.start < b!.end && b!.start < a!.end).toBe(true);
    await t.close();
  });
});

describe('the sweep', () => {
  it('when a portal has changed companies and no refresh pending (written by another process), then it asks for one, once', async () => {
    const requested: string[] = [];
    const dirty = new Map([['21', 3], ['22', 0]]);
    const pending = new Set<string>();
    const loop = createContinuousSync({
      debounceMs: 10,
      queues: {
        requestRefresh: async (portalId) => { requested.push(portalId); pending.add(portalId); },
        refreshPending: async (portalId) => pending.has(portalId),
      },
      ledger: { countDirtyCompanies: async (portalId) => dirty.get(portalId) ?? 0 },
      portals: { list: async () => [...dirty.keys()].map((portalId) => ({ portalId }) as never) },
      refresh: { startDailyPass: async () => 0, runsSince: async () => [] },
    });
    expect(await loop.sweep()).toBe(1);
    expect(await loop.sweep()).toBe(0);
    expect(requested).toEqual(['21']);
  });
});
