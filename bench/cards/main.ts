/**
 * `npm run bench:cards`: the first open of the Receivables card — what a person waits for when they open a
 * company record — through the production composition (composeBackend in a child process: signature check,
 * the real calendar provider, the Redis ledger store), 50 concurrent signed requests, each for a different
 * company, so no request finds a view cache entry or a parsed ledger left by another.
 *
 * Two sizes: ≥ 300 companies with 500 open invoices each, and companies with 5,000 open invoices each (the
 * table paged server-side, 25 rows). Anchor, in the same run and on the same machine: a bare Express 5 route
 * answering the very bytes each request got, with the same concurrency.
 *
 * The production path of a first open: the continuous sync has precomputed each company's first page after
 * its ledger last changed (cards/receivables-views.ts, timed and printed apart), so the open is one Redis round
 * trip. Also printed: the worst case, a first open right after a change and before the refresh ran, which
 * computes the view from the ledger (no view cache, no parsed-ledger LRU entry for that revision).
 *
 * Third case, the app home's call list: a portal of 10,000 companies (BENCH_HOME_COMPANIES), 20 concurrent signed
 * requests (HubSpot allows 20 concurrent hubspot.fetch calls per app and account), each a different page, sort or
 * filter, with the same anchor and ratio. What is cached, said plainly: the server process keeps each portal's
 * ranked list for the portal's day (call-list-service.ts; a refresh recomputes only the changed companies; the
 * morning's refresh builds the new day's list for a portal whose app home was used that week), so a first
 * request without a list plans and ranks every customer — printed apart as the cold first request, the worst
 * case — and every later request, whatever its page, sort or filter, picks its page from that list in one pass.
 * No answer is cached per query.
 *
 * Leaves out: HubSpot's own proxy hop and the network between HubSpot and the backend (both add the same to
 * every variant), TLS, and Redis on another host (here a private redis-server over a unix socket).
 * Env: REDIS_URL (else a private redis-server), BENCH_CONNECTIONS (50), BENCH_COMPANIES (300), BENCH_BIG_COMPANIES (60),
 * BENCH_HOME_COMPANIES (10,000; 0 skips the call list), BENCH_CPU_PROF (a directory: the server children write
 * V8 CPU profiles there, node --cpu-prof).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startPrivateRedis } from '../../src/server/infra/redis-server';
import { connectionPool, runEachOnce, type LoadResult } from './load';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PUBLIC_BASE_URL = 'https://rd.bench.example';

interface ServerInfo { warmMs: number; port: number; anchorPort: number; portalId: string; companyIds: string[] }
interface Size { label: string; companies: number; invoices: number; targetP95Ms: number }

const SIZES: readonly Size[] = [
  { label: '500 open invoices', companies: Number(process.env.BENCH_COMPANIES ?? 300), invoices: 500, targetP95Ms: 50 },
  { label: '5,000 open invoices', companies: Number(process.env.BENCH_BIG_COMPANIES ?? 60), invoices: 5_000, targetP95Ms: 150 },
];

/** The card server child; its first stdout line is its JSON info, later lines acknowledge recorded bodies. */
async function startServer<I = ServerInfo>(env: Record<string, string>, script = './card-server.ts'): Promise<{ child: ChildProcess; info: I; send: (command: object) => Promise<void> }> {
  // BENCH_CPU_PROF=<dir>: the server child writes a V8 CPU profile there when it stops (node --cpu-prof).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', fileURLToPath(new URL(script, import.meta.url))], {
    env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const nextLine = () => new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`card server exited early (code ${code})`)));
  });
  const info = JSON.parse(await nextLine()) as I;
  const send = async (command: object) => {
    const ack = nextLine();
    child.stdin!.write(`${JSON.stringify(command)}\n`);
    await ack;
  };
  return { child, info, send };
}

const stop = (child: ChildProcess) => new Promise<void>((resolve) => {
  if (child.exitCode !== null) return resolve();
  child.once('exit', () => resolve());
  child.kill('SIGTERM');
});

const ms = (n: number) => `${n.toFixed(1)} ms`;
function print(label: string, r: LoadResult): void {
  console.log(`  ${label.padEnd(34)} p50 ${ms(r.p50).padStart(9)}  p95 ${ms(r.p95).padStart(9)}  p99 ${ms(r.p99).padStart(9)}  `
    + `${r.rps.toFixed(0).padStart(6)} req/s  ${r.requests} requests, ${r.errors} errors, ${(r.bytes / 1024).toFixed(1)} KB/response`);
}

