/**
 * The child process of `npm run bench:debtor-page`: the production composition (composeBackend) on the given
 * Redis, one portal registered as an install leaves it, one customer with BENCH_INVOICES open invoices (a third
 * overdue, some paid history), and that customer's link. With BENCH_TOKEN it seeds nothing and serves that link
 * (a second process on the same Redis). Also the anchor: a bare Express 5 route on its own port answering the
 * very bytes of the page (fetched once, after the page's run), without ETag, as the page. Prints one JSON line.
 */
import express from 'express';
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addDays } from '../../src/domain/dates';
import type { Invoice, Payment } from '../../src/domain/ledger';
import { composeBackend } from '../../src/server/compose';
import { loadConfig } from '../../src/server/config';
import { createLogger } from '../../src/server/infra/logger';

const invoices = Number(process.env.BENCH_INVOICES ?? 200);
const config = loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'production', DEBTOR_PAGE_RATE_PER_MINUTE: '1000000' });
const backend = composeBackend({
  config, log: createLogger('silent'), redisUrl: process.env.REDIS_URL!, clientId: 'bench', clientSecret: 'bench-secret',
  hubspotBasePath: 'https://api.hubapi.invalid', publicBaseUrl: 'https://rd.bench.example', tokenKey: config.TOKEN_ENCRYPTION_KEY,
});
const portalId = '77000001';
const companyId = '5001';

async function seed(): Promise<string> {
  await backend.hubspot.portals.register({ portalId, timeZone: 'Europe/Amsterdam', country: 'NL', tier: 'marketplace', basePath: 'https://api.hubapi.invalid', currency: 'EUR' });
  // The creditor's own details, as an admin saves them on the settings page: without them the page offers no payment.
  await backend.hubspot.settings.claimFirstAdmin(portalId, '1');
  const saved = await backend.hubspot.settings.update(portalId, '1', { version: 1, company: { legalName: 'Bench Groothandel B.V.', iban: 'NL91ABNA0417164300', brandColour: '#0b5cab', vatOnCollectionCosts: false } });
  if (!saved.ok) throw new Error(`company details not saved: ${saved.error.code}`);
  const today = new Date().toISOString().slice(0, 10);
  const docs: Invoice[] = Array.from({ length: invoices }, (_, i) => {
    const issueDate = addDays(today, -90 + Math.floor((i * 120) / invoices));
    const amount = { minor: 10_000 + ((i * 7919) % 250_000), currency: 'EUR' };
    return {
      externalId: `bench-${i}`, number: `2026-${String(i).padStart(5, '0')}`, kind: 'invoice', companyId, amount, open: amount,
      issueDate, dueDate: addDays(issueDate, 30), paymentTermDays: 30, status: 'open', directDebit: false, sourceVersion: '1',
    };
  });
  await backend.ledger.upsertInvoices(portalId, docs);
  const payments: Payment[] = Array.from({ length: 20 }, (_, i) => ({
    externalId: `bench-pay-${i}`, companyId, amount: { minor: 1_000, currency: 'EUR' }, date: addDays(today, -i), method: 'bank_transfer', invoiceExternalId: `bench-${i}`,
  }));
  await backend.ledger.upsertPayments(portalId, payments);
  return (await backend.debtorLinks.ensure(portalId, companyId)).token;
}

const token = process.env.BENCH_TOKEN ?? await seed();
const server = createServer(backend.app);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as AddressInfo).port;
// Ready when requests pass the Redis gate (a fresh process's connections need a moment): any 404 says so.
const status = (path: string) => new Promise<number>((resolve) => get({ host: '127.0.0.1', port, path }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', () => resolve(0)));
while ((await status('/api/ready-check')) !== 404) await new Promise((resolve) => setTimeout(resolve, 20));

const pageBytes = () => new Promise<Buffer>((resolve, reject) => {
  get({ host: '127.0.0.1', port, path: `/my/${token}` }, (res) => {
    const parts: Buffer[] = [];
    res.on('data', (c: Buffer) => parts.push(c)).on('end', () => resolve(Buffer.concat(parts)));
  }).on('error', reject);
});
const anchorApp = express();
anchorApp.set('etag', false);
let bytes: Promise<Buffer> | undefined;
anchorApp.get('/anchor', async (_req, res) => { res.type('html').send(await (bytes ??= pageBytes())); });
const anchor = createServer(anchorApp);
await new Promise<void>((resolve) => anchor.listen(0, '127.0.0.1', resolve));

console.log(JSON.stringify({ port, anchorPort: (anchor.address() as AddressInfo).port, token }));
process.stdin.on('end', () => { server.close(); anchor.close(); void backend.close().then(() => process.exit(0)); });
process.stdin.resume();
