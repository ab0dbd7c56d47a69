import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReceivablesVM } from '../../../src/contracts/cards';
import { addDays } from '../../../src/domain/dates';
import { DEFAULT_POLICY } from '../../../src/domain/policy/policy';
import { money } from '../../../src/domain/money';
import { ladderFor } from '../../../src/server/cards/ladder-vm';
import { buildReceivablesVM, receivablesPageJson, receivablesSnapshot } from '../../../src/server/cards/receivables-vm';
import { aDispute, aLedger, anArrangement, anInvoice, aPaidInvoice, aPromise } from '../../domain/builders';

const ASOF = '2026-11-23';
const Q = { page: 1, pageSize: 25, sort: '-daysOverdue' as const };
const cal = { timeZone: 'Europe/Amsterdam', holidays: new Set<string>() };

/** `n` open invoices, due 0…n-1 days ago, amounts varying, ids zero-padded so their order is known. */
function manyInvoices(n: number) {
  return Array.from({ length: n }, (_, k) => anInvoice({
    externalId: `inv-${String(k).padStart(4, '0')}`, number: `F-${String(k).padStart(4, '0')}`,
    issueDate: addDays(ASOF, -30 - k), dueDate: addDays(ASOF, -k), amount: money(10_000 + (k % 7) * 1_000, 'EUR'),
  }));
}

