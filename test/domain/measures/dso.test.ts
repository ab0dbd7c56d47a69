import { describe, expect, it } from 'vitest';
import { averageDaysDelinquent, bestPossibleDso, countBackDso, dsoByCurrency, monthPeriods } from '../../../src/domain/measures/dso';
import { money } from '../../../src/domain/money';
import { anInvoice } from '../builders';

const thirty = (sales: number) => ({ sales, days: 30 });

describe('DSO (count-back)', () => {
  it.each([
    { name: 'when the brief example (212k; 100k/80k/70k), then 30 + 30 + 32/70 × 30 ≈ 73.714', receivables: 212_000, sales: [100_000, 80_000, 70_000], want: 60 + (32 / 70) * 30 },
    { name: 'when receivables fit in the current month, then a fraction of it', receivables: 50_000, sales: [100_000, 80_000], want: 15 },
    { name: 'when receivables equal the first month, then exactly its days', receivables: 100_000, sales: [100_000, 80_000], want: 30 },
    { name: 'when there are no receivables, then 0', receivables: 0, sales: [100_000], want: 0 },
    { name: 'when receivables outlast the history, then all days (lower bound)', receivables: 999_999, sales: [100, 100], want: 60 },
    { name: 'when a month had no sales, then it adds its days only', receivables: 150, sales: [0, 100, 100], want: 75 },
  ])('$name', ({ receivables, sales, want }) => {
    expect(countBackDso({ receivables, monthlySales: sales.map(thirty) })).toBeCloseTo(want, 9);
  });

  it('when rounded for presentation, then the brief example reads 73.7', () => {
    expect(countBackDso({ receivables: 212_000, monthlySales: [100_000, 80_000, 70_000].map(thirty) }).toFixed(1)).toBe('73.7');
  });

  it('when 100k of the 212k is not yet due, then BPDSO 30 and ADD ≈ 43.714', () => {
    const monthlySales = [100_000, 80_000, 70_000].map(thirty);
    const dso = countBackDso({ receivables: 212_000, monthlySales });
    const best = bestPossibleDso({ currentReceivables: 100_000, monthlySales });
    expect(best).toBe(30);
    expect(averageDaysDelinquent(dso, best)).toBeCloseTo(43.714, 3);
  });

  it('when asking calendar periods for 2026-03-10, then month to date, February, January', () => {
    expect(monthPeriods('2026-03-10', 3)).toEqual([
      { from: '2026-03-01', to: '2026-03-10', days: 10 },
      { from: '2026-02-01', to: '2026-02-28', days: 28 },
      { from: '2026-01-01', to: '2026-01-31', days: 31 },
    ]);
  });

  it('when computing from a ledger, then sales net of credit notes per month and currencies apart', () => {
    const asOf = '2026-03-31';
    const rows = dsoByCurrency(
      [
        anInvoice({ externalId: 'm', issueDate: '2026-03-05', dueDate: '2026-04-04', amount: money(100_000, 'EUR'), open: money(100_000, 'EUR') }),
        anInvoice({ externalId: 'f', issueDate: '2026-02-05', dueDate: '2026-03-07', amount: money(80_000, 'EUR'), open: money(40_000, 'EUR'), status: 'partially_paid' }),
        anInvoice({ externalId: 'cn', kind: 'credit_note', issueDate: '2026-02-10', dueDate: '2026-02-10', amount: money(10_000, 'EUR'), open: money(0, 'EUR') }),
        anInvoice({ externalId: 'usd', issueDate: '2026-03-01', dueDate: '2026-03-31', amount: money(5_000, 'USD') }),
      ],
      asOf,
    );
    const eur = rows.find((r) => r.currency === 'EUR')!;
    expect(eur.monthlySales).toEqual([{ sales: 100_000, days: 31 }, { sales: 70_000, days: 28 }, { sales: 0, days: 31 }]);
    expect(eur.receivables).toBe(140_000);
    expect(eur.currentReceivables).toBe(100_000);
    expect(eur.dso).toBeCloseTo(31 + (40_000 / 70_000) * 28, 9);
    expect(eur.bestPossibleDso).toBe(31);
    expect(eur.averageDaysDelinquent).toBeCloseTo(16, 9);
    const usd = rows.find((r) => r.currency === 'USD')!;
    expect(usd.receivables).toBe(5_000);
    expect(usd.dso).toBe(31);
  });
});
