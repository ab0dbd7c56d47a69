import type { Redis } from 'ioredis';
import type { CompanyId, ContactProfile, CustomerLedger } from '../../domain/ledger';
import { defaultProfile } from './default-profile';
import { invoiceFromStored } from './invoice-codec';
import { COMPANY_COLLECTIONS, type CompanyCollection, type LedgerKeys } from './ledger-keys';

type Reader = (keys: LedgerKeys, companyId: CompanyId) => Promise<CustomerLedger | undefined>;
type ManyReader = (keys: LedgerKeys, companyIds: readonly CompanyId[]) => Promise<(CustomerLedger | undefined)[]>;

/** The commands that read one company's ledger, in the order toLedger expects (+ the revision last). */
function queueCompanyRead(tx: ReturnType<Redis['multi']>, keys: LedgerKeys, companyId: CompanyId): void {
  for (const c of COMPANY_COLLECTIONS) tx.hvals(keys.company(companyId, c));
  tx.get(keys.profile(companyId));
  tx.get(keys.revision(companyId));
}

// The collections and the profile of each company in KEYS, in the order toLedger expects, as one flat reply.
const READ_MANY = `
local out = {}
for i = 1, #KEYS do
  if i % ${COMPANY_COLLECTIONS.length + 1} == 0 then out[i] = redis.call('GET', KEYS[i]) else out[i] = redis.call('HVALS', KEYS[i]) end
end
return out
`;
const KEYS_PER_COMPANY = COMPANY_COLLECTIONS.length + 1;

/**
 * Reads many companies' ledgers in one script (one round trip, atomic: each company's snapshot is consistent,
 * as with the single read). For bulk passes such as the CRM sync: it neither uses nor fills the cards' LRU,
 * which a scan over every company would only flush. A script rather than a MULTI of nine commands per company:
 * the client then builds, queues and decodes one command instead of 900 per 100 companies, which was a third of
 * the sync's CPU. The ledgers are not frozen (they are not shared).
 */
export function createCustomerLedgersReader(redis: Redis): ManyReader {
  return async (keys, companyIds) => {
    if (companyIds.length === 0) return [];
    const names: string[] = [];
    for (const id of companyIds) {
      for (const c of COMPANY_COLLECTIONS) names.push(keys.company(id, c));
      names.push(keys.profile(id));
    }
    // A missing profile comes back as false from Lua, which the client reads as null: what GET gives.
    const values = (await redis.eval(READ_MANY, names.length, ...names)) as unknown[];
    return companyIds.map((id, n) => toLedger(id, values.slice(n * KEYS_PER_COMPANY, (n + 1) * KEYS_PER_COMPANY)));
  };
}

/**
 * Reads one company's ledger: the cards' hot path. A full read is one MULTI (a consistent snapshot,
 * including the company's revision); parsing 500 invoices costs a few ms of CPU, which 50 concurrent card
 * requests would queue behind each other. So parsed ledgers are kept in a small LRU and reused while the
 * company's revision in Redis is unchanged (one tiny GET). Cached ledgers are deep-frozen: callers share them.
 */
export function createCustomerLedgerReader(redis: Redis, cacheSize: number): Reader {
  const cache = new Map<string, { rev: string | null; ledger: CustomerLedger | undefined }>();

  return async (keys, companyId) => {
    const cacheKey = `${keys.root}|${companyId}`;
    const cached = cache.get(cacheKey);
    if (cached) {
      const rev = await redis.get(keys.revision(companyId));
      if (rev === cached.rev) {
        cache.delete(cacheKey);
        cache.set(cacheKey, cached);
        return cached.ledger;
      }
    }
    const tx = redis.multi();
    queueCompanyRead(tx, keys, companyId);
    const results = (await tx.exec()) ?? [];
    for (const [error] of results) if (error) throw error;
    const rev = results[COMPANY_COLLECTIONS.length + 1]?.[1] as string | null;
    const ledger = toLedger(companyId, results.map(([, value]) => value));
    if (cacheSize > 0) {
      cache.delete(cacheKey);
      cache.set(cacheKey, { rev, ledger: deepFreeze(ledger) });
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
    }
    return ledger;
  };
}

function toLedger(companyId: CompanyId, values: unknown[]): CustomerLedger | undefined {
  // One JSON.parse per collection rather than per record: the values are JSON texts, so joined they form an array.
  const lists = new Map(COMPANY_COLLECTIONS.map((c, i) => [c, parseAll(values[i] as string[])]));
  const profileRaw = values[COMPANY_COLLECTIONS.length] as string | null;
  if (!profileRaw && [...lists.values()].every((l) => l.length === 0)) return undefined;
  const list = <T>(c: CompanyCollection) => lists.get(c) as T[];
  type L = CustomerLedger;
  return {
    companyId,
    // Hash order is arbitrary: sort so views and rollups are deterministic.
    invoices: list<unknown>('inv').map(invoiceFromStored).sort((a, b) => cmp(a.issueDate, b.issueDate) || cmp(a.number, b.number) || cmp(a.externalId, b.externalId)),
    payments: list<L['payments'][number]>('pay').sort((a, b) => cmp(a.date, b.date) || cmp(a.externalId, b.externalId)),
    mandates: list<L['mandates'][number]>('mandates').sort((a, b) => cmp(a.signedOn, b.signedOn) || cmp(a.reference, b.reference)),
    failedCollections: list<L['failedCollections'][number]>('failed').sort((a, b) => cmp(a.date, b.date) || cmp(a.id, b.id)),
    disputes: list<L['disputes'][number]>('disputes').sort((a, b) => cmp(a.openedOn, b.openedOn) || cmp(a.id, b.id)),
    promises: list<L['promises'][number]>('promises').sort((a, b) => cmp(a.madeOn, b.madeOn) || cmp(a.id, b.id)),
    arrangements: list<L['arrangements'][number]>('arrangements').sort((a, b) => cmp(a.agreedOn, b.agreedOn) || cmp(a.id, b.id)),
    profile: profileRaw ? (JSON.parse(profileRaw) as ContactProfile) : defaultProfile(companyId),
    history: list<L['history'][number]>('history').sort((a, b) => cmp(a.doneAt, b.doneAt) || cmp(a.key, b.key)),
  };
}

const parseAll = (texts: readonly string[]): unknown[] => (texts.length === 0 ? [] : (JSON.parse(`[${texts.join(',')}]`) as unknown[]));

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
