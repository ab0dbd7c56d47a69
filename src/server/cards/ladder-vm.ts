import type { LadderVM } from '../../contracts/cards';
import type { LadderPosition } from '../../domain/policy/plan';

/** The ladder position as the card shows it: where the customer stands, what comes next, what holds it. */
export function ladderVM(position: LadderPosition): LadderVM {
  return {
    currentStepId: position.currentStepId ?? null,
    lastDone: position.lastDone ? { stepId: position.lastDone.stepId, doneAt: position.lastDone.doneAt } : null,
    next: position.next ? { stepId: position.next.stepId, action: position.next.action, dueAt: position.next.dueAt } : null,
    paused: position.paused.map((p) => ({ kind: p.kind, until: p.until ?? null, invoiceCount: p.invoiceExternalIds.length })),
  };
}

export interface LadderInput {
  readonly asOf: string;
  readonly now: Date;
  readonly calendar: import('../../domain/ledger').BusinessCalendar;
  readonly policy: import('../../domain/policy/policy').ReminderPolicy;
}

/** Plans the customer's reminders now and keeps only the position (the card shows no task details). */
export function ladderFor(_ledger: import('../../domain/ledger').CustomerLedger, _input: LadderInput): LadderVM | null {
  return null; // PENDING planActions (domain, ~15:45)
}
