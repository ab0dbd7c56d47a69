import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubspotHeaders } from '../server/http/sign-request';
import { testRedisUrl } from '../support/redis';
import { dutchCsv, startMonth, type Month } from './support/month';

/**
 * The composition `npm start` and production run (composeBackend on the embedded default), checked from the
 * outside: every route answers where and as a person or HubSpot meets it, in the order the app mounts them,
 * and the background work — continuous sync, webhook worker, re-matching, the sweep for writes from other
 * processes — runs without anyone calling it.
 */
let m: Month;
beforeAll(async () => { m = await startMonth({ firstDay: '2027-03-01' }); }, 60_000);
afterAll(async () => { await m?.close(); });

const base = () => m.embedded.publicBaseUrl;

describe('the routes of composeBackend', () => {
  it('when probed, then health, readiness and metrics answer without credentials', async () => {
    expect(await (await fetch(`${base()}/health`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base()}/ready`)).status).toBe(200);
    const metrics = await fetch(`${base()}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await metrics.text()).toContain('process_cpu_user_seconds_total');
  });

  it('when a request is not signed by HubSpot, then cards, card actions, webhooks and the admin API refuse it before reading it', async () => {
    for (const [method, path] of [
      ['GET', `/api/cards/receivables?portalId=${m.portalId}&companyId=1`],
      ['PUT', `/api/cards/preferences?portalId=${m.portalId}&companyId=1`],
      ['POST', '/webhooks/hubspot'],
      ['GET', `/api/admin/api-keys?portalId=${m.portalId}`],
    ] as const) {
      const res = await fetch(`${base()}${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(method === 'GET' ? {} : { body: '{}' }) });
      expect([path, res.status]).toEqual([path, 401]);
    }
  });

  it('when a signature is made with another secret, then the admin API refuses it too', async () => {
    const path = `/api/admin/api-keys?portalId=${m.portalId}`;
    const res = await fetch(`${base()}${path}`, { headers: hubspotHeaders({ secret: 'not-the-app-secret', method: 'GET', publicUri: `${base()}${path}` }) });
    expect(res.status).toBe(401);
  });

  it('when the ingest API is called without a valid key, then it answers 401 and takes nothing', async () => {
    for (const auth of [undefined, 'Bearer rdk_1_nope', `Bearer rdk_${m.portalId}_${'x'.repeat(43)}`]) {
      const res = await fetch(`${base()}/api/ingest/invoices`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) }, body: '{"invoices":[]}',
      });
      expect(res.status).toBe(401);
    }
  });

  it('when a card asks for a company with no receivables, then it answers 404, and the action routes answer before the cards router', async () => {
    expect((await m.signedFetch('GET', `/api/cards/receivables?portalId=${m.portalId}&companyId=999999`)).status).toBe(404);
    // The preferences route reads its own (larger) body: it must come before the cards router that consumes bodies.
    const company = await m.createCompany({ name: 'Route Order BV', domain: 'route-order.example' });
    expect(await m.savePreferences(company, { channels: ['phone', 'email'], callWindows: [], language: 'nl', customerType: 'business', pauses: [] })).toBe(200);
  });

  it('when an admin starts the install, then /oauth/install sends them to HubSpot\'s authorize page with the app\'s scopes', async () => {
    const res = await fetch(`${base()}/oauth/install`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.origin).toBe(new URL(m.embedded.hubspot.sandbox.url).origin);
    expect(location.searchParams.get('redirect_uri')).toBe(`${base()}/oauth/callback`);
    expect(location.searchParams.get('scope')).toContain('crm.objects.companies.write');
  });

  it('when a path does not exist, then it answers a JSON 404', async () => {
    const res = await fetch(`${base()}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'not_found' });
  });

  it('when an admin lists, creates and revokes ingest keys through the signed admin API, then a revoked key stops working', async () => {
    const asAdmin = `portalId=${m.portalId}&userId=${m.embedded.hubspot.adminUserId}`;
    const created = await m.signedFetch('POST', `/api/admin/api-keys?${asAdmin}`, { label: 'Exact Online' });
    expect(created.status).toBe(201);
    const key = (await created.json()) as { id: string; key: string; hint: string };
    const listed = await m.apiKeys();
    expect(listed.items.find((k) => k.id === key.id)).toMatchObject({ label: 'Exact Online', hint: key.key.slice(-4) });
    expect(JSON.stringify(listed)).not.toContain(key.key);
    const call = () => fetch(`${base()}/api/ingest/unmatched`, { headers: { Authorization: `Bearer ${key.key}` } });
    expect((await call()).status).toBe(200);
    expect((await m.apiKeys()).items.find((k) => k.id === key.id)?.lastUsedAt).toEqual(expect.any(String));
    expect((await m.signedFetch('DELETE', `/api/admin/api-keys/${key.id}?${asAdmin}`)).status).toBe(204);
    expect((await call()).status).toBe(401);
    expect((await m.signedFetch('DELETE', `/api/admin/api-keys/${key.id}?${asAdmin}`)).status).toBe(404);
    // Another portal's keys are not this portal's business: a portal that is not installed has none.
    expect((await m.signedFetch('GET', '/api/admin/api-keys?portalId=424242')).status).toBe(404);
  });

  it('when a user who is no admin creates or revokes an ingest key, then the answer is 403 not_admin and the keys stay as they were', async () => {
    const before = await m.apiKeys();
    const [kept] = before.items;
    for (const who of ['&userId=12345', '']) {
      const created = await m.signedFetch('POST', `/api/admin/api-keys?portalId=${m.portalId}${who}`, { label: 'sneaky' });
      expect(created.status).toBe(403);
      expect(await created.json()).toMatchObject({ code: 'not_admin' });
      const revoked = await m.signedFetch('DELETE', `/api/admin/api-keys/${kept!.id}?portalId=${m.portalId}${who}`);
      expect(revoked.status).toBe(403);
      expect(await revoked.json()).toMatchObject({ code: 'not_admin' });
    }
    expect(await m.apiKeys()).toEqual(before);
    // The key month.ts's admin created still ingests.
    expect((await m.ingestGet('/unmatched')).status).toBe(200);
  });
});

describe('the background work of composeBackend', () => {
  it('when invoices arrive through the ingest API, then the company\'s rollup and reminder task reach HubSpot by themselves', async () => {
    const company = await m.createCompany({ name: 'Loop BV', domain: 'loop.example' });
    const report = await m.invoices({ domain: 'loop.example' }, [{ id: 'LOOP-1', amount: 121_000, issued: '2027-01-15', due: '2027-02-14' }]);
    expect(report).toMatchObject({ received: 1, created: 1, unmatched: 0 });
    expect(await m.rollup(company)).toMatchObject({ open: 1210, overdue: 1210 });
    expect((await m.openTasks(company)).length).toBeGreaterThan(0);
  });

  it('when a document arrives for a company HubSpot does not have yet, then it waits, and is filed by itself once the company is created in HubSpot', async () => {
    const report = await m.invoices({ domain: 'later.example', name: 'Later BV' }, [{ id: 'LATER-1', amount: 50_000, issued: '2027-02-01', due: '2027-02-15' }]);
    expect(report).toMatchObject({ received: 1, unmatched: 1 });
    expect((await m.unmatched()).items.map((i) => i.externalId)).toContain('LATER-1');
    const company = await m.createCompany({ name: 'Later BV', domain: 'later.example' });
    expect((await m.unmatched()).items.map((i) => i.externalId)).not.toContain('LATER-1');
    expect(await m.rollup(company)).toMatchObject({ open: 500, overdue: 500 });
  });

  it('when another process writes the ledger (npm run import on the backend\'s Redis), then the sweep brings it into HubSpot', async () => {
    const company = await m.createCompany({ name: 'Import CLI BV', domain: 'import-cli.example' });
    const dir = await mkdtemp(join(tmpdir(), 'rd-import-'));
    try {
      const file = join(dir, 'export.csv');
      await writeFile(file, dutchCsv([{ number: 'CLI-1', name: 'Import CLI BV', domain: 'import-cli.example', issued: '2027-02-01', due: '2027-02-15', amount: '1.500,00' }]));
      const { stdout } = await promisify(execFile)('npx', ['tsx', 'src/server/cli/import.ts', file, '--portal', m.portalId], {
        env: { ...process.env, REDIS_URL: testRedisUrl(), REDIS_PREFIX: m.prefix, LOG_LEVEL: 'silent' },
      });
      expect(stdout).toContain('rows: 1 · new: 1');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await m.waitFor(async () => (await m.rollup(company)).open === 1500, 20_000);
    expect(await m.rollup(company)).toMatchObject({ open: 1500, overdue: 1500 });
  }, 60_000);
});
