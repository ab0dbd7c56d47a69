import { describe, expect, it } from 'vitest';
import { paymentBehaviour, weightedAverageDaysOverdueOpen } from '../../../src/domain/measures/behaviour';
import { money } from '../../../src/domain/money';
import { aLedger, anInvoice, aPaidInvoice, aPayment, aPromise } from '../builders';

const asOf = '2026-06-30';

/** Issued 2026-01-01, due 2026-01-31 unless overridden. */
const paid = (id: string, paidDate: string, minor: number, extra = {}) =>
  aPaidInvoice(paidDate, { externalId: id, amount: money(minor, 'EUR'), ...extra });

describe('payment behaviour', () => {
  it('when two invoices are paid (1,000 ten days late, 3,000 on time), then hand-computed weighted measures', () => {
    const b = paymentBehaviour(aLedger({ invoices: [paid('a', '2026-02-10', 100_000), paid('b', '2026-01-25', 300_000)] }), asOf);
    expect(b.paidInvoiceCount).toBe(2);
    // days to pay: 40 and 24 → (1000×40 + 3000×24) / 4000 = 28
    expect(b.weightedAverageDaysToPay).toBe(28);
    // days late: 10 and 0 (early counts as 0) → 10000/4000 = 2.5; unweighted 5
    expect(b.weightedAverageDaysLate).toBe(2.5);
    expect(b.averageDaysLate).toBe(5);
    expect(b.onTimeShare).toBe(0.5);
    expect(b.habitualLatePayer).toBe(false);
  });

  it('when nothing is paid with a known date, then measures are undefined and the trend unknown', () => {
    const b = paymentBehaviour(
      aLedger({ invoices: [anInvoice(), anInvoice({ externalId: 'x', open: money(0, 'EUR'), status: 'paid' }), paid('later', '2026-07-05', 100)] }),
      asOf,
    );
    expect(b).toEqual({
      paidInvoiceCount: 0,
      weightedAverageDaysToPay: undefined,
      weightedAverageDaysLate: undefined,
      averageDaysLate: undefined,
      onTimeShare: undefined,
      trend: 'unknown',
      promiseKeptRatio: undefined,
      habitualLatePayer: false,
    });
  });

  it.each([
    { name: 'when 3 paid invoices average 20 days late, then habitual', late: [20, 20, 20], want: true },
    { name: 'when 3 paid invoices average exactly 14 days late but 2 of 3 on time, then not habitual', late: [0, 0, 42], want: false },
    { name: 'when 2 of 3 are a little late (on-time share 1/3 < 50%), then habitual', late: [2, 2, 0], want: true },
    { name: 'when only 2 paid invoices, all very late, then not yet habitual', late: [60, 60], want: false },
  ])('$name', ({ late, want }) => {
    const invoices = late.map((d, i) => aPaidInvoice(addDaysUtc('2026-02-01', d), { externalId: `i${i}`, dueDate: '2026-02-01' }));
    expect(paymentBehaviour(aLedger({ invoices }), asOf).habitualLatePayer).toBe(want);
  });

  it.each([
    { name: 'when recent payments are 20 days later than earlier ones, then worsening', earlierLate: 0, recentLate: 20, want: 'worsening' },
    { name: 'when recent payments are 20 days earlier, then improving', earlierLate: 20, recentLate: 0, want: 'improving' },
    { name: 'when the change is within 5 days, then stable', earlierLate: 10, recentLate: 14, want: 'stable' },
  ])('$name', ({ earlierLate, recentLate, want }) => {
    // Earlier window: paid ~200 days before asOf; recent window: paid ~30 days before asOf.
    const earlier = paid('e', addDaysUtc('2025-12-12', earlierLate), 100_000, { dueDate: '2025-12-12', issueDate: '2025-11-12' });
    const recent = paid('r', addDaysUtc('2026-05-20', recentLate), 100_000, { dueDate: '2026-05-20', issueDate: '2026-04-20' });
    expect(paymentBehaviour(aLedger({ invoices: [earlier, recent] }), asOf).trend).toBe(want);
  });

  it('when one promise was kept and one broken (and one still open), then the kept ratio is 1/2', () => {
    const ledger = aLedger({
      invoices: [anInvoice({ externalId: 'inv-1' })],
      payments: [aPayment({ date: '2026-02-14' })],
      promises: [
        aPromise({ id: 'kept' }),
        aPromise({ id: 'broken', promisedDate: '2026-03-15', madeOn: '2026-03-01', invoiceExternalIds: ['inv-2'] }),
        aPromise({ id: 'open', promisedDate: '2026-07-15', madeOn: '2026-06-29' }),
      ],
    });
    expect(paymentBehaviour(ledger, asOf).promiseKeptRatio).toBe(0.5);
  });

  it('when open invoices are 0 and 30 days overdue with amounts 3,000 and 1,000, then WADO is 7.5', () => {
    const invoices = [
      anInvoice({ externalId: 'a', amount: money(300_000, 'EUR'), dueDate: asOf }),
      anInvoice({ externalId: 'b', amount: money(100_000, 'EUR'), dueDate: '2026-05-31' }),
      anInvoice({ externalId: 'cn', kind: 'credit_note', dueDate: '2026-01-01' }),
    ];
    expect(weightedAverageDaysOverdueOpen(invoices, asOf)).toBe(7.5);
    expect(weightedAverageDaysOverdueOpen([], asOf)).toBeUndefined();
  });
});

function addDaysUtc(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
