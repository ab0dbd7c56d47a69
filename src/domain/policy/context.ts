import { dateInZone, type Instant, type IsoDate } from '../dates';
import type { CostOptions } from '../legal/collection-costs';
import { fourteenDayLetter } from '../legal/fourteen-day-letter';
import type { BusinessCalendar, CustomerLedger, Invoice, OwnerId } from '../ledger';
import type { DatedRecord } from './history';
import { money } from '../money';
import type { ActivePause } from '../pauses';
import { actionKey } from './action-key';
import { chooseChannel } from './channels';
import { attentionOf } from './attention';
import type { PlannedAction, Reason } from './plan';
import { TONES, type FollowUpRule, type OwnerRule, type PolicyStep, type ReminderPolicy, type Tone } from './policy';
import { dayAfter, firstSlot, laterDate } from './schedule';

/** Everything one planning run knows, computed once. */
export interface PlanContext {
  readonly ledger: CustomerLedger;
  readonly policy: ReminderPolicy;
  readonly now: Instant;
  readonly asOf: IsoDate;
  readonly cal: BusinessCalendar;
  /** The policy's steps for this customer type, in ladder order. */
  readonly steps: readonly PolicyStep[];
  readonly pauses: readonly ActivePause[];
  /** History up to `now`, oldest first. */
  readonly history: readonly DatedRecord[];
  readonly habitualLatePayer: boolean;
  readonly creditControllerOwnerId?: string;
  /** The creditor's VAT setting for collection costs: the 14-day letter states them exactly. */
  readonly costs?: CostOptions;
}

const firmer = (t: Tone): Tone => TONES[Math.min(TONES.indexOf(t) + 1, TONES.length - 1)]!;
const atLeast = (t: Tone, floor: Tone): Tone => (TONES.indexOf(t) >= TONES.indexOf(floor) ? t : floor);

export const byExternalId = (a: Invoice, b: Invoice): number => (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0);

export interface ActionDraft {
  readonly step: PolicyStep | FollowUpRule;
  readonly currency: string;
  readonly cycleAnchorDate: IsoDate;
  /** One currency, unpaused: the caller guarantees it. */
  readonly invoices: readonly Invoice[];
  /** Not before this calendar date (portal zone). */
  readonly dueFrom: IsoDate;
  readonly brokenPromise?: boolean;
  readonly reasons: readonly Reason[];
}

/**
 * Who does a step: the credit controller for credit-controller steps (else the account owner), the account
 * owner for the others (else the credit controller). Re-applied when the account owner changes later.
 */
export function ownerForRule(rule: OwnerRule, owners: { accountOwnerId?: OwnerId; creditControllerOwnerId?: OwnerId }): OwnerId | undefined {
  return rule === 'credit_controller' ? (owners.creditControllerOwnerId ?? owners.accountOwnerId) : (owners.accountOwnerId ?? owners.creditControllerOwnerId);
}

