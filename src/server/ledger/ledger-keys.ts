import type { CompanyId } from '../../domain/ledger';
import type { PortalId } from './ledger-store';

// Portal and company ids end up inside key names and in a SCAN pattern, so they may not carry colons
// or glob characters: a portal id like "1*" would otherwise let deletePortal reach other portals.
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function assertSafeId(what: string, id: string): void {
  if (!SAFE_ID.test(id)) throw new RangeError(`${what} must be 1-64 letters, digits, _ or -, got ${JSON.stringify(id)}`);
}

/** Per-company record collections, each a hash keyed by the record's own id (JSON values). */
export const COMPANY_COLLECTIONS = ['inv', 'pay', 'mandates', 'failed', 'disputes', 'promises', 'arrangements', 'history'] as const;
export type CompanyCollection = (typeof COMPANY_COLLECTIONS)[number];

/** Every key of one portal: `${prefix}:p:${portalId}:…`, so portal isolation holds by construction. */
export function ledgerKeys(prefix: string, portalId: PortalId) {
  assertSafeId('portalId', portalId);
  const root = `${prefix}:p:${portalId}`;
  return {
    root,
    /** SCAN pattern matching every key of this portal and nothing else. */
    pattern: `${root}:*`,
    /** externalId → companyId of every invoice / credit note. */
    invoiceIndex: `${root}:ledger:inv-index`,
    /** externalId → {v, f}: the source version and content fingerprint last received. */
    invoiceSource: `${root}:ledger:inv-source`,
    /** Document identity (company, kind, number) → the externalId the document is filed under. */
    documentKeys: `${root}:ledger:doc-keys`,
    /** externalId → companyId of every payment. */
    paymentIndex: `${root}:ledger:pay-index`,
    /** Companies with at least one document (score 0: lexicographic, stable order). */
    companies: `${root}:ledger:companies`,
    dirty: `${root}:ledger:dirty`,
    /** Dirty companies a sync run has claimed and not yet settled. */
    dirtyInFlight: `${root}:ledger:dirty-in-flight`,
    unmatched: `${root}:ledger:unmatched`,
    unmatchedByTime: `${root}:ledger:unmatched-by-time`,
    company(companyId: CompanyId, collection: CompanyCollection): string {
      assertSafeId('companyId', companyId);
      return `${root}:ledger:c:${companyId}:${collection}`;
    },
    /** A random token replaced by every write that changes the company's ledger: lets readers trust a cached copy. */
    revision(companyId: CompanyId): string {
      assertSafeId('companyId', companyId);
      return `${root}:ledger:c:${companyId}:rev`;
    },
    profile(companyId: CompanyId): string {
      assertSafeId('companyId', companyId);
      return `${root}:ledger:c:${companyId}:profile`;
    },
  };
}

export type LedgerKeys = ReturnType<typeof ledgerKeys>;
