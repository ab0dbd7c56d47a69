/**
 * The child process of `npm run bench:debtor-page`: the production composition (composeBackend) on the given
 * Redis, one portal registered as an install leaves it, one customer with BENCH_INVOICES open invoices (a third
 * overdue, some paid history), and that customer's link. Prints one JSON line: the port and the token.
 */
import { createServer } from 'node:http';
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
await backend.hubspot.portals.register({ portalId, timeZone: 'Europe/Amsterdam', country: 'NL', tier: 'marketplace', basePath: 'https://api.hubapi.invalid', currency: 'EUR' });
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
const { token } = await backend.debtorLinks.ensure(portalId, companyId);
const server = createServer(backend.app).listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port, token }));
});
process.stdin.on('end', () => { server.close(); void backend.close().then(() => process.exit(0)); });
process.stdin.resume();
