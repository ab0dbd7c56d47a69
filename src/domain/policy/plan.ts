import type { Instant, IsoDate } from '../dates';
import type { ActionKind, Channel, CollectionFailureReason, CompanyId, ContactId, OwnerId } from '../ledger';
import type { Money } from '../money';
import type { OwnerRule, Tone } from './policy';

/**
 * Why the engine decided something: a stable code with exactly its own parameters (one member per code), so a
 * text or view that reads a field the engine does not set fails to compile. Lists of step ids are comma-joined:
 * planned actions are stored as JSON with the open tasks, and older entries must keep reading the same way.
 */
export type Reason =
  | { readonly code: 'step_due'; readonly params: { readonly stepId: string; readonly dueOn: IsoDate; readonly daysPastDue?: number } }
  /** Earlier steps whose moment passed without being done (a first run with old debts). */
  | { readonly code: 'steps_caught_up'; readonly params: { readonly skippedStepIds: string } }
  | { readonly code: 'bundled_invoices'; readonly params: { readonly count: number } }
  /** Other steps due today that this one contact covers (one contact per customer per day). */
  | { readonly code: 'steps_merged'; readonly params: { readonly stepIds: string } }
  | { readonly code: 'channel_fallback'; readonly params: { readonly wanted: Channel; readonly used: Channel } }
  /** `code` is the bank's ISO 20022 reason (e.g. AM04) when it is known. */
  | { readonly code: 'failed_direct_debit'; readonly params: { readonly reason: CollectionFailureReason; readonly failedOn: IsoDate; readonly invoiceExternalId: string; readonly code?: string } }
  | { readonly code: 'promise_broken'; readonly params: { readonly promiseId: string; readonly promisedDate: IsoDate } }
  | { readonly code: 'habitual_late_payer'; readonly params: Readonly<Record<string, never>> }
  | { readonly code: 'fourteen_day_letter'; readonly params: { readonly payBy: IsoDate; readonly costsMinor: number; readonly currency: string } }
  /** `currency` only for a below_tolerance pause. */
  | { readonly code: 'paused'; readonly params: { readonly kind: string; readonly until?: IsoDate; readonly currency?: string } }
  | { readonly code: 'opted_out'; readonly params: { readonly until?: IsoDate } };
export type ReasonCode = Reason['code'];
/** The parameters of one reason code. */
export type ReasonParams<C extends ReasonCode> = Extract<Reason, { code: C }>['params'];

/** Every reason code, in the order the texts list them; `satisfies` keeps the list and the union in step. */
export const REASON_CODES = [
  'step_due', 'steps_caught_up', 'bundled_invoices', 'steps_merged', 'channel_fallback', 'failed_direct_debit',
  'promise_broken', 'habitual_late_payer', 'fourteen_day_letter', 'paused', 'opted_out',
] as const satisfies readonly ReasonCode[];

export interface PlannedAction {
  /** Stable idempotency key (short, no ':' and never all digits): the same step of the same cycle → the same key. */
  readonly key: string;
  readonly companyId: CompanyId;
  /** The ladder step (or follow-up rule id, e.g. 'failed_direct_debit'). */
  readonly stepId: string;
  readonly action: ActionKind;
  readonly channel: Channel;
  /** A business day in the portal's zone; for calls inside a call window, otherwise at the start of working hours. */
  readonly dueAt: Instant;
  readonly tone: Tone;
  readonly ownerRule: OwnerRule;
  readonly ownerId?: OwnerId;
  /** The account owner to inform (broken promise, escalation) when that is not already the owner. */
  readonly notifyOwnerId?: OwnerId;
  readonly contactId?: ContactId;
  readonly currency: string;
  /** Every unpaused invoice of this customer and currency the step covers, sorted: one contact, not one per invoice. */
  readonly invoiceExternalIds: readonly string[];
  /** Total open of the bundled invoices. */
  readonly amount: Money;
  /** The same invoices as the script groups them: overdue first (oldest first), then those due soon. */
  readonly attention: { readonly overdue: readonly string[]; readonly dueSoon: readonly string[] };
  readonly createsTask: boolean;
  /**
   * The 14-day letter's terms: the overdue invoices it demands, their exact costs if unpaid, and the pay-by
   * date should it go out on the planned day (the real one counts from the day the task is completed).
   */
  readonly legal?: {
    readonly kind: 'fourteen_day_letter';
    readonly payBy: IsoDate;
    readonly costsIfUnpaid: Money;
    readonly invoiceExternalIds: readonly string[];
  };
  readonly reasons: readonly Reason[];
}

export interface PauseSummary {
  readonly kind: string;
  /** Empty for a pause of the whole customer. */
  readonly invoiceExternalIds: readonly string[];
  readonly until?: IsoDate;
}

/** Where the customer stands in the ladder and what comes next (the cards show this). */
export interface LadderPosition {
  /** The most advanced step planned now or done in a running cycle. */
  readonly currentStepId?: string;
  readonly lastDone?: { readonly stepId: string; readonly doneAt: Instant };
  /** The earliest step not yet due. */
  readonly next?: { readonly stepId: string; readonly action: ActionKind; readonly dueAt: Instant };
  readonly paused: readonly PauseSummary[];
}

export interface PlanResult {
  /** At most one: one contact per customer per day (see one-contact.ts). */
  readonly actions: readonly PlannedAction[];
  readonly skipped: readonly { readonly reason: Reason; readonly invoiceExternalIds: readonly string[] }[];
  readonly position: LadderPosition;
}
