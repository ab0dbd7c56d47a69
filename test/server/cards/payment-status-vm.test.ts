import { describe, expect, it } from 'vitest';
import { PaymentStatusVM } from '../../../src/contracts/cards';
import { addDays } from '../../../src/domain/dates';
import { money } from '../../../src/domain/money';
import { buildPaymentStatusVM } from '../../../src/server/cards/payment-status-vm';
import { aDispute, aLedger, anArrangement, anInvoice, aPaidInvoice, aPromise } from '../../domain/builders';

const ASOF = '2026-12-28';
const build = (ledger: ReturnType<typeof aLedger>) =>
  PaymentStatusVM.parse(buildPaymentStatusVM({ companyId: 'c1', ledger, asOf: ASOF }));

describe('buildPaymentStatusVM', () => {
  it('when €18,400 is 46 days overdue and the promise of 12 Nov was broken, then: no new orders before payment', () => {
    const ledger = aLedger({
      invoices: [anInvoice({ externalId: 'a', issueDate: '2026-10-13', dueDate: '2026-11-12', amount: money(1_840_000, 'EUR') })],
      promises: [aPromise({ invoiceExternalIds: ['a'], madeOn: '2026-11-05', promisedDate: '2026-11-12', amount: money(1_840_000, 'EUR') })],
    });
    const vm = build(ledger);
    expect(vm.advice).toEqual({ code: 'promise_broken', overdue: [{ minor: 1_840_000, currency: 'EUR' }], days: 46, promisedDate: '2026-11-12' });
    expect(vm).toMatchObject({ oldestOverdueDays: 46, openPromise: null, segment: 'at_risk' });
  });

  it('when every invoice is paid, then no open invoices', () => {
    expect(build(aLedger({ invoices: [aPaidInvoice('2026-10-01')] }))).toMatchObject({ overdue: [], open: [], advice: { code: 'no_open_invoices' } });
  });

  it('when everything open is not yet due, then pays on time', () => {
    const vm = build(aLedger({ invoices: [anInvoice({ dueDate: addDays(ASOF, 3) }), aPaidInvoice('2026-10-01')] }));
    expect(vm.advice).toEqual({ code: 'pays_on_time' });
    expect(vm.oldestOverdueDays).toBeNull();
  });

  it('when a dispute is open, then the dispute count and the dispute advice', () => {
    const vm = build(aLedger({ invoices: [anInvoice({ dueDate: addDays(ASOF, -5) })], disputes: [aDispute({ openedOn: addDays(ASOF, -1) })] }));
    expect(vm.openDisputeCount).toBe(1);
    expect(vm.advice).toEqual({ code: 'dispute_open', count: 1 });
  });

  it('when a promise is not yet due, then it is the open promise and the advice is to wait', () => {
    const vm = build(aLedger({
      invoices: [anInvoice({ dueDate: addDays(ASOF, -5) })],
      promises: [aPromise({ madeOn: addDays(ASOF, -1), promisedDate: addDays(ASOF, 4) })],
    }));
    expect(vm.openPromise).toMatchObject({ promisedDate: addDays(ASOF, 4), status: 'open' });
    expect(vm.advice).toMatchObject({ code: 'promise_pending', promisedDate: addDays(ASOF, 4) });
  });

  it('when an arrangement is on track, then no action needed', () => {
    const vm = build(aLedger({
      invoices: [anInvoice({ dueDate: addDays(ASOF, -40) })],
      arrangements: [anArrangement({ agreedOn: addDays(ASOF, -2), instalments: [{ dueDate: addDays(ASOF, 20), amount: money(100_000, 'EUR') }] })],
    }));
    expect(vm.advice).toEqual({ code: 'in_arrangement' });
  });

  it.each([
    [10, 'overdue_mention'],
    [30, 'overdue_stop_orders'],
  ])('when the oldest invoice is %i days overdue, then %s', (days, code) => {
    expect(build(aLedger({ invoices: [anInvoice({ dueDate: addDays(ASOF, -days), amount: money(50_000, 'EUR') })] })).advice)
      .toEqual({ code, overdue: [{ minor: 50_000, currency: 'EUR' }], days });
  });
});
