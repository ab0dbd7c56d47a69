import { addBusinessDays } from '../calendar';
import type { IsoDate } from '../dates';
import { formatLongDate, formatMoney } from '../i18n/format';
import type { BusinessCalendar, CustomerLedger } from '../ledger';
import type { TaskPriority, TaskType } from '../policy/task-kind';
import type { LoggedOutcome } from './outcome';
import { outcomeText } from './outcome-text';

export const FOLLOW_UP_KINDS = ['check_promise', 'check_instalment', 'check_deferral', 'resolve_dispute', 'call_again', 'find_right_person'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export interface FollowUpPlan {
  readonly kind: FollowUpKind;
  readonly dueOn: IsoDate;
  readonly type: TaskType;
  readonly priority: TaskPriority;
  readonly subject: string;
  readonly body: string;
}

/**
 * One follow-up per outcome, the most binding agreement first. A promise is checked the business day after its
 * date (the seeds: "zorg ervoor dat de klant zich hieraan houdt"); escalating a broken one is the engine's job
 * on the next scheduling run, so no escalation task is created here. Written in the credit controller's language.
 */
export function followUpFor(outcome: LoggedOutcome, ledger: CustomerLedger, asOf: IsoDate, cal: BusinessCalendar): FollowUpPlan | null {
  const lang = outcome.userLanguage;
  const plan = (kind: FollowUpKind, dueOn: IsoDate, subject: string, type: TaskType = 'todo', priority: TaskPriority = 'medium'): FollowUpPlan =>
    ({ kind, dueOn, type, priority, subject, body: outcomeText(lang, 'task.body') });
  const first = outcome.arrangement?.instalments[0];
  if (outcome.promise) {
    const p = outcome.promise;
    const subject = outcomeText(lang, 'task.check_promise', { amount: formatMoney(p.amount, lang), date: formatLongDate(p.date, lang) });
    return plan('check_promise', addBusinessDays(p.date, 1, cal), subject, 'todo', 'high');
  }
  if (first) {
    const subject = outcomeText(lang, 'task.check_instalment', { amount: formatMoney(first.amount, lang), date: formatLongDate(first.dueDate, lang) });
    return plan('check_instalment', addBusinessDays(first.dueDate, 1, cal), subject, 'todo', 'high');
  }
  if (outcome.deferral) {
    return plan('check_deferral', addBusinessDays(outcome.deferral.until, 1, cal), outcomeText(lang, 'task.check_deferral', { date: formatLongDate(outcome.deferral.until, lang) }));
  }
  if (outcome.dispute) {
    const invoice = ledger.invoices.find((i) => i.externalId === outcome.dispute!.invoiceExternalId)?.number ?? outcome.dispute.invoiceExternalId;
    return plan('resolve_dispute', addBusinessDays(asOf, 2, cal), outcomeText(lang, 'task.resolve_dispute', { invoice }));
  }
  if (outcome.result === 'not_reached' || outcome.result === 'voicemail') return plan('call_again', addBusinessDays(asOf, 1, cal), outcomeText(lang, 'task.call_again'), 'call');
  if (outcome.result === 'wrong_person') return plan('find_right_person', addBusinessDays(asOf, 1, cal), outcomeText(lang, 'task.find_right_person'));
  return null;
}
