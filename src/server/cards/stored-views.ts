import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { IsoDate } from '../../domain/dates';
import type { CompanyId } from '../../domain/ledger';
import { ledgerKeys } from '../ledger/ledger-keys';
import type { PortalId } from '../ledger/ledger-store';

/**
 * What a stored view was computed from: the company's ledger revision, the portal's day and everything else
 * the view depends on (policy, time zone), as one fingerprint. A view is served only while all of them still
 * hold, so it never outlives a ledger write, a day or a policy change — it only saves recomputing.
 */
export interface ViewStamp {
  readonly revision: string | null;
  readonly asOf: IsoDate;
  readonly variant: string;
}

/**
 * The first page of the Receivables card, precomputed per ledger revision and shared by every backend process
 * through Redis: opening a record is then one round trip and no computation, however many invoices the
 * company has (the continuous sync warms it after each change and in the daily pass; a miss computes as before).
 */
export interface StoredViews {
  /** The stored JSON when its stamp matches the company's current revision, `asOf` and `variant`. */
  read(portalId: PortalId, companyId: CompanyId, asOf: IsoDate, variant: string): Promise<string | undefined>;
  write(portalId: PortalId, entries: readonly { companyId: CompanyId; stamp: ViewStamp; json: string }[]): Promise<void>;
}

/** Unused views of inactive companies leave Redis by themselves; the daily pass rewrites the active ones. */
const VIEW_TTL_SECONDS = 36 * 3600;

export function createStoredViews(redis: Redis, prefix: string): StoredViews {
  const keysOf = (portalId: PortalId) => ledgerKeys(prefix, portalId);
  const viewKey = (portalId: PortalId, companyId: CompanyId) => `${prefix}:p:${portalId}:cards:receivables:${companyId}`;
  return {
    async read(portalId, companyId, asOf, variant) {
      const results = await redis.multi()
        .get(keysOf(portalId).revision(companyId))
        .hmget(viewKey(portalId, companyId), 'stamp', 'json')
        .exec();
      const revision = results?.[0]?.[1] as string | null;
      const [stamp, json] = (results?.[1]?.[1] as (string | null)[] | undefined) ?? [];
      return stamp === stampText({ revision, asOf, variant }) && json ? json : undefined;
    },
    async write(portalId, entries) {
      if (entries.length === 0) return;
      const tx = redis.multi();
      for (const e of entries) {
        const key = viewKey(portalId, e.companyId);
        tx.hset(key, 'stamp', stampText(e.stamp), 'json', e.json).expire(key, VIEW_TTL_SECONDS);
      }
      await tx.exec();
    },
  };
}

const stampText = (s: ViewStamp) => `${s.revision ?? '-'}|${s.asOf}|${s.variant}`;

/** Raised whenever the stored view's shape changes (v2: interest and costs), so a view stored before it is never served. */
const VIEW_SHAPE = 'v2';

const fingerprints = new WeakMap<object, string>();
/** A short, stable fingerprint of what a view depends on besides the ledger (e.g. the portal's policy). */
export function viewVariant(policy: object, timeZone: string, costs: { readonly vatBasisPoints?: number } = {}): string {
  let print = fingerprints.get(policy);
  if (print === undefined) fingerprints.set(policy, (print = createHash('sha1').update(JSON.stringify(policy)).digest('base64url').slice(0, 16)));
  return `${VIEW_SHAPE}:${print}:${timeZone}:${costs.vatBasisPoints ?? 0}`;
}
