import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/dates';
import type { CustomerLedger } from '../../../src/domain/ledger';
import { money } from '../../../src/domain/money';
import { rankCustomers, scoreCustomer, type CustomerScore } from '../../../src/domain/prioritisation/score';
import { aDispute, aLedger, anArrangement, anInvoice, aPaidInvoice, aProfile, aPromise } from '../builders';

const asOf = '2026-06-30';
const overdue = (id: string, days: number, minor = 100_000, currency = 'EUR') =>
  anInvoice({ externalId: id, amount: money(minor, currency), dueDate: addDays(asOf, -days), issueDate: addDays(asOf, -days - 30) });
const codes = (s: CustomerScore) => s.reasons.map((r) => r.code);

describe('scoreCustomer', () => {
  it('when nothing is overdue, then score 0 and segment current', () => {
    expect(scoreCustomer(aLedger({ invoices: [anInvoice({ dueDate: asOf })] }), asOf)).toEqual({ companyId: 'c1', score: 0, segment: 'current', reasons: [] });
  });

  it('when €1,000 is 10 days and €500 is 40 days overdue, then base = 1000×10 + 500×40 money-days', () => {
    const s = scoreCustomer(aLedger({ invoices: [overdue('a', 10), overdue('b', 40, 50_000)] }), asOf);
    expect(s.score).toBe(30_000);
    expect(s.reasons[0]).toEqual({
      code: 'overdue_money_days',
      params: { currency: 'EUR', overdueMinor: 150_000, moneyDaysMinor: 3_000_000, oldestDaysPastDue: 40 },
    });
  });

  it('when overdue in two currencies, then one reason per currency and rates convert for the score', () => {
    const ledger = aLedger({ invoices: [overdue('e', 10), overdue('u', 10, 100_000, 'USD')] });
    expect(scoreCustomer(ledger, asOf).score).toBe(20_000);
    expect(scoreCustomer(ledger, asOf, { rates: { USD: 0.5 } }).score).toBe(15_000);
    expect(scoreCustomer(ledger, asOf).reasons.filter((r) => r.code === 'overdue_money_days').map((r) => r.params.currency)).toEqual(['EUR', 'USD']);
  });

  const lateHistory = [0, 1, 2].map((i) => aPaidInvoice(addDays('2026-03-01', 30), { externalId: `h${i}`, dueDate: '2026-03-01' }));
  it.each<{ name: string; ledger: CustomerLedger; factor: number; code: string }>([
    { name: 'when a promise was broken, then ×1.5 and broken_promise', ledger: aLedger({ invoices: [overdue('a', 10)], promises: [aPromise({ invoiceExternalIds: ['a'], madeOn: '2026-06-01', promisedDate: '2026-06-10' })] }), factor: 1.5, code: 'broken_promise' },
    { name: 'when a direct debit failed, then ×1.5 and failed_direct_debit', ledger: aLedger({ invoices: [overdue('a', 10)], failedCollections: [{ id: 'f', companyId: 'c1', invoiceExternalId: 'a', date: '2026-06-21', reason: 'insufficient_funds' }] }), factor: 1.5, code: 'failed_direct_debit' },
    { name: 'when a habitual late payer, then ×1.25 and habitual_late', ledger: aLedger({ invoices: [overdue('a', 10), ...lateHistory] }), factor: 1.25, code: 'habitual_late' },
    { name: 'when a key account, then ×1.2 and relationship_value', ledger: aLedger({ invoices: [overdue('a', 10)], profile: aProfile({ relationshipTier: 'key' }) }), factor: 1.2, code: 'relationship_value' },
  ])('$name', ({ ledger, factor, code }) => {
    const s = scoreCustomer(ledger, asOf);
    expect(s.score).toBeCloseTo(10_000 * factor, 6);
    expect(codes(s)).toContain(code);
  });

  it('when payments got much later recently, then worsening', () => {
    const earlier = aPaidInvoice('2025-12-01', { externalId: 'e', dueDate: '2025-12-01' });
    const recent = aPaidInvoice('2026-06-01', { externalId: 'r', dueDate: '2026-05-01' });
    const s = scoreCustomer(aLedger({ invoices: [overdue('a', 10), earlier, recent] }), asOf);
    expect(codes(s)).toContain('worsening');
    expect(s.score).toBeCloseTo(12_500, 6);
  });

  it.each<{ name: string; ledger: CustomerLedger; segment: CustomerScore['segment']; code?: string }>([
    { name: 'when a dispute covers all overdue money, then deprioritised', ledger: aLedger({ invoices: [overdue('a', 70)], disputes: [aDispute({ invoiceExternalId: 'a' })] }), segment: 'deprioritised', code: 'dispute_open' },
    { name: 'when a promise is not yet due, then deprioritised', ledger: aLedger({ invoices: [overdue('a', 70)], promises: [aPromise({ invoiceExternalIds: ['a'], madeOn: '2026-06-25', promisedDate: '2026-07-05' })] }), segment: 'deprioritised', code: 'promise_not_due' },
    { name: 'when an arrangement is on track, then deprioritised', ledger: aLedger({ invoices: [overdue('a', 70)], arrangements: [anArrangement({ invoiceExternalIds: ['a'], agreedOn: '2026-06-25', instalments: [{ dueDate: '2026-07-15', amount: money(100_000, 'EUR') }] })] }), segment: 'deprioritised', code: 'arrangement_on_track' },
    { name: 'when 61+ days overdue, then at risk', ledger: aLedger({ invoices: [overdue('a', 61)] }), segment: 'at_risk' },
    { name: 'when a promise was broken, then at risk', ledger: aLedger({ invoices: [overdue('a', 5)], promises: [aPromise({ invoiceExternalIds: ['a'], madeOn: '2026-06-01', promisedDate: '2026-06-10' })] }), segment: 'at_risk' },
    { name: 'when small, recent and a good payer, then low-hanging fruit', ledger: aLedger({ invoices: [overdue('a', 12, 80_000)] }), segment: 'low_hanging_fruit' },
    { name: 'when small and recent but a habitual late payer, then standard', ledger: aLedger({ invoices: [overdue('a', 12, 80_000), ...lateHistory] }), segment: 'standard' },
    { name: 'when large and 45 days overdue, then standard', ledger: aLedger({ invoices: [overdue('a', 45, 5_000_000)] }), segment: 'standard' },
  ])('$name', ({ ledger, segment, code }) => {
    const s = scoreCustomer(ledger, asOf);
    expect(s.segment).toBe(segment);
    if (code) expect(codes(s)).toContain(code);
  });

  it('when a promise covers one of two overdue invoices, then only the other one scores and the customer is not deprioritised', () => {
    const s = scoreCustomer(
      aLedger({ invoices: [overdue('a', 10), overdue('b', 20)], promises: [aPromise({ invoiceExternalIds: ['b'], madeOn: '2026-06-29', promisedDate: '2026-07-10' })] }),
      asOf,
    );
    expect(s.score).toBe(10_000);
    expect(s.segment).toBe('low_hanging_fruit');
    // The date the customer named, not the deadline with a day's grace the pause runs to.
    expect(s.reasons).toContainEqual({ code: 'promise_not_due', params: { promiseId: 'ptp-1', promisedDate: '2026-07-10' } });
  });

  it('when a 90-day invoice is disputed and a 10-day one is not, then the disputed one neither scores nor makes it at risk', () => {
    const s = scoreCustomer(aLedger({ invoices: [overdue('a', 10), overdue('d', 90)], disputes: [aDispute({ invoiceExternalId: 'd' })] }), asOf);
    expect(s.score).toBe(10_000);
    expect(s.segment).toBe('low_hanging_fruit');
    expect(s.reasons).toContainEqual({ code: 'dispute_open', params: { count: 1 } });
  });

  it('when deprioritised by a promise, then it ranks below an equal customer without one', () => {
    const waiting = scoreCustomer(aLedger({ companyId: 'a', invoices: [overdue('x', 30)], promises: [aPromise({ invoiceExternalIds: [], madeOn: '2026-06-29', promisedDate: '2026-07-10' })] }), asOf);
    const plain = scoreCustomer(aLedger({ companyId: 'b', invoices: [overdue('x', 30)] }), asOf);
    expect(rankCustomers([waiting, plain]).map((s) => s.companyId)).toEqual(['b', 'a']);
  });
});

