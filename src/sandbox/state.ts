import { randomBytes } from 'node:crypto';
import { DEFAULT_PORTAL_SETTINGS, Portal } from './crm/portal';
import type { PortalSettings, RequestLogEntry } from './crm/types';

export { Portal } from './crm/portal';
export type {
  ChangeEvent, PortalSettings, RateLimitTier, RequestLogEntry, SandboxObjectType, SandboxOwner, SandboxRecord, WriteOptions,
} from './crm/types';
export { SANDBOX_OBJECT_TYPES } from './crm/types';

interface IssuedToken { hubId: number; expiresAt: number; scopes: string[] }

/** Access tokens live 30 minutes, like HubSpot's OAuth access tokens (`expires_in` 1800). */
export const ACCESS_TOKEN_SECONDS = 1800;

/** Everything the sandbox holds: portals and the bearer tokens that open them. In memory only. */
export class SandboxState {
  readonly portals = new Map<number, Portal>();
  /** Requests that reached no portal (bad token, OAuth endpoints). */
  readonly unassignedRequestLog: RequestLogEntry[] = [];
  private readonly tokens = new Map<string, IssuedToken>();
  private nextHubId = 14_000_001;
  private nextRecordId = 1001;

  createPortal(opts: { hubId?: number; settings?: Partial<PortalSettings> } = {}): Portal {
    const hubId = opts.hubId ?? this.nextHubId++;
    if (!Number.isInteger(hubId) || hubId <= 0) throw new Error(`hubId must be a positive integer, got ${hubId}`);
    if (this.portals.has(hubId)) throw new Error(`Portal ${hubId} already exists`);
    const portal = new Portal(hubId, { ...DEFAULT_PORTAL_SETTINGS, ...opts.settings }, () => String(this.nextRecordId++));
    this.portals.set(hubId, portal);
    return portal;
  }

  issueAccessToken(hubId: number, opts: { expiresInSeconds?: number; scopes?: string[]; now?: number } = {}): string {
    if (!this.portals.has(hubId)) throw new Error(`No portal ${hubId}`);
    // HubSpot's tokens are opaque; a regional prefix like theirs helps spot them in logs without revealing them.
    const token = `sbx-eu1-${randomBytes(24).toString('base64url')}`;
    const now = opts.now ?? Date.now();
    this.tokens.set(token, { hubId, expiresAt: now + (opts.expiresInSeconds ?? ACCESS_TOKEN_SECONDS) * 1000, scopes: opts.scopes ?? [] });
    return token;
  }

  revokeAccessToken(token: string): void {
    this.tokens.delete(token);
  }

  portalForToken(token: string, now: number = Date.now()): Portal | undefined {
    const t = this.tokens.get(token);
    if (!t || t.expiresAt <= now) return undefined;
    return this.portals.get(t.hubId);
  }

  /** Token facts for introspection endpoints; undefined when unknown, expired or revoked. */
  accessTokenInfo(token: string, now: number = Date.now()): { hubId: number; scopes: string[]; expiresInSeconds: number } | undefined {
    const t = this.tokens.get(token);
    if (!t || t.expiresAt <= now) return undefined;
    return { hubId: t.hubId, scopes: [...t.scopes], expiresInSeconds: Math.floor((t.expiresAt - now) / 1000) };
  }
}
