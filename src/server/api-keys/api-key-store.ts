import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { assertSafeId } from '../ledger/ledger-keys';

export interface ApiKeyInfo {
  readonly id: string;
  readonly portalId: string;
  readonly label?: string;
  readonly createdAt: string;
  /** The key's last four characters (not a secret on their own): tells keys apart in lists. */
  readonly hint?: string;
}

export interface ApiKeyStore {
  /** A new key for the portal. The plaintext is returned once and never stored (only its SHA-256). */
  createApiKey(portalId: string, label?: string): Promise<{ key: string; info: ApiKeyInfo }>;
  /** The key's portal, or undefined for an unknown, revoked or malformed key. */
  verify(plaintext: string): Promise<ApiKeyInfo | undefined>;
  /** Revokes by key id; true when a key was removed. */
  revoke(portalId: string, keyId: string): Promise<boolean>;
  list(portalId: string): Promise<ApiKeyInfo[]>;
  /** When each key last passed `verify` (key id → ISO instant); a revoked key's entry goes with it. */
  lastUsed(portalId: string): Promise<Record<string, string>>;
}

// `rdk_<portalId>_<43 chars of base64url secret>`: the portal id inside the key lets the lookup stay in
// the portal's own keyspace (and vanish with deletePortal); it is not a secret.
const KEY_FORMAT = /^rdk_([A-Za-z0-9-]{1,64})_([A-Za-z0-9_-]{43})$/;

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/**
 * Per-portal API keys for the ingest API, in `${prefix}:p:${portalId}:api-keys` (a hash: SHA-256 of the
 * key → key info). A fast hash is right here: the keys are 256-bit random secrets, not passwords.
 */
export function createApiKeyStore(redis: Redis, prefix: string): ApiKeyStore {
  const keyOf = (portalId: string) => {
    assertSafeId('portalId', portalId);
    if (portalId.includes('_')) throw new RangeError('portalId must not contain "_" (it separates the API key parts)');
    return `${prefix}:p:${portalId}:api-keys`;
  };
  const usedKeyOf = (portalId: string) => `${keyOf(portalId)}:used`;

  return {
    async createApiKey(portalId, label) {
      const key = `rdk_${portalId}_${randomBytes(32).toString('base64url')}`;
      const info: ApiKeyInfo = { id: randomUUID(), portalId, ...(label ? { label } : {}), createdAt: new Date().toISOString(), hint: key.slice(-4) };
      await redis.hset(keyOf(portalId), sha256(key), JSON.stringify(info));
      return { key, info };
    },

    async verify(plaintext) {
      const m = KEY_FORMAT.exec(plaintext);
      if (!m) return undefined;
      const raw = await redis.hget(keyOf(m[1] as string), sha256(plaintext));
      if (!raw) return undefined;
      const info = JSON.parse(raw) as ApiKeyInfo;
      // Only for the key list's "last used": a failed write must not refuse an ingest.
      await redis.hset(usedKeyOf(info.portalId), info.id, new Date().toISOString()).catch(() => undefined);
      return info;
    },

    async revoke(portalId, keyId) {
      const all = await redis.hgetall(keyOf(portalId));
      const hash = Object.entries(all).find(([, raw]) => (JSON.parse(raw) as ApiKeyInfo).id === keyId)?.[0];
      if (!hash) return false;
      const [[, removed]] = (await redis.multi().hdel(keyOf(portalId), hash).hdel(usedKeyOf(portalId), keyId).exec()) as [[unknown, number]];
      return removed === 1;
    },

    lastUsed: (portalId) => redis.hgetall(usedKeyOf(portalId)),

    async list(portalId) {
      const all = await redis.hvals(keyOf(portalId));
      return all.map((raw) => JSON.parse(raw) as ApiKeyInfo).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
    },
  };
}
