import { Router } from 'express';
import { AdminQuery, ApiKeyId, CreateApiKeyRequest } from '../../../contracts/api-keys';
import type { ApiKeyService } from '../../api-keys/api-key-service';
import { AppError } from '../../errors';
import type { SettingsService } from '../../settings/settings-service';
import { noStore } from '../no-store';
import { parseJsonBody, verifyHubSpotSignature } from '../signature';

export interface ApiKeysRouterDeps {
  readonly keys: ApiKeyService;
  /** Only the portal's admins create and revoke keys (a key can write every invoice of the portal). */
  readonly isAdmin: SettingsService['isAdmin'];
  /** The app's client secret: HubSpot signs the settings page's requests with it (v3). */
  readonly clientSecret: string;
  /** PUBLIC_BASE_URL: the origin HubSpot signs. */
  readonly publicBaseUrl: string;
}

/**
 * The admin API for ingest API keys (mount at /api/admin): every request is verified as signed by HubSpot
 * (like the cards, on the raw request, before anything is parsed), the portal comes from the signed query.
 * GET /api-keys, POST /api-keys {label?} → 201 with the key (shown once), DELETE /api-keys/:id → 204; creating
 * and revoking answer 403 not_admin for a user (the signed userId) who is no admin of the app in the portal.
 */
export function createApiKeysRouter(deps: ApiKeysRouterDeps): Router {
  const router = Router();
  router.use('/api-keys', ...verifyHubSpotSignature({ clientSecret: deps.clientSecret, publicBaseUrl: deps.publicBaseUrl, maxBodyBytes: 4 * 1024 }), noStore);

  const requireAdmin = async (portalId: string, userId: string | undefined) => {
    if (!(await deps.isAdmin(portalId, userId))) throw new AppError('not_admin', 'Only an admin of the app in this portal can create or revoke ingest keys.', 403);
  };

  router.get('/api-keys', async (req, res) => {
    const { portalId } = AdminQuery.parse(req.query);
    res.json(await deps.keys.list(portalId));
  });
  router.post('/api-keys', async (req, res) => {
    const { portalId, userId } = AdminQuery.parse(req.query);
    const body = CreateApiKeyRequest.parse(parseJsonBody(req) ?? {});
    await requireAdmin(portalId, userId);
    res.status(201).json(await deps.keys.create(portalId, body.label));
  });
  router.delete('/api-keys/:keyId', async (req, res) => {
    const { portalId, userId } = AdminQuery.parse(req.query);
    const keyId = ApiKeyId.parse(req.params.keyId);
    await requireAdmin(portalId, userId);
    await deps.keys.revoke(portalId, keyId);
    res.status(204).end();
  });
  return router;
}
