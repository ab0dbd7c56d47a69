import type { IsoDate } from '../dates';
import type { Money } from '../money';
import type { PromiseStatus } from '../promises';
import type { Segment } from '../prioritisation/score';

/** From this many days past due the owner should hold new orders, even for an otherwise fine customer. */
export const STOP_ORDERS_AFTER_DAYS = 30;

/** One piece of advice for an account owner (the Payment status card; AdviceVM is its wire form). */
export type PaymentAdvice =
  | { readonly code: 'no_open_invoices' }
  | { readonly code: 'pays_on_time' }
  | { readonly code: 'promise_broken'; readonly overdue: readonly Money[]; readonly days: number; readonly promisedDate: IsoDate }
  | { readonly code: 'dispute_open'; readonly count: number }
  | { readonly code: 'promise_pending'; readonly overdue: readonly Money[]; readonly promisedDate: IsoDate }
  | { readonly code: 'in_arrangement' }
  | { readonly code: 'overdue_stop_orders'; readonly overdue: readonly Money[]; readonly days: number }
  | { readonly code: 'overdue_mention'; readonly overdue: readonly Money[]; readonly days: number };

export interface AdviceFacts {
  readonly hasOpen: boolean;
  /** Per currency, only those with money overdue. */
  readonly overdue: readonly Money[];
  readonly oldestDays: number;
  readonly promises: readonly { readonly promisedDate: IsoDate; readonly status: PromiseStatus }[];
  readonly disputeCount: number;
  readonly arrangementOnTrack: boolean;
  readonly segment: Segment;
}

/**
 * One sentence for an owner before a meeting. The most urgent fact wins: a broken promise, then a dispute
 * (chasing would be wrong), a promise or arrangement to wait for, then how long money is overdue.
 */
export function chooseAdvice(f: AdviceFacts): PaymentAdvice {
  if (!f.hasOpen) return { code: 'no_open_invoices' };
  if (f.overdue.length === 0) return { code: 'pays_on_time' };
  const broken = f.promises.find((p) => p.status === 'broken');
  if (broken) return { code: 'promise_broken', overdue: f.overdue, days: f.oldestDays, promisedDate: broken.promisedDate };
  if (f.disputeCount > 0) return { code: 'dispute_open', count: f.disputeCount };
  const open = f.promises.find((p) => p.status === 'open');
  if (open) return { code: 'promise_pending', overdue: f.overdue, promisedDate: open.promisedDate };
  if (f.arrangementOnTrack) return { code: 'in_arrangement' };
  if (f.segment === 'at_risk' || f.oldestDays >= STOP_ORDERS_AFTER_DAYS) {
    return { code: 'overdue_stop_orders', overdue: f.overdue, days: f.oldestDays };
  }
  return { code: 'overdue_mention', overdue: f.overdue, days: f.oldestDays };
}
