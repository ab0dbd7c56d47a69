import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectFault } from '../../../src/sandbox/faults';
import { createRedis } from '../../../src/server/infra/redis';
import { createJobQueues } from '../../../src/server/jobs/queues';
import { startWorkers } from '../../../src/server/jobs/workers';
import { invoiceFor, startHarness, type Harness } from '../hubspot/harness';
import { testRedisUrl } from '../../support/redis';

const COMPANIES = 150;
let h: Harness;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  h = await startHarness({ companies: COMPANIES, validate: false, tier: 'marketplace', now: () => new Date() });
  await h.ledger.upsertInvoices(h.portalId, h.companyIds.map((id, i) => invoiceFor(id, 1, '2026-10-05', 40_000 + i)));
}, 60_000);
afterAll(async () => h.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('HubSpot failing under load', () => {
  it('when the sandbox answers a 429 storm, 423s and a burst of 5xx, then every rollup and task still arrives exactly once', async () => {
    const state = h.sandbox.state;
    injectFault(state, h.hub.hubId, { pathPattern: 'companies/batch/update$', kind: 'status', status: 429, policyName: 'TEN_SECONDLY_ROLLING', count: 3 });
    injectFault(state, h.hub.hubId, { pathPattern: 'tasks/batch/create$', kind: 'status', status: 503, count: 3 });
    injectFault(state, h.hub.hubId, { pathPattern: 'tasks/batch/create$', kind: 'status', status: 502, count: 2 });
    injectFault(state, h.hub.hubId, { pathPattern: 'tasks/batch/create$', kind: 'status', status: 423, count: 1 });
    injectFault(state, h.hub.hubId, { pathPattern: '/crm/v3/properties/', kind: 'status', status: 500, count: 2 });

    const redis = createRedis(testRedisUrl(), 'worker');
    const queues = createJobQueues({ connection: redis, prefix: h.prefix });
    const workers = startWorkers({ connectionUrl: testRedisUrl(), prefix: h.prefix, services: h.services, log: quiet });
    try {
      const syncId = await queues.enqueueSync({ portalId: h.portalId }, 'storm');
      const scheduleId = await queues.enqueueScheduling({ portalId: h.portalId }, 'storm');
      const end = Date.now() + 100_000;
      while ((await queues.sync.getJobState(syncId)) !== 'completed' || (await queues.scheduling.getJobState(scheduleId)) !== 'completed') {
        if (Date.now() > end) throw new Error('jobs did not complete');
        await sleep(200);
      }
    } finally {
      await workers.close();
      await queues.close();
      await redis.quit();
    }
    // The faults really happened…
    expect(h.calls(/companies\/batch\/update/, 429)).toBe(3);
    expect(h.calls(/tasks\/batch\/create/, 503) + h.calls(/tasks\/batch\/create/, 502)).toBe(5);
    // …and nothing was lost or doubled.
    for (const id of h.companyIds) expect(h.hub.getObject('companies', id)!.properties.rd_last_sync).toBeTruthy();
    const keys = h.hub.listObjects('tasks').map((t) => t.properties.rd_action_key);
    expect(keys.length).toBeGreaterThanOrEqual(COMPANIES);
    expect(new Set(keys).size).toBe(keys.length);
    expect(await h.services.deadLetters.list(h.portalId)).toEqual([]);
    // Our own budget never caused a 429: only the three injected ones were seen.
    expect(h.calls(undefined, 429)).toBe(3);
  }, 120_000);
});
