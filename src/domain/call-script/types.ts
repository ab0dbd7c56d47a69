import type { CostOptions } from '../legal/collection-costs';
import type { Instant, IsoDate } from '../dates';
import type { BusinessCalendar, CustomerLedger, CustomerType, Language } from '../ledger';
import type { Money } from '../money';
import type { ReminderPolicy, Tone } from '../policy/policy';

export interface CallScriptInput {
  readonly ledger: CustomerLedger;
  readonly asOf: IsoDate;
  /** With a calendar: checks whether this is a good moment to call. */
  readonly now?: Instant;
  readonly language: Language;
  /** Call windows and the consumer 14-day letter step (default: the seeds' policy). */
  readonly policy?: ReminderPolicy;
  /** Needed for the 14-day letter's pay-by date and the call-moment check. */
  readonly calendar?: BusinessCalendar;
  /** The customer's company name. */
  readonly companyName?: string;
  readonly contactName?: string;
  /** Who makes the call (the HubSpot user), so the opening names them; a placeholder to fill in when unknown. */
  readonly callerName?: string;
  /** Our own company name, for the opening. */
  readonly ourName?: string;
  /** The creditor's VAT setting for collection costs (company settings): the costs the script names include it. */
  readonly costs?: CostOptions;
}

/** Which script: content differs for each. */
export type Persona = 'good_payer' | 'habitual_late_payer' | 'broken_promise';

export type ChecklistStatus = 'ok' | 'warning' | 'missing';
export const PREPARATION_ITEMS = [
  'right_person', 'earlier_contacts', 'disputes', 'reason_for_delay', 'payment_behaviour', 'earlier_reminders', 'broken_promise', 'call_moment',
] as const;
export type PreparationItemId = (typeof PREPARATION_ITEMS)[number];
export interface ChecklistItem {
  readonly id: PreparationItemId;
  readonly status: ChecklistStatus;
  readonly text: string;
}

export const GOALS = ['when', 'how_much', 'how'] as const;
export interface Goal {
  readonly id: (typeof GOALS)[number];
  readonly text: string;
  /** For 'how_much': the proposal, the overdue total per currency (disputed invoices left out). */
  readonly proposed?: readonly Money[];
}

export const EXCUSES = [
  'invoice_not_received', 'already_paid', 'missing_po_number', 'pays_after_60_days', 'with_approval', 'waiting_for_customer',
  'delivery_problem', 'payer_away', 'no_money',
] as const;
export type ExcuseId = (typeof EXCUSES)[number];
/** What each kind of customer actually says: a consumer has no purchase orders, approval rounds or 60-day habits. */
export const EXCUSES_FOR: Record<CustomerType, readonly ExcuseId[]> = {
  business: EXCUSES,
  consumer: ['invoice_not_received', 'already_paid', 'delivery_problem', 'no_money'],
};
export interface ExcuseAnswer {
  readonly id: ExcuseId;
  readonly excuse: string;
  readonly answer: string;
}

export interface FollowUpStep {
  readonly id: 'summary_email' | 'record' | 'check_promise' | 'inform_owner';
  readonly text: string;
}

export interface CallScript {
  readonly language: Language;
  readonly persona: Persona;
  readonly customerType: CustomerType;
  readonly tone: Tone;
  readonly preparation: readonly ChecklistItem[];
  readonly opening: string;
  readonly goals: readonly Goal[];
  readonly excuses: readonly ExcuseAnswer[];
  readonly closing: readonly string[];
  readonly followUp: readonly FollowUpStep[];
  /** Consumers only, in EUR: the 14-day letter's costs (and pay-by date once it was sent). */
  /** `vatBasisPoints`: the VAT included in `costsIfUnpaid`, when the creditor adds it. */
  readonly fourteenDayLetter?: { readonly costsIfUnpaid: Money; readonly vatBasisPoints?: number; readonly payBy?: IsoDate; readonly sentOn?: IsoDate };
}
