import { z } from 'zod';
import { CalendarDate, SafeId, SafeText } from './primitives';
import { CompanyCardQuery } from './card-context';

/**
 * Wire formats of the two cards that act: Contact preferences (GET/PUT /api/cards/preferences) and the
 * Call script with outcome logging (GET /api/cards/call-script, POST /api/cards/outcomes). Both sides use
 * these schemas: the server parses every request with them, the cards `safeParse` every answer.
 * The portal and company travel in the signed query (CompanyCardQuery), never in the body.
 */

/** Card API paths of these cards, relative to the backend origin (mounted with the cards router at /api/cards). */
export const ACTION_API_PATHS = {
  preferences: '/api/cards/preferences',
  callScript: '/api/cards/call-script',
  outcomes: '/api/cards/outcomes',
} as const;

/** GET /api/cards/call-script query: the company, plus the language to read it in and names for the opening. */
export const CallScriptQuery = CompanyCardQuery.extend({
  language: z.enum(['en', 'nl']).optional(),
  companyName: z.string().trim().max(200).optional(),
  contactName: z.string().trim().max(200).optional(),
});
export type CallScriptQuery = z.infer<typeof CallScriptQuery>;

// The domain's lists, repeated because contracts import nothing but zod; a test keeps them equal.
export const CHANNEL_VALUES = ['phone', 'whatsapp', 'email', 'post', 'visit', 'portal'] as const;
export const LANGUAGE_VALUES = ['en', 'nl'] as const;
export const CUSTOMER_TYPE_VALUES = ['business', 'consumer'] as const;
export const CALL_RESULTS = ['reached', 'not_reached', 'wrong_person', 'voicemail'] as const;
export const DISPUTE_REASON_VALUES = ['not_received', 'wrong_amount', 'delivery_problem', 'quality', 'duplicate', 'other'] as const;
export const PAY_METHOD_VALUES = ['bank_transfer', 'direct_debit', 'card', 'cash', 'other'] as const;

export type ChannelValue = (typeof CHANNEL_VALUES)[number];
export type CallResult = (typeof CALL_RESULTS)[number];

const IsoDate = CalendarDate;
const ContactIdValue = z.string().regex(/^\d{1,20}$/, { error: 'must be a numeric HubSpot contact id' });
const Currency = z.string().regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 currency code' });
export const PositiveMoney = z.object({
  minor: z.number().int({ error: 'must be whole minor units' }).positive({ error: 'must be more than zero' }).max(1e13),
  currency: Currency,
});
const ShortText = (max: number) => SafeText(max);
/** An invoice's external id as the ingest API accepts it: well-formed text, bounded. */
const InvoiceRef = SafeId(100);

export const CallWindowInput = z.object({
  weekday: z.number().int().min(1).max(7),
  fromHour: z.number().int().min(0).max(23),
  toHour: z.number().int().min(1).max(24),
}).refine((w) => w.fromHour < w.toHour, { error: 'must end after it starts', path: ['toHour'] });
export type CallWindowInput = z.infer<typeof CallWindowInput>;

export const PauseInput = z.object({
  reason: ShortText(200).min(1, { error: 'needs a reason' }),
  from: IsoDate,
  until: IsoDate,
});
export type PauseInput = z.infer<typeof PauseInput>;

/** PUT /api/cards/preferences body. Rules that need the ledger or HubSpot (dates, associations) are checked by the service. */
export const PreferencesInput = z.object({
  channels: z.array(z.enum(CHANNEL_VALUES, { error: `must be one of ${CHANNEL_VALUES.join(', ')}` })).min(1, { error: 'choose at least one channel' }).max(CHANNEL_VALUES.length),
  accountsPayableContactId: ContactIdValue.optional(),
  decisionMakerContactId: ContactIdValue.optional(),
  callWindows: z.array(CallWindowInput).max(21),
  language: z.enum(LANGUAGE_VALUES),
  customerType: z.enum(CUSTOMER_TYPE_VALUES),
  optOut: z.object({ until: IsoDate.optional(), reason: ShortText(200).optional() }).optional(),
  pauses: z.array(PauseInput).max(10),
});
export type PreferencesInput = z.infer<typeof PreferencesInput>;

/** How a channel worked for this customer, from the logged outcomes. */
export const ChannelResponseVM = z.object({
  channel: z.enum(CHANNEL_VALUES),
  attempts: z.number().int().min(0),
  /** Contacts that got an answer: reached by phone/visit, replied in writing. */
  responses: z.number().int().min(0),
});
export type ChannelResponseVM = z.infer<typeof ChannelResponseVM>;

export const PreferencesVM = z.object({
  companyId: z.string(),
  today: IsoDate,
  preferences: PreferencesInput.extend({ optOutSince: IsoDate.optional() }),
  responses: z.array(ChannelResponseVM),
  /** Set when the logged outcomes say another channel works better than the first preferred one. */
  suggestion: z.object({ channel: z.enum(CHANNEL_VALUES), instead: z.enum(CHANNEL_VALUES) }).nullable(),
});
export type PreferencesVM = z.infer<typeof PreferencesVM>;

const MoneyValue = z.object({ minor: z.number().int(), currency: Currency });