/** Turns a decision into the planned action: channel, tone, owner, contact, dueAt, amount and key. */
export function toPlannedAction(ctx: PlanContext, d: ActionDraft): PlannedAction {
  const { profile } = ctx.ledger;
  const choice = chooseChannel(d.step, profile);
  const isFollowUp = !('anchor' in d.step);
  let tone = d.step.tone;
  // Failed direct debit stays friendly: the customer usually meant to pay (involuntary churn is the risk).
  if (ctx.habitualLatePayer && !isFollowUp) tone = firmer(tone);
  if (d.brokenPromise) tone = atLeast(tone, 'firm');
  const ownerId = ownerForRule(d.step.ownerRule, {
    ...(profile.ownerId !== undefined ? { accountOwnerId: profile.ownerId } : {}),
    ...(ctx.creditControllerOwnerId !== undefined ? { creditControllerOwnerId: ctx.creditControllerOwnerId } : {}),
  });
  const escalating = d.step.ownerRule === 'escalation_owner' || choice.action === 'escalation';
  const contactId = escalating
    ? (profile.decisionMakerContactId ?? profile.accountsPayableContactId)
    : (profile.accountsPayableContactId ?? profile.decisionMakerContactId);
  const invoices = [...d.invoices].sort(byExternalId);
  const amount = money(invoices.reduce((s, i) => s + i.open.minor, 0), d.currency);
  const dueAt = firstSlot({ from: laterDate(d.dueFrom, ctx.asOf), now: ctx.now, action: choice.action, policy: ctx.policy, profile, cal: ctx.cal });
  const reasons: Reason[] = [...d.reasons, ...choice.reasons];
  const contactDay = dateInZone(dueAt, ctx.cal.timeZone);
  const legal = legalTerms(ctx, d.step, invoices, contactDay);
  if (legal)
    reasons.push({ code: 'fourteen_day_letter', params: { payBy: legal.payBy, costsMinor: legal.costsIfUnpaid.minor, currency: legal.costsIfUnpaid.currency } });
  if (ctx.habitualLatePayer && !isFollowUp) reasons.push({ code: 'habitual_late_payer', params: {} });
  if (invoices.length > 1) reasons.push({ code: 'bundled_invoices', params: { count: invoices.length } });
  const notify = d.brokenPromise && profile.ownerId !== undefined && profile.ownerId !== ownerId ? profile.ownerId : undefined;
  return {
    key: actionKey({ companyId: ctx.ledger.companyId, currency: d.currency, stepId: d.step.id, cycleAnchorDate: d.cycleAnchorDate }),
    companyId: ctx.ledger.companyId,
    stepId: d.step.id,
    action: choice.action,
    channel: choice.channel,
    dueAt,
    tone,
    ownerRule: d.step.ownerRule,
    ...(ownerId !== undefined ? { ownerId } : {}),
    ...(notify !== undefined ? { notifyOwnerId: notify } : {}),
    ...(contactId !== undefined ? { contactId } : invoices[0]?.contactId !== undefined ? { contactId: invoices[0].contactId } : {}),
    currency: d.currency,
    invoiceExternalIds: invoices.map((i) => i.externalId),
    amount,
    // As of the day of the contact: an invoice due on Sunday is overdue on Monday's call, not "due soon".
    attention: attentionOf(invoices, contactDay),
    createsTask: d.step.createsTask,
    ...(legal ? { legal } : {}),
    reasons,
  };
}

/**
 * The 14-day letter states the exact WIK costs and the pay-by date counted from the day it is posted. The
 * costs are owed on the principal that is overdue when it goes out, never on an invoice merged into the same
 * contact that is not yet due. The staffel is a euro rule, so for another currency the letter goes out without
 * costs (and without legal terms). `payBy` is the stated, safe date if it goes out on the planned day.
 */
function legalTerms(ctx: PlanContext, step: PolicyStep | FollowUpRule, invoices: readonly Invoice[], sentOn: IsoDate): PlannedAction['legal'] {
  if (!('legal' in step) || step.legal !== 'fourteen_day_letter') return undefined;
  const overdue = invoices.filter((i) => i.dueDate < sentOn);
  if (overdue.length === 0 || overdue.some((i) => i.open.currency !== 'EUR')) return undefined;
  const principal = money(overdue.reduce((n, i) => n + i.open.minor, 0), 'EUR');
  const letter = fourteenDayLetter({ sentOn, cal: ctx.cal, principal, ...(ctx.costs ? { costs: ctx.costs } : {}) });
  return { kind: 'fourteen_day_letter', payBy: letter.statedPayBy, costsIfUnpaid: letter.costsIfUnpaid, invoiceExternalIds: overdue.map((i) => i.externalId) };
}

/** The first day a step may follow a 14-day letter posted on `sentOn`: after its stated pay-by date. */
export function afterFourteenDayLetter(sentOn: IsoDate, cal: BusinessCalendar): IsoDate {
  // Only the dates matter here; a zero euro principal keeps the cost calculation out of the way.
  const { statedPayBy } = fourteenDayLetter({ sentOn, cal, principal: money(0, 'EUR') });
  return dayAfter(statedPayBy, cal);
}
