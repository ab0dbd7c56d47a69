import type { Redis } from 'ioredis';
import { assertSafeId } from '../ledger/ledger-keys';
import { createCompanyIndexBuilder, type CompanyIndex, type CompanySource } from './company-index';

export interface CompanyIndexCache {
  /** The cached index, rebuilt from the source when absent or expired; undefined without a source and cache. */
  get(portalId: string): Promise<CompanyIndex | undefined>;
  /** Lists the companies again (e.g. after companies were added in HubSpot) and caches the new index. */
  rebuild(portalId: string): Promise<CompanyIndex>;
  invalidate(portalId: string): Promise<void>;
}

export interface CompanyIndexCacheDeps {
  readonly redis: Redis;
  readonly prefix: string;
  /** Absent in the CLI without HubSpot: then only an index cached earlier is used. */
  readonly source?: CompanySource;
  readonly ttlSeconds?: number;
}

/**
 * The company index per portal, cached in Redis (`${prefix}:p:${portalId}:matching:company-index`) with a
 * TTL, because listing every company costs HubSpot calls from the portal's shared budget.
 */
export function createCompanyIndexCache({ redis, prefix, source, ttlSeconds = 600 }: CompanyIndexCacheDeps): CompanyIndexCache {
  const keyOf = (portalId: string) => {
    assertSafeId('portalId', portalId);
    return `${prefix}:p:${portalId}:matching:company-index`;
  };

  async function rebuild(portalId: string): Promise<CompanyIndex> {
    if (!source) throw new Error('no company source configured: cannot list HubSpot companies');
    const builder = createCompanyIndexBuilder();
    await source(portalId, async (page) => builder.add(page));
    const index = builder.build();
    await redis.set(keyOf(portalId), JSON.stringify(index), 'EX', ttlSeconds);
    return index;
  }

  return {
    rebuild,
    async get(portalId) {
      const cached = await redis.get(keyOf(portalId));
      if (cached) return JSON.parse(cached) as CompanyIndex;
      return source ? rebuild(portalId) : undefined;
    },
    async invalidate(portalId) {
      await redis.del(keyOf(portalId));
    },
  };
}
