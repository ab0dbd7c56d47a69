// npm run bench:workers [portals] [companies per portal] — the daily reminder run of 20 portals (1,000 companies of
// 10 invoices each by default) done by standalone worker processes (src/server/jobs/worker-process.ts, what
// production runs beside the web process) on one Redis: first by one worker, then, on a fresh copy of the same
// portals, by two. Prints the elapsed time of each, the throughput ratio (two ÷ one; near 2× on a machine with a
// spare core per worker), and per portal the most HubSpot calls in any rolling 10 s and the 429s — each portal's
// budget is its own, shared by both processes through Redis, and must hold (≤ 110 per 10 s, no 429).
// Leaves out: the web process (card traffic), network latency to HubSpot (loopback), rollups (bench:sync). The
// sandbox and Redis run on the same machine and take CPU from the workers: on 2 CPUs, two workers cannot reach 2×.
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { execa, type ResultPromise } from 'execa';
import { dateInZone } from '../../src/domain/dates';
import { createRedis } from '../../src/server/infra/redis';
import { startPrivateRedis } from '../../src/server/infra/redis-server';
import { createJobQueues } from '../../src/server/jobs/queues';
import { createHubSpotServices } from '../../src/server/jobs/services';
import { createRedisLedgerStore } from '../../src/server/ledger/redis-ledger-store';
import { startSandbox } from '../../src/sandbox/server';
import type { RequestLogEntry } from '../../src/sandbox/crm/types';
import { invoicesFor, prng, WINDOW_CALLS, WINDOW_S } from '../sync/fixture';

const PORTALS = Number(process.argv[2] ?? 20);
const COMPANIES = Number(process.argv[3] ?? 1_000);
const PER_COMPANY = 10;

const privateRedis = await startPrivateRedis();
const redis = createRedis(privateRedis.url, 'worker');
const sandbox = await startSandbox({ validateWithOpenApi: false });
const tokenKey = randomBytes(32);
const today = dateInZone(new Date().toISOString(), 'Europe/Amsterdam');

/** The most calls that started within any rolling window of 10 s. */
function busiestWindow(log: readonly RequestLogEntry[]): number {
  const at = log.map((e) => e.at).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < at.length; i++) {
    while (at[i]! - at[j]! >= WINDOW_S * 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/** "POST …/batch/create 80, GET …/companies 20": where the calls went, so a difference between runs has a name. */
function callsByRoute(log: readonly RequestLogEntry[]): string {
  const counts = new Map<string, number>();
  for (const e of log) counts.set(`${e.method} ${e.path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`, (counts.get(`${e.method} ${e.path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([route, n]) => `${route} ${n}`).join(', ');
}

/** Fresh portals under their own prefix, registered with their tokens as an install leaves them. */
async function setUp(label: string) {
  const prefix = `benchwk${label}${Date.now()}`;
  const ledger = createRedisLedgerStore(redis, prefix);
  const services = createHubSpotServices({ redis, prefix, ledger, tokenKey });
  const rnd = prng(11);
  const hubs = [];
  for (let p = 0; p < PORTALS; p++) {
    const hub = sandbox.state.createPortal({ settings: { rateLimitTier: 'marketplace' } });
    const portalId = String(hub.hubId);
    await services.portals.register({ portalId, timeZone: 'Europe/Amsterdam', country: 'NL', tier: 'marketplace', basePath: sandbox.url });
    await services.tokens.save(portalId, { accessToken: sandbox.state.issueAccessToken(hub.hubId, { expiresInSeconds: 24 * 3600 }) });
    const owner = hub.createOwner({ email: `owner@p${p}.example`, firstName: 'Owner', lastName: String(p) }).id;
    let batch = [];
    for (let c = 0; c < COMPANIES; c++) {
      const id = hub.createObject('companies', { name: `Company ${p}-${c}`, domain: `c${c}.p${p}.example`, hubspot_owner_id: owner }).id;
      batch.push(...invoicesFor(id, PER_COMPANY, today, rnd));
      if (batch.length >= 5000) { await ledger.upsertInvoices(portalId, batch); batch = []; }
    }
    if (batch.length > 0) await ledger.upsertInvoices(portalId, batch);
    hubs.push(hub);
  }
  return { prefix, hubs };
}

function startWorker(prefix: string, n: number): ResultPromise {
  return execa('node', ['--import', 'tsx', 'src/server/jobs/worker-process.ts', '--redis-url', privateRedis.url, '--prefix', prefix], {
    env: { TOKEN_ENCRYPTION_KEY: tokenKey.toString('base64'), LOG_LEVEL: 'silent', NODE_ENV: 'production', REDIS_ALLOW_NO_PERSISTENCE: 'true' },
    reject: false, stdout: { file: `/tmp/rd-bench-worker-${n}.log` }, stderr: { file: `/tmp/rd-bench-worker-${n}.err` },
  });
}

async function run(label: string, workers: number) {
  const { prefix, hubs } = await setUp(label);
  const queues = createJobQueues({ connection: redis, prefix });
  const children = Array.from({ length: workers }, (_, n) => startWorker(prefix, n));
  // Wait until every process is up (its BullMQ workers registered), so start-up is not timed.
  const deadline = Date.now() + 60_000;
  while ((await queues.scheduling.getWorkers()).length < workers) {
    if (Date.now() > deadline) throw new Error('the worker processes did not start (see /tmp/rd-bench-worker-*.err)');
    await new Promise((r) => setTimeout(r, 100));
  }
  const started = performance.now();
  const ids = await Promise.all(hubs.map((hub) => queues.enqueueScheduling({ portalId: String(hub.hubId) }, 'bench')));
  for (;;) {
    const states = await Promise.all(ids.map((id) => queues.scheduling.getJobState(id)));
    if (states.some((s) => s === 'failed')) throw new Error(`a daily run failed: ${states.join(', ')}`);
    if (states.every((s) => s === 'completed')) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  const tasks = hubs.reduce((n, hub) => n + hub.listObjects('tasks').length, 0);
  const windows = hubs.map((hub) => busiestWindow(hub.requestLog));
  const throttled = hubs.reduce((n, hub) => n + hub.requestLog.filter((e) => e.status === 429).length, 0);
  const calls = hubs.reduce((n, hub) => n + hub.requestLog.length, 0);
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children);
  await queues.close();
  console.log(`\n${label}: ${workers} worker process${workers > 1 ? 'es' : ''}`);
  console.log(`  elapsed          ${seconds.toFixed(1)} s for ${PORTALS} portals × ${COMPANIES} companies (${tasks} tasks, ${calls} HubSpot calls)`);
  console.log(`  throughput       ${Math.round((PORTALS * COMPANIES) / seconds)} companies/s`);
  console.log(`  per portal       busiest rolling ${WINDOW_S} s: max ${Math.max(...windows)} calls (limit ${WINDOW_CALLS}); 429s in all: ${throttled}`);
  console.log(`  calls by route   ${callsByRoute(hubs.flatMap((hub) => hub.requestLog))}`);
  return seconds;
}

try {
  const one = await run('one', 1);
  const two = await run('two', 2);
  console.log(`\nthroughput two ÷ one: ${(one / two).toFixed(2)}× (target near 2×; machine load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs)`);
} finally {
  await sandbox.close();
  await redis.quit();
  await privateRedis.stop();
}