describe('rankCustomers', () => {
  const aScore = fc.record({ companyId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), score: fc.constantFrom(0, 1, 2.5, 100) }).map(
    (s): CustomerScore => ({ ...s, segment: 'standard', reasons: [] }),
  );

  it('when ranking any scores in any order, then the order is the same and by score desc, then company id', () => {
    fc.assert(
      fc.property(fc.array(aScore, { maxLength: 20 }), fc.integer(), (scores, seed) => {
        const shuffled = [...scores].sort((x, y) => ((x.companyId.charCodeAt(0) * seed) % 7) - ((y.companyId.charCodeAt(0) * seed) % 7));
        const ranked = rankCustomers(scores);
        expect(rankCustomers(shuffled).map((s) => [s.companyId, s.score])).toEqual(ranked.map((s) => [s.companyId, s.score]));
        for (let i = 1; i < ranked.length; i++) {
          const [prev, cur] = [ranked[i - 1]!, ranked[i]!];
          expect(prev.score > cur.score || (prev.score === cur.score && prev.companyId <= cur.companyId)).toBe(true);
        }
      }),
    );
  });

  it('when ranking, then the input is not mutated', () => {
    const input: CustomerScore[] = [{ companyId: 'b', score: 1, segment: 'standard', reasons: [] }, { companyId: 'a', score: 2, segment: 'standard', reasons: [] }];
    rankCustomers(input);
    expect(input.map((s) => s.companyId)).toEqual(['b', 'a']);
  });
});
