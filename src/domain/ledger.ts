import type { Money } from './money';
import type { Instant, IsoDate } from './dates';

/**
 * The ledger model: what the backend knows about one customer's receivables. The accounting system stays
 * the source of truth; this is a rebuildable replica plus what credit control adds (promises, disputes,
 * arrangements, contact profile, history of actions).
 */

/** HubSpot record ids, as strings. */
export type CompanyId = string;
export type ContactId = string;
export type OwnerId = string;

export const DOCUMENT_KINDS = ['invoice', 'credit_note'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * What the accounting system says of a document. `disputed` opens a dispute on that invoice only
 * (source-disputes.ts); `in_collection` is at a collection agency — still owed, but no reminders from us
 * (pauses.ts); `credited` (settled by a credit note) and `written_off` leave the open receivables (aging.ts).
 */
export const INVOICE_STATUSES = ['open', 'partially_paid', 'paid', 'credited', 'disputed', 'in_collection', 'written_off'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export interface Invoice {
  /** The accounting system's id: the idempotency key of ingest. */
  readonly externalId: string;
  readonly number: string;
  readonly kind: DocumentKind;
  readonly companyId: CompanyId;
  readonly contactId?: ContactId;
  /** Gross amount; positive for invoices and credit notes alike (`kind` says which way it counts). */
  readonly amount: Money;
  /** What is still open (same currency as `amount`); 0 when paid or fully credited. */
  readonly open: Money;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly paymentTermDays: number;
  readonly status: InvoiceStatus;
  /** The day it became fully paid, when known (drives payment-behaviour measures). */
  readonly paidDate?: IsoDate;
  /** Collected by direct debit under an active mandate. */
  readonly directDebit: boolean;
  /** Monotonic version from the source (e.g. its last-modified stamp): a newer version replaces an older one. */
  readonly sourceVersion: string;
  /** The structured reference the customer pays with (betalingskenmerk, RF, or the source's payment id): cash application matches on it. */
  readonly paymentReference?: string;
  /** The account the invoice asks to be paid to (a UBL PaymentMeans IBAN), for the payment page. */
  readonly payeeIban?: string;
}

export const PAYMENT_METHODS = ['bank_transfer', 'direct_debit', 'card', 'cash', 'credit_note', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface Payment {
  readonly externalId: string;
  readonly companyId: CompanyId;
  /** The invoice it was applied to; absent for an unapplied payment on account. */
  readonly invoiceExternalId?: string;
  readonly amount: Money;
  readonly date: IsoDate;
  readonly method: PaymentMethod;
}

export interface DirectDebitMandate {
  readonly companyId: CompanyId;
  readonly reference: string;
  readonly signedOn: IsoDate;
  readonly revokedOn?: IsoDate;
}

export const COLLECTION_FAILURE_REASONS = [
  'insufficient_funds',
  'account_closed',
  'mandate_revoked',
  'refused_by_debtor',
  'technical',
  'other',
] as const;
export type CollectionFailureReason = (typeof COLLECTION_FAILURE_REASONS)[number];

export interface FailedCollection {
  readonly id: string;
  readonly companyId: CompanyId;
  readonly invoiceExternalId: string;
  readonly date: IsoDate;
  readonly reason: CollectionFailureReason;
  /** The bank's ISO 20022 reason code (`AM04`…), whose plain words the follow-up names (direct-debit/return-reasons.ts). */
  readonly code?: string;
}

export const DISPUTE_REASONS = ['not_received', 'wrong_amount', 'delivery_problem', 'quality', 'duplicate', 'other'] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];

export interface Dispute {
  readonly id: string;
  readonly companyId: CompanyId;
  readonly invoiceExternalId: string;
  readonly reason: DisputeReason;
  readonly note?: string;
  readonly openedOn: IsoDate;
  readonly resolvedOn?: IsoDate;
}

export const PROMISE_SOURCES = ['call', 'email', 'portal', 'manual'] as const;
export type PromiseSource = (typeof PROMISE_SOURCES)[number];

/** A promise to pay (toezegging). Whether it was kept or broken is derived from payments, not stored. */
export interface PromiseToPay {
  readonly id: string;
  readonly companyId: CompanyId;
  /** The invoices it covers; empty means "the overdue balance". */
  readonly invoiceExternalIds: readonly string[];
  readonly promisedDate: IsoDate;
  readonly amount: Money;
  readonly method?: PaymentMethod;
  readonly source: PromiseSource;
  readonly madeOn: IsoDate;
  readonly contactId?: ContactId;
  readonly cancelledOn?: IsoDate;
}

export interface Instalment {
  readonly dueDate: IsoDate;
  readonly amount: Money;
}

/** A payment arrangement (betalingsregeling): instalments that replace the original due dates while on track. */
export interface PaymentArrangement {
  readonly id: string;
  readonly companyId: CompanyId;
  readonly invoiceExternalIds: readonly string[];
  readonly agreedOn: IsoDate;
  readonly instalments: readonly Instalment[];
  readonly cancelledOn?: IsoDate;
}

export const CHANNELS = ['phone', 'whatsapp', 'email', 'post', 'visit', 'portal'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CUSTOMER_TYPES = ['business', 'consumer'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

export const RELATIONSHIP_TIERS = ['key', 'regular', 'small'] as const;
export type RelationshipTier = (typeof RELATIONSHIP_TIERS)[number];

/** A good time to call: ISO weekday (1 = Monday … 7 = Sunday) and an hour range [fromHour, toHour) in the portal's zone. */
export interface CallWindow {
  readonly weekday: number;
  readonly fromHour: number;
  readonly toHour: number;
}

/** Which channels the customer can actually be reached on (a channel without an address falls back). */
export interface Reachability {
  readonly email: boolean;
  readonly phone: boolean;
  readonly whatsapp: boolean;
  readonly post: boolean;
}

export interface Pause {
  readonly reason: string;
  readonly from: IsoDate;
  /** Inclusive last day of the pause. */
  readonly until: IsoDate;
}

export interface ContactProfile {
  readonly companyId: CompanyId;
  /** Preferred channels, most preferred first. */
  readonly channels: readonly Channel[];
  readonly accountsPayableContactId?: ContactId;
  readonly decisionMakerContactId?: ContactId;
  readonly reachability: Reachability;
  /** Empty means "the policy's default call windows". */
  readonly callWindows: readonly CallWindow[];
  readonly language: Language;
  readonly customerType: CustomerType;
  readonly relationshipTier: RelationshipTier;
  /** The customer asked not to be chased (Mahnstopp); `until` absent means indefinitely. */
  readonly optOut?: { readonly since: IsoDate; readonly until?: IsoDate; readonly reason?: string };
  /** Manual pauses with an end date. */
  readonly pauses: readonly Pause[];
  /** HubSpot owner of the company (the account owner). */
  readonly ownerId?: OwnerId;
}

export const ACTION_KINDS = ['call', 'email', 'whatsapp', 'letter', 'visit', 'portal_notice', 'escalation'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const CONTACT_OUTCOMES = ['reached', 'not_reached', 'wrong_person', 'voicemail', 'sent', 'replied'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** Something credit control did (or the system did): the history the engine plans against. */
export interface ActionRecord {
  /** The idempotency key of the planned action it fulfils (or a fresh id for ad-hoc contacts). */
  readonly key: string;
  readonly companyId: CompanyId;
  /** The policy step it fulfilled, when it came from the ladder. */
  readonly stepId?: string;
  readonly kind: ActionKind;
  readonly channel?: Channel;
  readonly doneAt: Instant;
  /** When the contact is due, if later than its recording (a task made on Saturday is Monday's contact). */
  readonly dueAt?: Instant;
  readonly outcome?: ContactOutcome;
  readonly invoiceExternalIds: readonly string[];
  readonly contactId?: ContactId;
  /**
   * Present when the record is a HubSpot task the app created: the contact itself happens when a person
   * completes the task (`completedAt`). Absent: the contact was recorded as it happened.
   */
  readonly task?: { readonly completedAt?: Instant };
}

/** Everything known about one customer (company) in one portal. */
export interface CustomerLedger {
  readonly companyId: CompanyId;
  readonly invoices: readonly Invoice[];
  readonly payments: readonly Payment[];
  readonly mandates: readonly DirectDebitMandate[];
  readonly failedCollections: readonly FailedCollection[];
  readonly disputes: readonly Dispute[];
  readonly promises: readonly PromiseToPay[];
  readonly arrangements: readonly PaymentArrangement[];
  readonly profile: ContactProfile;
  readonly history: readonly ActionRecord[];
}

/** Portal-wide calendar facts, built at the edge (holidays from a library) and passed in. */
export interface BusinessCalendar {
  readonly timeZone: string;
  /** Public holidays (calendar dates in `timeZone`) for the years in play. */
  readonly holidays: ReadonlySet<string>;
  /** ISO weekdays the business works (1 = Monday); Monday to Friday when absent. */
  readonly workingDays?: ReadonlySet<number>;
}

