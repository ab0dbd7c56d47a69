import { Router } from 'express';
import { DeadLetterId, OperationsQuery } from '../../../contracts/operations';
import { AppError } from '../../errors';
import type { OperationsFailure, SyncHealth } from '../../operations/sync-health';
import { noStore } from '../no-store';
import { verifyHubSpotSignature } from '../signature';

export interface OperationsRouterDeps {
  readonly health: SyncHealth;
  /** The app's client secret: HubSpot signs the settings page's requests with it (v3). */
  readonly clientSecret: string;
  readonly publicBaseUrl: string;
}

const FAILURES: Record<OperationsFailure, { status: number; message: string }> = {
  not_admin: { status: 403, message: 'Only an admin of the app in this portal can retry or discard dead letters.' },
  not_found: { status: 404, message: 'The portal has no such dead letter (it may have been retried or discarded already).' },
};

const fail = (code: OperationsFailure) => new AppError(code, FAILURES[code].message, FAILURES[code].status);

/**
 * Sync health of the settings page (mount at /api/admin), signed by HubSpot like every card request:
 * GET /sync-health → SyncHealthVM; POST /dead-letters/:id/retry → 202 RetriedVM; DELETE /dead-letters/:id → 204.
 * Retry and discard need an app admin of the portal (403 otherwise).
 */
export function createOperationsRouter(deps: OperationsRouterDeps): Router {
  const router = Router();
  router.use(['/sync-health', '/dead-letters'], ...verifyHubSpotSignature({ clientSecret: deps.clientSecret, publicBaseUrl: deps.publicBaseUrl, maxBodyBytes: 1024 }), noStore);

  router.get('/sync-health', async (req, res) => {
    const q = OperationsQuery.parse(req.query);
    const view = await deps.health.view(q.portalId, q.userId);
    if (!view) throw new AppError('not_found', 'This portal has not installed the app.', 404);
    res.json(view);
  });
  router.post('/dead-letters/:letterId/retry', async (req, res) => {
    const q = OperationsQuery.parse(req.query);
    const result = await deps.health.retry(q.portalId, q.userId, DeadLetterId.parse(req.params.letterId));
    if (!result.ok) throw fail(result.error);
    res.status(202).json(result.value);
  });
  router.delete('/dead-letters/:letterId', async (req, res) => {
    const q = OperationsQuery.parse(req.query);
    const result = await deps.health.discard(q.portalId, q.userId, DeadLetterId.parse(req.params.letterId));
    if (!result.ok) throw fail(result.error);
    res.status(204).end();
  });
  return router;
}
