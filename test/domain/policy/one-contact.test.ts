import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dateInZone } from '../../../src/domain/dates';
import { money } from '../../../src/domain/money';
import { aLedger, anInvoice } from '../builders';
import { ledgerArb } from './arbitraries';
import { at, plan, recordDone, ZONE } from './support';

/** Van Leeuwen Logistiek as the issue found it: old invoices being chased, and new ones just sent. */
const chasedWithNewInvoices = aLedger({
  invoices: [
    anInvoice({ externalId: 'old-1', number: 'F-100', issueDate: '2026-09-01', dueDate: '2026-10-01', amount: money(1_500_000, 'EUR') }),
    anInvoice({ externalId: 'old-2', number: 'F-101', issueDate: '2026-09-10', dueDate: '2026-10-10', amount: money(893_711, 'EUR') }),
    // Sent on Wednesday 28 October: its receipt check would be due on Monday 2 November.
    anInvoice({ externalId: 'new-1', number: 'F-140', issueDate: '2026-10-28', dueDate: '2026-11-27', amount: money(870_949, 'EUR') }),
    // Due on 2 November: its due-date reminder is due that day.
    anInvoice({ externalId: 'new-2', number: 'F-141', issueDate: '2026-10-03', dueDate: '2026-11-02', amount: money(12_000, 'EUR') }),
  ],
  failedCollections: [{ id: 'f1', companyId: 'c1', invoiceExternalId: 'old-2', date: '2026-10-30', reason: 'insufficient_funds' }],
});

describe('one contact per customer per day', () => {
  it('when the ladder, a failed debit and a due-date reminder fall on one day, then one action: the most pressing step leads, overdue first, then due soon, and no receipt check', () => {
    const { actions } = plan(chasedWithNewInvoices, at('2026-11-02', '07:00'));
    expect(actions).toHaveLength(1);
    const [a] = actions;
    expect(a!.stepId).not.toBe('receipt_check');
    expect(a!.stepId).not.toBe('due_date_reminder');
    expect(a!.attention).toEqual({ overdue: ['old-1', 'old-2'], dueSoon: ['new-2'] });
    expect(a!.invoiceExternalIds).not.toContain('new-1');
    expect(a!.amount).toEqual(money(1_500_000 + 893_711 + 12_000, 'EUR'));
    expect(a!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['step_due', 'failed_direct_debit', 'steps_merged']));
  });

  it('when that one contact was made, then the invoice it mentioned as due soon gets no reminder of its own later, and the new invoice no receipt check while the customer is chased', () => {
    const monday = plan(chasedWithNewInvoices, at('2026-11-02', '07:00'));
    let ledger = recordDone(chasedWithNewInvoices, monday.actions, () => at('2026-11-02', '09:00'));
    const steps: string[] = [];
    for (let d = 1; d <= 10; d++) {
      const now = at(addDays('2026-11-02', d), '07:00');
      const { actions } = plan(ledger, now);
      steps.push(...actions.map((x) => x.stepId));
      ledger = recordDone(ledger, actions, () => now);
    }
    expect(steps).not.toContain('receipt_check');
    expect(steps).not.toContain('due_date_reminder');
  });

  it('for any ledger, a controller doing every task as it comes gets at most one action per customer per day', () => {
    fc.assert(fc.property(ledgerArb, fc.integer({ min: 0, max: 480 }), (start, offset) => {
      let ledger = start;
      const perDay = new Map<string, number>();
      const first = addDays('2026-01-01', offset);
      for (let d = 0; d < 40; d++) {
        // Planned twice a day (a morning run and an afternoon refresh), each task recorded when it is created.
        for (const time of ['07:00', '15:00']) {
          const now = at(addDays(first, d), time);
          const { actions } = plan(ledger, now);
          for (const a of actions) {
            const day = dateInZone(a.dueAt, ZONE);
            perDay.set(day, (perDay.get(day) ?? 0) + 1);
          }
          ledger = recordDone(ledger, actions, () => now);
        }
      }
      for (const [day, n] of perDay) expect(n, day).toBeLessThanOrEqual(1);
    }), { numRuns: 150 });
  });

  it('when the contact falls after a weekend, then an invoice due on the Sunday is in its overdue group, not "due soon"', () => {
    const ledger = aLedger({ invoices: [
      anInvoice({ externalId: 'late', issueDate: '2026-09-01', dueDate: '2026-10-01', amount: money(50_000, 'EUR') }),
      anInvoice({ externalId: 'sunday', issueDate: '2026-10-01', dueDate: '2026-11-01', amount: money(20_000, 'EUR') }),
    ] });
    // Planned on Saturday 31 October: the contact is Monday 2 November.
    const { actions } = plan(ledger, at('2026-10-31', '07:00'));
    const [a] = actions;
    expect(a?.invoiceExternalIds).toEqual(['late', 'sunday']);
    expect(dateInZone(a!.dueAt, ZONE)).toBe('2026-11-02');
    expect(a!.attention).toEqual({ overdue: ['late', 'sunday'], dueSoon: [] });
  });

  it('for any ledger, every action groups exactly its invoices: overdue on the contact day (oldest first), then due soon', () => {
    fc.assert(fc.property(ledgerArb, fc.integer({ min: 0, max: 480 }), (ledger, offset) => {
      for (const a of plan(ledger, at(addDays('2026-01-01', offset), '07:00')).actions) {
        const day = dateInZone(a.dueAt, ZONE);
        const due = new Map(ledger.invoices.map((i) => [i.externalId, i.dueDate]));
        expect([...a.attention.overdue, ...a.attention.dueSoon].sort()).toEqual([...a.invoiceExternalIds].sort());
        for (const id of a.attention.overdue) expect(due.get(id)! < day).toBe(true);
        for (const id of a.attention.dueSoon) expect(due.get(id)! >= day).toBe(true);
        const dates = a.attention.overdue.map((id) => due.get(id)!);
        expect(dates).toEqual([...dates].sort());
      }
    }), { numRuns: 150 });
  });
});
