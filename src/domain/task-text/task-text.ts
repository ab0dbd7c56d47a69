import { buildCallScript } from '../call-script/script';
import { returnReason } from '../direct-debit/return-reasons';
import { text as scriptText } from '../call-script/format';
import { CHANNELS, type ActionKind, COLLECTION_FAILURE_REASONS, type BusinessCalendar, type Channel, type CollectionFailureReason, type CustomerLedger, type Invoice, type Language } from '../ledger';
import { daysBetween, type IsoDate } from '../dates';
import { money, sum } from '../money';
import { formatAmounts, formatDate, formatMoney, formatPercent } from '../i18n/format';
import { claimCharges } from '../legal/claim-charges';
import { consumerLetterTermPassed } from '../legal/consumer-costs';
import { isOpenReceivable } from '../measures/aging';
import type { PlannedAction, Reason, ReasonCode, ReasonParams } from '../policy/plan';
import type { ReminderPolicy } from '../policy/policy';
import { stepName, t } from './format';
import type { TaskMessageKey } from './messages';
import { callScriptText } from './script-text';
import { fourteenDayLetterText, letterHeading, missingCreditorWarning, type LetterCreditor } from './fourteen-day-letter-text';

export interface TaskTextInput {
  readonly action: PlannedAction;
  readonly ledger: CustomerLedger;
  /** The portal's language: the credit controller reads the task, so every word of it is in this language. */
  readonly language: Language;
  /** The day the task is due (portal zone): "days overdue" and the script are as of then. */
  readonly today: IsoDate;
  /** With a policy and calendar the call script knows the ladder and the 14-day letter's dates. */
  readonly policy?: ReminderPolicy;
  readonly calendar?: BusinessCalendar;
  /** The customer's own page (the debtor page): the message, the call and the letter offer it. */
  readonly payLink?: string;
  /** What a 14-day letter task needs besides the plan: who signs it and whether its costs carry VAT. */
  readonly letter?: { readonly creditor?: LetterCreditor; readonly vatBasisPoints?: number };
}

export interface TaskText {
  readonly subject: string;
  readonly body: string;
}

/**
 * Subject and body of a reminder task, all in one language: what to do, the amount, the invoices (overdue
 * first, then those due soon), why now, and for a call the domain's script. The last line names the action
 * key, so a person sees why the task exists.
 */
export function taskText(input: TaskTextInput): TaskText {
  const { action, ledger, language: lang, today } = input;
  const byId = new Map(ledger.invoices.map((i) => [i.externalId, i]));
  const invoices = action.invoiceExternalIds.map((id) => byId.get(id));
  const count = action.invoiceExternalIds.length;
  const amount = formatMoney(action.amount, lang);
  const single = count === 1 ? (invoices[0]?.number ?? action.invoiceExternalIds[0]) : undefined;
  const subject = t(lang, 'subject', {
    verb: t(lang, `verb.${action.action}`), step: stepName(lang, action.stepId), amount, invoices: single ?? t(lang, 'invoices', { count }),
  });
  // The planner's grouping (overdue first, oldest first, then due soon), never a second reading of due dates.
  const group = (ids: readonly string[]) => ids.map((id) => byId.get(id)).filter((i): i is Invoice => i !== undefined);
  const overdue = group(action.attention.overdue);
  const dueSoon = group(action.attention.dueSoon);
  const body = [
    t(lang, 'body.step', { step: stepName(lang, action.stepId), channel: t(lang, `channel.${action.channel}`), tone: t(lang, `tone.${action.tone}`) }),
    t(lang, 'body.amount', { amount, invoices: t(lang, 'invoices', { count }) }),
    ...invoiceSection(lang, 'body.overdue', overdue, today),
    ...invoiceSection(lang, 'body.due_soon', dueSoon, today),
    ...creditSection(lang, action, ledger),
    ...(action.legal ? [t(lang, 'letter.planned', { costs: formatMoney(action.legal.costsIfUnpaid, lang) })] : []),
    ...(claimsCharges(action) ? chargesSection(input) : []),
    ...(action.reasons.length > 0 ? [t(lang, 'body.why', { reasons: action.reasons.map((r) => reasonText(lang, r)).join('; ') })] : []),
    ...(action.reasons.some((r) => r.code === 'failed_direct_debit') ? [t(lang, 'body.pay_now')] : []),
    ...(input.payLink ? [t(lang, LINK_LINE[action.action], { url: input.payLink, qr: `${input.payLink}/qr.png` })] : []),
    ...(action.action === 'call'
      ? ['', ...callScriptText(buildCallScript({
          ledger, asOf: today, language: lang,
          ...(input.policy ? { policy: input.policy } : {}), ...(input.calendar ? { calendar: input.calendar } : {}),
        }))]
      : []),
    ...(action.legal ? ['', ...letterSection(input, action.legal, byId)] : []),
    '',
    t(lang, 'body.marker', { key: action.key }),
  ].join('\n');
  return { subject, body };
}

