// npm run bench:freshness [companies=10000] [changed=1000] — how long after an accepted ingest request HubSpot is right.
//
// The path production takes: the backend composed by composeBackend (continuous sync with its production debounce,
// BullMQ workers, the per-portal rate budget) behind its HTTP ingest API, against the local HubSpot at the marketplace
// limit (110 requests per rolling 10 s, search 5/s). A portal of `companies` companies, each with one overdue invoice
// (a reminder task open in HubSpot) and one not yet due, is set up and synced first (not measured). Then, measured:
//   1. single company: one payment for one company's overdue invoice, 20 times one after the other;
//   2. a 1,000-company change: one request paying the overdue invoice of `changed` companies.
// Latency per company = from the ingest API's 200 until HubSpot shows the company's new rollup (open and overdue
// balance) AND its reminder task completed, read from the local HubSpot's state every 50 ms (the reads cost no budget).
// Left out: webhooks (not on this path), the network (everything on localhost; HubSpot's own answer time of
// ~100–300 ms per call would add about 2 s to the 1,000-company run at ~20 calls), OpenAPI validation in the sandbox
// (off, as in bench:sync), and other portals sharing the workers.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addDays, dateInZone } from '../../src/domain/dates';
import type { Invoice } from '../../src/domain/ledger';
import { money } from '../../src/domain/money';
import { startSandbox } from '../../src/sandbox/server';
import { composeBackend } from '../../src/server/compose';
import { loadConfig } from '../../src/server/config';
import { installLocalPortal } from '../../src/server/embedded/embedded-backend';
import { createLogger } from '../../src/server/infra/logger';
import { startPrivateRedis } from '../../src/server/infra/redis-server';

const COMPANIES = Number(process.argv[2] ?? 10_000);
const CHANGED = Number(process.argv[3] ?? 1000);
const SINGLE_SAMPLES = 20;
const TARGET = { single: 10, bulk: 30 };
const POLL_MS = 50;

const privateRedis = await startPrivateRedis();
const sandbox = await startSandbox({ validateWithOpenApi: false });
const hub = sandbox.state.createPortal({ settings: { rateLimitTier: 'marketplace' } });
const portalId = String(hub.hubId);
const prefix = `fresh${Date.now()}`;
const config = loadConfig({ PORT: '0', REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' });
const server = createServer();
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const backend = composeBackend({
  config, log: createLogger('silent'), redisUrl: privateRedis.url, clientId: 'bench', clientSecret: randomBytes(24).toString('base64url'),
  hubspotBasePath: sandbox.url, publicBaseUrl: base, tokenKey: randomBytes(32),
});
server.on('request', backend.app);
await installLocalPortal(backend, {
  portalId, basePath: sandbox.url, tier: 'marketplace',
  accessToken: sandbox.state.issueAccessToken(hub.hubId, { expiresInSeconds: 24 * 3600 }),
});
const { key } = await backend.apiKeys.createApiKey(portalId, 'bench');

console.log(`setup: ${COMPANIES} companies, each with an overdue and a current invoice; first full sync (not measured)…`);
const setupStart = Date.now();
const today = dateInZone(new Date().toISOString(), 'Europe/Amsterdam');
const companyIds: string[] = [];
const invoice = (companyId: string, n: number, issued: string, minor: number): Invoice => ({
  externalId: `f-${companyId}-${n}`, number: `F-${companyId}-${n}`, kind: 'invoice', companyId, amount: money(minor, 'EUR'), open: money(minor, 'EUR'),
  issueDate: issued, dueDate: addDays(issued, 30), paymentTermDays: 30, status: 'open', directDebit: false, sourceVersion: '1',
});
let batch: Invoice[] = [];
for (let i = 0; i < COMPANIES; i++) {
  const id = hub.createObject('companies', { name: `Freshness ${i} BV`, domain: `fresh${i}.example` }).id;
  companyIds.push(id);
  // Ten days overdue (a reminder task open), and one issued today (its receipt check is days away).
  batch.push(invoice(id, 1, addDays(today, -40), 50_000 + i), invoice(id, 2, today, 20_000));
  if (batch.length >= 5000) { await backend.ledger.upsertInvoices(portalId, batch); batch = []; }
}
if (batch.length > 0) await backend.ledger.upsertInvoices(portalId, batch);
const workers = backend.startBackgroundWork();
await backend.loop.settled(portalId, { timeoutMs: 30 * 60_000, pollMs: 500 });
const withTask = companyIds.filter((id) => hub.associations.list('companies', id, 'tasks').length > 0).length;
console.log(`setup done in ${((Date.now() - setupStart) / 1000).toFixed(0)} s: ${withTask} of ${COMPANIES} companies have a reminder task in HubSpot`);

/** HubSpot is right for a company whose overdue invoice was paid: €200 open, nothing overdue, every task completed. */
function isRight(companyId: string): boolean {
  const p = hub.getObject('companies', companyId)?.properties;
  if (p?.rd_overdue_balance !== '0' || p.rd_open_balance !== '200') return false;
  return hub.associations.list('companies', companyId, 'tasks').every((a) => hub.getObject('tasks', a.toObjectId)?.properties.hs_task_status === 'COMPLETED');
}

async function pay(ids: readonly string[]): Promise<number> {
  const res = await fetch(`${base}/api/ingest/payments`, {
    method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ payments: ids.map((id) => ({ externalId: `pay-${id}`, invoiceExternalId: `f-${id}-1`, currency: 'EUR', amountMinor: 50_000 + companyIds.indexOf(id), date: today })) }),
  });
  if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  return Date.now();
}

