import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { assertSafeId } from '../ledger/ledger-keys';
import { decryptSecret, encryptSecret } from '../portals/token-cipher';

/** How long a debtor-page link stays valid after it is issued (a reminder ladder runs about 45 days). */
export const DEFAULT_LINK_DAYS = 90;
const DAY_MS = 86_400_000;

export interface DebtorLink {
  readonly portalId: string;
  readonly companyId: string;
  /** The secret part of the URL: `<portalId>.<43 chars of base64url>`. */
  readonly token: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
}

export interface DebtorLinkStore {
  /** The customer's current link, or a new one when there is none or it expired. */
  ensure(portalId: string, companyId: string): Promise<DebtorLink>;
  /** A new link; the old one stops working at once. */
  rotate(portalId: string, companyId: string): Promise<DebtorLink>;
  /** The link stops working; true when there was one. */
  revoke(portalId: string, companyId: string): Promise<boolean>;
  /** The customer a token opens, or undefined for a malformed, unknown, rotated, revoked or expired one. */
  resolve(token: string): Promise<{ portalId: string; companyId: string } | undefined>;
}

// The portal id inside the token keeps the lookup in the portal's own keyspace (and lets it vanish with the
// portal's data); the 256 random bits are the secret. Only their SHA-256 is the lookup key.
const TOKEN_FORMAT = /^(\d{1,20})\.([A-Za-z0-9_-]{43})$/;
const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

interface CurrentLink { readonly hash: string; readonly sealed: string; readonly issuedAt: string; readonly expiresAt: string }

/**
 * Links in Redis: `…:p:<portal>:dp:t:<sha256>` → `{companyId, expiresAt}` (expires with the link) and
 * `…:p:<portal>:dp:c:<companyId>` → the current link, its token sealed with the token key (AES-GCM), so the
 * cards, drafts and letters can show the same link again while the lookup only ever sees hashes.
 */
export function createDebtorLinkStore(deps: { redis: Redis; prefix: string; tokenKey: Buffer; now: () => Date; validDays?: number }): DebtorLinkStore {
  const { redis, prefix } = deps;
  const validMs = (deps.validDays ?? DEFAULT_LINK_DAYS) * DAY_MS;
  const tokenKey = (portalId: string, hash: string) => `${prefix}:p:${portalId}:dp:t:${hash}`;
  const companyKey = (portalId: string, companyId: string) => {
    assertSafeId('portalId', portalId);
    assertSafeId('companyId', companyId);
    return `${prefix}:p:${portalId}:dp:c:${companyId}`;
  };
  const current = async (portalId: string, companyId: string): Promise<CurrentLink | undefined> => {
    const raw = await redis.get(companyKey(portalId, companyId));
    return raw ? (JSON.parse(raw) as CurrentLink) : undefined;
  };

  const issue = async (portalId: string, companyId: string): Promise<DebtorLink> => {
    if (!/^\d{1,20}$/.test(portalId)) throw new RangeError('portalId must be a numeric HubSpot portal id');
    const token = `${portalId}.${randomBytes(32).toString('base64url')}`;
    const issuedAt = deps.now();
    const expiresAt = new Date(issuedAt.getTime() + validMs);
    const hash = sha256(token);
    const old = await current(portalId, companyId);
    const link: CurrentLink = { hash, sealed: encryptSecret(deps.tokenKey, portalId, token), issuedAt: issuedAt.toISOString(), expiresAt: expiresAt.toISOString() };
    // Redis keeps the keys a little past expiry in real time; the business clock decides validity (resolve).
    const ttlSeconds = Math.ceil((validMs * 2) / 1000);
    const tx = redis.multi()
      .set(tokenKey(portalId, hash), JSON.stringify({ companyId, expiresAt: link.expiresAt }), 'EX', ttlSeconds)
      .set(companyKey(portalId, companyId), JSON.stringify(link), 'EX', ttlSeconds);
    if (old) tx.del(tokenKey(portalId, old.hash));
    await tx.exec();
    return { portalId, companyId, token, issuedAt: link.issuedAt, expiresAt: link.expiresAt };
  };

  return {
    async ensure(portalId, companyId) {
      const link = await current(portalId, companyId);
      if (link && link.expiresAt > deps.now().toISOString()) {
        return { portalId, companyId, token: decryptSecret(deps.tokenKey, portalId, link.sealed), issuedAt: link.issuedAt, expiresAt: link.expiresAt };
      }
      return issue(portalId, companyId);
    },
    rotate: issue,
    async revoke(portalId, companyId) {
      const link = await current(portalId, companyId);
      if (!link) return false;
      await redis.multi().del(tokenKey(portalId, link.hash)).del(companyKey(portalId, companyId)).exec();
      return true;
    },
    async resolve(token) {
      const m = TOKEN_FORMAT.exec(token);
      if (!m) return undefined;
      const portalId = m[1]!;
      const raw = await redis.get(tokenKey(portalId, sha256(token)));
      if (!raw) return undefined;
      const found = JSON.parse(raw) as { companyId: string; expiresAt: string };
      return found.expiresAt > deps.now().toISOString() ? { portalId, companyId: found.companyId } : undefined;
    },
  };
}
