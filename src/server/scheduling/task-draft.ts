import { dateInZone } from '../../domain/dates';
import type { BusinessCalendar, CustomerLedger, Language, OwnerId } from '../../domain/ledger';
import type { PlannedAction } from '../../domain/policy/plan';
import type { ReminderPolicy } from '../../domain/policy/policy';
import { priorityFor, taskTypeFor } from '../../domain/policy/task-kind';
import type { Segment } from '../../domain/prioritisation/score';
import { taskText, type TaskTextInput } from '../../domain/task-text';
import type { TaskDraft } from '../hubspot/gateway';

export interface DraftContext {
  readonly ledger: CustomerLedger;
  readonly timeZone: string;
  /** The portal's language: every word of the task is in it. */
  readonly language: Language;
  readonly segment: Segment;
  readonly policy?: ReminderPolicy;
  readonly calendar?: BusinessCalendar;
  /** Company owner from HubSpot, used when the engine resolved no owner. */
  readonly companyOwnerId?: OwnerId;
  readonly creditControllerOwnerId?: OwnerId;
  /** The customer's own page (debtor-page link), written into the task for the message, call or letter. */
  readonly payLink?: string;
  /** A 14-day letter's creditor and VAT (the portal planner's `letter`). */
  readonly letter?: TaskTextInput['letter'];
}

export function taskDraftFor(action: PlannedAction, ctx: DraftContext): TaskDraft {
  const type = taskTypeFor(action);
  const { subject, body } = taskText({
    action, ledger: ctx.ledger, language: ctx.language, today: dateInZone(action.dueAt, ctx.timeZone),
    ...(ctx.policy ? { policy: ctx.policy } : {}), ...(ctx.calendar ? { calendar: ctx.calendar } : {}),
    ...(ctx.payLink ? { payLink: ctx.payLink } : {}),
    ...(ctx.letter ? { letter: ctx.letter } : {}),
  });
  const ownerId = action.ownerId ?? ctx.companyOwnerId ?? ctx.creditControllerOwnerId;
  return {
    actionKey: action.key, companyId: action.companyId, type, subject, body, dueAt: action.dueAt, stepId: action.stepId,
    priority: priorityFor(ctx.segment, action),
    ...(ownerId ? { ownerId } : {}),
    ...(action.contactId ? { contactId: action.contactId } : {}),
  };
}
