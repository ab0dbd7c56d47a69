import type { Segment } from '../prioritisation/score';
import type { PlannedAction } from './plan';

/** The kinds of task a CRM offers for a planned action, and how urgent one is. */
export type TaskType = 'call' | 'email' | 'todo';
export type TaskPriority = 'low' | 'medium' | 'high';

/**
 * Which task type a planned action becomes. Only a phone call is a call and only an e-mail an e-mail (the
 * CRM opens its dialer / composer for those); WhatsApp, letters, visits, portal notices and escalations are
 * to-dos, since no task type would do anything useful with them.
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
