import { dateInZone } from '../../domain/dates';
import type { BusinessCalendar, CustomerLedger, Language, OwnerId } from '../../domain/ledger';
import type { PlannedAction } from '../../domain/policy/plan';
import type { ReminderPolicy } from '../../domain/policy/policy';
import type { Segment } from '../../domain/prioritisation/score';
import { taskText, type TaskTextInput } from '../../domain/task-text';
import type { TaskDraft, TaskPriority, TaskType } from '../hubspot/gateway';

/**
 * Which HubSpot task type a planned action becomes. Only a phone call is a CALL and only an e-mail an
 * EMAIL (HubSpot opens its dialer / composer for those); WhatsApp, letters, visits, portal notices and
 * escalations are TODOs, since HubSpot has no task type that would do anything useful with them.
 */
export function taskTypeFor(action: Pick<PlannedAction, 'action' | 'channel'>): TaskType {
  if (action.action === 'escalation') return 'todo';
  if (action.channel === 'phone') return 'call';
  if (action.channel === 'email') return 'email';
  return 'todo';
}

/** At-risk customers first; de-prioritised and not-yet-due ones last. A broken promise or failed debit is always urgent. */
export function priorityFor(segment: Segment, action: Pick<PlannedAction, 'reasons'>): TaskPriority {
  if (action.reasons.some((r) => r.code === 'promise_broken' || r.code === 'failed_direct_debit')) return 'high';
  if (segment === 'at_risk') return 'high';
  if (segment === 'deprioritised' || segment === 'current') return 'low';
  return 'medium';
}

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
