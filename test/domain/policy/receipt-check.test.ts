import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dateInZone } from '../../../src/domain/dates';
import { isOverdueInvoice } from '../../../src/domain/measures/aging';
import { money } from '../../../src/domain/money';
import { aLedger, anInvoice } from '../builders';
import { ledgerArb } from './arbitraries';
import { at, plan, ZONE } from './support';

/** Sent on Wednesday 28 October: its receipt check is due on Monday 2 November. */
const newInvoice = anInvoice({ externalId: 'new-1', issueDate: '2026-10-28', dueDate: '2026-11-27', amount: money(870_949, 'EUR') });
const oldInvoice = anInvoice({ externalId: 'old-1', issueDate: '2026-07-01', dueDate: '2026-07-31', amount: money(2_393_711, 'EUR') });

describe('the receipt check is a courtesy for customers in good standing', () => {
  it('when a customer in good standing gets a new invoice, then its receipt check is planned', () => {
    const { actions } = plan(aLedger({ invoices: [newInvoice] }), at('2026-11-02', '07:00'));
    expect(actions.map((a) => a.stepId)).toEqual(['receipt_check']);
  });

  it('when the chased customer was contacted today (Van Leeuwen Logistiek after its formal reminder), then the next action is the next ladder step, not the receipt check of a new invoice', () => {
    const ledger = aLedger({
      invoices: [oldInvoice, newInvoice],
      history: [{ key: 'k1', companyId: 'c1', stepId: 'formal_reminder', kind: 'email', doneAt: at('2026-11-02', '06:30'), invoiceExternalIds: ['old-1'] }],
    });
    const { actions, position } = plan(ledger, at('2026-11-02', '07:00'));
    expect(actions).toEqual([]);
    expect(position.currentStepId).toBe('formal_reminder');
    expect(position.next?.stepId).toBe('final_notice');
  });

  it('when the customer owes an overdue invoice no ladder step is due for yet, then the new invoice gets no receipt check now or next', () => {
    const ledger = aLedger({ invoices: [anInvoice({ externalId: 'late', issueDate: '2026-10-01', dueDate: '2026-10-30' }), newInvoice] });
    const { actions, position } = plan(ledger, at('2026-11-02', '07:00'));
    expect(actions.map((a) => a.stepId)).not.toContain('receipt_check');
    expect(position.next?.stepId).not.toBe('receipt_check');
    expect(position.next).toBeDefined();
  });

  it('for any ledger and moment, a customer with an overdue invoice never has a receipt check planned or next', () => {
    fc.assert(fc.property(ledgerArb, fc.integer({ min: 0, max: 540 }), (ledger, offset) => {
      const now = at(addDays('2026-01-01', offset), '07:00');
      const asOf = dateInZone(now, ZONE);
      fc.pre(ledger.invoices.some((i) => isOverdueInvoice(i, asOf)));
      const { actions, position } = plan(ledger, now);
      expect([...actions.map((a) => a.stepId), position.next?.stepId]).not.toContain('receipt_check');
    }), { numRuns: 300 });
  });
});
