import type { ApiKeyListVM, ApiKeyVM, CreatedApiKeyVM } from '../../contracts/api-keys';
import { AppError } from '../errors';
import type { PortalRegistry } from '../portals/portal-registry';
import type { ApiKeyInfo, ApiKeyStore } from './api-key-store';

const toVM = (info: ApiKeyInfo, lastUsedAt?: string): ApiKeyVM => ({
  id: info.id, label: info.label ?? null, createdAt: info.createdAt, hint: info.hint ?? null, lastUsedAt: lastUsedAt ?? null,
});

/** Create (shown once), list and revoke a portal's ingest API keys: one service for the admin endpoint and `npm run keys`. */
export function createApiKeyService(deps: { apiKeys: ApiKeyStore; portals: Pick<PortalRegistry, 'get'> }) {
  const installed = async (portalId: string) => {
    // Keys for a portal that is not installed could never ingest anything: the same 404 as an unknown key.
    if (!(await deps.portals.get(portalId))) throw new AppError('not_found', `Portal ${portalId} is not installed.`, 404);
  };
  return {
    async create(portalId: string, label?: string): Promise<CreatedApiKeyVM> {
      await installed(portalId);
      const { key, info } = await deps.apiKeys.createApiKey(portalId, label);
      return { ...toVM(info), key };
    },
    async list(portalId: string): Promise<ApiKeyListVM> {
      await installed(portalId);
      const [keys, used] = await Promise.all([deps.apiKeys.list(portalId), deps.apiKeys.lastUsed(portalId)]);
      return { items: keys.map((k) => toVM(k, used[k.id])) };
    },
    async revoke(portalId: string, keyId: string): Promise<void> {
      await installed(portalId);
      if (!(await deps.apiKeys.revoke(portalId, keyId))) throw new AppError('not_found', `No API key ${keyId} in this portal.`, 404);
    },
  };
}
export type ApiKeyService = ReturnType<typeof createApiKeyService>;
