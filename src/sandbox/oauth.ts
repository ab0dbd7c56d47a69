import { randomUUID } from 'node:crypto';
import express, { Router, type Response } from 'express';
import { z } from 'zod';
import type { SandboxState } from './state';
import { faultInjection } from './faults';
import { ACCESS_TOKEN_TTL_SECONDS, oauthStore, type AccessGrant, type OAuthApp, type OAuthStore, type RefreshGrant } from './oauth-store';

export { registerApp, createAuthorizationCode, oauthStore, uninstallApp, type OAuthApp } from './oauth-store';

/** HubSpot's OAuth endpoints (v1 legacy, v3 and its date-versioned 2026-03 twin), form-encoded, answered in HubSpot's shapes (oauth*.json). */
export function oauthRouter(state: SandboxState): Router {
  const store = oauthStore(state);
  const router = Router();
  // OAuth sits before bearer auth, so only portal-independent ('*') faults apply here: enough to test refresh under 5xx.
  router.use('/oauth', faultInjection(state), express.urlencoded({ extended: false, limit: '64kb' }));

  router.post(['/oauth/v1/token', '/oauth/v3/token', '/oauth/2026-03/token'], (req, res) => {
    const v3 = !req.path.startsWith('/oauth/v1');
    const form = TokenForm.safeParse(req.body ?? {});
    if (!form.success) return fail(res, 400, 'invalid_request', 'BAD_REQUEST', `invalid token request: ${form.error.issues.map((i) => i.path.join('.') + ' ' + i.message).join('; ')}`);
    const app = authenticateClient(store, res, form.data.client_id, form.data.client_secret);
    if (!app) return;
    const result = form.data.grant_type === 'authorization_code' ? exchangeCode(store, res, app, form.data) : refresh(store, res, app, form.data.refresh_token);
    if (!result) return;
    const { access, refresh: refreshGrant } = result;
    res.json({
      token_type: 'bearer', access_token: access.token, refresh_token: refreshGrant.token, expires_in: ACCESS_TOKEN_TTL_SECONDS,
      hub_id: access.hubId, user_id: access.userId, token_use: 'access_token', ...(v3 ? { scopes: access.scopes } : {}),
    });
  });

  router.get('/oauth/v1/access-tokens/:token', (req, res) => {
    const grant = store.describeAccessToken(req.params.token);
    if (!grant) return fail(res, 404, 'invalid_token', 'NOT_FOUND', 'access token not found or expired');
    res.json({ ...accessTokenFacts(grant), token_type: 'access' });
  });

  router.get('/oauth/v1/refresh-tokens/:token', (req, res) => {
    const grant = store.refreshTokens.get(req.params.token);
    if (!grant || grant.revoked) return fail(res, 404, 'invalid_token', 'NOT_FOUND', 'refresh token not found');
    res.json({ ...refreshTokenFacts(grant), token_type: 'refresh' });
  });

  router.delete('/oauth/v1/refresh-tokens/:token', (req, res) => {
    // v1 semantics: only the refresh token dies; access tokens run until they expire.
    if (!store.revokeRefreshToken(req.params.token, false)) return fail(res, 404, 'invalid_token', 'NOT_FOUND', 'refresh token not found');
    res.status(204).end();
  });

  router.post(['/oauth/v3/token/introspect', '/oauth/2026-03/token/introspect'], (req, res) => {
    const form = TokenForm2.safeParse(req.body ?? {});
    if (!form.success) return fail(res, 400, 'invalid_request', 'BAD_REQUEST', 'client_id, client_secret and token are required');
    const app = authenticateClient(store, res, form.data.client_id, form.data.client_secret);
    if (!app) return;
    const { token, token_type_hint: hint } = form.data;
    const refreshGrant = hint === 'access_token' ? undefined : store.refreshTokens.get(token);
    if (refreshGrant && !refreshGrant.revoked && refreshGrant.clientId === app.clientId) {
      return res.json({ active: true, ...refreshTokenFacts(refreshGrant), app_id: refreshGrant.appId, token_type: 'refresh', token_use: 'refresh_token' });
    }
    const access = hint === 'refresh_token' ? undefined : store.describeAccessToken(token);
    if (access && (access.clientId === app.clientId || access.appId === 0)) {
      return res.json({ active: true, ...accessTokenFacts(access), client_id: app.clientId, app_id: app.appId, token_type: 'bearer', token_use: 'access_token' });
    }
    res.json({ active: false });
  });

  router.post(['/oauth/v3/token/revoke', '/oauth/2026-03/token/revoke'], (req, res) => {
    const form = TokenForm2.safeParse(req.body ?? {});
    if (!form.success) return fail(res, 400, 'invalid_request', 'BAD_REQUEST', 'client_id, client_secret and token are required');
    const app = authenticateClient(store, res, form.data.client_id, form.data.client_secret);
    if (!app) return;
    const { token } = form.data;
    // RFC 7009: revoking an unknown token is not an error.
    if (!store.revokeRefreshToken(token, true) && store.accessTokens.get(token)?.clientId === app.clientId) store.revokeAccessToken(token);
    res.status(200).end();
  });

  // Sandbox stand-in for the install screen: approves at once and redirects with a code.
  router.get('/oauth/authorize', (req, res) => {
    const q = AuthorizeQuery.safeParse(req.query);
    if (!q.success) return fail(res, 400, 'invalid_request', 'BAD_REQUEST', 'client_id and redirect_uri are required');
    const app = store.apps.get(q.data.client_id);
    if (!app) return fail(res, 400, 'invalid_client', 'BAD_CLIENT_ID', 'unknown client id');
    if (q.data.redirect_uri !== app.redirectUri) return fail(res, 400, 'invalid_request', 'BAD_REDIRECT_URI', 'redirect_uri does not match the app');
    const hubId = q.data.portalId ?? [...state.portals.keys()][0];
    if (hubId === undefined || !state.portals.has(hubId)) return fail(res, 400, 'invalid_request', 'BAD_REQUEST', 'no such portal');
    const code = store.createAuthorizationCode({ clientId: app.clientId, hubId, scopes: q.data.scope?.split(/[ +]/).filter(Boolean) ?? [] });
    const target = new URL(app.redirectUri);
    target.searchParams.set('code', code);
    if (q.data.state) target.searchParams.set('state', q.data.state);
    res.redirect(302, target.toString());
  });

  return router;
}

