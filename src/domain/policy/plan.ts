import type { Instant, IsoDate } from '../dates';
import type { ActionKind, Channel, CompanyId, ContactId, OwnerId } from '../ledger';
import type { Money } from '../money';
import type { OwnerRule, Tone } from './policy';

/** Why the engine decided something: a stable code plus parameters, translated by the UI. */
export const REASON_CODES = [
  'step_due', // {stepId, dueOn, daysPastDue?}
  'steps_caught_up', // {skippedStepIds}: earlier steps whose moment passed without being done
  'bundled_invoices', // {count}
  'steps_merged', // {stepIds}: other steps due today that this one contact covers (one contact per customer per day)
  'channel_fallback', // {wanted, used}
  'failed_direct_debit', // {reason, failedOn, invoiceExternalId, code? (ISO 20022, e.g. AM04)}
  'promise_broken', // {promiseId, promisedDate}
  'habitual_late_payer', // {}
  'fourteen_day_letter', // {payBy, costsMinor, currency}
  'paused', // {kind, until?, currency? (below_tolerance)}
  'opted_out', // {until?}
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
export interface Reason {
  readonly code: ReasonCode;
  readonly params: Readonly<Record<string, string | number | boolean>>;
}

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
