import { randomBytes } from 'node:crypto';
import { generateDemoData, loadDemoPortal, type DemoData } from '../../sandbox/demo';
import { registerApp } from '../../sandbox/oauth';
import { startSandbox, type StartedSandbox } from '../../sandbox/server';
import { SandboxState } from '../../sandbox/state';

export interface EmbeddedHubSpot {
  readonly sandbox: StartedSandbox;
  readonly portalId: string;
  readonly accessToken: string;
  /** The local OAuth app; its secret is the key of the signatures the card API checks. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** The local app's id: webhook events carry it. */
  readonly appId: number;
  readonly creditControllerOwnerId?: string;
  /** The HubSpot user id of the credit controller, who installed the app and administers its settings. */
  readonly adminUserId?: string;
  readonly data: DemoData;
}

/** The local HubSpot account's own settings, as its account-info API reports them (a Dutch account by default). */
export interface EmbeddedAccount {
  readonly timeZone?: string;
  readonly currency?: string;
}

const A_YEAR_IN_SECONDS = 365 * 24 * 3600;

/**
 * The embedded default: a local HubSpot portal filled with the seeded demo company base, an OAuth app
 * whose secret is random per run, and a long-lived token (as a private app would have).
 */
export async function startEmbeddedHubSpot(opts: { seed: number; redirectUri: string; account?: EmbeddedAccount }): Promise<EmbeddedHubSpot> {
  const state = new SandboxState();
  const portal = state.createPortal({
    settings: { rateLimitTier: 'marketplace', timeZone: opts.account?.timeZone ?? 'Europe/Amsterdam', currency: opts.account?.currency ?? 'EUR' },
  });
  const data = generateDemoData(opts.seed);
  const loaded = loadDemoPortal(portal, data);
  const clientSecret = randomBytes(24).toString('base64url');
  const clientId = 'receivables-desk-local';
  const { appId } = registerApp(state, { clientId, clientSecret, redirectUri: opts.redirectUri });
  const accessToken = state.issueAccessToken(portal.hubId, { expiresInSeconds: A_YEAR_IN_SECONDS });
  const sandbox = await startSandbox({ state });
  const creditController = data.owners.find((o) => o.creditControl);
  const creditControllerOwnerId = creditController ? loaded.ownerIds[creditController.key] : undefined;
  const adminUserId = creditControllerOwnerId ? portal.owners.get(creditControllerOwnerId)?.userId : undefined;
  return {
    sandbox, portalId: String(portal.hubId), accessToken, clientId, clientSecret, appId, data,
    ...(creditControllerOwnerId ? { creditControllerOwnerId } : {}),
    ...(adminUserId !== undefined ? { adminUserId: String(adminUserId) } : {}),
  };
}
