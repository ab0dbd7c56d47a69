import { Client } from '@hubspot/api-client';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedApiKeyVM } from '../../src/contracts/api-keys';
import { startSandbox, type StartedSandbox } from '../../src/sandbox/server';
import { composeBackend, type Backend } from '../../src/server/compose';
import { loadConfig, privateAppOf } from '../../src/server/config';
import { installPrivateApp } from '../../src/server/runtime/private-app';
import { hubspotHeaders } from '../server/http/sign-request';
import { deletePrefix, testRedis, testRedisUrl, uniquePrefix } from '../support/redis';

/**
 * Outside the embedded demo there is no stand-in creditor: a portal that has not saved its company details yet
 * (legal name, IBAN) gives its customers no page with payment instructions — no IBAN, no QR, no checkout — but a
 * clear "not available yet" page in both languages, and the operator a warning naming only the portal. Once an
 * admin saves the details on the settings page, the same link shows the creditor's own account at once.
 * The production composition (composeBackend, private-app mode as `npm start` runs it) against the sandbox.
 */
const SECRET = 'no-creditor-client-secret';
const PUBLIC = 'https://desk.example';
const prefix = uniquePrefix('dp-no-creditor');
const logged: string[] = [];
let sandbox: StartedSandbox;
let backend: Backend;
let server: Server;
let base: string;
let portalId: string;
let token: string;

const signed = (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) => {
  const raw = body === undefined ? '' : JSON.stringify(body);
  return fetch(`${base}${path}`, { method, ...(body === undefined ? {} : { body: raw }), headers: { 'Content-Type': 'application/json', ...hubspotHeaders({ secret: SECRET, method, publicUri: `${PUBLIC}${path}`, body: raw }) } });
};
const page = async (path: string) => {
  const res = await fetch(`${base}${path}`, { redirect: 'manual' });
  return { status: res.status, html: await res.text() };
};

beforeAll(async () => {
  sandbox = await startSandbox();
  const portal = sandbox.state.createPortal({ settings: { rateLimitTier: 'marketplace' } });
  portalId = String(portal.hubId);
  const accessToken = sandbox.state.issueAccessToken(portal.hubId, { expiresInSeconds: 3600 });
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({
    ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', PUBLIC_BASE_URL: PUBLIC, REDIS_URL: testRedisUrl(), REDIS_PREFIX: prefix,
    HUBSPOT_BASE_PATH: sandbox.url, HUBSPOT_ACCESS_TOKEN: accessToken, HUBSPOT_PORTAL_ID: portalId, HUBSPOT_CLIENT_SECRET: SECRET, TOKEN_ENCRYPTION_KEY: '',
    ADMIN_USER_IDS: '9001', // a private app has no install to name its first admin
  });
  const log = pino({ level: 'warn' }, new Writable({ write(chunk: Buffer, _enc, done) { logged.push(chunk.toString()); done(); } }));
  backend = composeBackend({ config, log, redisUrl: testRedisUrl(), clientId: 'private-app', clientSecret: SECRET, hubspotBasePath: sandbox.url, publicBaseUrl: PUBLIC, tokenKey: config.TOKEN_ENCRYPTION_KEY,
    initialAdmins: async () => config.ADMIN_USER_IDS ?? [] }); // as main.ts wires ADMIN_USER_IDS
  server.on('request', backend.app);
  await installPrivateApp(backend, config, privateAppOf(config)!);

  const created = await signed('POST', `/api/admin/api-keys?portalId=${portalId}&userId=9001`, { label: 'accounting' });
  expect(created.status, await created.clone().text()).toBe(201);
  const { key } = (await created.json()) as CreatedApiKeyVM;
  const hs = new Client({ accessToken, basePath: sandbox.url });
  const company = await hs.crm.companies.basicApi.create({ properties: { name: 'Nog Niet Ingericht BV', domain: 'nog-niet.example' }, associations: [] });
  const ingested = await fetch(`${base}/api/ingest/invoices`, {
    method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ invoices: [{ externalId: 'NN-1', number: 'NN-1', customer: { domain: 'nog-niet.example' }, currency: 'EUR', amountMinor: 121_000, issueDate: '2026-01-05', dueDate: '2026-02-04' }] }),
  });
  expect(await ingested.json()).toMatchObject({ created: 1, unmatched: 0 });
  token = (await backend.debtorLinks.ensure(portalId, company.id)).token;
}, 60_000);
afterAll(async () => {
  server?.close();
  await backend?.close();
  await sandbox?.close();
  const redis = testRedis();
  await deletePrefix(redis, prefix);
  await redis.quit();
});

describe('a debtor page of a portal without its own company details', () => {
  it('when the customer opens the link, pays or checks out, then no payment instructions are shown but "not available yet", and the log names only the portal', async () => {
    for (const path of [`/my/${token}`, `/my/${token}?lang=en`, `/my/${token}/pay`, `/my/${token}/pay?invoice=NN-1`]) {
      const { status, html } = await page(path);
      expect([path, status]).toEqual([path, 503]);
      expect(html).toContain('Deze pagina is nog niet beschikbaar');
      expect(html).toContain('This page is not available yet');
      expect(html).not.toMatch(/IBAN|NL91ABNA0417164300|Voorbeeld Groothandel|NN-1|data:image/);
    }
    const checkout = await fetch(`${base}/my/${token}/checkout`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'invoice=NN-1' });
    expect(checkout.status).toBe(503);
    // A wrong link still gets the neutral page: "not available yet" says nothing to someone without a link.
    expect((await page(`/my/${portalId}.${'A'.repeat(43)}`)).status).toBe(404);

    const warnings = logged.filter((l) => l.includes('debtor page refused'));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0]!)).toMatchObject({ level: 40, portalId });
    expect(warnings[0]).not.toMatch(new RegExp(`Nog Niet|nog-niet|NN-1|${token.split('.')[1]}`));
  });

  it('when an admin saves the company details, then the same link shows the creditor\'s own name and IBAN at once', async () => {
    const current = (await (await signed('GET', `/api/settings?portalId=${portalId}&userId=9001`)).json()) as { version: number };
    const saved = await signed('PATCH', `/api/settings?portalId=${portalId}&userId=9001`, {
      version: current.version, company: { legalName: 'Eigen Crediteur B.V.', iban: 'NL20INGB0001234567', vatOnCollectionCosts: false, brandColour: '#225588' },
    });
    expect(saved.status).toBe(200);
    const { status, html } = await page(`/my/${token}`);
    expect(status).toBe(200);
    expect(html).toContain('Eigen Crediteur B.V.');
    expect(html).toContain('NN-1');
    const pay = await page(`/my/${token}/pay?invoice=NN-1`);
    expect(pay.html).toContain('NL20 INGB 0001 2345 67');
    expect(pay.html).not.toMatch(/NL91 ?ABNA/);
  });
});
