/**
 * Child process: the backend exactly as `npm start` and production compose it (composeBackend: signature
 * check, Redis ledger store with its LRU, the real calendar provider with the portal's holidays, the view
 * cache), listening on its own port, plus the anchor: a bare Express 5 app answering recorded bytes.
 * Separate from the load generator so they do not share one event loop.
 * Env: REDIS_URL, REDIS_PREFIX, CLIENT_SECRET, PUBLIC_BASE_URL, BENCH_COMPANIES, BENCH_INVOICES.
 * Prints {port, anchorPort, portalId, companyIds} once the ledger is loaded (loading is not measured).
 * Then reads JSON lines on stdin: {record: {path: body}} for the anchor to serve, {change: true} to change every
 * company's ledger (its stored view goes stale); answers each with a line once done.
 */
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import express from 'express';
import { composeBackend } from '../../src/server/compose';
import { loadConfig } from '../../src/server/config';
import { createLogger } from '../../src/server/infra/logger';
import { benchInvoices, PORTAL_ID } from './fixture';

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
};

const companies = Number(env('BENCH_COMPANIES'));
const invoicesEach = Number(env('BENCH_INVOICES'));
const config = loadConfig({ PORT: '0', REDIS_PREFIX: env('REDIS_PREFIX'), LOG_LEVEL: 'warn', NODE_ENV: 'production' });
const backend = composeBackend({
  config, log: createLogger('warn'), redisUrl: env('REDIS_URL'),
  clientId: 'bench', clientSecret: env('CLIENT_SECRET'), hubspotBasePath: 'http://127.0.0.1:9',
  publicBaseUrl: env('PUBLIC_BASE_URL'), tokenKey: randomBytes(32),
});
await backend.hubspot.portals.register({ portalId: PORTAL_ID, timeZone: 'Europe/Amsterdam', country: 'NL', tier: 'marketplace', basePath: 'http://127.0.0.1:9' });
const today = new Date().toISOString().slice(0, 10);
const companyIds = Array.from({ length: companies }, (_, i) => String(900_000 + i));
// Invoice ids are unique per portal: each company gets its own.
for (const companyId of companyIds) {
  await backend.ledger.upsertInvoices(PORTAL_ID, benchInvoices(companyId, today, invoicesEach)
    .map((inv) => ({ ...inv, externalId: `${companyId}-${inv.externalId}` })));
}

// What the continuous sync does after these ledgers changed (refresh-portal.ts → warmViews), timed apart.
const warmStart = performance.now();
await backend.receivablesViews.warm(PORTAL_ID, companyIds);
const warmMs = performance.now() - warmStart;

const server = backend.app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));

// The anchor: what Express itself costs for the same bytes, with no signature check, no Redis, no view.
const recorded = new Map<string, string>();
const anchor = express();
anchor.use((req, res) => {
  const body = recorded.get(req.url);
  if (body === undefined) return void res.status(404).end();
  res.type('application/json').send(body);
});
const anchorServer = anchor.listen(0, '127.0.0.1');
await new Promise((r) => anchorServer.once('listening', r));
createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line) as { record?: Record<string, string>; change?: true };
  void (async () => {
    for (const [path, body] of Object.entries(command.record ?? {})) recorded.set(path, body);
    // A change to every company (one more invoice each): their stored views no longer match, as right after an
    // ingest before the refresh has run.
    if (command.change) {
      for (const companyId of companyIds) {
        const [extra] = benchInvoices(companyId, today, 1);
        await backend.ledger.upsertInvoices(PORTAL_ID, [{ ...extra!, externalId: `${companyId}-extra`, number: `X-${companyId}` }]);
      }
    }
    process.stdout.write('done\n');
  })();
});

process.stdout.write(`${JSON.stringify({
  warmMs, port: (server.address() as AddressInfo).port, anchorPort: (anchorServer.address() as AddressInfo).port, portalId: PORTAL_ID, companyIds,
})}\n`);
process.on('SIGTERM', () => {
  server.close();
  anchorServer.close();
  void backend.ledger.deletePortal(PORTAL_ID).finally(() => backend.close().then(() => process.exit(0)));
});
