import { Client } from '@hubspot/api-client';
import { z } from 'zod';
import type { PortalRegistry } from '../portals/portal-registry';
import type { RefreshTokens } from '../portals/token-store';

/**
 * The OAuth calls of an install, through `/oauth/v3/token` and `/oauth/v3/token/introspect` (form POSTs via
 * `apiRequest`: the api-client's tokensApi still calls the v1 endpoints that stop on 2027-02-16, reference §7).
 */

const TokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  hub_id: z.number().int().positive().optional(),
  /** The user who approved the install (v3 answers carry it; introspection always does). */
  user_id: z.number().int().positive().optional(),
});
const IntrospectResponse = z.object({ active: z.boolean(), hub_id: z.number().int().positive().optional(), user_id: z.number().int().positive().optional() });
/** RFC 6749 error fields that HubSpot adds to its own error body. */
const OAuthErrorBody = z.object({ error: z.string().optional() }).loose();

export interface InstallTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresInSec: number;
  /** The portal (hub) that installed the app. */
  readonly hubId: string;
  /** The HubSpot user who installed it, when HubSpot names one. */
  readonly userId?: string;
}

export type OAuthInstallFailure = { readonly code: 'invalid_grant' | 'oauth_failed'; readonly status: number };

export class OAuthInstallError extends Error {
  constructor(readonly failure: OAuthInstallFailure) {
    super(`HubSpot OAuth call failed (${failure.code}, status ${failure.status})`);
    this.name = 'OAuthInstallError';
  }
}

export interface OAuthInstallClient {
  /** Exchanges an authorization code; hub_id comes from the token response, else from introspection. */
  exchangeCode(code: string, redirectUri: string): Promise<InstallTokens>;
}

export interface OAuthAppCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

async function postForm(basePath: string, path: string, form: Record<string, string>): Promise<{ ok: boolean; status: number; body: unknown }> {
  const client = new Client({ basePath, numberOfApiCallRetries: 0 });
  const res = await client.apiRequest({
    method: 'POST', path, defaultJson: false,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  const body: unknown = await res.json().catch(() => undefined);
  return { ok: res.ok, status: res.status, body };
}

function failureOf(status: number, body: unknown): OAuthInstallFailure {
  const parsed = OAuthErrorBody.safeParse(body);
  return { code: parsed.success && parsed.data.error === 'invalid_grant' ? 'invalid_grant' : 'oauth_failed', status };
}

export function createOAuthInstallClient(opts: OAuthAppCredentials & { basePath: string }): OAuthInstallClient {
  const credentials = { client_id: opts.clientId, client_secret: opts.clientSecret };

  const introspect = async (accessToken: string): Promise<{ hubId: string; userId?: string }> => {
    const res = await postForm(opts.basePath, '/oauth/v3/token/introspect', { ...credentials, token: accessToken, token_type_hint: 'access_token' });
    if (!res.ok) throw new OAuthInstallError(failureOf(res.status, res.body));
    const facts = IntrospectResponse.parse(res.body);
    if (!facts.active || facts.hub_id === undefined) throw new OAuthInstallError({ code: 'oauth_failed', status: res.status });
    return { hubId: String(facts.hub_id), ...(facts.user_id !== undefined ? { userId: String(facts.user_id) } : {}) };
  };

  return {
    async exchangeCode(code, redirectUri) {
      const res = await postForm(opts.basePath, '/oauth/v3/token', { grant_type: 'authorization_code', ...credentials, code, redirect_uri: redirectUri });
      if (!res.ok) throw new OAuthInstallError(failureOf(res.status, res.body));
      const tokens = TokenResponse.parse(res.body);
      // Who installed where: from the token answer, else from introspection (which always names both).
      const who = tokens.hub_id !== undefined && tokens.user_id !== undefined
        ? { hubId: String(tokens.hub_id), userId: String(tokens.user_id) }
        : await introspect(tokens.access_token);
      return { accessToken: tokens.access_token, refreshToken: tokens.refresh_token, expiresInSec: tokens.expires_in, ...who };
    },
  };
}

/**
 * The token refresher (the token store's `RefreshTokens` contract) that recognises `invalid_grant`: HubSpot sends no uninstall
 * webhook, so a refused refresh token is how we learn the app was uninstalled (reference §7). It calls
 * `onRevoked(portalId)` (→ uninstallPortal) and then throws, so the job that needed the token fails.
 */
export function createUninstallAwareRefresher(opts: OAuthAppCredentials & {
  portals: PortalRegistry;
  onRevoked: (portalId: string) => Promise<void>;
}): RefreshTokens {
  return async (portalId, refreshToken) => {
    const portal = await opts.portals.require(portalId);
    const res = await postForm(portal.basePath, '/oauth/v3/token', {
      grant_type: 'refresh_token', client_id: opts.clientId, client_secret: opts.clientSecret, refresh_token: refreshToken,
    });
    if (!res.ok) {
      const failure = failureOf(res.status, res.body);
      if (failure.code === 'invalid_grant') await opts.onRevoked(portalId);
      throw new OAuthInstallError(failure);
    }
    const body = TokenResponse.parse(res.body);
    return { accessToken: body.access_token, refreshToken: body.refresh_token, expiresInSec: body.expires_in };
  };
}
