import { describe, expect, it } from 'vitest';
import { collectionCostOptions } from '../../../src/domain/legal/collection-costs';
import { money } from '../../../src/domain/money';
import { aLedger, anInvoice, aProfile } from '../builders';
import { at, local, plan } from './support';

// Due 01-10-2026 (Thu); +28 days = Thu 29-10-2026, the final notice / 14-day letter moment.
const ledgerFor = (customerType: 'business' | 'consumer', amounts: number[]) =>
  aLedger({
    invoices: amounts.map((minor, i) => anInvoice({ externalId: `i${i}`, issueDate: '2026-09-01', dueDate: '2026-10-01', amount: money(minor, 'EUR') })),
    profile: aProfile({ customerType }),
    history: [{ key: 'f', companyId: 'c1', stepId: 'formal_reminder', kind: 'email', doneAt: at('2026-10-15', '09:00'), invoiceExternalIds: amounts.map((_, i) => `i${i}`) }],
  });

describe('consumer 14-day letter (veertiendagenbrief)', () => {
  // Posted Thu 29-10: deemed received Sat 31-10 (2nd day, Sundays/Mondays not counted); +14 = 14-11 (Sat);
  // stated with one day to spare, on a business day: Mon 16-11-2026.
  const cases = [
    { name: 'when a consumer owes €250, then the letter states €40 (the minimum) and the pay-by date', amounts: [25_000], costs: 4_000 },
    { name: 'when a consumer owes €1,000, then the letter states €150', amounts: [100_000], costs: 15_000 },
    { name: 'when a consumer owes €6,000 over two invoices, then the costs are on the bundled principal: €675', amounts: [400_000, 200_000], costs: 67_500 },
  ];
  it.each(cases)('$name', ({ amounts, costs }) => {
    const { actions } = plan(ledgerFor('consumer', amounts), at('2026-10-29', '08:00'));
    expect(actions.map((a) => [a.stepId, a.action, local(a.dueAt)])).toEqual([['fourteen_day_letter', 'letter', '2026-10-29 09:00']]);
    expect(actions[0]!.legal).toEqual({ kind: 'fourteen_day_letter', payBy: '2026-11-16', costsIfUnpaid: money(costs, 'EUR'), invoiceExternalIds: amounts.map((_, i) => `i${i}`) });
    expect(actions[0]!.reasons).toContainEqual({ code: 'fourteen_day_letter', params: { payBy: '2026-11-16', costsMinor: costs, currency: 'EUR' } });
  });

  it('when the creditor charges VAT on collection costs, then the letter states the costs with 21% VAT: €150 → €181.50', () => {
    const { actions } = plan(ledgerFor('consumer', [100_000]), at('2026-10-29', '08:00'), { costs: collectionCostOptions(true) });
    expect(actions[0]!.legal?.costsIfUnpaid).toEqual(money(18_150, 'EUR'));
  });

  it('when an invoice not yet due joins the letter\'s contact, then its costs are on the overdue principal only', () => {
    const base = ledgerFor('consumer', [100_000]);
    const ledger = { ...base, invoices: [...base.invoices, anInvoice({ externalId: 'soon', issueDate: '2026-10-01', dueDate: '2026-10-29', amount: money(900_000, 'EUR') })] };
    const letter = plan(ledger, at('2026-10-29', '08:00')).actions.find((a) => a.legal);
    expect(letter?.invoiceExternalIds).toEqual(['i0', 'soon']);
    expect(letter?.legal).toMatchObject({ costsIfUnpaid: money(15_000, 'EUR'), invoiceExternalIds: ['i0'] });
  });

  it('when a business customer reaches the same moment, then it gets a final notice without the legal letter', () => {
    const { actions } = plan(ledgerFor('business', [100_000]), at('2026-10-29', '08:00'));
    expect(actions.map((a) => [a.stepId, a.legal])).toEqual([['final_notice', undefined]]);
  });

  it('when a consumer is far overdue and nothing was sent, then the letter comes first: escalation never skips it', () => {
    const ledger = { ...ledgerFor('consumer', [100_000]), history: [] };
    const { actions } = plan(ledger, at('2026-12-15', '10:00'));
    expect(actions.map((a) => a.stepId)).toEqual(['fourteen_day_letter']);
    expect(actions[0]!.reasons).toContainEqual({ code: 'steps_caught_up', params: { skippedStepIds: 'late_payment_call,formal_reminder' } });
  });

  it('when the letter was sent, then escalation waits until after its pay-by date', () => {
    const ledger = ledgerFor('consumer', [100_000]);
    const sent = { ...ledger, history: [...ledger.history, { key: 'l', companyId: 'c1', stepId: 'fourteen_day_letter', kind: 'letter' as const, doneAt: at('2026-10-29', '09:00'), invoiceExternalIds: ['i0'] }] };
    // Escalation moment is 16-11 (due + 45), the stated pay-by date: it may come on 17-11 at the earliest.
    expect(plan(sent, at('2026-11-16', '10:00')).actions).toEqual([]);
    expect(plan(sent, at('2026-11-16', '10:00')).position.next).toMatchObject({ stepId: 'escalation' });
    expect(local(plan(sent, at('2026-11-16', '10:00')).position.next!.dueAt)).toBe('2026-11-17 09:00');
    expect(plan(sent, at('2026-11-17', '10:00')).actions.map((a) => [a.stepId, a.contactId, a.ownerRule])).toEqual([['escalation', undefined, 'escalation_owner']]);
  });

  it('when the letter\'s task is still open, then it has not gone out: nothing follows it, however long it waits', () => {
    const ledger = ledgerFor('consumer', [100_000]);
    const open = { ...ledger, history: [...ledger.history, { key: 'l', companyId: 'c1', stepId: 'fourteen_day_letter', kind: 'letter' as const, doneAt: at('2026-10-29', '09:00'), invoiceExternalIds: ['i0'], task: {} }] };
    expect(plan(open, at('2026-11-17', '10:00')).actions).toEqual([]);
    expect(plan(open, at('2027-01-15', '10:00')).actions).toEqual([]);
  });

  it('when the letter\'s task was completed days after it was made, then its term counts from that day', () => {
    const ledger = ledgerFor('consumer', [100_000]);
    // Completed Tue 3-11: deemed received Thu 5-11, +14 = Thu 19-11, stated Fri 20-11; escalation from Mon 23-11.
    const sent = { ...ledger, history: [...ledger.history, { key: 'l', companyId: 'c1', stepId: 'fourteen_day_letter', kind: 'letter' as const, doneAt: at('2026-10-29', '09:00'), invoiceExternalIds: ['i0'], task: { completedAt: at('2026-11-03', '16:30') } }] };
    expect(plan(sent, at('2026-11-20', '10:00')).actions).toEqual([]);
    expect(plan(sent, at('2026-11-23', '10:00')).actions.map((a) => a.stepId)).toEqual(['escalation']);
  });
});
