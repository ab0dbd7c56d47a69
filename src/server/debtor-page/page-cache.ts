import type { Redis } from 'ioredis';
import { ledgerKeys } from '../ledger/ledger-keys';
import { preparePage, type PreparedPage } from './render/prepared-page';

/** Which page: one customer of one portal, in one variant (language, banner, outcome). */
export interface PageKey {
  readonly portalId: string;
  readonly companyId: string;
  /** `[a-z_|-]` only: it is part of a Redis key. */
  readonly variant: string;
}

export interface PageCache {
  /**
   * The page of `key` as built from `fingerprint` (ledger revision, day, settings): from this process's memory,
   * else from Redis (built by any process), else `build`'s, which is then kept in both. A page of an older
   * fingerprint is never served: a ledger write, a settings change or a new day is a new page at once.
   */
  get(key: PageKey, fingerprint: string, build: () => Promise<string | undefined>): Promise<PreparedPage | undefined>;
}

/**
 * Rendering a customer's page (engine, interest per invoice, HTML) costs milliseconds per 100 invoices; serving
 * prepared bytes costs microseconds. Pages are kept per customer and variant, the newest fingerprint only, in
 * Redis as the rendered HTML with its slots (no token in it) and here as prepared bytes. `memoryMs` bounds how
 * long a process trusts its copy of what the fingerprint does not cover (the portal's country and time zone);
 * `redisSeconds` how long an unread page stays in Redis.
 */
export function createPageCache(deps: { redis: Redis; prefix: string; memoryMs?: number; redisSeconds?: number; maxEntries?: number; now?: () => number }): PageCache {
  const memoryMs = deps.memoryMs ?? 60_000;
  const redisSeconds = deps.redisSeconds ?? 3_600;
  const max = deps.maxEntries ?? 500;
  const now = deps.now ?? Date.now;
  const memory = new Map<string, { fingerprint: string; at: number; page: Promise<PreparedPage | undefined> }>();
  const redisKey = (k: PageKey) => `${ledgerKeys(deps.prefix, k.portalId).root}:dp:page:${k.companyId}:${k.variant}`;

  const load = async (key: PageKey, fingerprint: string, build: () => Promise<string | undefined>): Promise<PreparedPage | undefined> => {
    const stored = await deps.redis.getBuffer(redisKey(key));
    const cut = stored ? stored.indexOf(0x0a) : -1;
    if (stored && cut > 0 && stored.toString('utf8', 0, cut) === fingerprint) return preparePage(stored.toString('utf8', cut + 1));
    const html = await build();
    if (html === undefined) return undefined;
    await deps.redis.set(redisKey(key), `${fingerprint}\n${html}`, 'EX', redisSeconds);
    return preparePage(html);
  };

  return {
    get(key, fingerprint, build) {
      const id = `${key.portalId}:${key.companyId}:${key.variant}`;
      const t = now();
      const hit = memory.get(id);
      if (hit && hit.fingerprint === fingerprint && t - hit.at < memoryMs) return hit.page;
      // Single flight: concurrent requests for the same page share one Redis read and at most one render.
      const page = load(key, fingerprint, build);
      page.then((p) => { if (!p) forget(id, page); }, () => forget(id, page));
      memory.delete(id);
      if (memory.size >= max) memory.delete(memory.keys().next().value as string);
      memory.set(id, { fingerprint, at: t, page });
      return page;
    },
  };

  function forget(id: string, page: Promise<PreparedPage | undefined>): void {
    if (memory.get(id)?.page === page) memory.delete(id);
  }
}