const TokenForm = z.discriminatedUnion('grant_type', [
  z.object({ grant_type: z.literal('authorization_code'), client_id: z.string(), client_secret: z.string(), code: z.string().optional(), redirect_uri: z.string().optional() }),
  z.object({ grant_type: z.literal('refresh_token'), client_id: z.string(), client_secret: z.string(), refresh_token: z.string().optional() }),
]);
const TokenForm2 = z.object({ client_id: z.string(), client_secret: z.string(), token: z.string().min(1), token_type_hint: z.enum(['access_token', 'refresh_token']).optional() });
const AuthorizeQuery = z.object({ client_id: z.string(), redirect_uri: z.string(), scope: z.string().optional(), state: z.string().optional(), portalId: z.coerce.number().int().optional() });

function fail(res: Response, httpStatus: number, error: string, status: string, message: string): void {
  res.status(httpStatus).json({ status, message, error, error_description: message, correlationId: randomUUID(), category: status === 'NOT_FOUND' ? 'OBJECT_NOT_FOUND' : 'VALIDATION_ERROR' });
}

function authenticateClient(store: OAuthStore, res: Response, clientId: string, clientSecret: string): OAuthApp | undefined {
  const app = store.apps.get(clientId);
  if (!app) return void fail(res, 400, 'invalid_client', 'BAD_CLIENT_ID', 'missing or unknown client id');
  if (app.clientSecret !== clientSecret) return void fail(res, 400, 'invalid_client', 'BAD_CLIENT_SECRET', 'missing or invalid client secret');
  return app;
}

function exchangeCode(store: OAuthStore, res: Response, app: OAuthApp, form: { code?: string; redirect_uri?: string }): ReturnType<OAuthStore['issueTokens']> | undefined {
  const code = form.code ? store.takeCode(form.code) : undefined;
  if (!code || code.clientId !== app.clientId) return void fail(res, 400, 'invalid_grant', 'BAD_AUTH_CODE', 'missing or unknown auth code');
  if (form.redirect_uri !== code.redirectUri) return void fail(res, 400, 'invalid_grant', 'BAD_REDIRECT_URI', 'redirect_uri does not match the one used to authorize');
  return store.issueTokens(app, code);
}

function refresh(store: OAuthStore, res: Response, app: OAuthApp, token: string | undefined): ReturnType<OAuthStore['issueTokens']> | undefined {
  const grant = token ? store.refreshTokens.get(token) : undefined;
  if (!grant || grant.revoked || grant.clientId !== app.clientId) return void fail(res, 400, 'invalid_grant', 'BAD_REFRESH_TOKEN', 'missing or invalid refresh token');
  return store.issueTokens(app, grant, grant.token);
}

function accessTokenFacts(grant: AccessGrant): Record<string, unknown> {
  const now = Date.now();
  return {
    token: grant.token, user: `installer@portal-${grant.hubId}.example`, hub_domain: `portal-${grant.hubId}.sandbox.local`, scopes: grant.scopes,
    hub_id: grant.hubId, app_id: grant.appId, client_id: grant.clientId, user_id: grant.userId, is_private_distribution: false,
    expires_in: Math.max(0, Math.floor((grant.expiresAt - now) / 1000)),
    signed_access_token: {
      appId: grant.appId, appInstallId: `${grant.appId}-${grant.hubId}`, audience: 'sandbox', expiresAt: grant.expiresAt, hubId: grant.hubId,
      hublet: 'na1', installingUserId: grant.userId, isPrivateDistribution: false, isServiceAccount: false, isUserLevel: false,
      newSignature: 'sandbox', scopeToScopeGroupPks: '', scopes: grant.scopes.join(' '), signature: 'sandbox',
      trialScopeToScopeGroupPks: '', trialScopes: '', userId: grant.userId,
    },
  };
}

function refreshTokenFacts(grant: RefreshGrant): Record<string, unknown> {
  return {
    token: grant.token, user: `installer@portal-${grant.hubId}.example`, hub_domain: `portal-${grant.hubId}.sandbox.local`,
    scopes: grant.scopes, hub_id: grant.hubId, client_id: grant.clientId, user_id: grant.userId,
  };
}
