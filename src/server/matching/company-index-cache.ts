import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { assertSafeId } from '../ledger/ledger-keys';
import { buildCompanyIndex, type CompanyIndex, type CompanyRecord, type CompanySource } from './company-index';

export interface CompanyIndexCache {
  /**
   * The portal's index: listed from HubSpot once, then kept current by `upsert`/`remove`; undefined without a source and listing.
   * When this call lists, `onPage` sees each page as it arrives, so a caller can start on those companies before the listing ends.
   */
  get(portalId: string, onPage?: (companies: readonly CompanyRecord[]) => void): Promise<CompanyIndex | undefined>;
  /** Lists every company again (first use, reconciliation) and drops the ones HubSpot no longer has. */
  rebuild(portalId: string): Promise<CompanyIndex>;
  /** A company was created, restored or changed in HubSpot (webhooks, a search that found it). */
  upsert(portalId: string, companies: readonly CompanyRecord[]): Promise<void>;
  /** Companies deleted or merged away in HubSpot. */
  remove(portalId: string, companyIds: readonly string[]): Promise<void>;
  /** Forgets the portal's index (uninstall). */
  invalidate(portalId: string): Promise<void>;
}

export interface CompanyIndexCacheDeps {
  readonly redis: Redis;
  readonly prefix: string;
  /** Absent in the CLI without HubSpot: then only an index listed earlier is used. */
  readonly source?: CompanySource;
}

// Renewed with every page, so it can be short: a lister that died (a killed worker) holds the others up for
// at most this long, while a live one, however slow its pages come, keeps it.
const LISTING_LOCK_MS = 30_000;

/**
 * The company index per portal, kept in Redis as one hash of company records
 * (`${prefix}:p:${portalId}:matching:companies`) with a version token (replaced by every change). It is listed from HubSpot once and
 * then maintained incrementally from webhooks, so a company created in HubSpot matches seconds later without
 * re-listing (which costs a portal's shared budget: 100 companies per call). Each process keeps the parsed
 * index in memory and re-reads it only when the version moved.
 */
export function createCompanyIndexCache({ redis, prefix, source }: CompanyIndexCacheDeps): CompanyIndexCache {
  const keys = (portalId: string) => {
    assertSafeId('portalId', portalId);
    const root = `${prefix}:p:${portalId}:matching`;
    return { companies: `${root}:companies`, version: `${root}:version`, listed: `${root}:listed`, lock: `${root}:listing` };
  };
  const loaded = new Map<string, { version: string; index: CompanyIndex }>();

  async function current(portalId: string): Promise<CompanyIndex> {
    const k = keys(portalId);
    const version = (await redis.get(k.version)) ?? '0';
    const hit = loaded.get(portalId);
    if (hit && hit.version === version) return hit.index;
    const records = Object.values(await redis.hgetall(k.companies)).map((raw) => JSON.parse(raw) as CompanyRecord);
    const index = buildCompanyIndex(records);
    loaded.set(portalId, { version, index });
    return index;
  }

  async function list(portalId: string, onPage?: (companies: readonly CompanyRecord[]) => void): Promise<void> {
    if (!source) throw new Error('no company source configured: cannot list HubSpot companies');
    const k = keys(portalId);
    // Only companies known before the listing began may be dropped: one created meanwhile arrives by webhook.
    const before = new Set(await redis.hkeys(k.companies));
    const seen = new Set<string>();
    await source(portalId, async (page) => {
      if (page.length === 0) return;
      page.forEach((c) => seen.add(c.id));
      // The lock lives as long as pages keep coming (LISTING_LOCK_MS).
      await redis.multi().hset(k.companies, Object.fromEntries(page.map((c) => [c.id, JSON.stringify(record(c))]))).set(k.version, randomUUID()).pexpire(k.lock, LISTING_LOCK_MS).exec();
      onPage?.(page);
    });
    const gone = [...before].filter((id) => !seen.has(id));
    const tx = redis.multi();
    if (gone.length) tx.hdel(k.companies, ...gone);
    await tx.set(k.listed, new Date().toISOString()).set(k.version, randomUUID()).exec();
  }

  /** One listing per portal at a time, across processes; the others wait for it. */
  async function ensureListed(portalId: string, onPage?: (companies: readonly CompanyRecord[]) => void): Promise<void> {
    const k = keys(portalId);
    for (;;) {
      if (await redis.exists(k.listed)) return;
      if (await redis.set(k.lock, '1', 'PX', LISTING_LOCK_MS, 'NX')) {
        try {
          await list(portalId, onPage);
        } finally {
          await redis.del(k.lock);
        }
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  return {
    async get(portalId, onPage) {
      const k = keys(portalId);
      if (source) await ensureListed(portalId, onPage);
      else if (!(await redis.exists(k.listed))) return undefined;
      return current(portalId);
    },
    async rebuild(portalId) {
      await list(portalId);
      return current(portalId);
    },
    async upsert(portalId, companies) {
      if (companies.length === 0) return;
      const k = keys(portalId);
      await redis.multi().hset(k.companies, Object.fromEntries(companies.map((c) => [c.id, JSON.stringify(record(c))]))).set(k.version, randomUUID()).exec();
    },
    async remove(portalId, companyIds) {
      if (companyIds.length === 0) return;
      const k = keys(portalId);
      await redis.multi().hdel(k.companies, ...companyIds).set(k.version, randomUUID()).exec();
    },
    async invalidate(portalId) {
      const k = keys(portalId);
      loaded.delete(portalId);
      await redis.del(k.companies, k.version, k.listed, k.lock);
    },
  };
}

/** Only what matching and task owners read. */
function record(c: CompanyRecord): CompanyRecord {
  const { id, name, domain, vatNumber, cocNumber, customerNumber, ownerId } = c;
  return Object.fromEntries(Object.entries({ id, name, domain, vatNumber, cocNumber, customerNumber, ownerId }).filter(([, v]) => v !== undefined)) as unknown as CompanyRecord;
}
