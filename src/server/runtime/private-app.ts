import type { Backend } from '../compose';
import { portalDefaultsFrom } from '../install/portal-defaults';
import type { Config } from '../config';
import type { Portal } from '../portals/portal-registry';

/**
 * Private-app mode: the one portal of HUBSPOT_PORTAL_ID, installed at start with the static token of
 * HUBSPOT_ACCESS_TOKEN (no OAuth, no refresh). A portal registered earlier keeps its settings; the token is
 * saved again on every start (it may have been rotated), the daily pass is scheduled and a first full pass
 * brings the ledger into HubSpot.
 */
export async function installPrivateApp(backend: Backend, config: Config, app: { portalId: string; accessToken: string }): Promise<Portal> {
  const existing = await backend.hubspot.portals.get(app.portalId);
  const portal = existing ?? await backend.hubspot.portals.register({
    ...portalDefaultsFrom(config, config.HUBSPOT_BASE_PATH!), portalId: app.portalId,
  });
  await backend.hubspot.tokens.save(portal.portalId, { accessToken: app.accessToken });
  await backend.queues.upsertDailyScheduling(portal);
  await backend.hubspot.refresh.startDailyPass(portal.portalId);
  return portal;
}
