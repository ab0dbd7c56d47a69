import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@hubspot/api-client';
import { clearFaults, injectFault } from '../../../src/sandbox/faults';
import { api, startSharedSandbox, type SharedSandbox } from './support';

let shared: SharedSandbox;
beforeAll(async () => { shared = await startSharedSandbox(); });
afterAll(() => shared.close());
afterEach(() => clearFaults(shared.state));
const sandbox = async () => shared.newPortal();
const COMPANIES = '^/crm/v3/objects/companies';
// Same retry setting for every client in this file (the api-client's decorators are a singleton): 3 attempts.
const clientFor = (ctx: { token: string; url: string }) => new Client({ accessToken: ctx.token, basePath: ctx.url, numberOfApiCallRetries: 3 });

describe('fault injection', () => {
  it.each([500, 502, 503] as const)('when %i is injected for two requests, then exactly two answers fail and the api-client recovers', async (status) => {
    const ctx = await sandbox();
    injectFault(ctx.state, ctx.portal.hubId, { pathPattern: COMPANIES, count: 2, kind: 'status', status });
    await expect(clientFor(ctx).crm.companies.basicApi.getPage(1)).resolves.toBeDefined();
    expect(ctx.portal.requestLog.map((r) => r.status)).toEqual([status, status, 200]);
  });

  it('when more faults are injected than the client has attempts, then the client gives up with that status', async () => {
    const ctx = await sandbox();
    injectFault(ctx.state, '*', { pathPattern: COMPANIES, count: 3, kind: 'status', status: 503 });
    const err = await clientFor(ctx).crm.companies.basicApi.getPage(1).then(() => undefined, (e: unknown) => e as { code: number });
    expect(err?.code).toBe(503);
  });

  it('when 423 is injected, then the answer is Locked and other paths, methods and portals are untouched', async () => {
    const ctx = await sandbox();
    const other = ctx.state.createPortal();
    const otherToken = ctx.state.issueAccessToken(other.hubId);
    injectFault(ctx.state, ctx.portal.hubId, { pathPattern: COMPANIES, method: 'post', count: 1, kind: 'status', status: 423 });
    expect((await api(ctx.url, '/crm/v3/objects/companies', { token: ctx.token })).status).toBe(200);
    expect((await api(ctx.url, '/crm/v3/objects/contacts', { token: ctx.token, method: 'POST', body: JSON.stringify({ properties: {}, associations: [] }) })).status).not.toBe(423);
    expect((await api(ctx.url, '/crm/v3/objects/companies', { token: otherToken, method: 'POST', body: JSON.stringify({ properties: { name: 'x' }, associations: [] }) })).status).toBe(201);
    const locked = await api(ctx.url, '/crm/v3/objects/companies', { token: ctx.token, method: 'POST', body: JSON.stringify({ properties: { name: 'x' }, associations: [] }) });
    expect(locked.status).toBe(423);
    expect((await api(ctx.url, '/crm/v3/objects/companies', { token: ctx.token, method: 'POST', body: JSON.stringify({ properties: { name: 'x' }, associations: [] }) })).status).toBe(201);
  });

  it('when a delay is injected, then the answer comes late but correct', async () => {
    const ctx = await sandbox();
    injectFault(ctx.state, ctx.portal.hubId, { pathPattern: COMPANIES, count: 1, kind: 'delay', ms: 400 });
    const started = Date.now();
    const res = await api(ctx.url, '/crm/v3/objects/companies', { token: ctx.token });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it('when a drop is injected, then the connection is cut without an answer, once', async () => {
    const ctx = await sandbox();
    injectFault(ctx.state, ctx.portal.hubId, { pathPattern: COMPANIES, count: 1, kind: 'drop' });
    await expect(api(ctx.url, '/crm/v3/objects/companies', { token: ctx.token })).rejects.toThrow(/fetch failed/);
    expect((await api(ctx.url, '/crm/v3/objects/companies', { token: ctx.token })).status).toBe(200);
  });

  it('when an answer is lost, then the write is done but the connection is cut without its answer, once', async () => {
    const ctx = await sandbox();
    injectFault(ctx.state, ctx.portal.hubId, { pathPattern: COMPANIES, method: 'POST', count: 1, kind: 'lose_answer' });
    const create = () => api(ctx.url, '/crm/v3/objects/companies', { token: ctx.token, method: 'POST', body: JSON.stringify({ properties: { name: 'lost' }, associations: [] }) });
    await expect(create()).rejects.toThrow(/fetch failed/);
    expect(ctx.portal.listObjects('companies').filter((c) => c.properties.name === 'lost')).toHaveLength(1);
    expect((await create()).status).toBe(201);
  });

  it('when faults are cleared, then requests pass again', async () => {
    const ctx = await sandbox();
    injectFault(ctx.state, '*', { pathPattern: '.*', count: 5, kind: 'status', status: 500 });
    clearFaults(ctx.state);
    expect((await api(ctx.url, '/crm/v3/objects/companies', { token: ctx.token })).status).toBe(200);
  });

  it('when a fault spec is invalid, then injectFault and the admin endpoint refuse it clearly', async () => {
    const ctx = await sandbox();
    expect(() => injectFault(ctx.state, '*', { pathPattern: '(', count: 1, kind: 'drop' })).toThrow(/regular expression/);
    const res = await api(ctx.url, '/_sandbox/faults', { method: 'POST', body: JSON.stringify({ pathPattern: 'x', count: 1, kind: 'status', status: 404 }) });
    expect(res.status).toBe(400);
    expect((await res.json() as { message: string }).message).toMatch(/status/);
    const ok = await api(ctx.url, '/_sandbox/faults', { method: 'POST', body: JSON.stringify({ hubId: ctx.portal.hubId, pathPattern: COMPANIES, count: 1, kind: 'status', status: 502 }) });
    expect(ok.status).toBe(201);
    expect((await api(ctx.url, '/crm/v3/objects/companies', { token: ctx.token })).status).toBe(502);
  });
});
