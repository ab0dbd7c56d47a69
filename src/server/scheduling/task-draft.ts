import { buildCallScript } from '../../domain/call-script';
import { dateInZone, daysBetween } from '../../domain/dates';
import type { CustomerLedger, Invoice, OwnerId } from '../../domain/ledger';
import type { PlannedAction } from '../../domain/policy/plan';
import type { Segment } from '../../domain/prioritisation/score';
import type { TaskDraft, TaskPriority, TaskType } from '../hubspot/gateway';
import { formatAmount } from '../sync/compute-rollup';
import { callScriptText } from './call-script-text';

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

const VERB: Record<TaskType, string> = { call: 'Call', email: 'E-mail', todo: 'To do' };
const label = (id: string) => id.replace(/_/g, ' ');

function invoiceLine(inv: Invoice | undefined, id: string, today: string): string {
  if (!inv) return `- ${id}`;
  const late = daysBetween(inv.dueDate, today);
  const when = late > 0 ? `${late} days overdue` : late === 0 ? 'due today' : `due in ${-late} days`;
  return `- ${inv.number}: ${formatAmount(inv.open)} open of ${formatAmount(inv.amount)}, due ${inv.dueDate} (${when})`;
}

export interface DraftContext {
  readonly ledger: CustomerLedger;
  readonly timeZone: string;
  readonly segment: Segment;
  /** Company owner from HubSpot, used when the engine resolved no owner. */
  readonly companyOwnerId?: OwnerId;
  readonly creditControllerOwnerId?: OwnerId;
}

export function taskDraftFor(action: PlannedAction, ctx: DraftContext): TaskDraft {
  const type = taskTypeFor(action);
  const today = dateInZone(action.dueAt, ctx.timeZone);
  const invoices = new Map(ctx.ledger.invoices.map((i) => [i.externalId, i]));
  const numbers = action.invoiceExternalIds.map((id) => invoices.get(id)?.number ?? id);
  const subject = `${VERB[type]}: ${label(action.stepId)} · ${formatAmount(action.amount)} · ${numbers.length === 1 ? numbers[0] : `${numbers.length} invoices`}`;
  const body = [
    `Step: ${label(action.stepId)} (${action.action} via ${action.channel}), tone: ${action.tone}.`,
    `Amount: ${formatAmount(action.amount)}.`,
    'Invoices:',
    ...action.invoiceExternalIds.map((id) => invoiceLine(invoices.get(id), id, today)),
    ...(action.legal ? [`Statutory 14-day letter: pay by ${action.legal.payBy}, costs if unpaid ${formatAmount(action.legal.costsIfUnpaid)}.`] : []),
    `Why: ${action.reasons.map((r) => r.code.replace(/_/g, ' ')).join('; ') || 'step due'}.`,
    // The domain's script for the day the call is due, in the customer's language.
    ...(type === 'call' ? ['', ...callScriptText(buildCallScript({ ledger: ctx.ledger, asOf: today, language: ctx.ledger.profile.language }))] : []),
    '',
    // A visible marker as well as the rd_action_key property: people can see why the task exists.
    `Receivables Desk action ${action.key}`,
  ].join('\n');
  const ownerId = action.ownerId ?? ctx.companyOwnerId ?? ctx.creditControllerOwnerId;
  return {
    actionKey: action.key, companyId: action.companyId, type, subject, body, dueAt: action.dueAt, stepId: action.stepId,
    priority: priorityFor(ctx.segment, action),
    ...(ownerId ? { ownerId } : {}),
    ...(action.contactId ? { contactId: action.contactId } : {}),
  };
}
