import { Router } from 'express';
import { AdminQuery, ApiKeyId, CreateApiKeyRequest } from '../../../contracts/api-keys';
import type { ApiKeyService } from '../../api-keys/api-key-service';
import { noStore } from '../no-store';
import { parseJsonBody, verifyHubSpotSignature } from '../signature';

export interface ApiKeysRouterDeps {
  readonly keys: ApiKeyService;
  /** The app's client secret: HubSpot signs the settings page's requests with it (v3). */
  readonly clientSecret: string;
  /** PUBLIC_BASE_URL: the origin HubSpot signs. */
  readonly publicBaseUrl: string;
}

/**
 * The admin API for ingest API keys (mount at /api/admin): every request is verified as signed by HubSpot
 * (like the cards, on the raw request, before anything is parsed), the portal comes from the signed query.
 * GET /api-keys, POST /api-keys {label?} → 201 with the key (shown once), DELETE /api-keys/:id → 204.
 */
export function createApiKeysRouter(deps: ApiKeysRouterDeps): Router {
  const router = Router();
  router.use('/api-keys', ...verifyHubSpotSignature({ clientSecret: deps.clientSecret, publicBaseUrl: deps.publicBaseUrl, maxBodyBytes: 4 * 1024 }), noStore);

  router.get('/api-keys', async (req, res) => {
    const { portalId } = AdminQuery.parse(req.query);
    res.json(await deps.keys.list(portalId));
  });
  router.post('/api-keys', async (req, res) => {
    const { portalId } = AdminQuery.parse(req.query);
    const body = CreateApiKeyRequest.parse(parseJsonBody(req) ?? {});
    res.status(201).json(await deps.keys.create(portalId, body.label));
  });
  router.delete('/api-keys/:keyId', async (req, res) => {
    const { portalId } = AdminQuery.parse(req.query);
    await deps.keys.revoke(portalId, ApiKeyId.parse(req.params.keyId));
    res.status(204).end();
  });
  return router;
}
