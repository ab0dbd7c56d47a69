import type {
  ActionRecord,
  CompanyId,
  ContactProfile,
  CustomerLedger,
  Dispute,
  FailedCollection,
  DirectDebitMandate,
  Invoice,
  Payment,
  PaymentArrangement,
  PromiseToPay,
} from '../../domain/ledger';

/** HubSpot portal (hub) id, as a string. */
export type PortalId = string;

export interface UpsertCounts {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** An invoice (or credit note / payment) that could not be matched to a HubSpot company yet. It waits; it is never dropped. */
export interface UnmatchedDocument {
  readonly externalId: string;
  readonly kind: 'invoice' | 'credit_note' | 'payment';
  /** What the source said about the customer (used for matching and shown to the user). */
  readonly customer: {
    readonly name?: string;
    readonly domain?: string;
    readonly vatNumber?: string;
    readonly cocNumber?: string;
    readonly customerNumber?: string;
    readonly hubspotCompanyId?: string;
  };
  /** The validated document as received, to be ingested once a company is chosen. */
  readonly payload: unknown;
  readonly receivedAt: string;
  /** Why matching failed (e.g. "2 companies share this name"), shown next to the document. */
  readonly reason?: string;
}

/**
 * The per-portal ledger replica in Redis. Every key is scoped by portal, so one portal never sees
 * another's data. All writes are idempotent (keyed by external ids / record ids).
 */
/** A company's revision around one write (see recordActions). */
export interface RevisionChange {
  readonly before: string | null;
  readonly after: string;
}

export interface LedgerStore {
  /** Inserts or replaces invoices by externalId; an older `sourceVersion` never overwrites a newer one. */
  upsertInvoices(portalId: PortalId, invoices: readonly Invoice[]): Promise<UpsertCounts>;
  upsertPayments(portalId: PortalId, payments: readonly Payment[]): Promise<UpsertCounts>;
  upsertMandates(portalId: PortalId, mandates: readonly DirectDebitMandate[]): Promise<void>;
  addFailedCollections(portalId: PortalId, failures: readonly FailedCollection[]): Promise<void>;

  /** Everything known about one company; a default profile when none was saved. `undefined` if the company has no ledger at all. */
  getCustomerLedger(portalId: PortalId, companyId: CompanyId): Promise<CustomerLedger | undefined>;
  /**
   * The same as getCustomerLedger for each id (same order), read in one round trip: for bulk passes (CRM sync).
   * Optional so other stores need not implement it; callers fall back to getCustomerLedger.
   */
  getCustomerLedgers?(portalId: PortalId, companyIds: readonly CompanyId[]): Promise<(CustomerLedger | undefined)[]>;
  /** Companies with at least one document, in a stable order. */
  listCompanyIds(portalId: PortalId): Promise<CompanyId[]>;
  /** Companies changed since the last `takeDirtyCompanies`, read and cleared at once. */
  takeDirtyCompanies(portalId: PortalId): Promise<CompanyId[]>;
  markDirty(portalId: PortalId, companyIds: readonly CompanyId[]): Promise<void>;
  /**
   * Something these companies' cards and tasks show changed outside the ledger (their debtor-page link): dirty, and a
   * new revision, so stored views and the reminder run's plan marks treat them as changed.
   */
  touchCompanies(portalId: PortalId, companyIds: readonly CompanyId[]): Promise<void>;
  /**
   * For the continuous sync: moves the changed companies into an in-flight set and returns that whole set,
   * so the companies of a run that crashed before `settleDirtyCompanies` are handed out again.
   */
  claimDirtyCompanies(portalId: PortalId): Promise<CompanyId[]>;
  /** The run is done with these companies (changes made meanwhile are in the dirty set again). */
  settleDirtyCompanies(portalId: PortalId, companyIds: readonly CompanyId[]): Promise<void>;
  /** Changed and in-flight companies: 0 means everything written so far has been synced. */
  countDirtyCompanies(portalId: PortalId): Promise<number>;

  saveProfile(portalId: PortalId, profile: ContactProfile): Promise<void>;
  /** Idempotent by id. */
  addPromise(portalId: PortalId, promise: PromiseToPay): Promise<void>;
  addDispute(portalId: PortalId, dispute: Dispute): Promise<void>;
  resolveDispute(portalId: PortalId, companyId: CompanyId, disputeId: string, resolvedOn: string): Promise<void>;
  addArrangement(portalId: PortalId, arrangement: PaymentArrangement): Promise<void>;
  /**
   * Idempotent by `key`: recording the same action twice keeps one. Returns each company's revision just before and
   * just after this write (one transaction, so `before` equal to a revision read earlier means nobody wrote in between).
   */
  recordActions(portalId: PortalId, actions: readonly ActionRecord[]): Promise<ReadonlyMap<CompanyId, RevisionChange>>;
  /** Each company's revision (null: never written): a cheap "has anything changed" check without reading the ledger. */
  getRevisions(portalId: PortalId, companyIds: readonly CompanyId[]): Promise<(string | null)[]>;
  /** Someone completed the app's tasks of these actions: the first completion is kept. Returns the keys it recorded now. */
  recordTaskCompletions(portalId: PortalId, completions: readonly { companyId: CompanyId; key: string; completedAt: string }[]): Promise<string[]>;

  addUnmatched(portalId: PortalId, docs: readonly UnmatchedDocument[]): Promise<void>;
  listUnmatched(portalId: PortalId, page?: { offset: number; limit: number }): Promise<{ total: number; items: UnmatchedDocument[] }>;
  /** Removes it from the unmatched list and returns it, so the caller can ingest it for the chosen company. */
  takeUnmatched(portalId: PortalId, externalId: string): Promise<UnmatchedDocument | undefined>;

  /** Privacy deletion: drops every reference to the contact (profile roles, contactId of records); returns the companies changed. */
  forgetContact(portalId: PortalId, contactId: string): Promise<CompanyId[]>;

  /** Companies merged in HubSpot: files everything of `from` under `to`; false when `from` had nothing. */
  moveCompany(portalId: PortalId, from: CompanyId, to: CompanyId): Promise<boolean>;

  /** Removes every key of the portal (uninstall, privacy deletion, or a rebuild from the source). */
  deletePortal(portalId: PortalId): Promise<void>;
}
