import { nextBusinessDay } from '../calendar';
import { addDays, type IsoDate } from '../dates';
import type { Invoice, PromiseToPay } from '../ledger';
import { letterSentOn } from '../legal/fourteen-day-letter';
import { daysPastDue } from '../measures/aging';
import { promiseDeadline, promiseStatus } from '../promises';
import { actionKey } from './action-key';
import { afterFourteenDayLetter, type ActionDraft, type PlanContext } from './context';
import { findDone, touches } from './history';
import type { Reason } from './plan';
import { DEFAULT_CLIMB, isEscalationStep, type PolicyStep } from './policy';
import { dayAfter, laterDate, offsetDate } from './schedule';
import { isBeforeDueStep } from './validate-policy';

/** What the overdue ladder of one customer and currency says right now. */
export interface CycleOutcome {
  readonly draft?: ActionDraft;
  /** The first step not yet due, from which calendar date. */
  readonly next?: { readonly step: PolicyStep; readonly dueFrom: IsoDate };
  readonly currentStepId?: string;
}

/**
 * One cycle per customer and currency, anchored on the oldest overdue invoice's due date: every overdue,
 * unpaused invoice of that currency is bundled into one contact. Steps are climbed, not skipped: after a step
 * of the cycle only the next one, with the policy's gap; the first contact of a cycle with old debts starts at
 * the latest due step up to the catch-up step (and says which it passed over); an escalation only once its
 * prerequisite was done; never past an undone 14-day letter.
 * `contactFloor`: the first day after the latest recorded contact, so no step lands on the day of another.
 */
export function planOverdueCycle(ctx: PlanContext, currency: string, overdue: readonly Invoice[], contactFloor: IsoDate | undefined): CycleOutcome {
  const steps = ctx.steps.filter((s) => !isBeforeDueStep(s));
  const oldest = overdue[0];
  if (!oldest || steps.length === 0) return {};
  const anchor = oldest.dueDate;
  const ids = new Set(overdue.map((i) => i.externalId));
  const keyOf = (s: PolicyStep) => actionKey({ companyId: ctx.ledger.companyId, currency, stepId: s.id, cycleAnchorDate: anchor });
  const done = steps.map((s) => findDone(ctx.history, { stepId: s.id, keyOf: () => keyOf(s), invoiceIds: ids, since: anchor }));
  const doneIdx = done.reduce((last, r, i) => (r ? i : last), -1);

  const moments: IsoDate[] = [];
  for (const [i, s] of steps.entries()) {
    const prevDone = done[i - 1];
    const base = s.anchor !== 'previous_step' || i === 0 ? anchor : prevDone ? prevDone.localDate : moments[i - 1]!;
    moments.push(nextBusinessDay(offsetDate(base, s.offsetDays, s.offsetIn, ctx.cal), ctx.cal));
  }

  // After a 14-day letter nothing further may happen until its pay-by date has passed, counted from the day it
  // went out; a letter whose task is still open counts as going out today, so nothing follows it before it went.
  let floor = contactFloor;
  done.forEach((r, i) => {
    if (r && steps[i]!.legal === 'fourteen_day_letter') floor = laterDate(floor ?? anchor, afterFourteenDayLetter(letterSentOn(r, ctx.cal.timeZone) ?? ctx.asOf, ctx.cal));
  });
  const effective = (i: number): IsoDate => laterDate(moments[i]!, floor ?? moments[i]!);

  // The climb: one step per contact, at least the policy's gap after the previous one of this cycle.
  const gapDays = ctx.policy.minDaysBetweenSteps ?? DEFAULT_CLIMB.minDaysBetweenSteps;
  const gapFloor = doneIdx >= 0 ? dayAfter(addDays(done[doneIdx]!.localDate, Math.max(0, gapDays - 1)), ctx.cal) : undefined;
  const allowed = (j: number): boolean => !isEscalationStep(steps[j]!) || prerequisiteDone(ctx, steps, done, j);
  let target: number | undefined;
  if (doneIdx >= 0) {
    const j = doneIdx + 1;
    if (j < steps.length && laterDate(effective(j), gapFloor ?? ctx.asOf) <= ctx.asOf && allowed(j)) target = j;
  } else {
    // First contact of the cycle (old debts on a first run): the latest due step up to the catch-up step.
    const cap = catchUpIndex(ctx, steps);
    for (let j = 0; j <= cap && j < steps.length; j++) {
      if (effective(j) > ctx.asOf || !allowed(j)) break;
      target = j;
      if (steps[j]!.legal) break;
    }
  }

  // A broken promise makes the next step due now (firm), but never skips one: first contacts stop at the cap.
  const broken = brokenPromise(ctx, currency, ids);
  let jumped = false;
  if (broken && doneIdx + 1 < steps.length && (floor === undefined || floor <= ctx.asOf)) {
    const wanted = doneIdx >= 0 ? doneIdx + 1 : Math.min(Math.max(0, steps.findIndex((s) => s.id === ctx.policy.brokenPromiseStepId)), catchUpIndex(ctx, steps));
    const legalBefore = steps.findIndex((s, j) => j > doneIdx && j < wanted && s.legal !== undefined);
    const jumpTo = legalBefore >= 0 ? legalBefore : wanted;
    if ((target === undefined || jumpTo > target) && allowed(jumpTo)) {
      target = jumpTo;
      jumped = true;
    }
  }

  const current = target ?? (doneIdx >= 0 ? doneIdx : undefined);
  const next = nextStep(ctx, steps, moments, laterDate(floor ?? ctx.asOf, gapFloor ?? floor ?? ctx.asOf), target, doneIdx, gapDays);
  if (target === undefined) return { ...(next ? { next } : {}), ...(current !== undefined ? { currentStepId: steps[current]!.id } : {}) };

  const step = steps[target]!;
  const dueOn = jumped ? laterDate(ctx.asOf, floor ?? ctx.asOf) : effective(target);
  const reasons: Reason[] = [{ code: 'step_due', params: { stepId: step.id, dueOn, daysPastDue: daysPastDue(oldest, ctx.asOf) } }];
  const caughtUp = steps.slice(doneIdx + 1, target).map((s) => s.id);
  if (caughtUp.length > 0) reasons.push({ code: 'steps_caught_up', params: { skippedStepIds: caughtUp.join(',') } });
  if (broken) reasons.push({ code: 'promise_broken', params: { promiseId: broken.id, promisedDate: broken.promisedDate } });
  return {
    draft: { step, currency, cycleAnchorDate: anchor, invoices: overdue, dueFrom: dueOn, brokenPromise: broken !== undefined, reasons },
    ...(next ? { next } : {}),
    currentStepId: step.id,
  };
}

