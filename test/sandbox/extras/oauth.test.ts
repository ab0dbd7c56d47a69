import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@hubspot/api-client';
import { injectFault } from '../../../src/sandbox/faults';
import { createAuthorizationCode, registerApp } from '../../../src/sandbox/oauth';
import { api, form, startSharedSandbox, type SharedSandbox } from './support';
import { expectValidOAuthBody } from './oauth-schema';

const APP = { clientId: 'rd-client', clientSecret: 'rd-secret-123456', redirectUri: 'https://app.example/oauth/callback' };
let shared: SharedSandbox;
let ctx: ReturnType<SharedSandbox['newPortal']>;
let client: Client;

beforeAll(async () => {
  shared = await startSharedSandbox();
  ctx = shared.newPortal();
  registerApp(ctx.state, APP);
  // Every client in this file has the same retry setting: the api-client keeps decorators in a process-wide singleton.
  client = new Client({ basePath: ctx.url, numberOfApiCallRetries: 1 });
});
afterAll(() => shared.close());

const code = (scopes = ['crm.objects.companies.read', 'oauth']): string =>
  createAuthorizationCode(ctx.state, { clientId: APP.clientId, hubId: ctx.portal.hubId, scopes });

async function v3Token(fields: Record<string, string>): Promise<Response> {
  return api(ctx.url, '/oauth/v3/token', form({ client_id: APP.clientId, client_secret: APP.clientSecret, ...fields }));
}

