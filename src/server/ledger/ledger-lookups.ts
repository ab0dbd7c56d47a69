import type { Redis } from 'ioredis';
import type { CompanyId, Dispute, Invoice } from '../../domain/ledger';
import type { LedgerKeys } from './ledger-keys';
import { invoiceFromStored } from './invoice-codec';
import type { PortalId } from './ledger-store';

/** What ingest needs beyond the LedgerStore port: where known documents live, and clearing resolved unmatched ones. */
export interface LedgerLookups {
  /** The company each invoice (or credit note) is filed under, undefined when not in the ledger. */
  findInvoiceCompanies(portalId: PortalId, externalIds: readonly string[]): Promise<(CompanyId | undefined)[]>;
  /** Disputes by company and id, in one round trip (undefined where there is none). */
  findDisputes(portalId: PortalId, refs: readonly { companyId: CompanyId; disputeId: string }[]): Promise<(Dispute | undefined)[]>;
  /** Drops documents from the unmatched list (they were matched on a later delivery). */
  removeUnmatched(portalId: PortalId, externalIds: readonly string[]): Promise<void>;
  /** Invoices as stored and a dispute of each, by company and ids, read in one round trip (undefined where there is none). */
  findInvoiceDisputes(portalId: PortalId, refs: readonly { companyId: CompanyId; invoiceExternalId: string; disputeId: string }[]): Promise<{ invoice?: Invoice; dispute?: Dispute }[]>;
  /**
   * For each document identity (domain/document-identity.ts) the external id it is filed under: the one given,
   * when it is the first to claim it, or that of the document that claimed it first. Atomic, so two imports at
   * once cannot file one document twice.
   */
  claimDocumentKeys(portalId: PortalId, claims: readonly { key: string; externalId: string }[]): Promise<string[]>;
}

// Whoever claimed a key first owns it: one HMGET of every key, the unclaimed ones set in variadic HSETs (a claim
// made earlier in the same list wins over a later one). Atomic, as a script is.
const CLAIM = `
local keys = {}
for i = 1, #ARGV, 2 do keys[#keys + 1] = ARGV[i] end
local out = {}
for from = 1, #keys, 500 do
  local chunk = {}
  for i = from, math.min(from + 499, #keys) do chunk[#chunk + 1] = keys[i] end
  local found = redis.call('HMGET', KEYS[1], unpack(chunk))
  for n = 1, #chunk do out[from + n - 1] = found[n] end
end
local claimed = {}
local fresh = {}
for i = 1, #keys do
  if not out[i] then
    local key = keys[i]
    if claimed[key] then out[i] = claimed[key]
    else
      claimed[key] = ARGV[2 * i]
      out[i] = claimed[key]
      fresh[#fresh + 1] = key
      fresh[#fresh + 1] = claimed[key]
      if #fresh >= 1000 then redis.call('HSET', KEYS[1], unpack(fresh)); fresh = {} end
    end
  end
end
if #fresh > 0 then redis.call('HSET', KEYS[1], unpack(fresh)) end
return out`;

// One HGET per reference in one command (a pipeline of as many commands costs both sides more per reference).
const HGET_EACH = `
local out = {}
for i = 1, #KEYS do out[i] = redis.call('HGET', KEYS[i], ARGV[i]) end
return out`;

export function createLedgerLookups(redis: Redis, keysOf: (portalId: PortalId) => LedgerKeys): LedgerLookups {
  return {
    async findInvoiceCompanies(portalId, externalIds) {
      if (externalIds.length === 0) return [];
      const found = await redis.hmget(keysOf(portalId).invoiceIndex, ...externalIds);
      return found.map((c) => c ?? undefined);
    },
    async findInvoiceDisputes(portalId, refs) {
      if (refs.length === 0) return [];
      const keys = keysOf(portalId);
      const pipeline = redis.pipeline();
      for (const r of refs) pipeline.hget(keys.company(r.companyId, 'inv'), r.invoiceExternalId).hget(keys.company(r.companyId, 'disputes'), r.disputeId);
      const raw = ((await pipeline.exec()) ?? []).map(([error, value]) => {
        if (error) throw error;
        return typeof value === 'string' ? (JSON.parse(value) as unknown) : undefined;
      });
      return refs.map((_, i) => ({
        ...(raw[2 * i] ? { invoice: invoiceFromStored(raw[2 * i]) } : {}),
        ...(raw[2 * i + 1] ? { dispute: raw[2 * i + 1] as Dispute } : {}),
      }));
    },
    async findDisputes(portalId, refs) {
      if (refs.length === 0) return [];
      const keys = keysOf(portalId);
      const found = (await redis.eval(HGET_EACH, refs.length, ...refs.map((r) => keys.company(r.companyId, 'disputes')), ...refs.map((r) => r.disputeId))) as (string | null)[];
      return refs.map((_, i) => (typeof found[i] === 'string' ? (JSON.parse(found[i]) as Dispute) : undefined));
    },
    async claimDocumentKeys(portalId, claims) {
      if (claims.length === 0) return [];
      return (await redis.eval(CLAIM, 1, keysOf(portalId).documentKeys, ...claims.flatMap((c) => [c.key, c.externalId]))) as string[];
    },
    async removeUnmatched(portalId, externalIds) {
      if (externalIds.length === 0) return;
      const keys = keysOf(portalId);
      await redis.multi().hdel(keys.unmatched, ...externalIds).zrem(keys.unmatchedByTime, ...externalIds).exec();
    },
  };
}
