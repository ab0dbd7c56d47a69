import type { LadderVM } from '../../contracts/cards';
import type { BusinessCalendar, CustomerLedger } from '../../domain/ledger';
import { planActions } from '../../domain/policy/engine';
import type { LadderPosition } from '../../domain/policy/plan';
import type { ReminderPolicy } from '../../domain/policy/policy';

/** The ladder position as the card shows it: where the customer stands, what comes next, what holds it. */
export function ladderVM(position: LadderPosition): LadderVM {
  return {
    currentStepId: position.currentStepId ?? null,
    lastDone: position.lastDone ? { stepId: position.lastDone.stepId, doneAt: position.lastDone.doneAt } : null,
    next: position.next ? { stepId: position.next.stepId, action: position.next.action, dueAt: position.next.dueAt } : null,
    paused: position.paused.map((p) => ({ kind: p.kind, until: p.until ?? null, invoiceCount: p.invoiceExternalIds.length })),
  };
}

/**
 * Plans the customer's reminders at `now` with the portal's policy and calendar and keeps only the position:
 * the card shows where the customer stands, the scheduler (not the card) creates the tasks.
 */
export function ladderFor(ledger: CustomerLedger, input: { now: Date; calendar: BusinessCalendar; policy: ReminderPolicy }): LadderVM {
  return ladderVM(planActions({ ledger, policy: input.policy, now: input.now.toISOString(), calendar: input.calendar }).position);
}
