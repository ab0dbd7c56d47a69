/**
 * `npm run bench:cards`: the Receivables endpoint for a company with 500 open invoices, under 50 concurrent
 * signed requests, served from the Redis ledger (as served, with its 2 s view cache, and recomputed every request) — and the same endpoint reading the invoices from HubSpot (the
 * sandbox, through @hubspot/api-client) on each request. Prints p50/p95/p99, requests/s and the ratio.
 * Env: REDIS_URL (else a private redis-server), BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createRedis } from '../../src/server/infra/redis';
import { startPrivateRedis } from '../../src/server/infra/redis-server';
import { createRedisLedgerStore } from '../../src/server/ledger/redis-ledger-store';
import { benchInvoices, OPEN_INVOICES, PORTAL_ID } from './fixture';
import { runLoad, type LoadResult } from './load';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PUBLIC_BASE_URL = 'https://rd.bench.example';
const TARGET_P95_MS = 50;

/** Starts a TypeScript child with tsx and waits for its first stdout line (JSON). */
async function startChild<T>(file: string, env: Record<string, string>): Promise<{ child: ChildProcess; info: T }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(file, import.meta.url))], {
    env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${file} exited early (code ${code})`)));
  });
  return { child, info: JSON.parse(line) as T };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
function print(label: string, r: LoadResult): void {
  console.log(`${label.padEnd(28)} p50 ${ms(r.p50).padStart(9)}  p95 ${ms(r.p95).padStart(9)}  p99 ${ms(r.p99).padStart(9)}  `
    + `${r.rps.toFixed(0).padStart(6)} req/s  ${r.requests} requests, ${r.errors} errors, ${(r.bytes / 1024).toFixed(1)} KB/response`);
}

async function main(): Promise<void> {
  const privateRedis = process.env.REDIS_URL ? undefined : await startPrivateRedis();
  const redisUrl = process.env.REDIS_URL ?? privateRedis!.url;
  const prefix = `rdbench-${randomBytes(4).toString('hex')}`;
  const secret = randomBytes(24).toString('base64url');
  const children: ChildProcess[] = [];
  const redis = createRedis(redisUrl, 'worker');
  let cleanup = async (): Promise<void> => {};
  try {
    const sandbox = await startChild<{ url: string; token: string; companyId: string }>('./sandbox-process.ts', {});
    children.push(sandbox.child);
    const { companyId } = sandbox.info;
    const today = new Date().toISOString().slice(0, 10);
    const store = createRedisLedgerStore(redis, prefix);
    cleanup = () => store.deletePortal(PORTAL_ID);
    await store.upsertInvoices(PORTAL_ID, benchInvoices(companyId, today));
    const server = await startChild<{ port: number }>('./card-server.ts', {
      REDIS_URL: redisUrl, REDIS_PREFIX: prefix, CLIENT_SECRET: secret, PUBLIC_BASE_URL,
      SANDBOX_URL: sandbox.info.url, SANDBOX_TOKEN: sandbox.info.token,
    });
    children.push(server.child);

    const query = `?portalId=${PORTAL_ID}&companyId=${companyId}&page=1&pageSize=25&sort=-daysOverdue`;
    const load = (path: string) => runLoad({ port: server.info.port, path, publicBaseUrl: PUBLIC_BASE_URL, secret, connections: CONNECTIONS, seconds: SECONDS });
    console.log(`Receivables card API: ${OPEN_INVOICES} open invoices, ${CONNECTIONS} concurrent signed requests, ${SECONDS} s each (after 2 s warm-up)`);
    const fromLedger = await load(`/api/cards/receivables${query}`);
    print('from Redis ledger', fromLedger);
    const uncached = await load(`/api/cards-uncached/receivables${query}`);
    print('from Redis ledger, no cache', uncached);
    const fromHubSpot = await load(`/api/hubspot-cards/receivables${query}`);
    print('from HubSpot (sandbox)', fromHubSpot);
    console.log(`ratio HubSpot / ledger:          p95 ${(fromHubSpot.p95 / fromLedger.p95).toFixed(1)}x, `
      + `requests/s ${(fromLedger.rps / fromHubSpot.rps).toFixed(1)}x in favour of the ledger`);
    console.log(`ratio HubSpot / ledger no cache: p95 ${(fromHubSpot.p95 / uncached.p95).toFixed(1)}x, `
      + `requests/s ${(uncached.rps / fromHubSpot.rps).toFixed(1)}x in favour of the ledger`);
    const ok = fromLedger.p95 < TARGET_P95_MS && fromLedger.errors === 0;
    console.log(`target p95 < ${TARGET_P95_MS} ms from the ledger: ${ok ? 'met' : 'NOT met'} `
      + `(machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')})`);
    console.log('note: the sandbox runs with rate limits off; real HubSpot allows 110 requests / 10 s per portal, '
      + 'so the HubSpot-reading variant could serve about 18 card loads per 10 s at most (6 calls each).');
    if (!ok) process.exitCode = 1;
  } finally {
    // Children first (they hold Redis connections), then the data, then Redis itself.
    await Promise.all(children.map((c) => new Promise<void>((resolve) => {
      if (c.exitCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    })));
    await cleanup();
    await redis.quit();
    await privateRedis?.stop();
  }
}

await main();