/** The step after the planned (or last done) one, assuming the planned one is done today. */
function nextStep(
  ctx: PlanContext, steps: readonly PolicyStep[], moments: readonly IsoDate[], floor: IsoDate, target: number | undefined, doneIdx: number, gapDays: number,
): CycleOutcome['next'] {
  const after = (target ?? doneIdx) + 1;
  const step = steps[after];
  if (!step) return undefined;
  let from = moments[after]!;
  if (target !== undefined) {
    if (step.anchor === 'previous_step') from = nextBusinessDay(offsetDate(ctx.asOf, step.offsetDays, step.offsetIn, ctx.cal), ctx.cal);
    from = laterDate(from, dayAfter(addDays(ctx.asOf, Math.max(0, gapDays - 1)), ctx.cal));
    if (steps[target]!.legal === 'fourteen_day_letter') from = laterDate(from, afterFourteenDayLetter(ctx.asOf, ctx.cal));
  }
  return { step, dueFrom: laterDate(from, floor) };
}

/** The last step a first contact may start at: the policy's catch-up step, or the last before it for this audience. */
function catchUpIndex(ctx: PlanContext, steps: readonly PolicyStep[]): number {
  const id = ctx.policy.catchUpToStepId ?? DEFAULT_CLIMB.catchUpToStepId[ctx.ledger.profile.customerType];
  const order = ctx.policy.steps.findIndex((s) => s.id === id);
  if (order < 0) return 0;
  let cap = 0;
  steps.forEach((s, j) => {
    if (ctx.policy.steps.findIndex((p) => p.id === s.id) <= order && !isEscalationStep(s)) cap = j;
  });
  return cap;
}

/**
 * Escalation needs the formal reminder done (a business) or the 14-day letter (a consumer) in this cycle; when
 * the policy's ladder has no such step, the step right before the escalation.
 */
function prerequisiteDone(ctx: PlanContext, steps: readonly PolicyStep[], done: readonly (unknown | undefined)[], j: number): boolean {
  const wanted = DEFAULT_CLIMB.escalationPrerequisite[ctx.ledger.profile.customerType];
  const byId = steps.findIndex((s, k) => k < j && (s.id === wanted || (ctx.ledger.profile.customerType === 'consumer' && s.legal === 'fourteen_day_letter')));
  const k = byId >= 0 ? byId : j - 1;
  return k >= 0 && done[k] !== undefined;
}

/** A broken promise on this cycle's invoices (or on the balance) that nobody has followed up yet. */
function brokenPromise(ctx: PlanContext, currency: string, ids: ReadonlySet<string>): PromiseToPay | undefined {
  return ctx.ledger.promises
    .filter((p) => p.amount.currency === currency && (p.invoiceExternalIds.length === 0 || p.invoiceExternalIds.some((id) => ids.has(id))))
    .filter((p) => promiseStatus(p, ctx.ledger, ctx.asOf) === 'broken')
    .filter((p) => !ctx.history.some((r) => touches(r, ids) && r.localDate > promiseDeadline(p)))
    .sort((a, b) => (a.promisedDate < b.promisedDate ? -1 : a.promisedDate > b.promisedDate ? 1 : a.id < b.id ? -1 : 1))[0];
}
