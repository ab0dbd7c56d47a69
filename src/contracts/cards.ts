import { z } from 'zod';
import { CalendarDate } from './primitives';
import { InvoiceSort } from './card-context';

/**
 * View models of the card API: what the Receivables, Payment status and Help desk cards receive. The server
 * builds them (and parses them in tests); the cards `safeParse` them on receipt. Amounts are exact integer
 * minor units per currency: never summed across currencies, formatted with Intl in the user's locale.
 */

export const MoneyVM = z.object({
  minor: z.number().int(),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
export type MoneyVM = z.infer<typeof MoneyVM>;

/** Calendar date YYYY-MM-DD. */
export const DateVM = CalendarDate;
/** Instant, ISO-8601 UTC. */
export const InstantVM = z.iso.datetime();

/**
 * Why a customer scores as it does: one member per code, each with exactly its own parameters, so the compiler
 * catches a card that reads a field the server does not send. Mirrors the domain's prioritisation reasons.
 */
export const ReasonVM = z.discriminatedUnion('code', [
  z.object({ code: z.literal('overdue_money_days'), params: z.object({
    currency: z.string().regex(/^[A-Z]{3}$/), overdueMinor: z.number().int(), moneyDaysMinor: z.number(), oldestDaysPastDue: z.number().int().min(0),
  }) }),
  z.object({ code: z.literal('broken_promise'), params: z.object({ count: z.number().int().min(1) }) }),
  z.object({ code: z.literal('failed_direct_debit'), params: z.object({ count: z.number().int().min(1) }) }),
  z.object({ code: z.literal('worsening'), params: z.object({}) }),
  z.object({ code: z.literal('habitual_late'), params: z.object({ weightedDaysLate: z.number().int() }) }),
  z.object({ code: z.literal('relationship_value'), params: z.object({ tier: z.enum(['key', 'regular', 'small']) }) }),
  z.object({ code: z.literal('dispute_open'), params: z.object({ count: z.number().int().min(1) }) }),
  z.object({ code: z.literal('promise_not_due'), params: z.object({ promiseId: z.string(), promisedDate: DateVM }) }),
  z.object({ code: z.literal('arrangement_on_track'), params: z.object({ arrangementId: z.string() }) }),
]);
export type ReasonVM = z.infer<typeof ReasonVM>;
export type ReasonCode = ReasonVM['code'];
const REASON_CODES: ReadonlySet<string> = new Set(ReasonVM.options.map((o) => o.shape.code.value));

/**
 * The list as the card receives it: a code this card version does not know yet (a newer backend) is left out
 * rather than failing the whole card; a known code with the wrong parameters is still an invalid answer.
 */
export const ReasonsVM = z
  .array(z.looseObject({ code: z.string() }))
  .max(20)
  .transform((items) => items.filter((r) => REASON_CODES.has(r.code)))
  .pipe(z.array(ReasonVM));

export const INVOICE_TAGS = ['overdue', 'disputed', 'promised', 'in_arrangement', 'direct_debit', 'in_collection'] as const;
export type InvoiceTag = (typeof INVOICE_TAGS)[number];

export const InvoiceRowVM = z.object({
  externalId: z.string(),
  number: z.string(),
  kind: z.enum(['invoice', 'credit_note']),
  issueDate: DateVM,
  dueDate: DateVM,
  amount: MoneyVM,
  open: MoneyVM,
  daysOverdue: z.number().int().min(0),
  tags: z.array(z.enum(INVOICE_TAGS)),
  /** The structured reference the customer pays with, as printed (`5000 0567 8901 2345`, `RF18 5390 0754 7034`). */
  paymentReference: z.string().max(50).optional(),
});
export type InvoiceRowVM = z.infer<typeof InvoiceRowVM>;

export const InvoicePageVM = z.object({
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  /** Open documents in total (all pages). */
  total: z.number().int().min(0),
  pageCount: z.number().int().min(0),
  sort: InvoiceSort,
  items: z.array(InvoiceRowVM).max(100),
});
export type InvoicePageVM = z.infer<typeof InvoicePageVM>;

export const AgingBucketVM = z.object({
  /** e.g. `current`, `1-30`, `90+`. */
  id: z.string(),
  minDays: z.number().int().min(0),
  maxDays: z.number().int().min(0).nullable(),
  amount: MoneyVM,
  count: z.number().int().min(0),
});
export const AgingVM = z.object({ currency: z.string(), buckets: z.array(AgingBucketVM) });
export type AgingVM = z.infer<typeof AgingVM>;

export const BEHAVIOUR_TRENDS = ['improving', 'stable', 'worsening', 'unknown'] as const;
export type BehaviourTrend = (typeof BEHAVIOUR_TRENDS)[number];

export const BehaviourVM = z.object({
  /** Days late on average over paid invoices; null without paid history. */
  averageDaysLate: z.number().nullable(),
  weightedAverageDaysLate: z.number().nullable(),
  /** Share of invoices paid on time, 0..1; null without paid history. */
  onTimeShare: z.number().min(0).max(1).nullable(),
  trend: z.enum(BEHAVIOUR_TRENDS),
  habitualLatePayer: z.boolean(),
});
export type BehaviourVM = z.infer<typeof BehaviourVM>;

export const LadderVM = z.object({
  currentStepId: z.string().nullable(),
  lastDone: z.object({ stepId: z.string(), doneAt: InstantVM }).nullable(),
  next: z.object({ stepId: z.string(), action: z.string(), dueAt: InstantVM }).nullable(),
  paused: z.array(z.object({ kind: z.string(), until: DateVM.nullable(), invoiceCount: z.number().int().min(0) })),
});
export type LadderVM = z.infer<typeof LadderVM>;

export const PROMISE_STATUSES = ['open', 'kept', 'broken', 'cancelled'] as const;
export const PromiseVM = z.object({
  id: z.string(),
  promisedDate: DateVM,
  amount: MoneyVM,
  status: z.enum(PROMISE_STATUSES),
});
export type PromiseVM = z.infer<typeof PromiseVM>;

export const DisputeVM = z.object({
  id: z.string(),
  invoiceNumber: z.string().nullable(),
  reason: z.string(),
  openedOn: DateVM,
});
export type DisputeVM = z.infer<typeof DisputeVM>;

/** Mirrors the domain's prioritisation: `current` = nothing overdue; `standard` = overdue, no worklist segment. */
export const RISK_SEGMENTS = ['current', 'standard', 'at_risk', 'low_hanging_fruit', 'deprioritised'] as const;
export type RiskSegment = (typeof RISK_SEGMENTS)[number];

export const RiskVM = z.object({
  score: z.number(),
  segment: z.enum(RISK_SEGMENTS),
  reasons: ReasonsVM,
});
export type RiskVM = z.infer<typeof RiskVM>;

/** Wettelijke handelsrente (a business) or wettelijke rente (a consumer): the card names the one that applies. */
export const INTEREST_KINDS = ['commercial', 'consumer'] as const;

/**
 * What the claim has added to the overdue, undisputed principal by today: statutory interest per invoice from
 * its due date, and the collection costs (WIK scale, with VAT when the creditor adds it; a business at least €40 per invoice). A
 * consumer owes the costs only after the 14-day letter's term: until then `costsChargeable` is false.
 */
export const ChargesVM = z.object({
  interestKind: z.enum(INTEREST_KINDS),
  principal: z.array(MoneyVM),
  interest: z.array(MoneyVM),
  collectionCosts: MoneyVM.nullable(),
  costsChargeable: z.boolean(),
  /** The VAT the costs include (2100 = 21%), when the creditor adds it (company settings). */
  vatBasisPoints: z.number().int().min(1).max(10_000).optional(),
});
export type ChargesVM = z.infer<typeof ChargesVM>;

export const ReceivablesVM = z.object({
  companyId: z.string(),
  asOf: DateVM,
  /** No open documents at all: the card shows "no open invoices — pays on time". */
  empty: z.boolean(),
  totals: z.object({ open: z.array(MoneyVM), overdue: z.array(MoneyVM) }),
  oldestOverdueDays: z.number().int().min(0).nullable(),
  behaviour: BehaviourVM,
  aging: z.array(AgingVM),
  invoices: InvoicePageVM,
  ladder: LadderVM.nullable(),
  /** Promises still open or broken (kept and cancelled ones are history). */
  promises: z.array(PromiseVM).max(50),
  disputes: z.array(DisputeVM).max(50),
  risk: RiskVM,
  charges: ChargesVM,
});
export type ReceivablesVM = z.infer<typeof ReceivablesVM>;

/** One plain sentence for the account owner; the card words it in the user's language. */
export const AdviceVM = z.discriminatedUnion('code', [
  z.object({ code: z.literal('no_open_invoices') }),
  z.object({ code: z.literal('pays_on_time') }),
  z.object({ code: z.literal('promise_broken'), overdue: z.array(MoneyVM), days: z.number().int(), promisedDate: DateVM }),
  z.object({ code: z.literal('dispute_open'), count: z.number().int().min(1) }),
  z.object({ code: z.literal('promise_pending'), overdue: z.array(MoneyVM), promisedDate: DateVM }),
  z.object({ code: z.literal('in_arrangement') }),
  z.object({ code: z.literal('overdue_stop_orders'), overdue: z.array(MoneyVM), days: z.number().int() }),
  z.object({ code: z.literal('overdue_mention'), overdue: z.array(MoneyVM), days: z.number().int() }),
]);
export type AdviceVM = z.infer<typeof AdviceVM>;
export type AdviceCode = AdviceVM['code'];

export const PaymentStatusVM = z.object({
  companyId: z.string(),
  asOf: DateVM,
  open: z.array(MoneyVM),
  overdue: z.array(MoneyVM),
  oldestOverdueDays: z.number().int().min(0).nullable(),
  openPromise: PromiseVM.nullable(),
  openDisputeCount: z.number().int().min(0),
  segment: z.enum(RISK_SEGMENTS),
  advice: AdviceVM,
  charges: ChargesVM,
  /** The customer's own page (pay, see where they stand, arrange): the owner opens or copies it for the customer. */
  debtorPageUrl: z.url().max(400).optional(),
});
export type PaymentStatusVM = z.infer<typeof PaymentStatusVM>;
