/**
 * `npm run bench:debtor-page`: the debtor page of a customer with 200 open invoices (BENCH_INVOICES) under 50
 * concurrent requests (BENCH_CONNECTIONS) for 10 s (BENCH_SECONDS), through the production composition in a child
 * process (rate limiter, link lookup, ledger read, the reminder engine, interest per invoice, HTML), measured from
 * this process over keep-alive connections. Target: p95 < 50 ms.
 * Leaves out: TLS and a proxy in front, Redis on another host (here a private redis-server over a unix socket).
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startPrivateRedis } from '../../src/server/infra/redis-server';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TARGET_P95_MS = 50;

const redis = process.env.REDIS_URL ? undefined : await startPrivateRedis();
const redisUrl = process.env.REDIS_URL ?? redis!.url;
const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./page-server.ts', import.meta.url))], {
  env: { ...process.env, REDIS_URL: redisUrl, REDIS_PREFIX: `rdbenchdp${process.pid}` }, stdio: ['pipe', 'pipe', 'inherit'],
});
const { port, token } = JSON.parse(await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve))) as { port: number; token: string };

const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
const get = (path: string) => new Promise<{ status: number; bytes: number }>((resolve, reject) => {
  request({ host: '127.0.0.1', port, path, agent }, (res) => {
    let bytes = 0;
    res.on('data', (c: Buffer) => { bytes += c.length; });
    res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
  }).on('error', reject).end();
});

async function run(seconds: number): Promise<{ latencies: number[]; errors: number; bytes: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (Date.now() < until) {
      const start = performance.now();
      const r = await get(`/my/${token}`).catch(() => ({ status: 0, bytes: 0 }));
      latencies.push(performance.now() - start);
      if (r.status !== 200) errors++;
      bytes = r.bytes;
    }
  }));
  return { latencies: latencies.sort((a, b) => a - b), errors, bytes };
}

await run(2); // warm-up: JIT, sockets
const r = await run(SECONDS);
const pct = (p: number) => r.latencies[Math.min(r.latencies.length - 1, Math.floor((p / 100) * r.latencies.length))]!;
const p95 = pct(95);
console.log(`Debtor page, ${process.env.BENCH_INVOICES ?? 200} open invoices, ${CONNECTIONS} concurrent, ${SECONDS} s:`);
console.log(`  p50 ${pct(50).toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  p99 ${pct(99).toFixed(1)} ms  ${(r.latencies.length / SECONDS).toFixed(0)} req/s  ${r.latencies.length} requests, ${r.errors} errors, ${(r.bytes / 1024).toFixed(1)} KB/page`);
console.log(`  target p95 < ${TARGET_P95_MS} ms: ${p95 < TARGET_P95_MS ? 'met' : 'NOT met'}`);
agent.destroy();
child.stdin!.end();
await new Promise((resolve) => child.once('exit', resolve));
await redis?.stop();
process.exitCode = p95 < TARGET_P95_MS && r.errors === 0 ? 0 : 1;