describe('OAuth', () => {
  it('when a code is exchanged through tokensApi.create (v1), then the token opens the right portal and describes itself', async () => {
    const tokens = await client.oauth.tokensApi.create('authorization_code', code(), APP.redirectUri, APP.clientId, APP.clientSecret);
    expect(tokens.tokenType).toBe('bearer');
    expect(tokens.expiresIn).toBe(1800);
    expect(tokens.refreshToken).toBeTruthy();
    const crm = new Client({ accessToken: tokens.accessToken, basePath: ctx.url, numberOfApiCallRetries: 1 });
    await expect(crm.crm.companies.basicApi.getPage(1)).resolves.toBeDefined();
    const info = await client.oauth.accessTokensApi.get(tokens.accessToken);
    expect(info.hubId).toBe(ctx.portal.hubId);
    expect(info.scopes).toContain('crm.objects.companies.read');
    expect(info.expiresIn).toBeGreaterThan(1790);
    const raw = await (await api(ctx.url, `/oauth/v1/access-tokens/${tokens.accessToken}`)).json();
    expectValidOAuthBody('oauth.json', '/oauth/v1/access-tokens/{token}', 'get', raw);
    const rawRefresh = await (await api(ctx.url, `/oauth/v1/refresh-tokens/${tokens.refreshToken}`)).json();
    expectValidOAuthBody('oauth.json', '/oauth/v1/refresh-tokens/{token}', 'get', rawRefresh);
    const rawToken = await (await api(ctx.url, '/oauth/v1/token', form({
      grant_type: 'refresh_token', refresh_token: tokens.refreshToken as string, client_id: APP.clientId, client_secret: APP.clientSecret,
    }))).json();
    expectValidOAuthBody('oauth.json', '/oauth/v1/token', 'post', rawToken);
  });

  it('when a code is exchanged on /oauth/v3/token via apiRequest, then the answer has hub_id, scopes and expires_in 1800 in HubSpot\'s shape', async () => {
    const res = await client.apiRequest({
      method: 'POST', path: '/oauth/v3/token', defaultJson: false, headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: code(['oauth']), redirect_uri: APP.redirectUri, client_id: APP.clientId, client_secret: APP.clientSecret }).toString(),
    });
    const body = await res.json() as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 1800, hub_id: ctx.portal.hubId, scopes: ['oauth'] });
    expectValidOAuthBody('oauth-v3.json', '/oauth/v3/token', 'post', body);
  });

  it('when a code is used twice, then the second exchange is invalid_grant', async () => {
    const once = code();
    expect((await v3Token({ grant_type: 'authorization_code', code: once, redirect_uri: APP.redirectUri })).status).toBe(200);
    const again = await v3Token({ grant_type: 'authorization_code', code: once, redirect_uri: APP.redirectUri });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant', status: 'BAD_AUTH_CODE' });
  });

  it('when the client secret is wrong, then the exchange fails with invalid_client and no token', async () => {
    const res = await api(ctx.url, '/oauth/v1/token', form({ grant_type: 'authorization_code', code: code(), redirect_uri: APP.redirectUri, client_id: APP.clientId, client_secret: 'nope' }));
    expect(res.status).toBe(400);
    const body = await res.json() as Record<string, unknown>;
    expect(body).toMatchObject({ error: 'invalid_client', status: 'BAD_CLIENT_SECRET' });
    expect(body).not.toHaveProperty('access_token');
  });

  it('when refreshed, then a new working access token comes back with the same refresh token', async () => {
    const first = await client.oauth.tokensApi.create('authorization_code', code(), APP.redirectUri, APP.clientId, APP.clientSecret);
    const second = await client.oauth.tokensApi.create('refresh_token', undefined, undefined, APP.clientId, APP.clientSecret, first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).toBe(first.refreshToken);
    const refreshInfo = await client.oauth.refreshTokensApi.get(first.refreshToken as string);
    expect(refreshInfo.hubId).toBe(ctx.portal.hubId);
    expect(refreshInfo.clientId).toBe(APP.clientId);
    const crm = new Client({ accessToken: second.accessToken, basePath: ctx.url, numberOfApiCallRetries: 1 });
    await expect(crm.crm.contacts.basicApi.getPage(1)).resolves.toBeDefined();
  });

  it('when the refresh token is revoked (v3), then refresh answers invalid_grant BAD_REFRESH_TOKEN and its access tokens stop working', async () => {
    const tokens = await client.oauth.tokensApi.create('authorization_code', code(), APP.redirectUri, APP.clientId, APP.clientSecret);
    const revoke = await api(ctx.url, '/oauth/v3/token/revoke', form({ client_id: APP.clientId, client_secret: APP.clientSecret, token: tokens.refreshToken as string, token_type_hint: 'refresh_token' }));
    expect(revoke.status).toBe(200);
    const err = await client.oauth.tokensApi.create('refresh_token', undefined, undefined, APP.clientId, APP.clientSecret, tokens.refreshToken)
      .then(() => undefined, (e: unknown) => e as { code: number; body: Record<string, unknown> });
    expect(err?.code).toBe(400);
    expect(err?.body).toMatchObject({ error: 'invalid_grant', status: 'BAD_REFRESH_TOKEN' });
    expect(err?.body.error_description).toEqual(expect.any(String));
    expect(err?.body.message).toEqual(expect.any(String));
    const res = await api(ctx.url, '/crm/v3/objects/companies', { token: tokens.accessToken });
    expect(res.status).toBe(401);
  });

  it('when a refresh token is deleted through v1, then refreshing fails but issued access tokens keep working', async () => {
    const tokens = await client.oauth.tokensApi.create('authorization_code', code(), APP.redirectUri, APP.clientId, APP.clientSecret);
    await client.oauth.refreshTokensApi.archive(tokens.refreshToken as string);
    const refresh = await v3Token({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken as string });
    expect(await refresh.json()).toMatchObject({ error: 'invalid_grant', status: 'BAD_REFRESH_TOKEN' });
    expect((await api(ctx.url, '/crm/v3/objects/companies', { token: tokens.accessToken })).status).toBe(200);
  });

  it('when the token endpoint fails with 502 once, then the refresh fails without using up the refresh token and then works', async () => {
    const tokens = await client.oauth.tokensApi.create('authorization_code', code(), APP.redirectUri, APP.clientId, APP.clientSecret);
    injectFault(ctx.state, '*', { pathPattern: '^/oauth/v3/token$', count: 1, kind: 'status', status: 502 });
    const fields = { grant_type: 'refresh_token', refresh_token: tokens.refreshToken as string };
    expect((await v3Token(fields)).status).toBe(502);
    expect((await v3Token(fields)).status).toBe(200);
  });

  it('when an unknown refresh token is used, then the answer is invalid_grant', async () => {
    const res = await v3Token({ grant_type: 'refresh_token', refresh_token: 'made-up' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant', status: 'BAD_REFRESH_TOKEN' });
  });

  it('when tokens are introspected, then active ones are described in HubSpot\'s shape and revoked ones are inactive', async () => {
    const tokens = await client.oauth.tokensApi.create('authorization_code', code(), APP.redirectUri, APP.clientId, APP.clientSecret);
    const introspect = async (token: string, hint?: string) => (await api(ctx.url, '/oauth/v3/token/introspect', form({
      client_id: APP.clientId, client_secret: APP.clientSecret, token, ...(hint ? { token_type_hint: hint } : {}),
    }))).json() as Promise<Record<string, unknown>>;
    const access = await introspect(tokens.accessToken);
    expect(access).toMatchObject({ active: true, hub_id: ctx.portal.hubId, client_id: APP.clientId, token_use: 'access_token' });
    expectValidOAuthBody('oauth-v3.json', '/oauth/v3/token/introspect', 'post', access);
    const refresh = await introspect(tokens.refreshToken as string, 'refresh_token');
    expect(refresh).toMatchObject({ active: true, token_use: 'refresh_token', hub_id: ctx.portal.hubId });
    expectValidOAuthBody('oauth-v3.json', '/oauth/v3/token/introspect', 'post', refresh);
    await api(ctx.url, '/oauth/v3/token/revoke', form({ client_id: APP.clientId, client_secret: APP.clientSecret, token: tokens.accessToken }));
    expect(await introspect(tokens.accessToken)).toEqual({ active: false });
  });

  it('when the v1 access-token endpoint is asked about an unknown token, then it answers 404', async () => {
    const err = await client.oauth.accessTokensApi.get('not-a-token').then(() => undefined, (e: unknown) => e as { code: number });
    expect(err?.code).toBe(404);
  });
});
