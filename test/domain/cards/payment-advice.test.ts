import { describe, expect, it } from 'vitest';
import { chooseAdvice, STOP_ORDERS_AFTER_DAYS, type AdviceFacts } from '../../../src/domain/cards/payment-advice';
import { money } from '../../../src/domain/money';

const overdue = [money(50_000, 'EUR')];
const base: AdviceFacts = { hasOpen: true, overdue, oldestDays: 5, promises: [], disputeCount: 0, arrangementOnTrack: false, segment: 'standard' };

describe('payment-status advice for the account owner', () => {
  it.each([
    ['nothing is open', { hasOpen: false }, { code: 'no_open_invoices' }],
    ['nothing is overdue', { overdue: [] }, { code: 'pays_on_time' }],
    ['a promise was broken and a dispute is open: the broken promise wins', { disputeCount: 2, promises: [{ promisedDate: '2026-11-01', status: 'broken' as const }] },
      { code: 'promise_broken', overdue, days: 5, promisedDate: '2026-11-01' }],
    ['a dispute is open and a promise pending: the dispute wins', { disputeCount: 1, promises: [{ promisedDate: '2026-12-01', status: 'open' as const }] }, { code: 'dispute_open', count: 1 }],
    ['a promise is pending', { promises: [{ promisedDate: '2026-12-01', status: 'open' as const }] }, { code: 'promise_pending', overdue, promisedDate: '2026-12-01' }],
    ['an arrangement is on track', { arrangementOnTrack: true, oldestDays: 90 }, { code: 'in_arrangement' }],
    ['the customer is at risk, even if recent', { segment: 'at_risk' as const }, { code: 'overdue_stop_orders', overdue, days: 5 }],
    [`money is ${STOP_ORDERS_AFTER_DAYS} days overdue`, { oldestDays: STOP_ORDERS_AFTER_DAYS }, { code: 'overdue_stop_orders', overdue, days: STOP_ORDERS_AFTER_DAYS }],
    [`money is ${STOP_ORDERS_AFTER_DAYS - 1} days overdue`, { oldestDays: STOP_ORDERS_AFTER_DAYS - 1 }, { code: 'overdue_mention', overdue, days: STOP_ORDERS_AFTER_DAYS - 1 }],
  ])('when %s, then the advice says so', (_, facts, advice) => {
    expect(chooseAdvice({ ...base, ...facts })).toEqual(advice);
  });
});
