import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectFault } from '../../src/sandbox/faults';
import { createRedis } from '../../src/server/infra/redis';
import { createJobQueues } from '../../src/server/jobs/queues';
import { invoiceFor, startHarness, type Harness } from '../server/hubspot/harness';
import { testRedisUrl } from '../support/redis';
import { recordFigures } from './support/figures';

/**
 * A reminder run whose worker process is SIGKILLed three times in a row, each time after it made progress,
 * and then left alone: the run resumes each time (stalled, not failed) and every task exists exactly once.
 */
const COMPANIES = 600;
const KILLS = 3;
let h: Harness;
const started: ResultPromise[] = [];

const startWorker = () => {
  const child = execa('node', ['--import', 'tsx', 'src/server/jobs/worker-process.ts',
    '--redis-url', testRedisUrl(), '--prefix', h.prefix, '--lock-ms', '3000', '--stalled-ms', '1000', '--claim-lease-ms', '3000'], {
    env: { TOKEN_ENCRYPTION_KEY: h.tokenKey.toString('base64'), LOG_LEVEL: 'silent', NODE_ENV: 'test' }, reject: false, stdio: 'ignore',
  });
  started.push(child);
  return child;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  h = await startHarness({ companies: COMPANIES, validate: false, now: () => new Date() });
  await h.ledger.upsertInvoices(h.portalId, h.companyIds.map((id, i) => invoiceFor(id, 1, '2026-10-01', 50_000 + i)));
}, 60_000);
afterAll(async () => {
  for (const child of started) child.kill('SIGKILL');
  await h.close();
});

describe('a worker killed again and again', () => {
  it(`when the worker of a reminder run is SIGKILLed ${KILLS} times in a row, then the run completes and every task exists once`, async () => {
    const redis = createRedis(testRedisUrl(), 'worker');
    const queues = createJobQueues({ connection: redis, prefix: h.prefix });
    // Slow task creation so each kill lands in the middle of the run.
    injectFault(h.sandbox.state, h.hub.hubId, { pathPattern: 'tasks/batch/create$', kind: 'delay', ms: 700, count: 10_000 });
    const tasks = () => h.hub.listObjects('tasks').length;
    const id = await queues.enqueueScheduling({ portalId: h.portalId }, 'kill-3x');
    for (let k = 0; k < KILLS; k++) {
      const worker = startWorker();
      const before = tasks();
      const end = Date.now() + 90_000;
      while (tasks() < before + 100) { if (Date.now() > end) throw new Error(`no progress after kill ${k}`); await sleep(100); }
      worker.kill('SIGKILL');
      await worker;
    }
    expect(tasks()).toBeLessThan(COMPANIES); // really killed mid-run, three times
    startWorker();
    const end = Date.now() + 180_000;
    while ((await queues.scheduling.getJobState(id)) !== 'completed') {
      const job = await queues.scheduling.getJob(id);
      if (Date.now() > end || (await job?.getState()) === 'failed') throw new Error(`run did not complete: ${job?.failedReason}`);
      await sleep(200);
    }
    const keys = h.hub.listObjects('tasks').map((t) => t.properties.rd_action_key);
    const doubled = keys.length - new Set(keys).size;
    const lost = COMPANIES - new Set(keys).size;
    recordFigures({ scenario: `reminder run, worker SIGKILLed ${KILLS}× in a row`, tried: COMPANIES, survived: COMPANIES - lost - doubled, lost, doubled, fiveXX: 0 });
    expect({ lost, doubled }).toEqual({ lost: 0, doubled: 0 });
    expect(await h.services.deadLetters.list(h.portalId)).toEqual([]);
    await queues.close();
    await redis.quit();
  });
});