/** Seconds from `accepted` until each company is right (in the order they became right). */
async function latencies(ids: readonly string[], accepted: number, timeoutMs: number): Promise<number[]> {
  const waiting = new Set(ids);
  const out: number[] = [];
  while (waiting.size > 0) {
    if (Date.now() - accepted > timeoutMs) {
      const id = [...waiting][0]!;
      const tasks = hub.associations.list("companies", id, "tasks").map((a) => hub.getObject("tasks", a.toObjectId)?.properties.hs_task_status);
      throw new Error(`${waiting.size} of ${ids.length} companies still not right after ${timeoutMs / 1000} s; e.g. ${id}: ${JSON.stringify({ open: hub.getObject("companies", id)?.properties.rd_open_balance, overdue: hub.getObject("companies", id)?.properties.rd_overdue_balance, tasks })}`);
    }
    for (const id of waiting) if (isRight(id)) { waiting.delete(id); out.push((Date.now() - accepted) / 1000); }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return out;
}

const pct = (xs: readonly number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const calls = (from: number) => ({ total: hub.requestLog.length - from, throttled: hub.requestLog.slice(from).filter((e) => e.status === 429).length });
function report(label: string, xs: readonly number[], target: number, from: number): boolean {
  const ok = pct(xs, 95) <= target;
  const c = calls(from);
  console.log(`\n${label}`);
  console.log(`  samples          ${xs.length}`);
  console.log(`  p50 / p95 / max  ${pct(xs, 50).toFixed(1)} / ${pct(xs, 95).toFixed(1)} / ${Math.max(...xs).toFixed(1)} s   target p95 ≤ ${target} s ${ok ? '✓' : '✗'}`);
  console.log(`  HubSpot calls    ${c.total} (429s: ${c.throttled})`);
  return ok;
}

let from = hub.requestLog.length;
const single: number[] = [];
for (const id of companyIds.slice(0, SINGLE_SAMPLES)) single.push(...(await latencies([id], await pay([id]), 15_000)));
const singleOk = report('single company: one payment → rollup and task right in HubSpot', single, TARGET.single, from);

from = hub.requestLog.length;
const changed = companyIds.slice(SINGLE_SAMPLES, SINGLE_SAMPLES + CHANGED);
const sent = Date.now();
const accepted = await pay(changed);
const bulk = await latencies(changed, accepted, 10 * 60_000);
const bulkOk = report(`${changed.length}-company change: one request of ${changed.length} payments (accepted in ${((accepted - sent) / 1000).toFixed(1)} s) → every company right`, bulk, TARGET.bulk, from);

console.log(`\nportal: ${COMPANIES} companies at HubSpot's marketplace limit (110 / 10 s); production debounce; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
await workers.close();
await backend.close();
server.close();
await sandbox.close();
await privateRedis.stop();
process.exit(singleOk && bulkOk ? 0 : 1);
