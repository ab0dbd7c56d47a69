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
  it('when a marketplace app makes 111 requests within 10 s, then headers count down and the 111th gets HubSpot\'s TEN_SECONDLY_ROLLING 429', async () => {
    const ctx = await sandbox({ rateLimitTier: 'marketplace' });
    const remaining: string[] = [];
    for (let i = 0; i < 110; i++) {
      const res = await api(ctx.url, '/crm/v3/objects/companies?limit=1', { token: ctx.token });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-hubspot-ratelimit-max')).toBe('110');
      expect(res.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
      remaining.push(res.headers.get('x-hubspot-ratelimit-remaining') ?? '');
    }
    expect(remaining[0]).toBe('109');
    expect(remaining[109]).toBe('0');
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
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await search(ctx));
    expect(answers.slice(0, 5).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers[0]?.headers.has('x-hubspot-ratelimit-remaining')).toBe(false);
    expect(answers[5]?.status).toBe(429);
    expect(await answers[5]?.json()).toMatchObject({ message: 'You have reached your secondly limit.', policyName: 'SECONDLY', errorType: 'RATE_LIMIT' });
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

  it('when batch writes burst with the write lock on, then the fifth within a second answers 423 Locked', async () => {
    const ctx = await sandbox({ lockOnWriteBurst: true });
    const body = JSON.stringify({ inputs: [{ properties: { name: 'Burst B.V.' }, associations: [] }] });
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await api(ctx.url, '/crm/v3/objects/companies/batch/create', { token: ctx.token, method: 'POST', body })).status);
    }
    expect(statuses.slice(0, 4).every((s) => s === 201 || s === 200)).toBe(true);
    expect(statuses.slice(4)).toEqual([423, 423]);
    const calm = await sandbox({ lockOnWriteBurst: false });
    for (let i = 0; i < 6; i++) {
      expect((await api(calm.url, '/crm/v3/objects/companies/batch/create', { token: calm.token, method: 'POST', body })).status).not.toBe(423);
    }
  });
});
