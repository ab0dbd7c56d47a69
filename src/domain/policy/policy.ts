import type { ActionKind, CallWindow, Channel } from '../ledger';
import type { SelfServiceLimits } from './self-service-limits';

/**
 * A reminder policy is data: an ordered ladder of steps plus the rules for when contact may happen.
 * The default follows the seeds (receipt check, due-date reminder, call, aanmaning, sommatie or the
 * consumer 14-day letter, escalation).
 */

export const STEP_ANCHORS = ['invoice_date', 'due_date', 'previous_step'] as const;
export type StepAnchor = (typeof STEP_ANCHORS)[number];

export const OFFSET_UNITS = ['calendar_days', 'business_days'] as const;
export type OffsetUnit = (typeof OFFSET_UNITS)[number];

export const TONES = ['friendly', 'neutral', 'firm', 'formal'] as const;
export type Tone = (typeof TONES)[number];

export const OWNER_RULES = ['account_owner', 'credit_controller', 'escalation_owner'] as const;
export type OwnerRule = (typeof OWNER_RULES)[number];

export const AUDIENCES = ['all', 'business', 'consumer'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface PolicyStep {
  /** Stable id: part of the idempotency key, so never rename a step of a live policy. Lower-case [a-z0-9_-]. */
  readonly id: string;
  readonly anchor: StepAnchor;
  /** May be negative (a reminder before the due date). */
  readonly offsetDays: number;
  readonly offsetIn: OffsetUnit;
  readonly action: ActionKind;
  /** 'customer': pick the customer's preferred channel among `allowedChannels`; 'fixed': the action's own channel. */
  readonly channelPreference: 'customer' | 'fixed';
  /** With 'customer': the channels this step may use, in the step's own order of preference. */
  readonly allowedChannels?: readonly Channel[];
  readonly tone: Tone;
  readonly createsTask: boolean;
  readonly ownerRule: OwnerRule;
  readonly appliesTo: Audience;
  readonly legal?: 'fourteen_day_letter';
}

/** A follow-up outside the ladder (failed direct debit): due the same or next business day. */
export type FollowUpRule = Pick<PolicyStep, 'id' | 'action' | 'channelPreference' | 'allowedChannels' | 'tone' | 'createsTask' | 'ownerRule'>;

export interface WorkingHours {
  /** Hour of the day in the portal's zone, [fromHour, toHour). */
  readonly fromHour: number;
  readonly toHour: number;
}

export interface ReminderPolicy {
  readonly id: string;
  readonly name: string;
  /** In ladder order: every later step is a stronger one. */
  readonly steps: readonly PolicyStep[];
  /** When calls to businesses may be planned (portal zone); a customer's own call windows win over these. */
  readonly callWindows: readonly CallWindow[];
  /** When consumers are called (they are at work by day); the default evening windows when absent. */
  readonly consumerCallWindows?: readonly CallWindow[];
  /** When non-call actions are due. */
  readonly workingHours: WorkingHours;
  /** Open balance per currency (minor units) under which nobody is chased. */
  readonly toleranceMinor: Readonly<Record<string, number>>;
  readonly consumerRules: {
    /** Consumers must get the 14-day letter before costs or escalation (art. 6:96 lid 6 BW). */
    readonly requireFourteenDayLetter: boolean;
  };
  /** A broken promise jumps the ladder to at least this step, with at least a firm tone. */
  readonly brokenPromiseStepId: string;
  /** Immediate follow-up of a failed direct debit. */
  readonly failedDirectDebit: FollowUpRule;
  /**
   * The climb: at most one overdue step per contact, and at least this many calendar days after the previous
   * step of the cycle (default `DEFAULT_CLIMB.minDaysBetweenSteps`; a broken promise does not wait for it).
   */
  readonly minDaysBetweenSteps?: number;
  /**
   * First contact of a cycle whose steps' moments have long passed (old debts on a first run): start at the
   * latest due step up to this one, not at the top of the ladder (default `DEFAULT_CLIMB.catchUpToStepId`).
   * Never an escalation: escalation needs its prerequisite done first.
   */
  readonly catchUpToStepId?: string;
  /** What a customer may arrange on their own page without a person (default `DEFAULT_SELF_SERVICE_LIMITS`). */
  readonly selfService?: SelfServiceLimits;
}

/**
 * Defaults of the climb. Escalation (account owner, collection agency) needs the formal reminder done first
 * for a business and the 14-day letter (art. 6:96 lid 6 BW) for a consumer.
 */
export const DEFAULT_CLIMB = {
  minDaysBetweenSteps: 7,
  // A consumer's first demand may as well be the 14-day letter: it is what makes costs lawful at all.
  catchUpToStepId: { business: 'formal_reminder', consumer: 'fourteen_day_letter' },
  escalationPrerequisite: { business: 'formal_reminder', consumer: 'fourteen_day_letter' },
} as const;

/** An escalation step hands the customer over (account owner, collection agency): it needs a prerequisite. */
export const isEscalationStep = (s: Pick<PolicyStep, 'action' | 'ownerRule'>): boolean => s.action === 'escalation' || s.ownerRule === 'escalation_owner';

/**
 * Mon–Fri 9–17, but not Monday morning, not Friday afternoon (the seeds: those calls are less successful) and
 * never in the lunch hour, 12–13, when accounts payable is not at its desk.
 */
export const DEFAULT_CALL_WINDOWS: readonly CallWindow[] = [
  { weekday: 1, fromHour: 13, toHour: 17 },
  ...[2, 3, 4].flatMap((weekday) => [{ weekday, fromHour: 9, toHour: 12 }, { weekday, fromHour: 13, toHour: 17 }]),
  { weekday: 5, fromHour: 9, toHour: 12 },
];

/** Consumers are reached after work: Monday to Thursday, 18–20 (not on Friday evening). */
export const DEFAULT_CONSUMER_CALL_WINDOWS: readonly CallWindow[] = [1, 2, 3, 4].map((weekday) => ({ weekday, fromHour: 18, toHour: 20 }));

export const DEFAULT_POLICY: ReminderPolicy = {
  id: 'default',
  name: 'Default (seeds ladder)',
  steps: [
    // "Een paar dagen na het versturen van de factuur: vraag vriendelijk of de factuur goed is ontvangen."
    { id: 'receipt_check', anchor: 'invoice_date', offsetDays: 3, offsetIn: 'business_days', action: 'call',
      channelPreference: 'customer', allowedChannels: ['phone', 'email'], tone: 'friendly', createsTask: true,
      ownerRule: 'credit_controller', appliesTo: 'all' },
    // "Op de dag dat de betaling binnen moet zijn: stuur een korte reminder per mail of via WhatsApp."
    { id: 'due_date_reminder', anchor: 'due_date', offsetDays: 0, offsetIn: 'calendar_days', action: 'email',
      channelPreference: 'customer', allowedChannels: ['email', 'whatsapp'], tone: 'friendly', createsTask: true,
      ownerRule: 'credit_controller', appliesTo: 'all' },
    // "Kort na de vervaldatum: bel ... en vraag of er een reden is waarom de betaling uitblijft."
    { id: 'late_payment_call', anchor: 'due_date', offsetDays: 2, offsetIn: 'business_days', action: 'call',
      channelPreference: 'fixed', tone: 'friendly', createsTask: true, ownerRule: 'credit_controller', appliesTo: 'all' },
    { id: 'formal_reminder', anchor: 'due_date', offsetDays: 14, offsetIn: 'calendar_days', action: 'email',
      channelPreference: 'fixed', tone: 'neutral', createsTask: true, ownerRule: 'credit_controller', appliesTo: 'all' },
    // Post is "extra formeel": the way to show it is serious.
    { id: 'final_notice', anchor: 'due_date', offsetDays: 28, offsetIn: 'calendar_days', action: 'letter',
      channelPreference: 'fixed', tone: 'firm', createsTask: true, ownerRule: 'credit_controller', appliesTo: 'business' },
    { id: 'fourteen_day_letter', anchor: 'due_date', offsetDays: 28, offsetIn: 'calendar_days', action: 'letter',
      channelPreference: 'fixed', tone: 'firm', createsTask: true, ownerRule: 'credit_controller', appliesTo: 'consumer',
      legal: 'fourteen_day_letter' },
    { id: 'escalation', anchor: 'due_date', offsetDays: 45, offsetIn: 'calendar_days', action: 'escalation',
      channelPreference: 'fixed', tone: 'formal', createsTask: true, ownerRule: 'escalation_owner', appliesTo: 'all' },
  ],
  callWindows: DEFAULT_CALL_WINDOWS,
  workingHours: { fromHour: 9, toHour: 17 },
  toleranceMinor: { EUR: 500, USD: 500, GBP: 500 },
  consumerRules: { requireFourteenDayLetter: true },
  brokenPromiseStepId: 'formal_reminder',
  // "Mislukt een automatische incasso toch, dan is directe opvolging essentieel."
  failedDirectDebit: { id: 'failed_direct_debit', action: 'email', channelPreference: 'customer',
    allowedChannels: ['email', 'whatsapp', 'phone'], tone: 'friendly', createsTask: true, ownerRule: 'credit_controller' },
};
