import { nextBusinessDay } from '../calendar';
import { dateInZone, type Instant } from '../dates';
import type { BusinessCalendar, CustomerLedger, Invoice } from '../ledger';
import type { CostOptions } from '../legal/collection-costs';
import { isOpenInvoice, isOverdueInvoice } from '../measures/aging';
import { paymentBehaviour } from '../measures/behaviour';
import { activePauses, isCustomerPaused, isInvoicePaused } from '../pauses';
import { planBeforeDue } from './before-due';
import { chooseChannel } from './channels';
import { toPlannedAction, type ActionDraft, type PlanContext } from './context';
import { planFailedDirectDebit } from './failed-direct-debit';
import { historyUpTo, lastContactDate } from './history';
import { oneContact } from './one-contact';
import { planOverdueCycle } from './overdue-ladder';
import { isReceiptCheck, receiptCheckAllowed } from './receipt-check';
import type { LadderPosition, PlannedAction, PlanResult } from './plan';
import { pauseSummaries, skippedByPause } from './paused';
import type { PolicyStep, ReminderPolicy } from './policy';
import { dayAfter, firstSlot } from './schedule';
import { stepsFor } from './validate-policy';

export interface PlanInput {
  readonly ledger: CustomerLedger;
  readonly policy: ReminderPolicy;
  readonly now: Instant;
  readonly calendar: BusinessCalendar;
  /** Owner of credit-controller tasks; falls back to the account owner. */
  readonly creditControllerOwnerId?: string;
  /** The creditor's VAT setting for collection costs (the settings store); none added when absent. */
  readonly costs?: CostOptions;
}

/**
 * What to do for one customer right now: at most one action (one contact per customer per day, covering
 * every invoice that needs attention, never a paused one), why others are held, and where the customer stands. Pure and deterministic: the same
 * input gives the same output, and once the planned actions are recorded as done, planning again at the same
 * moment plans nothing new (a recorded contact also moves the next ladder step to a later business day).
 */
export function planActions(input: PlanInput): PlanResult {
  const { ledger, policy, now, calendar: cal } = input;
  const asOf = dateInZone(now, cal.timeZone);
  const pauses = activePauses(ledger, asOf, { toleranceMinor: policy.toleranceMinor });
  const history = historyUpTo(ledger.history, now, cal);
  const ctx: PlanContext = {
    ledger, policy, now, asOf, cal, pauses, history,
    steps: stepsFor(policy.steps, ledger.profile.customerType),
    habitualLatePayer: paymentBehaviour(ledger, asOf).habitualLatePayer,
    ...(input.creditControllerOwnerId !== undefined ? { creditControllerOwnerId: input.creditControllerOwnerId } : {}),
    ...(input.costs ? { costs: input.costs } : {}),
  };
  const lastStep = [...history].reverse().find((r) => r.stepId !== undefined);
  const lastDone = lastStep ? { stepId: lastStep.stepId!, doneAt: lastStep.doneAt } : undefined;
  const skipped = skippedByPause(ledger, pauses);
  const paused = pauseSummaries(pauses);
  if (isCustomerPaused(pauses)) {
    return { actions: [], skipped, position: { ...(lastDone ? { lastDone } : {}), paused } };
  }

  const open = ledger.invoices.filter((i) => isOpenInvoice(i) && !isInvoicePaused(i, pauses));
  const currencies = [...new Set(open.map((i) => i.open.currency))].sort();
  const floors = new Map(currencies.map((c) => [c, contactFloor(ctx, c)]));
  const drafts: ActionDraft[] = [];
  const nexts: { step: PolicyStep; dueFrom: string }[] = [];
  const current: string[] = [];
  const inOverdueAction = new Set<string>();
  for (const currency of currencies) {
    const overdue = open
      .filter((i) => i.open.currency === currency && isOverdueInvoice(i, asOf))
      .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.externalId < b.externalId ? -1 : 1));
    const cycle = planOverdueCycle(ctx, currency, overdue, floors.get(currency));
    const followUp = planFailedDirectDebit(ctx, currency, open);
    // One contact: when the ladder's contact covers the failed invoices, it explains the failure too.
    const merge = cycle.draft && followUp && followUp.invoices.every((i) => overdue.includes(i));
    if (cycle.draft) {
      overdue.forEach((i) => inOverdueAction.add(i.externalId));
      drafts.push(merge ? { ...cycle.draft, reasons: [...cycle.draft.reasons, ...followUp!.reasons] } : cycle.draft);
    }
    if (followUp && !merge) {
      followUp.invoices.forEach((i) => inOverdueAction.add(i.externalId));
      drafts.push(followUp);
    }
    if (cycle.next) nexts.push(cycle.next);
    if (cycle.currentStepId) current.push(cycle.currentStepId);
  }
  // Invoices not yet overdue in business terms (a due date on a Saturday is still "due" on Monday).
  const beforeDue = open.filter((i) => !inOverdueAction.has(i.externalId) && asOf <= nextBusinessDay(i.dueDate, cal));
  const early = planBeforeDue(ctx, beforeDue, floors);
  const courtesy = receiptCheckAllowed(ledger.invoices, asOf, current.length > 0);
  drafts.push(...early.drafts.filter((d) => courtesy || !isReceiptCheck(d.step)));
  nexts.push(...early.next.filter((n) => courtesy || !isReceiptCheck(n.step)));

  // A contact today, or one already planned for a later day (a task made on Saturday for Monday): the rest waits.
  const contactedToday = history.some((r) => r.contactDate >= asOf);
  const contact = contactedToday ? undefined : oneContact(ctx, drafts);
  const actions = contact ? [toPlannedAction(ctx, contact)] : [];
  return { actions, skipped, position: position(ctx, actions, current, nexts, lastDone, paused) };
}

/** The first business day after the latest contact about any invoice of this currency. */
function contactFloor(ctx: PlanContext, currency: string): string | undefined {
  const ids = new Set(ctx.ledger.invoices.filter((i: Invoice) => i.open.currency === currency).map((i) => i.externalId));
  const last = lastContactDate(ctx.history, ids);
  return last === undefined ? undefined : dayAfter(last, ctx.cal);
}

function position(
  ctx: PlanContext,
  actions: readonly PlannedAction[],
  current: readonly string[],
  nexts: readonly { step: PolicyStep; dueFrom: string }[],
  lastDone: LadderPosition['lastDone'],
  paused: LadderPosition['paused'],
): LadderPosition {
  const order = (id: string): number => ctx.policy.steps.findIndex((s) => s.id === id);
  const candidates = [...current, ...actions.map((a) => a.stepId)].filter((id) => order(id) >= 0);
  const currentStepId = candidates.sort((a, b) => order(b) - order(a))[0];
  const soonest = [...nexts].sort((a, b) => (a.dueFrom < b.dueFrom ? -1 : a.dueFrom > b.dueFrom ? 1 : order(a.step.id) - order(b.step.id)))[0];
  let next: LadderPosition['next'];
  if (soonest) {
    const { action } = chooseChannel(soonest.step, ctx.ledger.profile);
    const from = soonest.dueFrom > ctx.asOf ? soonest.dueFrom : ctx.asOf;
    next = { stepId: soonest.step.id, action, dueAt: firstSlot({ from, now: ctx.now, action, policy: ctx.policy, profile: ctx.ledger.profile, cal: ctx.cal }) };
  }
  return { ...(currentStepId ? { currentStepId } : {}), ...(lastDone ? { lastDone } : {}), ...(next ? { next } : {}), paused };
}
