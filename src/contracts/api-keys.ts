import { z } from 'zod';
import { SafeLabel } from './primitives';

/**
 * The admin API for ingest API keys (the settings page calls it with `hubspot.fetch`, signed by HubSpot like
 * every card request; `npm run keys` does the same on the command line). The portal comes from the signed
 * query. A key's secret is in the answer to its creation only: the backend keeps its SHA-256, never the key.
 */
export const API_KEY_PATHS = {
  /** GET: the portal's keys · POST: a new key. */
  keys: '/api/admin/api-keys',
  /** DELETE: revoke (204; 404 when the portal has no such key). */
  key: (keyId: string) => `/api/admin/api-keys/${encodeURIComponent(keyId)}`,
} as const;

const NumericId = z.string().regex(/^\d{1,20}$/, { error: 'must be a numeric HubSpot id' });

/** The signed query of every admin request; the settings page also sends the user (context.user.id), HubSpot `appId`. */
export const AdminQuery = z.object({ portalId: NumericId, userId: NumericId.optional() });
export type AdminQuery = z.infer<typeof AdminQuery>;

export const ApiKeyId = z.string().uuid({ error: 'must be a key id from the key list' });

export const CreateApiKeyRequest = z.object({
  /** What the key is for, e.g. "Exact Online export" (shown in the list). */
  label: SafeLabel(100).optional(),
}).strict();
export type CreateApiKeyRequest = z.infer<typeof CreateApiKeyRequest>;

export const ApiKeyVM = z.object({
  id: z.string(),
  label: z.string().nullable(),
  createdAt: z.string(),
  /** The key's last four characters, so a person can tell keys apart without the secret. */
  hint: z.string().nullable(),
  /** When the ingest API last accepted the key (null: never used). */
  lastUsedAt: z.string().nullable().default(null),
});
export type ApiKeyVM = z.infer<typeof ApiKeyVM>;

export const ApiKeyListVM = z.object({ items: z.array(ApiKeyVM) });
export type ApiKeyListVM = z.infer<typeof ApiKeyListVM>;

/** The answer to a creation: the only time the key itself is shown. */
export const CreatedApiKeyVM = ApiKeyVM.extend({ key: z.string() });
export type CreatedApiKeyVM = z.infer<typeof CreatedApiKeyVM>;

/** Error codes of this API (besides the signature codes every signed endpoint answers). */
export const API_KEY_ERROR_CODES = ['not_found', 'invalid_request', 'not_admin'] as const;
