import type { AdviceVM, ReasonVM, RiskSegment } from '../../contracts/cards';
import type { FetchFailure } from '../api/client';
import type { Messages } from './en';
import type { I18n } from './index';

/** Text for codes that come from the backend. Unknown codes (a newer backend) fall back, never crash. */

type Keyed<P extends string> = { [K in keyof Messages]: K extends `${P}${string}` ? K : never }[keyof Messages];
function lookup<P extends string>(t: Messages, prefix: P, code: string): string | undefined {
  const value = (t as Record<string, unknown>)[`${prefix}${code}`];
  return typeof value === 'string' ? value : undefined;
}

export const stepName = (t: Messages, stepId: string): string => lookup(t, 'step_', stepId) ?? stepId.replace(/_/g, ' ');
export const pauseName = (t: Messages, kind: string): string => lookup(t, 'pause_', kind) ?? kind.replace(/_/g, ' ');
export const disputeReason = (t: Messages, reason: string): string => lookup(t, 'dispute_', reason) ?? reason;
export const segmentName = (t: Messages, s: RiskSegment): string => t[`segment_${s}` as Keyed<'segment_'>] as string;

/** A risk reason as one line; every code the contract knows has its text (the switch is exhaustive). */
export function reasonText(i: I18n, r: ReasonVM): string | undefined {
  const { t } = i;
  switch (r.code) {
    case 'overdue_money_days':
      return t.reason_overdue_money_days(i.money({ minor: r.params.overdueMinor, currency: r.params.currency }), r.params.oldestDaysPastDue);
    case 'broken_promise': return t.reason_broken_promise(r.params.count);
    case 'failed_direct_debit': return t.reason_failed_direct_debit(r.params.count);
    case 'worsening': return t.reason_worsening;
    case 'habitual_late': return t.reason_habitual_late(r.params.weightedDaysLate);
    // A regular relationship is the baseline: nothing worth saying.
    case 'relationship_value': return r.params.tier === 'key' ? t.reason_relationship_key : r.params.tier === 'small' ? t.reason_relationship_small : undefined;
    case 'dispute_open': return t.reason_dispute_open(r.params.count);
    case 'promise_not_due': return t.reason_promise_not_due(i.date(r.params.promisedDate));
    case 'arrangement_on_track': return t.reason_arrangement_on_track;
  }
}

export function adviceText(i: I18n, a: AdviceVM): string {
  const { t } = i;
  switch (a.code) {
    case 'no_open_invoices': return t.advice_no_open_invoices;
    case 'pays_on_time': return t.advice_pays_on_time;
    case 'promise_broken': return t.advice_promise_broken(i.moneyList(a.overdue), a.days, i.date(a.promisedDate));
    case 'dispute_open': return t.advice_dispute_open(a.count);
    case 'promise_pending': return t.advice_promise_pending(i.moneyList(a.overdue), i.date(a.promisedDate));
    case 'in_arrangement': return t.advice_in_arrangement;
    case 'overdue_stop_orders': return t.advice_overdue_stop_orders(i.moneyList(a.overdue), a.days);
    case 'overdue_mention': return t.advice_overdue_mention(i.moneyList(a.overdue), a.days);
  }
}

export type Severity = 'success' | 'info' | 'warning' | 'danger';
export function adviceSeverity(a: AdviceVM): Severity {
  switch (a.code) {
    case 'no_open_invoices': case 'pays_on_time': case 'in_arrangement': return 'success';
    case 'promise_pending': return 'info';
    case 'dispute_open': case 'overdue_mention': return 'warning';
    case 'promise_broken': case 'overdue_stop_orders': return 'danger';
  }
}

/** What went wrong and what the user can do about it. */
export function failureText(t: Messages, f: FetchFailure): string {
  if (f.kind === 'invalid_response') return t.errorUnexpected;
  if (f.kind === 'network') return t.errorUnavailable;
  if (f.status === 429) return t.errorBusy;
  if (f.status === 401 || f.status === 403) return t.errorRefused;
  if (f.status >= 400 && f.status < 500) return t.errorUnexpected;
  return t.errorUnavailable;
}