/** How the link is meant to reach the customer: in the message itself, offered on the phone, printed on the letter. */
const LINK_LINE: Record<ActionKind, TaskMessageKey> = {
  email: 'link.send', whatsapp: 'link.send', portal_notice: 'link.send', call: 'link.call', letter: 'link.letter', visit: 'link.other', escalation: 'link.other',
};

/** The letter itself, in the customer's language, under a line in the reader's saying what to do with it. */
function letterSection(input: TaskTextInput, legal: NonNullable<PlannedAction['legal']>, byId: ReadonlyMap<string, Invoice>): string[] {
  const customerLanguage = input.ledger.profile.language;
  const invoices = legal.invoiceExternalIds.map((id) => byId.get(id)).filter((i): i is Invoice => i !== undefined)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number));
  const creditor = input.letter?.creditor;
  return [
    letterHeading(input.language, customerLanguage),
    ...(creditor ? [] : [missingCreditorWarning(input.language)]),
    '',
    ...fourteenDayLetterText({
      language: customerLanguage, invoices, total: sum('EUR', invoices.map((i) => i.open)), costsIfUnpaid: legal.costsIfUnpaid,
      ...(input.letter?.vatBasisPoints ? { vatBasisPoints: input.letter.vatBasisPoints } : {}),
      ...(creditor ? { creditor } : {}), ...(input.payLink ? { payLink: input.payLink } : {}),
    }),
  ];
}

/** A final notice (a letter that is not the 14-day letter) and an escalation claim interest and costs; reminders before them do not. */
const claimsCharges = (action: PlannedAction): boolean => (action.action === 'letter' && !action.legal) || action.action === 'escalation';

/** Interest to date and the collection costs, as the final notice states them (claim-charges.ts computes both). */
function chargesSection(input: TaskTextInput): string[] {
  const { ledger, language: lang, today } = input;
  const vat = input.letter?.vatBasisPoints;
  const consumerCostsChargeable = input.calendar ? consumerLetterTermPassed(ledger, today, input.calendar, input.policy) : false;
  // The invoices this notice claims, not every overdue one of the customer (a paused or disputed one is not in it).
  const c = claimCharges({ ledger, asOf: today, invoiceExternalIds: input.action.invoiceExternalIds, ...(vat ? { costs: { vatBasisPoints: vat } } : {}), consumerCostsChargeable });
  const lines = c.interest.length > 0 ? [t(lang, `charges.interest.${c.kind}`, { amount: formatAmounts(c.interest, lang), date: formatDate(today, lang) })] : [];
  if (c.collectionCosts && c.costsChargeable) {
    const amount = formatMoney(c.collectionCosts, lang);
    // Only a figure that holds VAT says so: the €40 per business invoice carries none, whatever the VAT setting.
    const included = c.collectionCostsVatBasisPoints;
    lines.push(included ? t(lang, 'charges.costs_vat', { amount, vat: formatPercent(included, lang) }) : t(lang, 'charges.costs', { amount }));
  } else if (c.collectionCosts) lines.push(t(lang, 'charges.costs_not_yet'));
  const euroOnly = c.principal.length === 1 && c.principal[0]!.currency === 'EUR' && c.interest.every((m) => m.currency === 'EUR');
  if (euroOnly && lines.length > 0) {
    const total = c.principal[0]!.minor + (c.interest[0]?.minor ?? 0) + (c.costsChargeable ? (c.collectionCosts?.minor ?? 0) : 0);
    lines.push(t(lang, 'charges.total', { amount: formatMoney({ minor: total, currency: 'EUR' }, lang) }));
  }
  return lines;
}

