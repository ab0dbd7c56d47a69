import { Router } from 'express';
import { PolicyPreviewRequest, SettingsQuery, UpdateSettingsRequest } from '../../../contracts/settings';
import { portalDay, type PortalDayDeps } from '../../cards/portal-day';
import { policyPreview } from '../../settings/policy-preview';
import { AppError } from '../../errors';
import type { PortalRegistry } from '../../portals/portal-registry';
import type { SettingsService, UpdateFailure } from '../../settings/settings-service';
import { noStore } from '../no-store';
import { parseJsonBody, verifyHubSpotSignature } from '../signature';

export interface SettingsRouterDeps extends Pick<PortalDayDeps, 'now' | 'calendarFor'> {
  readonly settings: SettingsService;
  readonly portals: Pick<PortalRegistry, 'get'>;
  /** The app's client secret: HubSpot signs the settings page's requests with it (v3). */
  readonly clientSecret: string;
  readonly publicBaseUrl: string;
}

/** A whole policy with 30 steps is ~10 KB of JSON. */
const MAX_BODY_BYTES = 64 * 1024;

const FAILURES: Record<UpdateFailure['code'], { status: number; message: string }> = {
  not_admin: { status: 403, message: 'Only an admin of the app in this portal can change its settings.' },
  version_conflict: { status: 409, message: 'Someone saved the settings meanwhile. Reload them and make the change again.' },
  invalid_settings: { status: 400, message: 'The settings are not valid; nothing was saved.' },
};

/**
 * The settings page's API (mount at /api/settings), signed by HubSpot like every card request; portal and user
 * come from the signed query. GET / → the portal's settings; POST /preview {policy…} → the policy's dates for one
 * invoice (nothing saved); PATCH / {version, sections…} → saved settings,
 * 403 for a user who is no admin, 409 on a stale version, 400 with every problem at once.
 */
export function createSettingsRouter(deps: SettingsRouterDeps): Router {
  const router = Router();
  router.use(...verifyHubSpotSignature({ clientSecret: deps.clientSecret, publicBaseUrl: deps.publicBaseUrl, maxBodyBytes: MAX_BODY_BYTES }), noStore);

  const installed = async (portalId: string) => {
    // The same answer for a portal that never installed the app as for anything else unknown.
    if (!(await deps.portals.get(portalId))) throw new AppError('not_found', 'This portal has not installed the app.', 404);
  };

  router.get('/', async (req, res) => {
    const q = SettingsQuery.parse(req.query);
    await installed(q.portalId);
    res.json(await deps.settings.view(q.portalId, q.userId));
  });

  // A preview reads nothing of the portal but its calendar; anyone who may read the settings may preview.
  router.post('/preview', async (req, res) => {
    const q = SettingsQuery.parse(req.query);
    const body = PolicyPreviewRequest.parse(parseJsonBody(req) ?? {});
    await installed(q.portalId);
    const result = policyPreview(body, await portalDay(deps, q.portalId));
    if (result.ok) { res.json(result.value); return; }
    res.status(400).json({ code: 'invalid_settings', message: 'The policy is not valid, so it has no dates to preview.', problems: result.error });
  });

  router.patch('/', async (req, res) => {
    const q = SettingsQuery.parse(req.query);
    const body = UpdateSettingsRequest.parse(parseJsonBody(req) ?? {});
    await installed(q.portalId);
    const result = await deps.settings.update(q.portalId, q.userId, body);
    if (result.ok) { res.json(result.value); return; }
    const f = FAILURES[result.error.code];
    res.status(f.status).json({ code: result.error.code, message: f.message, ...problemsOf(result.error) });
  });
  return router;
}

const problemsOf = (e: UpdateFailure) =>
  e.code === 'invalid_settings' ? { problems: e.problems } : e.code === 'version_conflict' ? { currentVersion: e.currentVersion } : {};
