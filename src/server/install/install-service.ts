import type { Result } from '../../domain/result';
import { OAuthInstallError, type OAuthInstallClient } from '../hubspot/oauth-install';
import type { JobQueues } from '../jobs/queues';
import type { AccountSettings } from '../portals/account-settings';
import type { PortalInput, PortalRegistry } from '../portals/portal-registry';
import type { TokenStore } from '../portals/token-store';
import { buildAuthorizeUrl } from './authorize-url';
import type { OAuthStateStore } from './oauth-state';
import type { Quarantine } from './quarantine';

export type InstallErrorCode = 'missing_code' | 'invalid_state' | 'code_rejected' | 'hubspot_unavailable';
export interface InstalledPortal { readonly portalId: string }

/** What a new portal gets until HubSpot's account-info answers (its time zone and currency replace these). */
export type PortalDefaults = Omit<PortalInput, 'portalId'>;

export interface InstallServiceDeps {
  readonly clientId: string;
  /** PUBLIC_BASE_URL + '/oauth/callback': must equal the redirect URL registered with the app. */
  readonly redirectUri: string;
  /** app.hubspot.com/oauth/authorize, or the sandbox's stand-in (authorize-url.ts). */
  readonly authorizeEndpoint: string;
  readonly scopes: readonly string[];
  readonly states: OAuthStateStore;
  readonly oauth: OAuthInstallClient;
  readonly portals: PortalRegistry;
  readonly tokens: TokenStore;
  readonly queues: Pick<JobQueues, 'upsertDailyScheduling' | 'enqueueSync'>;
  readonly defaults: PortalDefaults;
  /** Makes the installing HubSpot user the portal's first settings admin (a no-op once the portal named admins). */
  readonly firstAdmin?: (portalId: string, userId: string) => Promise<void>;
  /** Takes the account's time zone and currency from HubSpot (account-info) once the tokens are stored. */
  readonly account?: Pick<AccountSettings, 'refresh'>;
  /** A portal set aside after a refused refresh comes back, with everything it had, when it installs again. */
  readonly quarantine?: Pick<Quarantine, 'release'>;
  readonly now?: () => Date;
  readonly log?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

export interface InstallService {
  /** Where to send the installing user: HubSpot's authorize screen with a fresh single-use state. */
  startInstall(): Promise<string>;
  /** The OAuth callback: state check, code exchange, portal + tokens + daily run + first sync. */
  completeInstall(query: { code?: string; state?: string }): Promise<Result<InstalledPortal, InstallErrorCode>>;
}

export function createInstallService(deps: InstallServiceDeps): InstallService {
  const now = deps.now ?? (() => new Date());
  return {
    async startInstall() {
      const state = await deps.states.issue();
      return buildAuthorizeUrl({ endpoint: deps.authorizeEndpoint, clientId: deps.clientId, redirectUri: deps.redirectUri, scopes: deps.scopes, state });
    },

    async completeInstall({ code, state }) {
      // The state is checked (and spent) first: a forged callback never reaches HubSpot or our stores.
      if (!state || !(await deps.states.consume(state))) return { ok: false, error: 'invalid_state' };
      if (!code) return { ok: false, error: 'missing_code' };
      let tokens;
      try {
        tokens = await deps.oauth.exchangeCode(code, deps.redirectUri);
      } catch (err) {
        if (err instanceof OAuthInstallError && err.failure.status >= 400 && err.failure.status < 500) return { ok: false, error: 'code_rejected' };
        deps.log?.warn({ err: (err as Error).name }, 'oauth code exchange failed');
        return { ok: false, error: 'hubspot_unavailable' };
      }
      const existing = await deps.portals.get(tokens.hubId) ?? await deps.quarantine?.release(tokens.hubId);
      // A reinstall keeps the portal's settings (time zone, run time, credit controller); only tokens change.
      // Within the quarantine period that includes its data: promises, disputes, history were never deleted.
      let portal = existing ?? await deps.portals.register({ ...deps.defaults, portalId: tokens.hubId });
      await deps.tokens.save(portal.portalId, {
        accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: now().getTime() + tokens.expiresInSec * 1000,
      });
      if (tokens.userId) await deps.firstAdmin?.(portal.portalId, tokens.userId);
      // The install must not fail on it: the defaults hold until the next daily pass asks HubSpot again.
      portal = (await deps.account?.refresh(portal.portalId).catch((err: Error) => {
        deps.log?.warn({ portalId: portal.portalId, err: err.message }, 'account details not read at install');
        return undefined;
      }))?.portal ?? portal;
      await deps.queues.upsertDailyScheduling(portal);
      await deps.queues.enqueueSync({ portalId: portal.portalId }, `install-${now().getTime()}`);
      deps.log?.info({ portalId: portal.portalId, reinstall: existing !== undefined }, 'portal installed');
      return { ok: true, value: { portalId: portal.portalId } };
    },
  };
}
