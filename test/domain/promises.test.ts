import { describe, expect, it } from 'vitest';
import { arrangementStatus, promiseStatus } from '../../src/domain/promises';
import { money } from '../../src/domain/money';
import { aLedger, anArrangement, anInvoice, aPaidInvoice, aPayment, aPromise } from './builders';

// aPromise: made 2026-02-05, promised 2026-02-15, EUR 1,000 on inv-1; grace 1 day → deadline 2026-02-16.
const pay = (date: string, minor = 100_000, invoice: string | undefined = 'inv-1') =>
  aPayment({ externalId: `p-${date}-${minor}`, date, amount: money(minor, 'EUR'), invoiceExternalId: invoice });

describe('promiseStatus', () => {
  it.each([
    { name: 'when paid in full before the promised date, then kept', payments: [pay('2026-02-10')], asOf: '2026-02-11', want: 'kept' },
    { name: 'when paid in full within the grace day, then kept', payments: [pay('2026-02-16')], asOf: '2026-03-01', want: 'kept' },
    { name: 'when paid in two parts adding up, then kept', payments: [pay('2026-02-06', 40_000), pay('2026-02-15', 60_000)], asOf: '2026-03-01', want: 'kept' },
    { name: 'when paid a day after the grace, then broken', payments: [pay('2026-02-17')], asOf: '2026-03-01', want: 'broken' },
    { name: 'when paid only part, then broken after the deadline', payments: [pay('2026-02-10', 99_999)], asOf: '2026-02-17', want: 'broken' },
    { name: 'when unpaid on the deadline day itself, then still open', payments: [], asOf: '2026-02-16', want: 'open' },
    { name: 'when the payment predates the promise, then it does not count', payments: [pay('2026-02-04')], asOf: '2026-03-01', want: 'broken' },
    { name: 'when the payment went to another invoice, then it does not count', payments: [pay('2026-02-10', 100_000, 'inv-9')], asOf: '2026-03-01', want: 'broken' },
    { name: 'when the payment is in another currency, then it does not count', payments: [aPayment({ date: '2026-02-10', amount: money(100_000, 'USD') })], asOf: '2026-03-01', want: 'broken' },
  ])('$name', ({ payments, asOf, want }) => {
    expect(promiseStatus(aPromise(), aLedger({ payments }), asOf)).toBe(want);
  });

  it('when the promise covers the balance (no invoices), then any payment counts', () => {
    const ledger = aLedger({ payments: [pay('2026-02-10', 100_000, undefined)] });
    expect(promiseStatus(aPromise({ invoiceExternalIds: [] }), ledger, '2026-03-01')).toBe('kept');
  });

  it('when the source marks the covered invoice paid without payment lines, then kept', () => {
    const ledger = aLedger({ invoices: [aPaidInvoice('2026-02-12', { externalId: 'inv-1' })] });
    expect(promiseStatus(aPromise(), ledger, '2026-03-01')).toBe('kept');
  });

  it.each([
    { name: 'when cancelled before the deadline and unpaid, then cancelled', cancelledOn: '2026-02-10', asOf: '2026-03-01', want: 'cancelled' },
    { name: 'when cancellation lies in the future, then still open', cancelledOn: '2026-02-12', asOf: '2026-02-11', want: 'open' },
  ])('$name', ({ cancelledOn, asOf, want }) => {
    expect(promiseStatus(aPromise({ cancelledOn }), aLedger(), asOf)).toBe(want);
  });

  it('when a longer grace is given, then a later payment still keeps it', () => {
    expect(promiseStatus(aPromise(), aLedger({ payments: [pay('2026-02-18')] }), '2026-03-01', 3)).toBe('kept');
  });
});

describe('arrangementStatus', () => {
  // anArrangement: agreed 2026-02-05, EUR 500 due 2026-03-01 and EUR 500 due 2026-04-01.
  it.each([
    { name: 'when nothing is due yet, then on track', payments: [], asOf: '2026-02-20', want: 'on_track' },
    { name: 'when the first instalment is paid on time, then on track', payments: [pay('2026-03-01', 50_000)], asOf: '2026-03-20', want: 'on_track' },
    { name: 'when the first instalment is missed past grace, then broken', payments: [], asOf: '2026-03-03', want: 'broken' },
    { name: 'when the first instalment is short, then broken', payments: [pay('2026-03-01', 49_999)], asOf: '2026-03-03', want: 'broken' },
    { name: 'when paid ahead in one go, then completed', payments: [pay('2026-02-10', 100_000)], asOf: '2026-02-11', want: 'completed' },
    { name: 'when both instalments are paid, then completed', payments: [pay('2026-03-01', 50_000), pay('2026-04-01', 50_000)], asOf: '2026-04-05', want: 'completed' },
    { name: 'when the second instalment is late, then broken', payments: [pay('2026-03-01', 50_000), pay('2026-04-10', 50_000)], asOf: '2026-04-05', want: 'broken' },
  ])('$name', ({ payments, asOf, want }) => {
    expect(arrangementStatus(anArrangement(), aLedger({ payments, invoices: [anInvoice()] }), asOf)).toBe(want);
  });

  it('when cancelled, then cancelled', () => {
    expect(arrangementStatus(anArrangement({ cancelledOn: '2026-02-20' }), aLedger(), '2026-02-21')).toBe('cancelled');
  });
});
