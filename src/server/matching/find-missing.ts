import type { Redis } from 'ioredis';
import type { CustomerKeys } from '../../contracts/ingest';
import type { CompanySearchKeys, HubSpotGateway } from '../hubspot/gateway';
import { isGatewayError } from '../hubspot/gateway-error';
import { assertSafeId } from '../ledger/ledger-keys';
import type { CompanyIndex } from './company-index';
import type { CompanyIndexCache } from './company-index-cache';
import { normaliseCoc, normaliseCustomerNumber, normaliseDomain, normaliseVat } from './normalise';

export interface FindMissingDeps {
  readonly redis: Redis;
  readonly prefix: string;
  readonly findCompanies: HubSpotGateway['findCompanies'];
  readonly companyIndex: Pick<CompanyIndexCache, 'upsert' | 'get'>;
  /** Searches per ingest request at most (HubSpot allows 5 per second per portal). */
  readonly maxSearches?: number;
  readonly log?: { warn(obj: object, msg: string): void };
}

/** A key searched without result is not searched again for this long: a debtor HubSpot lacks waits, unasked. */
const REMEMBER_MS = 3600_000;
/** HubSpot caps a search body at about 3,000 characters; values are packed well below that. */
const MAX_VALUE_CHARS = 2000;

type Field = keyof CompanySearchKeys;

/** Exact values HubSpot may hold for each key: as the source wrote it and as we normalise it. */
function candidates(c: CustomerKeys): [Field, string][] {
  const out: [Field, string | undefined][] = [
    ['vatNumbers', c.vatNumber?.trim()], ['vatNumbers', normaliseVat(c.vatNumber)],
    ['cocNumbers', c.cocNumber?.trim()], ['cocNumbers', normaliseCoc(c.cocNumber)],
    ['customerNumbers', c.customerNumber?.trim()], ['customerNumbers', normaliseCustomerNumber(c.customerNumber)],
    ['domains', normaliseDomain(c.domain)], ['names', c.name?.trim()],
  ];
  return out.filter((e): e is [Field, string] => !!e[1]);
}

/**
 * A document whose keys miss the company index is looked up once in HubSpot before it waits: the index may
 * lag a company created seconds ago (its webhook still on the way) or one HubSpot never announced. Found
 * companies go into the index (so the next document needs no search); keys searched in vain are remembered for
 * an hour. Failures (budget, a portal without the app's properties yet) only mean the document waits.
 */
export function createMissingCompanyFinder(deps: FindMissingDeps) {
  const maxSearches = deps.maxSearches ?? 3;
  const keyOf = (portalId: string) => {
    assertSafeId('portalId', portalId);
    return `${deps.prefix}:p:${portalId}:matching:searched`;
  };

  /** Before the portal's first sync the app's own key properties do not exist yet: HubSpot answers 400, so look by domain and name. */
  async function search(portalId: string, keys: CompanySearchKeys) {
    try {
      return await deps.findCompanies(portalId, keys);
    } catch (err) {
      const { domains, names } = keys;
      if (!isGatewayError(err) || err.status !== 400 || (!domains?.length && !names?.length)) throw err;
      return deps.findCompanies(portalId, { ...(domains ? { domains } : {}), ...(names ? { names } : {}) });
    }
  }

  return async (portalId: string, customers: readonly CustomerKeys[]): Promise<CompanyIndex | undefined> => {
    const all = [...new Map(customers.flatMap(candidates).map(([f, v]) => [`${f}|${v}`, [f, v] as const])).values()];
    if (all.length === 0) return undefined;
    const key = keyOf(portalId);
    const seen = await deps.redis.zmscore(key, ...all.map(([f, v]) => `${f}|${v}`));
    const cutoff = Date.now() - REMEMBER_MS;
    const fresh = all.filter((_, i) => { const at = seen[i]; return at === null || at === undefined || Number(at) < cutoff; });
    let found = 0;
    let searched = 0;
    for (const batch of pack(fresh)) {
      if (searched >= maxSearches) break;
      try {
        const companies = await search(portalId, batch.keys);
        searched++;
        await deps.companyIndex.upsert(portalId, companies);
        found += companies.length;
        await deps.redis.zadd(key, ...batch.members.flatMap((m) => [Date.now(), m]));
      } catch (err) {
        deps.log?.warn({ portalId, err: (err as Error).message }, 'company search failed; the documents wait');
        break;
      }
    }
    await deps.redis.zremrangebyscore(key, '-inf', cutoff);
    return found > 0 ? deps.companyIndex.get(portalId) : undefined;
  };
}

/** Values into searches: one filter group per field, each search's values below the size limit. */
function pack(values: readonly (readonly [Field, string])[]): { keys: CompanySearchKeys; members: string[] }[] {
  const out: { keys: Record<Field, string[]>; members: string[]; chars: number }[] = [];
  let current: (typeof out)[number] | undefined;
  for (const [field, value] of values) {
    if (!current || current.chars + value.length + 4 > MAX_VALUE_CHARS || (current.keys[field]?.length ?? 0) >= 100) {
      current = { keys: {} as Record<Field, string[]>, members: [], chars: 0 };
      out.push(current);
    }
    (current.keys[field] ??= []).push(value);
    current.members.push(`${field}|${value}`);
    current.chars += value.length + 4;
  }
  return out.map(({ keys, members }) => ({ keys, members }));
}
