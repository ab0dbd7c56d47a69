import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectFault } from '../../../src/sandbox/faults';
import { createJobQueues } from '../../../src/server/jobs/queues';
import { createRedis } from '../../../src/server/infra/redis';
import { invoiceFor, startHarness, type Harness } from '../hubspot/harness';
import { testRedisUrl } from '../../support/redis';

const COMPANIES = 800;
let h: Harness;
const started: ResultPromise[] = [];

function startWorkerProcess(): ResultPromise {
  const child = execa('node', ['--import', 'tsx', 'src/server/jobs/worker-process.ts',
    '--redis-url', testRedisUrl(), '--prefix', h.prefix, '--lock-ms', '5000', '--stalled-ms', '2000', '--claim-lease-ms', '3000'], {
    env: { TOKEN_ENCRYPTION_KEY: h.tokenKey.toString('base64'), LOG_LEVEL: process.env.WORKER_LOG_LEVEL ?? 'silent', NODE_ENV: 'test' },
    reject: false, stdout: { file: `/tmp/rd-worker-${started.length}.log` }, stderr: { file: `/tmp/rd-worker-${started.length}.err` },
  });
  started.push(child);
  return child;
}

let describeJobs = async (): Promise<string> => '';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${await describeJobs()}`);
    await sleep(100);
  }
}

beforeAll(async () => {
  // Real clock: the worker process plans with its own clock, so the test must too.
  h = await startHarness({ companies: COMPANIES, validate: false, now: () => new Date() });
  const invoices = h.companyIds.flatMap((id, i) => [invoiceFor(id, 1, '2026-10-01', 50_000 + i), invoiceFor(id, 2, '2026-11-02', 7_000 + i)]);
  await h.ledger.upsertInvoices(h.portalId, invoices);
}, 60_000);

afterAll(async () => {
  for (const child of started) child.kill('SIGKILL');
  await h.close();
});

describe('a worker process killed mid-run', () => {
  it('when SIGKILLed during sync and scheduling and restarted, then every company is synced and every task exists exactly once', async () => {
    const redis = createRedis(testRedisUrl(), 'worker');
    const queues = createJobQueues({ connection: redis, prefix: h.prefix });
    // Slow writes down so the kill lands in the middle of both runs (and with requests in flight). Both runs keep
    // four writes in flight: 800 companies are two rounds of four batches, so the tasks' round must outlast the
    // rollups' first one, or every task exists before the first rollups do.
    injectFault(h.sandbox.state, h.hub.hubId, { pathPattern: 'companies/batch/update$', kind: 'delay', ms: 3000, count: 1000 });
    injectFault(h.sandbox.state, h.hub.hubId, { pathPattern: 'tasks/batch/create$', kind: 'delay', ms: 4000, count: 1000 });
    describeJobs = async () => JSON.stringify(await Promise.all([queues.sync, queues.scheduling].map(async (q) => {
      const job = (await q.getJobs(['active', 'waiting', 'delayed', 'failed', 'completed']))[0];
      return job && { state: await job.getState(), failedReason: job.failedReason, stalledCounter: job.stalledCounter, attemptsMade: job.attemptsMade };
    })));
    const first = startWorkerProcess();
    const syncId = await queues.enqueueSync({ portalId: h.portalId }, 'crash-test');
    const scheduleId = await queues.enqueueScheduling({ portalId: h.portalId }, 'crash-test');
    const synced = () => h.companyIds.filter((id) => h.hub.getObject('companies', id)!.properties.rd_last_sync).length;
    await until('a first task batch and rollup batch', () => h.hub.listObjects('tasks').length >= 100 && synced() >= 100);
    first.kill('SIGKILL');
    await first;
    const tasksAtKill = h.hub.listObjects('tasks').length;
    expect(tasksAtKill).toBeLessThan(COMPANIES); // really mid-run
    expect(synced()).toBeLessThan(COMPANIES);

    startWorkerProcess();
    await until('both jobs completed', async () =>
      (await queues.sync.getJobState(syncId)) === 'completed' && (await queues.scheduling.getJobState(scheduleId)) === 'completed');

    // Every company with a ledger has its rollup.
    for (const id of h.companyIds) expect(h.hub.getObject('companies', id)!.properties.rd_last_sync).toBeTruthy();
    // Every task exactly once, and a fresh run finds nothing left to create or write.
    const keys = h.hub.listObjects('tasks').map((t) => t.properties.rd_action_key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThan(100);
    const again = await h.services.scheduling.schedulePortal(h.portalId);
    expect(again).toMatchObject({ created: 0, rejected: 0, busy: 0 });
    expect(again.alreadyCreated + again.recovered).toBe(again.planned);
    expect(await h.services.deadLetters.list(h.portalId)).toEqual([]);
    expect(h.hub.listObjects('tasks')).toHaveLength(keys.length);
    // Scheduling records actions in the ledger history, which moves rollups (dunning stage, next action):
    // one more sync writes those; the one after that has nothing left to write.
    await h.services.sync.syncPortal(h.portalId);
    expect((await h.services.sync.syncPortal(h.portalId)).written).toBe(0);
    await queues.close();
    await redis.quit();
  }, 120_000);
});
