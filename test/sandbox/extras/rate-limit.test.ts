import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@hubspot/api-client';
import { injectFault } from '../../../src/sandbox/faults';
import { api, startSharedSandbox, type SharedSandbox } from './support';

let shared: SharedSandbox;
beforeAll(async () => { shared = await startSharedSandbox(); });
afterAll(() => shared.close());
const sandbox = async (settings: Parameters<SharedSandbox['newPortal']>[0]) => shared.newPortal(settings);
// One retry setting for every client in this file: the api-client's retry decorator is a process-wide singleton.
const clientFor = (ctx: { token: string; url: string }) => new Client({ accessToken: ctx.token, basePath: ctx.url, numberOfApiCallRetries: 3 });
// HubSpot's document makes every field of a search body required.
const SEARCH = { filterGroups: [], sorts: [], properties: ['name'], limit: 1, after: '0' };
const search = (ctx: { token: string; url: string }) =>
  api(ctx.url, '/crm/v3/objects/companies/search', { token: ctx.token, method: 'POST', body: JSON.stringify(SEARCH) });

describe('rate limits', () => {
  it('when a marketplace app makes 111 requests within 10 s, then headers count down to 0 and the 111th gets HubSpot\'s TEN_SECONDLY_ROLLING 429', async () => {
    const ctx = await sandbox({ rateLimitTier: 'marketplace' });
    // Sent at once so the whole burst stays inside one 10 s window even on a loaded machine.
    const answers = await Promise.all(Array.from({ length: 110 }, () => api(ctx.url, '/crm/v3/objects/companies?limit=1', { token: ctx.token })));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    expect(new Set(answers.map((r) => r.headers.get('x-hubspot-ratelimit-max')))).toEqual(new Set(['110']));
    expect(new Set(answers.map((r) => r.headers.get('x-hubspot-ratelimit-interval-milliseconds')))).toEqual(new Set(['10000']));
    const remaining = answers.map((r) => Number(r.headers.get('x-hubspot-ratelimit-remaining'))).sort((a, b) => a - b);
    expect(remaining).toEqual(Array.from({ length: 110 }, (_, i) => i));
    const res = await api(ctx.url, '/crm/v3/objects/companies?limit=1', { token: ctx.token });
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({
      status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING', correlationId: expect.any(String), requestId: expect.any(String),
    });
  });

  it('when the tier is private-pro or off, then the budget is 190 or absent', async () => {
    const pro = await sandbox({ rateLimitTier: 'private-pro' });
    expect((await api(pro.url, '/crm/v3/objects/companies', { token: pro.token })).headers.get('x-hubspot-ratelimit-max')).toBe('190');
    const off = await sandbox({ rateLimitTier: 'off' });
    const statuses = await Promise.all(Array.from({ length: 150 }, () => api(off.url, '/crm/v3/objects/companies', { token: off.token }).then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect((await api(off.url, '/crm/v3/objects/companies', { token: off.token })).headers.has('x-hubspot-ratelimit-max')).toBe(false);
  });

  it('when search is called 6 times in a second, then the 6th gets the SECONDLY 429, search sends no limit headers and uses no 10 s budget', async () => {
    const ctx = await sandbox({ rateLimitTier: 'marketplace', searchPerSecond: 5 });
    const answers = await Promise.all(Array.from({ length: 6 }, () => search(ctx)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 429]);
    expect(answers.some((r) => r.headers.has('x-hubspot-ratelimit-remaining'))).toBe(false);
    expect(await answers.find((r) => r.status === 429)?.json()).toMatchObject({ message: 'You have reached your secondly limit.', policyName: 'SECONDLY', errorType: 'RATE_LIMIT' });
    const next = await api(ctx.url, '/crm/v3/objects/companies', { token: ctx.token });
    expect(next.headers.get('x-hubspot-ratelimit-remaining')).toBe('109');
  });

  it('when the real api-client runs 8 searches at once, then its retry logic waits out the secondly limit and all succeed', async () => {
    const ctx = await sandbox({ rateLimitTier: 'marketplace', searchPerSecond: 5 });
    const client = clientFor(ctx);
    const results = await Promise.all(Array.from({ length: 8 }, () => client.crm.companies.searchApi.doSearch(SEARCH)));
    expect(results).toHaveLength(8);
    expect(ctx.portal.requestLog.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(3);
  });

  it('when a TEN_SECONDLY_ROLLING 429 storm hits, then the real api-client waits 10 s and recovers', async () => {
    const ctx = await sandbox({ rateLimitTier: 'marketplace' });
    injectFault(ctx.state, ctx.portal.hubId, { pathPattern: '^/crm/v3/objects/companies$', count: 1, kind: 'status', status: 429, policyName: 'TEN_SECONDLY_ROLLING' });
    const started = Date.now();
    const page = await clientFor(ctx).crm.companies.basicApi.getPage(1);
    expect(page.results).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(9_900);
  }, 25_000);

  it('when batch writes burst with the write lock on, then writes beyond four within a second answer 423 Locked', async () => {
    const ctx = await sandbox({ lockOnWriteBurst: true });
    const body = JSON.stringify({ inputs: [{ properties: { name: 'Burst B.V.' }, associations: [] }] });
    const statuses = (await Promise.all(Array.from({ length: 6 }, () =>
      api(ctx.url, '/crm/v3/objects/companies/batch/create', { token: ctx.token, method: 'POST', body })))).map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(4);
    expect(statuses.filter((s) => s === 423)).toHaveLength(2);
    const calm = await sandbox({ lockOnWriteBurst: false });
    for (let i = 0; i < 6; i++) {
      expect((await api(calm.url, '/crm/v3/objects/companies/batch/create', { token: calm.token, method: 'POST', body })).status).not.toBe(423);
    }
  });
});