/** The domain's call script for this customer now, in the language asked for (the HubSpot user's by default). */
export const CallScriptVM = z.object({
  companyId: z.string(),
  language: z.enum(LANGUAGE_VALUES),
  today: IsoDate,
  persona: z.string(),
  customerType: z.enum(CUSTOMER_TYPE_VALUES),
  /** The accounts-payable contact from the preferences: the outcome form's default "spoke with". */
  accountsPayableContactId: z.string().optional(),
  /** The open balance per currency (the outcome form's upper bound for a promise). */
  open: z.array(MoneyValue),
  /** Open invoices the outcome form can name in a promise, dispute or arrangement. */
  invoices: z.array(z.object({ externalId: z.string(), number: z.string(), open: MoneyValue, dueDate: IsoDate })).max(200),
  preparation: z.array(z.object({ id: z.string(), status: z.enum(['ok', 'warning', 'missing']), text: z.string() })),
  opening: z.string(),
  goals: z.array(z.object({ id: z.string(), text: z.string() })),
  excuses: z.array(z.object({ id: z.string(), excuse: z.string(), answer: z.string() })),
  closing: z.array(z.string()),
  followUp: z.array(z.object({ id: z.string(), text: z.string() })),
  /** `vatBasisPoints`: the VAT the costs include (2100 = 21%), when the creditor adds it. */
  fourteenDayLetter: z.object({ costsIfUnpaid: MoneyValue, vatBasisPoints: z.number().int().min(1).max(10_000).optional(), payBy: IsoDate.optional(), sentOn: IsoDate.optional() }).optional(),
});
export type CallScriptVM = z.infer<typeof CallScriptVM>;

export const PromiseInput = z.object({
  date: IsoDate,
  amount: PositiveMoney,
  method: z.enum(PAY_METHOD_VALUES).optional(),
  /** Empty = the overdue balance. */
  invoiceExternalIds: z.array(InvoiceRef).max(100).default([]),
});
export const DisputeInput = z.object({
  invoiceExternalId: InvoiceRef,
  reason: z.enum(DISPUTE_REASON_VALUES),
  note: ShortText(1000).optional(),
});
export const ArrangementInput = z.object({
  invoiceExternalIds: z.array(InvoiceRef).max(100).default([]),
  instalments: z.array(z.object({ dueDate: IsoDate, amount: PositiveMoney })).min(2, { error: 'an arrangement has at least 2 instalments' }).max(24),
});
export const DeferralInput = z.object({ until: IsoDate, reason: ShortText(200).optional() });
export const NewContactDetails = z.object({
  name: ShortText(200).optional(),
  email: z.email({ error: 'must be an e-mail address' }).max(254).optional(),
  phone: z.string().trim().regex(/^[+0-9 ()-]{6,30}$/, { error: 'must be a phone number' }).optional(),
  jobTitle: ShortText(200).optional(),
});

/** POST /api/cards/outcomes body. `outcomeId` is made once per form submission: the idempotency key. */
export const OutcomeInput = z.object({
  outcomeId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'must be 8-64 letters, digits, _ or -' }),
  result: z.enum(CALL_RESULTS),
  channel: z.enum(CHANNEL_VALUES, { error: `must be one of ${CHANNEL_VALUES.join(', ')}` }).default('phone'),
  contactId: ContactIdValue.optional(),
  notes: ShortText(5000).optional(),
  promise: PromiseInput.optional(),
  dispute: DisputeInput.optional(),
  arrangement: ArrangementInput.optional(),
  deferral: DeferralInput.optional(),
  newContact: NewContactDetails.optional(),
  /** For the summary e-mail's subject. */
  companyName: ShortText(200).optional(),
  /** The HubSpot user's language: the call notes and the follow-up task are written in it. */
  userLanguage: z.enum(LANGUAGE_VALUES).default('en'),
});
export type OutcomeInput = z.infer<typeof OutcomeInput>;
export type OutcomeInputRaw = z.input<typeof OutcomeInput>;

export const FOLLOW_UP_KINDS = ['check_promise', 'check_instalment', 'check_deferral', 'resolve_dispute', 'call_again', 'find_right_person'] as const;

export const OutcomeResultVM = z.object({
  outcomeId: z.string(),
  /** True when this outcome id had already been recorded: nothing new was written. */
  duplicate: z.boolean(),
  callId: z.string(),
  followUp: z.object({ kind: z.enum(FOLLOW_UP_KINDS), dueOn: IsoDate, taskId: z.string() }).nullable(),
  summaryEmail: z.object({ language: z.enum(LANGUAGE_VALUES), subject: z.string(), body: z.string() }).nullable(),
});
export type OutcomeResultVM = z.infer<typeof OutcomeResultVM>;

/**
 * 202 answer to a card write while HubSpot's daily API limit for the account is spent: the write is saved (what
 * lives only in the app — promises, preferences — counts at once) and its HubSpot part (the call, the task, the
 * company properties) is sent once after the limit resets at `appliesAfter` (ISO instant). Nothing to resend.
 */
export const KeptForLaterVM = z.object({
  code: z.literal('saved_until_hubspot_reset'),
  message: z.string(),
  appliesAfter: z.iso.datetime(),
});
export type KeptForLaterVM = z.infer<typeof KeptForLaterVM>;
/** What a card write can answer with 2xx: done, or kept for after the reset. */
export const OutcomeAnswer = z.union([KeptForLaterVM, OutcomeResultVM]);
export const PreferencesAnswer = z.union([KeptForLaterVM, PreferencesVM]);

/**
 * 422 answer: the request was understood but refused; `fieldErrors` is keyed by the input's path (`promise.date`).
 * The cards translate known codes and show `message` (English) for any other.
 */
export const ValidationErrorVM = z.object({
  code: z.literal('validation_failed'),
  message: z.string(),
  fieldErrors: z.record(z.string(), z.object({ code: z.string(), message: z.string() })),
});
export type ValidationErrorVM = z.infer<typeof ValidationErrorVM>;
