import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { decryptSecret, encryptSecret } from './token-cipher';

const TokenSetSchema = z.object({
  accessToken: z.string().min(1),
  /** Absent for a static token (the embedded sandbox, a private app). */
  refreshToken: z.string().min(1).optional(),
  /** Epoch ms; absent means it does not expire. */
  expiresAt: z.number().int().optional(),
});
export type TokenSet = z.infer<typeof TokenSetSchema>;

/** Exchanges a refresh token for a new token set (the OAuth v3 endpoint; see hubspot/oauth-install.ts). */
export type RefreshTokens = (portalId: string, refreshToken: string) => Promise<{ accessToken: string; refreshToken: string; expiresInSec: number }>;

export interface TokenStore {
  save(portalId: string, tokens: TokenSet): Promise<void>;
  /** A valid access token, refreshed first when it expires within the refresh margin. */
  getAccessToken(portalId: string): Promise<string>;
  /**
   * HubSpot refused `rejected` (401) before it expired — access revoked, or the app uninstalled: marks it expired
   * so the next `getAccessToken` refreshes (and learns which). False when there is no refresh to try.
   */
  expire(portalId: string, rejected: string): Promise<boolean>;
  remove(portalId: string): Promise<void>;
}

export interface TokenStoreDeps {
  readonly redis: Redis;
  readonly prefix: string;
  /** 32 bytes (config TOKEN_ENCRYPTION_KEY). */
  readonly key: Buffer;
  readonly refresh?: RefreshTokens;
  /** Refresh this long before expiry (HubSpot access tokens live 30 min). */
  readonly refreshMarginMs?: number;
  readonly now?: () => number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createTokenStore(deps: TokenStoreDeps): TokenStore {
  const { redis, prefix, key } = deps;
  const margin = deps.refreshMarginMs ?? 5 * 60_000;
  const now = deps.now ?? Date.now;
  const tokenKey = (id: string) => `${prefix}:p:${id}:oauth`;
  const lockKey = (id: string) => `${prefix}:p:${id}:oauth:refreshing`;

  const load = async (portalId: string): Promise<TokenSet | undefined> => {
    const sealed = await redis.get(tokenKey(portalId));
    return sealed ? TokenSetSchema.parse(JSON.parse(decryptSecret(key, portalId, sealed))) : undefined;
  };
  const save = async (portalId: string, tokens: TokenSet) => {
    await redis.set(tokenKey(portalId), encryptSecret(key, portalId, JSON.stringify(TokenSetSchema.parse(tokens))));
  };
  const fresh = (t: TokenSet) => t.expiresAt === undefined || t.expiresAt - now() > margin;

  return {
    save,
    async getAccessToken(portalId) {
      for (let attempt = 0; attempt < 50; attempt++) {
        const tokens = await load(portalId);
        if (!tokens) throw new Error(`no tokens stored for portal ${portalId}`);
        if (fresh(tokens) || !tokens.refreshToken || !deps.refresh) return tokens.accessToken;
        // One refresher per portal across all processes: HubSpot may rotate the refresh token, and two
        // concurrent refreshes would leave one process holding a stale one.
        const lock = randomUUID();
        if (await redis.set(lockKey(portalId), lock, 'PX', 15_000, 'NX')) {
          try {
            const next = await deps.refresh(portalId, tokens.refreshToken);
            await save(portalId, { accessToken: next.accessToken, refreshToken: next.refreshToken, expiresAt: now() + next.expiresInSec * 1000 });
            return next.accessToken;
          } finally {
            if ((await redis.get(lockKey(portalId))) === lock) await redis.del(lockKey(portalId));
          }
        }
        await sleep(200);
      }
      throw new Error(`token refresh for portal ${portalId} did not finish`);
    },
    async expire(portalId, rejected) {
      const tokens = await load(portalId);
      if (!tokens?.refreshToken || !deps.refresh) return false;
      // Another call may have refreshed meanwhile: only the token HubSpot refused is marked.
      if (tokens.accessToken === rejected) await save(portalId, { ...tokens, expiresAt: 0 });
      return true;
    },
    async remove(portalId) {
      await redis.del(tokenKey(portalId));
    },
  };
}