describe('buildReceivablesVM', () => {
  it('when the company has nothing open, then an empty, contract-valid view model', () => {
    const vm = ReceivablesVM.parse(buildReceivablesVM({ companyId: '1', ledger: aLedger({ invoices: [] }), asOf: ASOF, query: Q }));
    expect(vm).toMatchObject({ empty: true, totals: { open: [], overdue: [] }, oldestOverdueDays: null, ladder: null });
    expect(vm.invoices).toMatchObject({ total: 0, pageCount: 0, items: [] });
  });

  it('when everything is paid, then empty, but the payment behaviour is still shown', () => {
    const ledger = aLedger({ invoices: [aPaidInvoice('2026-02-20', { dueDate: '2026-01-31' })] });
    const vm = buildReceivablesVM({ companyId: 'c1', ledger, asOf: ASOF, query: Q });
    expect(vm.empty).toBe(true);
    expect(vm.behaviour.averageDaysLate).toBe(20);
  });

  it('when invoices are in two currencies, then totals and aging stay per currency and add up', () => {
    const ledger = aLedger({ invoices: [
      anInvoice({ externalId: 'a', dueDate: addDays(ASOF, -40), amount: money(120_000, 'EUR') }),
      anInvoice({ externalId: 'b', dueDate: addDays(ASOF, 5), amount: money(30_000, 'EUR') }),
      anInvoice({ externalId: 'c', dueDate: addDays(ASOF, -95), amount: money(5_000, 'USD') }),
      anInvoice({ externalId: 'cn', kind: 'credit_note', dueDate: addDays(ASOF, -3), amount: money(10_000, 'EUR') }),
    ] });
    const vm = ReceivablesVM.parse(buildReceivablesVM({ companyId: 'c1', ledger, asOf: ASOF, query: Q }));
    expect(vm.totals.open).toEqual([{ minor: 140_000, currency: 'EUR' }, { minor: 5_000, currency: 'USD' }]);
    expect(vm.totals.overdue).toEqual([{ minor: 110_000, currency: 'EUR' }, { minor: 5_000, currency: 'USD' }]);
    expect(vm.oldestOverdueDays).toBe(95);
    for (const a of vm.aging) {
      const sum = a.buckets.reduce((s, b) => s + b.amount.minor, 0);
      expect(sum).toBe(vm.totals.open.find((t) => t.currency === a.currency)!.minor);
    }
    expect(vm.aging[1]!.buckets.find((b) => b.id === '90+')).toMatchObject({ minDays: 91, maxDays: null, count: 1 });
    expect(vm.invoices.items.find((i) => i.externalId === 'cn')).toMatchObject({ kind: 'credit_note', daysOverdue: 0, tags: [] });
  });

  it('when 500 invoices are open, then a page holds 25 (or 100) rows and the answer stays far under 1 MB', () => {
    const ledger = aLedger({ invoices: manyInvoices(500) });
    const vm = buildReceivablesVM({ companyId: 'c1', ledger, asOf: ASOF, query: { ...Q, pageSize: 100, page: 5 } });
    expect(vm.invoices).toMatchObject({ total: 500, pageCount: 5, page: 5 });
    expect(vm.invoices.items).toHaveLength(100);
    expect(vm.invoices.items[0]!.daysOverdue).toBe(99);
    expect(Buffer.byteLength(JSON.stringify(ReceivablesVM.parse(vm)))).toBeLessThan(100_000);
  });

  it('for any sort and page size, the pages together are the whole list, each invoice exactly once, in order', () => {
    const ledger = aLedger({ invoices: manyInvoices(37) });
    const sorts = ['number', '-number', 'issueDate', '-issueDate', 'dueDate', '-dueDate', 'open', '-open', 'daysOverdue', '-daysOverdue'] as const;
    fc.assert(fc.property(fc.constantFrom(...sorts), fc.integer({ min: 1, max: 40 }), (sort, pageSize) => {
      const first = buildReceivablesVM({ companyId: 'c1', ledger, asOf: ASOF, query: { page: 1, pageSize, sort } }).invoices;
      const all = Array.from({ length: first.pageCount }, (_, p) =>
        buildReceivablesVM({ companyId: 'c1', ledger, asOf: ASOF, query: { page: p + 1, pageSize, sort } }).invoices.items).flat();
      expect(new Set(all.map((r) => r.externalId)).size).toBe(37);
      const key = sort.replace('-', '') as 'number';
      const values = all.map((r) => (key === ('open' as string) ? r.open.minor : r[key]));
      const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(values).toEqual(sort.startsWith('-') ? sorted.reverse() : sorted);
    }), { numRuns: 60 });
  });

  it('when a page is served from a snapshot as JSON, then it is exactly the view model, and repeats reuse the text', () => {
    const ledger = aLedger({ invoices: manyInvoices(60) });
    const snapshot = receivablesSnapshot({ companyId: 'c1', ledger, asOf: ASOF });
    const q = { page: 2, pageSize: 25, sort: 'dueDate' as const };
    const json = receivablesPageJson(snapshot, q);
    expect(JSON.parse(json)).toEqual(buildReceivablesVM({ companyId: 'c1', ledger, asOf: ASOF, query: q }));
    expect(receivablesPageJson(snapshot, q)).toBe(json);
    expect(snapshot.json.size).toBe(1);
  });

  it('when a page past the end is asked for, then it is empty, not an error', () => {
    const vm = buildReceivablesVM({ companyId: 'c1', ledger: aLedger({ invoices: manyInvoices(3) }), asOf: ASOF, query: { ...Q, page: 9 } });
    expect(vm.invoices.items).toEqual([]);
    expect(vm.invoices.total).toBe(3);
  });

  it('when a promise covers the balance, an arrangement covers one invoice and one is disputed, then the tags say so', () => {
    const ledger = aLedger({
      invoices: [
        anInvoice({ externalId: 'a', dueDate: addDays(ASOF, -10) }),
        anInvoice({ externalId: 'b', dueDate: addDays(ASOF, -20), directDebit: true }),
        anInvoice({ externalId: 'c', dueDate: addDays(ASOF, 10) }),
      ],
      promises: [aPromise({ invoiceExternalIds: [], madeOn: addDays(ASOF, -2), promisedDate: addDays(ASOF, 3) })],
      arrangements: [anArrangement({ invoiceExternalIds: ['c'], agreedOn: addDays(ASOF, -1), instalments: [{ dueDate: addDays(ASOF, 30), amount: money(100_000, 'EUR') }] })],
      disputes: [aDispute({ invoiceExternalId: 'a', openedOn: addDays(ASOF, -1) })],
    });
    const vm = buildReceivablesVM({ companyId: 'c1', ledger, asOf: ASOF, query: { ...Q, sort: 'number' } });
    const tags = Object.fromEntries(vm.invoices.items.map((i) => [i.externalId, i.tags]));
    expect(tags).toEqual({ a: ['overdue', 'disputed', 'promised'], b: ['overdue', 'promised', 'direct_debit'], c: ['in_arrangement'] });
    expect(vm.promises.map((p) => p.status)).toEqual(['open']);
    expect(vm.disputes).toHaveLength(1);
    expect(vm.risk.segment).toBe('deprioritised');
  });

  it('when a promise was broken long ago, then it is history and not listed', () => {
    const ledger = aLedger({
      invoices: [anInvoice({ externalId: 'a', dueDate: addDays(ASOF, -300) })],
      promises: [aPromise({ id: 'old', madeOn: addDays(ASOF, -260), promisedDate: addDays(ASOF, -250) }),
        aPromise({ id: 'recent', madeOn: addDays(ASOF, -20), promisedDate: addDays(ASOF, -11) })],
    });
    const vm = buildReceivablesVM({ companyId: 'c1', ledger, asOf: ASOF, query: Q });
    expect(vm.promises.map((p) => [p.id, p.status])).toEqual([['recent', 'broken']]);
    expect(vm.risk.segment).toBe('at_risk');
    expect(vm.risk.reasons.map((r) => r.code)).toContain('broken_promise');
  });

  it('when the ledger is planned with the default policy, then the ladder names a policy step and a next date', () => {
    const ledger = aLedger({ invoices: [anInvoice({ externalId: 'a', issueDate: addDays(ASOF, -40), dueDate: addDays(ASOF, -10) })] });
    const ladder = ladderFor(ledger, { now: new Date('2026-11-23T10:00:00Z'), calendar: cal, policy: DEFAULT_POLICY });
    const vm = ReceivablesVM.parse(buildReceivablesVM({ companyId: 'c1', ledger, asOf: ASOF, query: Q, ladder }));
    const stepIds = DEFAULT_POLICY.steps.map((s) => s.id);
    expect(stepIds).toContain(vm.ladder!.currentStepId);
    expect(vm.ladder!.next?.stepId).toBe('formal_reminder');
    expect(vm.ladder!.next!.dueAt > '2026-11-23').toBe(true);
  });
});
