import { describe, expect, it } from 'vitest';
import { asTheyStood, kpiTrend, portfolioKpis } from '../../../src/domain/measures/portfolio';
import { money } from '../../../src/domain/money';
import { anInvoice, aPaidInvoice } from '../builders';

describe('portfolioKpis', () => {
  it('when invoices are open, overdue and in two currencies, then each currency has its own figures', () => {
    const invoices = [
      anInvoice({ externalId: 'a', issueDate: '2026-10-01', dueDate: '2026-10-31', amount: money(100_000, 'EUR') }),
      anInvoice({ externalId: 'b', issueDate: '2026-11-10', dueDate: '2026-12-10', amount: money(50_000, 'EUR') }),
      anInvoice({ externalId: 'c', issueDate: '2026-11-01', dueDate: '2026-11-15', amount: money(7_500, 'USD') }),
      anInvoice({ externalId: 'cn', kind: 'credit_note', issueDate: '2026-11-12', dueDate: '2026-11-12', amount: money(10_000, 'EUR') }),
    ];
    const [eur, usd] = portfolioKpis(invoices, '2026-11-20');
    expect(eur).toMatchObject({ currency: 'EUR', openMinor: 140_000, overdueMinor: 100_000 });
    // WADO: 100,000 × 20 days over 150,000 open invoices (the credit note is no invoice).
    expect(eur!.weightedDaysLate).toBeCloseTo(2_000_000 / 150_000);
    expect(eur!.dso).toBeGreaterThan(eur!.bestPossibleDso);
    expect(eur!.averageDaysDelinquent).toBeCloseTo(eur!.dso - eur!.bestPossibleDso);
    expect(usd).toMatchObject({ currency: 'USD', openMinor: 7_500, overdueMinor: 7_500 });
  });
});

describe('kpiTrend', () => {
  it('when an invoice was paid last month, then it counts as overdue at the earlier month end only', () => {
    const paid = aPaidInvoice('2026-10-20', { externalId: 'p', issueDate: '2026-08-01', dueDate: '2026-08-31', amount: money(80_000, 'EUR') });
    expect(asTheyStood([paid], '2026-09-30')[0]!.open.minor).toBe(80_000);
    expect(asTheyStood([paid], '2026-10-31')[0]!.open.minor).toBe(0);
    const trend = kpiTrend([paid], '2026-11-20', 4);
    expect(trend.map((p) => p.date)).toEqual(['2026-08-31', '2026-09-30', '2026-10-31', '2026-11-20']);
    expect(trend.map((p) => p.kpis[0]?.overdueMinor ?? 0)).toEqual([0, 80_000, 0, 0]);
  });
});
