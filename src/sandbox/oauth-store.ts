import { randomBytes, randomUUID } from 'node:crypto';
import type { SandboxState } from './state';

/** OAuth bookkeeping for the sandbox, kept beside (not inside) SandboxState so state.ts stays the core's. */

export interface OAuthApp { appId: number; clientId: string; clientSecret: string; redirectUri: string }
interface AuthCode { clientId: string; hubId: number; scopes: string[]; redirectUri: string; userId: number }
export interface RefreshGrant { token: string; clientId: string; appId: number; hubId: number; scopes: string[]; userId: number; revoked: boolean }
export interface AccessGrant { token: string; clientId: string; appId: number; hubId: number; scopes: string[]; userId: number; expiresAt: number; refreshToken?: string }

export const ACCESS_TOKEN_TTL_SECONDS = 1800;
/** The fictional user who installs apps; HubSpot always reports an installing user. */
export const INSTALLING_USER_ID = 2_000_001;

export class OAuthStore {
  readonly apps = new Map<string, OAuthApp>();
  private readonly codes = new Map<string, AuthCode>();
  readonly refreshTokens = new Map<string, RefreshGrant>();
  readonly accessTokens = new Map<string, AccessGrant>();
  private nextAppId = 1_000_001;

  constructor(private readonly state: SandboxState) {}

  registerApp(input: { clientId: string; clientSecret: string; redirectUri: string; appId?: number }): OAuthApp {
    if (!input.clientId || !input.clientSecret) throw new Error('clientId and clientSecret are required');
    const app: OAuthApp = { appId: input.appId ?? this.nextAppId++, clientId: input.clientId, clientSecret: input.clientSecret, redirectUri: input.redirectUri };
    this.apps.set(app.clientId, app);
    return app;
  }

  /** The result of a user approving the install screen: a single-use code for `hubId`. */
  createAuthorizationCode(input: { clientId: string; hubId: number; scopes?: string[]; redirectUri?: string; userId?: number }): string {
    const app = this.apps.get(input.clientId);
    if (!app) throw new Error(`no app registered with client id ${input.clientId}`);
    if (!this.state.portals.has(input.hubId)) throw new Error(`no portal ${input.hubId}`);
    const code = randomUUID();
    this.codes.set(code, {
      clientId: app.clientId, hubId: input.hubId, scopes: input.scopes ?? ['oauth'],
      redirectUri: input.redirectUri ?? app.redirectUri, userId: input.userId ?? INSTALLING_USER_ID,
    });
    return code;
  }

  /** Single use, like HubSpot: a second exchange of the same code fails. */
  takeCode(code: string): AuthCode | undefined {
    const found = this.codes.get(code);
    this.codes.delete(code);
    return found;
  }

  issueTokens(app: OAuthApp, grant: { hubId: number; scopes: string[]; userId: number }, refreshToken?: string, now = Date.now()): { access: AccessGrant; refresh: RefreshGrant } {
    const refresh = refreshToken ? this.refreshTokens.get(refreshToken) : undefined;
    const refreshGrant = refresh ?? {
      token: `${randomUUID()}-${randomBytes(6).toString('hex')}`, clientId: app.clientId, appId: app.appId,
      hubId: grant.hubId, scopes: grant.scopes, userId: grant.userId, revoked: false,
    };
    this.refreshTokens.set(refreshGrant.token, refreshGrant);
    const token = this.state.issueAccessToken(grant.hubId, { expiresInSeconds: ACCESS_TOKEN_TTL_SECONDS, scopes: grant.scopes });
    const access: AccessGrant = {
      token, clientId: app.clientId, appId: app.appId, hubId: grant.hubId, scopes: grant.scopes, userId: grant.userId,
      expiresAt: now + ACCESS_TOKEN_TTL_SECONDS * 1000, refreshToken: refreshGrant.token,
    };
    this.accessTokens.set(token, access);
    return { access, refresh: refreshGrant };
  }

  /** Revoking a refresh token (v3 revoke) also ends the access tokens it produced. */
  revokeRefreshToken(token: string, alsoAccessTokens: boolean): boolean {
    const grant = this.refreshTokens.get(token);
    if (!grant) return false;
    grant.revoked = true;
    if (alsoAccessTokens) {
      for (const access of this.accessTokens.values()) {
        if (access.refreshToken === token) this.revokeAccessToken(access.token);
      }
    }
    return true;
  }

  /**
   * A user uninstalls the app from the account (Settings → Connected apps): its refresh tokens there stop
   * working (a refresh answers invalid_grant BAD_REFRESH_TOKEN, the shape oauth.ts answers) and so do their access tokens (401).
   */
  uninstallApp(hubId: number, clientId: string): number {
    const grants = [...this.refreshTokens.values()].filter((g) => g.hubId === hubId && g.clientId === clientId && !g.revoked);
    for (const grant of grants) this.revokeRefreshToken(grant.token, true);
    return grants.length;
  }

  revokeAccessToken(token: string): void {
    this.state.revokeAccessToken(token);
    this.accessTokens.delete(token);
  }

  /** Access token facts; tokens issued directly by SandboxState (tests, main) are known by portal only. */
  describeAccessToken(token: string, now = Date.now()): AccessGrant | undefined {
    const portal = this.state.portalForToken(token, now);
    if (!portal) return undefined;
    const known = this.accessTokens.get(token);
    if (known) return known;
    return { token, clientId: '', appId: 0, hubId: portal.hubId, scopes: [], userId: INSTALLING_USER_ID, expiresAt: now + ACCESS_TOKEN_TTL_SECONDS * 1000 };
  }
}

const stores = new WeakMap<SandboxState, OAuthStore>();

export function oauthStore(state: SandboxState): OAuthStore {
  let store = stores.get(state);
  if (!store) {
    store = new OAuthStore(state);
    stores.set(state, store);
  }
  return store;
}

export function registerApp(state: SandboxState, input: { clientId: string; clientSecret: string; redirectUri: string; appId?: number }): OAuthApp {
  return oauthStore(state).registerApp(input);
}

export function uninstallApp(state: SandboxState, hubId: number, clientId: string): number {
  return oauthStore(state).uninstallApp(hubId, clientId);
}

export function createAuthorizationCode(state: SandboxState, input: { clientId: string; hubId: number; scopes?: string[]; redirectUri?: string }): string {
  return oauthStore(state).createAuthorizationCode(input);
}
