import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Signature } from '@hubspot/api-client';
import { generateDemoData, generateDemoInvoicesCsv } from '../../../src/sandbox/demo';
import { api, form, startSharedSandbox, type SharedSandbox } from './support';
import { startReceiver } from './receiver';

let shared: SharedSandbox;
beforeAll(async () => { shared = await startSharedSandbox(); });
afterAll(() => shared.close());
const json = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

describe('admin API (/_sandbox)', () => {
  it('when a portal is created with a demo seed, then the api-client sees the demo companies with the returned token', async () => {
    const res = await api(shared.url, '/_sandbox/portals', json({ demoSeed: 42, settings: { rateLimitTier: 'marketplace' } }));
    expect(res.status).toBe(201);
    const created = await res.json() as { hubId: number; accessToken: string; settings: { rateLimitTier: string } };
    expect(created.settings.rateLimitTier).toBe('marketplace');
    const client = new Client({ accessToken: created.accessToken, basePath: shared.url, numberOfApiCallRetries: 1 });
    const page = await client.crm.companies.basicApi.getPage(100, undefined, ['name', 'domain']);
    expect(page.results.map((c) => c.properties.name).sort()).toEqual(generateDemoData(42).companies.map((c) => c.name).sort());
    const list = await (await api(shared.url, '/_sandbox/portals')).json() as { results: { hubId: number }[] };
    expect(list.results.map((p) => p.hubId)).toContain(created.hubId);
    const counts = await (await api(shared.url, `/_sandbox/portals/${created.hubId}/requests`)).json() as Record<string, Record<string, number>>;
    expect(counts['GET /crm/v3/objects/{type}']).toEqual({ 200: 1 });
    const dump = await (await api(shared.url, `/_sandbox/portals/${created.hubId}/state`)).json() as { hubId: number };
    expect(dump.hubId).toBe(created.hubId);
  });

  it('when settings are patched, then they apply at once; bad settings and unknown portals are refused', async () => {
    const { portal, token } = shared.newPortal();
    const bad = await api(shared.url, `/_sandbox/portals/${portal.hubId}/settings`, { method: 'PATCH', body: JSON.stringify({ rateLimitTier: 'enterprise' }) });
    expect(bad.status).toBe(400);
    expect((await bad.json() as { message: string }).message).toMatch(/rateLimitTier/);
    const ok = await api(shared.url, `/_sandbox/portals/${portal.hubId}/settings`, { method: 'PATCH', body: JSON.stringify({ rateLimitTier: 'private-starter' }) });
    expect(ok.status).toBe(200);
    expect((await api(shared.url, '/crm/v3/objects/companies', { token })).headers.get('x-hubspot-ratelimit-max')).toBe('100');
    expect((await api(shared.url, '/_sandbox/portals/999/settings', { method: 'PATCH', body: '{}' })).status).toBe(404);
  });

  it('when an OAuth app is registered and installed through the admin API and /oauth/authorize, then its code exchanges for tokens', async () => {
    const { portal } = shared.newPortal();
    const app = { clientId: 'admin-app', clientSecret: 'admin-secret-1', redirectUri: 'https://rd.example/cb' };
    expect((await api(shared.url, '/_sandbox/oauth/apps', json(app))).status).toBe(201);
    const { code } = await (await api(shared.url, '/_sandbox/oauth/codes', json({ clientId: app.clientId, hubId: portal.hubId, scopes: ['oauth'] }))).json() as { code: string };
    const exchange = async (c: string) => (await api(shared.url, '/oauth/v3/token', form({
      grant_type: 'authorization_code', code: c, redirect_uri: app.redirectUri, client_id: app.clientId, client_secret: app.clientSecret,
    }))).json() as Promise<{ hub_id: number }>;
    expect((await exchange(code)).hub_id).toBe(portal.hubId);
    const redirect = await fetch(`${shared.url}/oauth/authorize?client_id=${app.clientId}&redirect_uri=${encodeURIComponent(app.redirectUri)}&scope=oauth&state=xyz&portalId=${portal.hubId}`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const location = new URL(redirect.headers.get('location') ?? '');
    expect(location.searchParams.get('state')).toBe('xyz');
    expect((await exchange(location.searchParams.get('code') ?? '')).hub_id).toBe(portal.hubId);
    expect((await api(shared.url, '/_sandbox/oauth/apps', json({ clientId: 'x' }))).status).toBe(400);
  });

  it('when webhooks are configured through the admin API, then CRM writes arrive signed and the config never shows the secret', async () => {
    const receiver = await startReceiver();
    try {
      const { token } = shared.newPortal();
      const secret = 'admin-webhook-secret';
      const config = await api(shared.url, '/_sandbox/webhooks', json({ targetUrl: receiver.url, clientSecret: secret, appId: 42, subscriptions: [{ subscriptionType: 'company.creation' }] }));
      expect(config.status).toBe(201);
      expect(JSON.stringify(await (await api(shared.url, '/_sandbox/webhooks')).json())).not.toContain(secret);
      const created = await api(shared.url, '/crm/v3/objects/companies', { token, ...json({ properties: { name: 'Hook B.V.' }, associations: [] }) });
      expect(created.status).toBe(201);
      const { id } = await created.json() as { id: string };
      await api(shared.url, '/_sandbox/webhooks/flush', { method: 'POST' });
      const hit = receiver.received.find((r) => r.body.includes(`"objectId":${id}`));
      expect(hit).toBeDefined();
      expect(Signature.isValid({
        signatureVersion: 'v3', signature: hit?.headers['x-hubspot-signature-v3'] as string, clientSecret: secret, requestBody: hit?.body ?? '',
        url: receiver.url, method: 'POST', timestamp: Number(hit?.headers['x-hubspot-request-timestamp']),
      })).toBe(true);
      expect((await api(shared.url, '/_sandbox/webhooks', { method: 'DELETE' })).status).toBe(204);
      expect((await api(shared.url, '/_sandbox/webhooks', json({ targetUrl: 'not a url', clientSecret: 's', appId: 1 }))).status).toBe(400);
    } finally {
      await receiver.close();
    }
  });

  it('when the demo CSV is requested, then it is the generator\'s output for that seed and date', async () => {
    const res = await api(shared.url, '/_sandbox/demo/invoices.csv?seed=7&asOf=2026-11-23');
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(generateDemoInvoicesCsv(generateDemoData(7), { asOf: '2026-11-23', seed: 7 }));
    expect((await api(shared.url, '/_sandbox/demo/invoices.csv?asOf=yesterday')).status).toBe(400);
  });
});