async function measure(size: Size, redisUrl: string): Promise<boolean> {
  const secret = randomBytes(24).toString('base64url');
  const setup = Date.now();
  const server = await startServer({
    REDIS_URL: redisUrl, REDIS_PREFIX: `rdbench${randomBytes(3).toString('hex')}`, CLIENT_SECRET: secret, PUBLIC_BASE_URL,
    BENCH_COMPANIES: String(size.companies), BENCH_INVOICES: String(size.invoices),
  });
  try {
    console.log(`\n${size.label}: ${size.companies} companies, ${CONNECTIONS} concurrent signed first opens (setup ${((Date.now() - setup) / 1000).toFixed(1)} s, not measured)`);
    const { portalId, companyIds, port, anchorPort, warmMs } = server.info;
    console.log(`  views precomputed by the refresh: ${(warmMs / companyIds.length).toFixed(2)} ms per company (in the worker, after a change; not in the latencies below)`);
    // The query the card sends when it opens: the first page in its default order.
    const paths = companyIds.map((id) => `/api/cards/receivables?portalId=${portalId}&companyId=${id}&page=1&pageSize=25`);
    const pools = new Map([[port, connectionPool(CONNECTIONS)], [anchorPort, connectionPool(CONNECTIONS)]]);
    const load = (p: number, list = paths) => runEachOnce({ agent: pools.get(p)!, port: p, paths: list, quiet: list !== paths, publicBaseUrl: PUBLIC_BASE_URL, secret, connections: CONNECTIONS });
    // Warms the server process (JIT, sockets), not the views: companies this portal does not have (404s).
    await load(port, Array.from({ length: 1000 }, (_, i) => `/api/cards/receivables?portalId=${portalId}&companyId=${800_000 + i}&page=1&pageSize=25`));
    await load(anchorPort, Array.from({ length: 1000 }, () => paths[0]!));
    const first = await load(port);
    print('first open (production path)', first);
    await server.send({ record: Object.fromEntries(first.bodies) });
    const anchor = await load(anchorPort);
    print('anchor: bare Express, same bytes', anchor);
    await server.send({ change: true });
    const stale = await load(port);
    print('first open after a change, before the refresh (computed)', stale);
    const ok = first.errors === 0 && first.p95 <= size.targetP95Ms;
    console.log(`  first open ÷ anchor: p95 ${(first.p95 / anchor.p95).toFixed(1)}×, p50 ${(first.p50 / anchor.p50).toFixed(1)}×`);
    console.log(`  target first-open p95 ≤ ${size.targetP95Ms} ms: ${ok ? 'met' : 'NOT met'}`);
    for (const pool of pools.values()) pool.destroy();
    return ok;
  } finally {
    await stop(server.child);
  }
}

const HOME_COMPANIES = Number(process.env.BENCH_HOME_COMPANIES ?? 10_000);
const HOME_CONNECTIONS = 20;
const HOME_TARGET_P95_MS = 100;

/** The queries a page sends: pages of the ranking, other sorts, segment, channel and currency filters. */
function callListPaths(portalId: string, companies: number): string[] {
  const sorts = ['-score', 'name', '-overdue', 'due'];
  const filters = ['', '&segment=at_risk', '&segment=low_hanging_fruit', '&segment=deprioritised', '&channel=phone', '&channel=email', '&currency=EUR'];
  const pages = Math.max(1, Math.floor(companies / 25));
  return Array.from({ length: 2_000 }, (_, i) =>
    `/api/home/call-list?portalId=${portalId}&scope=all&sort=${sorts[i % sorts.length]}${filters[i % filters.length]}&page=${1 + ((i * 37) % Math.min(pages, 40))}&pageSize=25`);
}

async function measureCallList(redisUrl: string): Promise<boolean> {
  const secret = randomBytes(24).toString('base64url');
  const setup = Date.now();
  const server = await startServer<{ port: number; anchorPort: number; portalId: string; companies: number }>({
    REDIS_URL: redisUrl, REDIS_PREFIX: `rdbench${randomBytes(3).toString('hex')}`, CLIENT_SECRET: secret, PUBLIC_BASE_URL,
    BENCH_COMPANIES: String(HOME_COMPANIES),
  }, './call-list-server.ts');
  try {
    const { port, anchorPort, portalId, companies } = server.info;
    console.log(`
app home call list: ${companies} companies, ${HOME_CONNECTIONS} concurrent signed requests (setup ${((Date.now() - setup) / 1000).toFixed(1)} s, not measured)`);
    const pools = new Map([[port, connectionPool(HOME_CONNECTIONS)], [anchorPort, connectionPool(HOME_CONNECTIONS)]]);
    const paths = callListPaths(portalId, companies);
    const load = (p: number, list: readonly string[], quiet = false) =>
      runEachOnce({ agent: pools.get(p)!, port: p, paths: list, quiet, publicBaseUrl: PUBLIC_BASE_URL, secret, connections: HOME_CONNECTIONS });
    // The portal's first request of the day: no list in the process yet, this request builds it.
    const cold = await load(port, paths.slice(0, 1));
    console.log(`  cold first request of the day (builds the list): ${ms(cold.p50)}${cold.errors ? ', FAILED' : ''}`);
    // Warms the process (JIT, sockets) on the list just built; then every later request of the day.
    await load(port, paths.slice(0, 200), true);
    await load(anchorPort, paths.slice(0, 200), true);
    const r = await load(port, paths);
    print('call list page (pages, sorts, filters)', r);
    await server.send({ record: Object.fromEntries(r.bodies) });
    const anchor = await load(anchorPort, paths);
    print('anchor: bare Express, same bytes', anchor);
    console.log(`  call list ÷ anchor: p95 ${(r.p95 / anchor.p95).toFixed(1)}×, p50 ${(r.p50 / anchor.p50).toFixed(1)}×`);
    for (const pool of pools.values()) pool.destroy();
    const ok = cold.errors === 0 && r.errors === 0 && r.p95 <= HOME_TARGET_P95_MS;
    console.log(`  target p95 ≤ ${HOME_TARGET_P95_MS} ms at ${HOME_CONNECTIONS} concurrent (after the first request): ${ok ? 'met' : 'NOT met'}`);
    return ok;
  } finally {
    await stop(server.child);
  }
}

const privateRedis = process.env.REDIS_URL ? undefined : await startPrivateRedis();
try {
  const redisUrl = process.env.REDIS_URL ?? privateRedis!.url;
  let ok = true;
  for (const size of SIZES.filter((s) => s.companies > 0)) ok = (await measure(size, redisUrl)) && ok;
  if (HOME_COMPANIES > 0) ok = (await measureCallList(redisUrl)) && ok;
  console.log(`\nmachine: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}; `
    + 'load generator and server are separate processes on the same machine');
  if (!ok) process.exitCode = 1;
} finally {
  await privateRedis?.stop();
}
