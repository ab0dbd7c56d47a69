/**
 * Child process for the call-list case of `npm run bench:cards`: the backend as production composes it
 * (composeBackend), one portal of BENCH_COMPANIES companies (default 10,000) with a few invoices each, most of
 * them overdue, names in the company index as the listing of HubSpot companies leaves them. The app home's list
 * is built once (what the first request of the day or the refresh does; timed and printed apart).
 * Prints {port, portalId, buildMs, companies} once ready. Env: REDIS_URL, REDIS_PREFIX, CLIENT_SECRET, PUBLIC_BASE_URL.
 */
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { composeBackend } from '../../src/server/compose';
import { loadConfig } from '../../src/server/config';
import { createLogger } from '../../src/server/infra/logger';
import { benchInvoices, PORTAL_ID } from './fixture';

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
};

const companies = Number(process.env.BENCH_COMPANIES ?? 10_000);
const prefix = env('REDIS_PREFIX');
const config = loadConfig({ PORT: '0', REDIS_PREFIX: prefix, LOG_LEVEL: 'warn', NODE_ENV: 'production' });
const backend = composeBackend({
  config, log: createLogger('warn'), redisUrl: env('REDIS_URL'),
  clientId: 'bench', clientSecret: env('CLIENT_SECRET'), hubspotBasePath: 'http://127.0.0.1:9',
  publicBaseUrl: env('PUBLIC_BASE_URL'), tokenKey: randomBytes(32),
});
await backend.hubspot.portals.register({ portalId: PORTAL_ID, timeZone: 'Europe/Amsterdam', country: 'NL', tier: 'marketplace', basePath: 'http://127.0.0.1:9' });
const today = new Date().toISOString().slice(0, 10);
const companyIds = Array.from({ length: companies }, (_, i) => String(900_000 + i));
// 1–6 invoices per company, due from 5 to 130 days ago (every 7th company pays on time): a varied list.
for (let i = 0; i < companyIds.length; i += 200) {
  const batch = companyIds.slice(i, i + 200).flatMap((companyId, n) => {
    const k = i + n;
    return benchInvoices(companyId, today, 1 + (k % 6)).map((inv, j) => {
      const due = k % 7 === 0 ? inv.dueDate : new Date(Date.parse(`${today}T00:00:00Z`) - (5 + ((k * 13 + j * 29) % 125)) * 86_400_000).toISOString().slice(0, 10);
      return { ...inv, externalId: `${companyId}-${inv.externalId}`, dueDate: due, issueDate: due < inv.issueDate ? due : inv.issueDate };
    });
  });
  await backend.ledger.upsertInvoices(PORTAL_ID, batch);
}
// The company names as the listing of HubSpot's companies stores them (no HubSpot here).
await backend.companyIndex.upsert(PORTAL_ID, companyIds.map((id) => ({ id, name: `Bench Company ${id}` })));
await backend.redis.set(`${prefix}:p:${PORTAL_ID}:matching:listed`, new Date().toISOString());

const start = performance.now();
await backend.callList.warm(PORTAL_ID);
const buildMs = performance.now() - start;

const server = backend.app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port, portalId: PORTAL_ID, buildMs, companies })}\n`);
process.on('SIGTERM', () => {
  server.close();
  void backend.ledger.deletePortal(PORTAL_ID).finally(() => backend.close().then(() => process.exit(0)));
});
