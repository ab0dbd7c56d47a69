/**
 * `npm run bench:debtor-page`: the debtor page of a customer with 200 open invoices (BENCH_INVOICES) under 50
 * concurrent requests (BENCH_CONNECTIONS) for 10 s (BENCH_SECONDS), through the production composition in a child
 * process, measured from this process over keep-alive connections. Target: p95 < 50 ms.
 *
 * Measures, per request: the rate limiter (two Redis round trips), the link lookup (hashed token), the ledger
 * revision, the portal's day and settings version (what a prepared page was built from), and sending the prepared
 * page (~120 KB) with the token and a fresh submission id. The page itself is built once per ledger revision,
 * language and day by whichever process asks first and shared through Redis (page-cache.ts): printed apart are the
 * cold first request (engine, interest per invoice, HTML, into Redis) and the first request of a second process on
 * the same Redis (the shared page, no rendering).
 * Anchor, same run and machine: a bare Express 5 route in the same child answering the very bytes of the page (no
 * ETag, as the page), at the same concurrency; the ratio says what the page's own work adds to serving its bytes.
 * Leaves out: TLS and a proxy in front, Redis on another host (here a private redis-server over a unix socket),
 * other traffic on the same process, and the load generator sharing the machine's CPUs (printed: load average).
 * Env: REDIS_URL (else a private redis-server), BENCH_INVOICES, BENCH_CONNECTIONS, BENCH_SECONDS, BENCH_PROF (a directory:
 * the server processes run with --cpu-prof and write their profiles there).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startPrivateRedis } from '../../src/server/infra/redis-server';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const INVOICES = Number(process.env.BENCH_INVOICES ?? 200);
const TARGET_P95_MS = 50;

interface Child { process: ChildProcess; port: number; anchorPort: number; token: string }
const redis = process.env.REDIS_URL ? undefined : await startPrivateRedis();
const redisUrl = process.env.REDIS_URL ?? redis!.url;
const prefix = `rdbenchdp${process.pid}`;

async function startChild(token?: string): Promise<Child> {
  const prof = process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROF] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', fileURLToPath(new URL('./page-server.ts', import.meta.url))], {
    env: { ...process.env, REDIS_URL: redisUrl, REDIS_PREFIX: prefix, ...(token ? { BENCH_TOKEN: token } : {}) }, stdio: ['pipe', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  return { process: child, ...(JSON.parse(line) as Omit<Child, 'process'>) };
}
const stopChild = async (c: Child) => { c.process.stdin!.end(); await new Promise((resolve) => c.process.once('exit', resolve)); };

const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
const get = (port: number, path: string) => new Promise<{ status: number; bytes: number }>((resolve, reject) => {
  request({ host: '127.0.0.1', port, path, agent }, (res) => {
    let bytes = 0;
    res.on('data', (c: Buffer) => { bytes += c.length; });
    res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
  }).on('error', reject).end();
});
async function timed(port: number, path: string): Promise<{ ms: number; status: number; bytes: number }> {
  const start = performance.now();
  const r = await get(port, path);
  return { ms: performance.now() - start, ...r };
}

interface Run { latencies: number[]; errors: number; bytes: number; seconds: number }
async function run(port: number, path: string, seconds: number): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (Date.now() < until) {
      const start = performance.now();
      const r = await get(port, path).catch(() => ({ status: 0, bytes: 0 }));
      latencies.push(performance.now() - start);
      if (r.status !== 200) errors++;
      bytes = r.bytes;
    }
  }));
  return { latencies: latencies.sort((a, b) => a - b), errors, bytes, seconds };
}
const pct = (r: Run, p: number) => r.latencies[Math.min(r.latencies.length - 1, Math.floor((p / 100) * r.latencies.length))]!;
const line = (label: string, r: Run) => `  ${label.padEnd(22)} p50 ${pct(r, 50).toFixed(1).padStart(6)} ms  p95 ${pct(r, 95).toFixed(1).padStart(6)} ms  p99 ${pct(r, 99).toFixed(1).padStart(6)} ms  ${(r.latencies.length / r.seconds).toFixed(0).padStart(5)} req/s  ${r.errors} errors  ${(r.bytes / 1024).toFixed(1)} KB`;

const loadBefore = loadavg();
const first = await startChild();
const page = `/my/${first.token}`;
const cold = await timed(first.port, page);
await run(first.port, page, 2); // warm-up: JIT, sockets
const pageRun = await run(first.port, page, SECONDS);
await run(first.anchorPort, '/anchor', 2);
const anchorRun = await run(first.anchorPort, '/anchor', SECONDS);
await stopChild(first);
const second = await startChild(first.token);
const shared = await timed(second.port, page);
await stopChild(second);
agent.destroy();
await redis?.stop();

const p95 = pct(pageRun, 95);
console.log(`Debtor page, ${INVOICES} open invoices, ${CONNECTIONS} concurrent, ${SECONDS} s each (${cpus().length} CPUs, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${loadavg().map((l) => l.toFixed(2)).join(' ')} after):`);
console.log(`  cold first request     ${cold.ms.toFixed(1)} ms (status ${cold.status}: this process's first calendar, the engine, interest per invoice, HTML, stored in Redis)`);
console.log(`  second process, first  ${shared.ms.toFixed(1)} ms (status ${shared.status}: this process's first calendar; the page another process built, read from Redis)`);
console.log(line('page (production path)', pageRun));
console.log(line('anchor (bare Express)', anchorRun));
console.log(`  ratio page/anchor: p50 ${(pct(pageRun, 50) / pct(anchorRun, 50)).toFixed(2)}×  p95 ${(p95 / pct(anchorRun, 95)).toFixed(2)}×`);
console.log(`  target p95 < ${TARGET_P95_MS} ms: ${p95 < TARGET_P95_MS ? 'met' : 'NOT met'}`);
process.exitCode = p95 < TARGET_P95_MS && pageRun.errors === 0 && cold.status === 200 && shared.status === 200 ? 0 : 1;