function invoiceSection(lang: Language, heading: 'body.overdue' | 'body.due_soon', invoices: readonly Invoice[], today: IsoDate): string[] {
  if (invoices.length === 0) return [];
  return [t(lang, heading), ...invoices.map((i) => t(lang, 'body.invoice', {
    number: i.number, open: formatMoney(i.open, lang), amount: formatMoney(i.amount, lang), dueDate: formatDate(i.dueDate, lang), when: when(lang, i.dueDate, today),
  }))];
}

/**
 * The open credit notes of the action's currency: the customer may set them off against what is late, so the
 * rollup and the cards net them (measures/aging.ts) — the task names them and the balance, as the customer will.
 */
function creditSection(lang: Language, action: PlannedAction, ledger: CustomerLedger): string[] {
  const credits = ledger.invoices.filter((i) => i.kind === 'credit_note' && isOpenReceivable(i) && i.open.currency === action.currency);
  if (credits.length === 0) return [];
  const net = money(Math.max(0, action.amount.minor - credits.reduce((s, c) => s + c.open.minor, 0)), action.currency);
  return [t(lang, 'body.credits', { notes: credits.map((c) => `${c.number} ${formatMoney(c.open, lang)}`).join(', '), net: formatMoney(net, lang) })];
}

function when(lang: Language, dueDate: IsoDate, today: IsoDate): string {
  const late = daysBetween(dueDate, today);
  if (late > 0) return t(lang, 'when.overdue', { days: late });
  if (late === 0) return t(lang, 'when.today');
  return t(lang, 'when.due_in', { days: -late });
}

const isoDate = (lang: Language, v: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v, lang) : v);
const steps = (lang: Language, ids: string): string => ids.split(',').filter(Boolean).map((s) => stepName(lang, s)).join(', ');

/** Every reason code in words, each reading its own parameters: a code (or field) the engine lacks does not compile. */
const REASON_TEXT: { readonly [C in ReasonCode]: (lang: Language, p: ReasonParams<C>) => string } = {
  step_due: (lang, p) => t(lang, 'reason.step_due', { step: stepName(lang, p.stepId), dueOn: isoDate(lang, p.dueOn) }),
  steps_caught_up: (lang, p) => t(lang, 'reason.steps_caught_up', { steps: steps(lang, p.skippedStepIds) }),
  bundled_invoices: (lang, p) => t(lang, 'reason.bundled_invoices', { count: p.count }),
  steps_merged: (lang, p) => t(lang, 'reason.steps_merged', { steps: steps(lang, p.stepIds) }),
  // The same channel both ways: nothing was reachable, so the task keeps the wanted one and someone must find the address.
  channel_fallback: (lang, p) => (p.wanted === p.used
    ? t(lang, 'reason.channel_unknown', { used: channel(lang, p.used) })
    : t(lang, 'reason.channel_fallback', { wanted: channel(lang, p.wanted), used: channel(lang, p.used) })),
  // The bank's own reason (ISO code) in plain words when it is known, else the kind of failure.
  failed_direct_debit: (lang, p) => `${t(lang, 'reason.failed_direct_debit', { failedOn: isoDate(lang, p.failedOn) })}: ${p.code !== undefined ? returnReason(p.code).words[lang] : failure(lang, p.reason)}`,
  promise_broken: (lang, p) => t(lang, 'reason.promise_broken', { promisedDate: isoDate(lang, p.promisedDate) }),
  habitual_late_payer: (lang) => t(lang, 'reason.habitual_late_payer'),
  fourteen_day_letter: (lang) => t(lang, 'reason.fourteen_day_letter'),
  paused: (lang) => t(lang, 'reason.paused'),
  opted_out: (lang) => t(lang, 'reason.opted_out'),
};

// Stored actions are JSON: a value outside the known lists is still shown, as written, rather than dropped.
const channel = (lang: Language, v: Channel): string => (CHANNELS.includes(v) ? t(lang, `channel.${v}`) : String(v));

const failure = (lang: Language, v: CollectionFailureReason): string =>
  scriptText(lang, `reason.${COLLECTION_FAILURE_REASONS.includes(v) ? v : 'other'}`);

export const reasonText = (lang: Language, r: Reason): string =>
  // TypeScript cannot correlate the union's code with its params through an index; each entry above is checked on its own.
  (REASON_TEXT[r.code] as (lang: Language, p: Reason['params']) => string)(lang, r.params);
