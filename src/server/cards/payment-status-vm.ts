import type { AdviceVM, MoneyVM, PaymentStatusVM, PromiseVM, RiskSegment } from '../../contracts/cards';
import type { IsoDate } from '../../domain/dates';
import type { CustomerLedger } from '../../domain/ledger';
import { agingByCurrency, isOpenReceivable, oldestOverdue } from '../../domain/measures/aging';
import { arrangementStatus } from '../../domain/promises';
import { moneyVM, openDisputes, relevantPromises, riskVM } from './shared';

/** From this many days past due the owner should hold new orders, even for an otherwise fine customer. */
export const STOP_ORDERS_AFTER_DAYS = 30;

interface AdviceFacts {
  readonly hasOpen: boolean;
  readonly overdue: MoneyVM[];
  readonly oldestDays: number;
  readonly promises: readonly PromiseVM[];
  readonly disputeCount: number;
  readonly arrangementOnTrack: boolean;
  readonly segment: RiskSegment;
}

/**
 * One sentence for an owner before a meeting. The most urgent fact wins: a broken promise, then a dispute
 * (chasing would be wrong), a promise or arrangement to wait for, then how long money is overdue.
 */
export function chooseAdvice(f: AdviceFacts): AdviceVM {
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

/** The compact owner view (sidebar, preview, help desk). */
export function buildPaymentStatusVM(input: { companyId: string; ledger: CustomerLedger; asOf: IsoDate }): PaymentStatusVM {
  const { companyId, ledger, asOf } = input;
  const aging = agingByCurrency(ledger.invoices, asOf);
  const overdue = aging.filter((a) => a.totalOverdue.minor > 0).map((a) => moneyVM(a.totalOverdue));
  const oldestDays = oldestOverdue(ledger.invoices, asOf)?.daysPastDue ?? 0;
  const promises = relevantPromises(ledger, asOf);
  const disputeCount = openDisputes(ledger, asOf).length;
  const segment = riskVM(ledger, asOf).segment;
  const openPromises = promises.filter((p) => p.status === 'open').sort((a, b) => (a.promisedDate < b.promisedDate ? -1 : 1));
  return {
    companyId,
    asOf,
    open: aging.map((a) => moneyVM(a.totalOpen)),
    overdue,
    oldestOverdueDays: overdue.length > 0 ? oldestDays : null,
    openPromise: openPromises[0] ?? null,
    openDisputeCount: disputeCount,
    segment,
    advice: chooseAdvice({
      hasOpen: ledger.invoices.some(isOpenReceivable),
      overdue,
      oldestDays,
      promises,
      disputeCount,
      arrangementOnTrack: ledger.arrangements.some((a) => a.agreedOn <= asOf && arrangementStatus(a, ledger, asOf) === 'on_track'),
      segment,
    }),
  };
}
