import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/dates';
import { AGING_BUCKETS_DEFAULT, agingByCurrency, daysPastDue, oldestOverdue, overdueByCurrency, type AgingBucketDef } from '../../../src/domain/measures/aging';
import { money } from '../../../src/domain/money';
import { anInvoice } from '../builders';

const asOf = '2026-06-30';
const dueDaysAgo = (days: number) => addDays(asOf, -days);

describe('aging', () => {
  it.each([
    { days: -5, want: 0 },
    { days: 0, want: 0 },
    { days: 1, want: 1 },
    { days: 45, want: 45 },
  ])('when the due date was $days days ago, then daysPastDue is $want', ({ days, want }) => {
    expect(daysPastDue(anInvoice({ dueDate: dueDaysAgo(days) }), asOf)).toBe(want);
  });

  it.each([
    { days: -3, bucket: 'current' },
    { days: 0, bucket: 'current' },
    { days: 1, bucket: '1-30' },
    { days: 30, bucket: '1-30' },
    { days: 31, bucket: '31-60' },
    { days: 60, bucket: '31-60' },
    { days: 61, bucket: '61-90' },
    { days: 90, bucket: '61-90' },
    { days: 91, bucket: '90+' },
    { days: 400, bucket: '90+' },
  ])('when an invoice is $days days past due, then it lands in $bucket', ({ days, bucket }) => {
    const [eur] = agingByCurrency([anInvoice({ dueDate: dueDaysAgo(days) })], asOf);
    const hit = eur!.buckets.filter((b) => b.count > 0);
    expect(hit).toEqual([{ id: bucket, amount: money(100_000, 'EUR'), count: 1 }]);
  });

  it('when documents are paid, written off or credit notes, then only open receivables count and credit notes reduce', () => {
    const [eur] = agingByCurrency(
      [
        anInvoice({ externalId: 'a', dueDate: dueDaysAgo(10) }),
        anInvoice({ externalId: 'paid', open: money(0, 'EUR'), status: 'paid' }),
        anInvoice({ externalId: 'wo', status: 'written_off', dueDate: dueDaysAgo(200) }),
        anInvoice({ externalId: 'cn', kind: 'credit_note', amount: money(30_000, 'EUR'), dueDate: dueDaysAgo(5) }),
        anInvoice({ externalId: 'future', amount: money(20_000, 'EUR'), dueDate: addDays(asOf, 10) }),
      ],
      asOf,
    );
    // The credit note is never late by its own due date: it reduces the current range, and the overdue total.
    expect(eur!.buckets.find((b) => b.id === '1-30')).toEqual({ id: '1-30', amount: money(100_000, 'EUR'), count: 1 });
    expect(eur!.buckets.find((b) => b.id === 'current')).toEqual({ id: 'current', amount: money(-10_000, 'EUR'), count: 2 });
    expect(eur!.totalOpen).toEqual(money(90_000, 'EUR'));
    expect(eur!.totalOverdue).toEqual(money(70_000, 'EUR'));
  });

  it.each([
    { name: 'a credit note due long ago, nothing else', docs: [{ kind: 'credit_note', minor: 30_000, days: 90 }], overdue: 0 },
    { name: 'a credit note due in the future nets an overdue invoice', docs: [{ kind: 'invoice', minor: 100_000, days: 10 }, { kind: 'credit_note', minor: 30_000, days: -20 }], overdue: 70_000 },
    { name: 'a credit note larger than what is overdue', docs: [{ kind: 'invoice', minor: 10_000, days: 10 }, { kind: 'credit_note', minor: 30_000, days: 40 }], overdue: 0 },
    { name: 'an invoice not yet due is not netted into overdue', docs: [{ kind: 'invoice', minor: 50_000, days: -3 }, { kind: 'invoice', minor: 20_000, days: 3 }], overdue: 20_000 },
  ] as const)('overdue total per currency: $name', ({ docs, overdue }) => {
    const invoices = docs.map((d, i) => anInvoice({ externalId: `d${i}`, kind: d.kind, amount: money(d.minor, 'EUR'), dueDate: dueDaysAgo(d.days) }));
    expect(overdueByCurrency(invoices, asOf)).toEqual([money(overdue, 'EUR')]);
    expect(agingByCurrency(invoices, asOf)[0]!.totalOverdue).toEqual(money(overdue, 'EUR'));
  });

  it('property: overdue never below zero, never above the overdue invoices, and credit notes in one currency never touch another', () => {
    const doc = fc.record({
      kind: fc.constantFrom('invoice' as const, 'credit_note' as const), minor: fc.integer({ min: 1, max: 1_000_000 }),
      days: fc.integer({ min: -60, max: 400 }), currency: fc.constantFrom('EUR', 'USD'),
    });
    fc.assert(fc.property(fc.array(doc, { maxLength: 12 }), (docs) => {
      const invoices = docs.map((d, i) => anInvoice({ externalId: `d${i}`, kind: d.kind, amount: money(d.minor, d.currency), dueDate: dueDaysAgo(d.days) }));
      for (const total of overdueByCurrency(invoices, asOf)) {
        const mine = docs.filter((d) => d.currency === total.currency);
        const late = mine.filter((d) => d.kind === 'invoice' && d.days > 0).reduce((s, d) => s + d.minor, 0);
        const credit = mine.filter((d) => d.kind === 'credit_note').reduce((s, d) => s + d.minor, 0);
        expect(total.minor).toBe(Math.max(0, late - credit));
      }
      for (const row of agingByCurrency(invoices, asOf)) {
        expect(row.buckets.reduce((s, b) => s + b.amount.minor, 0)).toBe(row.totalOpen.minor);
        // No credit note is ever in a late range.
        const creditCount = docs.filter((d) => d.currency === row.currency && d.kind === 'credit_note').length;
        expect(row.buckets.find((b) => b.id === 'current')!.count).toBeGreaterThanOrEqual(creditCount);
      }
    }));
  });

  it('when invoices are in two currencies, then each currency has its own totals and none are mixed', () => {
    const rows = agingByCurrency(
      [
        anInvoice({ externalId: 'e', amount: money(100_000, 'EUR'), dueDate: dueDaysAgo(40) }),
        anInvoice({ externalId: 'u', amount: money(5_000, 'USD'), dueDate: dueDaysAgo(40) }),
      ],
      asOf,
    );
    expect(rows.map((r) => [r.currency, r.totalOpen.minor, r.totalOpen.currency])).toEqual([
      ['EUR', 100_000, 'EUR'],
      ['USD', 5_000, 'USD'],
    ]);
    expect(rows.every((r) => r.buckets.every((b) => b.amount.currency === r.currency))).toBe(true);
  });

  it('when buckets are configured, then those ranges are used and a gap throws', () => {
    const custom: AgingBucketDef[] = [
      { id: 'not-due', label: 'Not due', minDaysPastDue: 0, maxDaysPastDue: 0 },
      { id: 'late', label: 'Late', minDaysPastDue: 1 },
    ];
    expect(agingByCurrency([anInvoice({ dueDate: dueDaysAgo(500) })], asOf, custom)[0]!.buckets.map((b) => b.count)).toEqual([0, 1]);
    const gap: AgingBucketDef[] = [{ id: 'x', label: 'x', minDaysPastDue: 0, maxDaysPastDue: 10 }];
    expect(() => agingByCurrency([anInvoice({ dueDate: dueDaysAgo(11) })], asOf, gap)).toThrow(RangeError);
  });

  it.each([
    { name: 'when nothing is overdue, then undefined', invoices: [anInvoice({ dueDate: asOf })], want: undefined },
    {
      name: 'when several are overdue, then the oldest (ties by lowest id)',
      invoices: [
        anInvoice({ externalId: 'b', dueDate: dueDaysAgo(40) }),
        anInvoice({ externalId: 'a', dueDate: dueDaysAgo(40) }),
        anInvoice({ externalId: 'c', dueDate: dueDaysAgo(10) }),
        anInvoice({ externalId: 'cn', kind: 'credit_note', dueDate: dueDaysAgo(99) }),
      ],
      want: { invoiceExternalId: 'a', daysPastDue: 40 },
    },
  ])('$name', ({ invoices, want }) => {
    expect(oldestOverdue(invoices, asOf)).toEqual(want);
  });

  const arbitraryDoc = fc.record({
    minor: fc.integer({ min: 0, max: 10_000_000 }),
    currency: fc.constantFrom('EUR', 'USD', 'GBP'),
    dueOffset: fc.integer({ min: -60, max: 400 }),
    kind: fc.constantFrom('invoice' as const, 'credit_note' as const),
  });

  it('when aging any documents, then per currency the buckets sum to the open total', () => {
    fc.assert(
      fc.property(fc.array(arbitraryDoc, { maxLength: 30 }), (docs) => {
        const invoices = docs.map((d, i) =>
          anInvoice({ externalId: `i${i}`, kind: d.kind, amount: money(d.minor, d.currency), dueDate: dueDaysAgo(d.dueOffset) }),
        );
        for (const row of agingByCurrency(invoices, asOf)) {
          expect(row.buckets.map((b) => b.id)).toEqual(AGING_BUCKETS_DEFAULT.map((b) => b.id));
          expect(row.buckets.reduce((s, b) => s + b.amount.minor, 0)).toBe(row.totalOpen.minor);
          const expected = docs.filter((d) => d.currency === row.currency).reduce((s, d) => s + (d.kind === 'invoice' ? d.minor : -d.minor), 0);
          expect(row.totalOpen.minor).toBe(expected);
        }
      }),
    );
  });
});
