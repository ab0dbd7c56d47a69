import { describe, expect, it } from 'vitest';
import type { CustomerLedger, Invoice } from '../../../src/domain/ledger';
import { money } from '../../../src/domain/money';
import { aLedger, anInvoice, aPaidInvoice, aProfile, aPromise } from '../builders';
import { at, local, plan, recordDone } from './support';

/** Collected on its due date, which is also the day the collection fails. */
const ddInvoice = anInvoice({ externalId: 'dd', issueDate: '2026-10-17', dueDate: '2026-11-17', directDebit: true });
const mandate = { companyId: 'c1', reference: 'M1', signedOn: '2026-01-01' };
const failed = (date: string) => ({ id: `f-${date}`, companyId: 'c1', invoiceExternalId: 'dd', date, reason: 'insufficient_funds' as const });
const ddLedger = (failDate: string): CustomerLedger =>
  aLedger({ invoices: [{ ...ddInvoice, dueDate: failDate }], mandates: [mandate], failedCollections: [failed(failDate)] });

/** Three invoices paid 30+ days late: a habitual late payer by the measures' definition. */
const latePaid: Invoice[] = ['p1', 'p2', 'p3'].map((id, i) =>
  aPaidInvoice(`2026-0${i + 3}-15`, { externalId: id, issueDate: `2026-0${i + 1}-01`, dueDate: `2026-0${i + 1}-28` }));

describe('failed direct debit', () => {
  const cases = [
    { name: 'when a collection fails on a Tuesday, then a friendly follow-up is due that same day', fail: '2026-11-17', now: at('2026-11-17', '10:00'), due: '2026-11-17 10:00' },
    { name: 'when a collection fails on a Saturday, then the follow-up is due Monday morning', fail: '2026-11-21', now: at('2026-11-21', '10:00'), due: '2026-11-23 09:00' },
    { name: 'when a collection fails after working hours, then the follow-up is due the next business day', fail: '2026-11-17', now: at('2026-11-17', '18:00'), due: '2026-11-18 09:00' },
  ];
  it.each(cases)('$name', ({ fail, now, due }) => {
    const { actions } = plan(ddLedger(fail), now);
    expect(actions.map((a) => [a.stepId, a.tone, local(a.dueAt), a.invoiceExternalIds])).toEqual([['failed_direct_debit', 'friendly', due, ['dd']]]);
    expect(actions[0]!.reasons).toContainEqual({ code: 'failed_direct_debit', params: { reason: 'insufficient_funds', failedOn: fail, invoiceExternalId: 'dd' } });
  });

  it('when the follow-up was recorded, then it is not planned again (the ladder goes on as usual)', () => {
    const first = plan(ddLedger('2026-11-17'), at('2026-11-17', '10:00'));
    const after = recordDone(ddLedger('2026-11-17'), first.actions, () => at('2026-11-17', '11:00'));
    const later = plan(after, at('2026-11-19', '10:00')).actions;
    expect(later.map((a) => a.stepId)).toEqual(['late_payment_call']);
    expect(later.flatMap((a) => a.reasons).some((r) => r.code === 'failed_direct_debit')).toBe(false);
  });

  it('when a ladder step is due the same day as the follow-up, then one contact carries both (the failure is explained in it)', () => {
    const ledger = aLedger({ invoices: [{ ...ddInvoice, dueDate: '2026-11-16' }], mandates: [mandate], failedCollections: [failed('2026-11-18')] });
    const { actions } = plan(ledger, at('2026-11-18', '10:00'));
    expect(actions.map((a) => a.stepId)).toEqual(['late_payment_call']);
    expect(actions[0]!.reasons.map((r) => r.code)).toEqual(['step_due', 'failed_direct_debit']);
  });

  it('when the customer is a habitual late payer, then the failed-debit follow-up still stays friendly', () => {
    const ledger = { ...ddLedger('2026-11-17'), invoices: [ddInvoice, ...latePaid] };
    expect(plan(ledger, at('2026-11-17', '10:00')).actions.map((a) => a.tone)).toEqual(['friendly']);
  });
});

describe('broken promise', () => {
  // Due 01-10-2026; call done 05-10; promise made 05-10 for 10-10 (broken after the 1-day grace, on 12-10).
  const ledger = aLedger({
    invoices: [anInvoice({ externalId: 'a', issueDate: '2026-09-01', dueDate: '2026-10-01' })],
    promises: [aPromise({ invoiceExternalIds: ['a'], madeOn: '2026-10-05', promisedDate: '2026-10-10' })],
    history: [{ key: 'k1', companyId: 'c1', stepId: 'late_payment_call', kind: 'call', doneAt: at('2026-10-05', '10:00'), invoiceExternalIds: ['a'] }],
    profile: aProfile({ ownerId: 'owner-9' }),
  });

  it('when the promise is not yet broken, then nothing is planned (the invoice waits)', () => {
    expect(plan(ledger, at('2026-10-09', '10:00')).actions).toEqual([]);
  });

  it('when the promise is broken, then the ladder jumps to the formal reminder at once, firmly, and the account owner is informed', () => {
    const { actions } = plan(ledger, at('2026-10-13', '10:00'));
    expect(actions.map((a) => [a.stepId, a.tone, a.ownerId, a.notifyOwnerId, local(a.dueAt)])).toEqual([
      ['formal_reminder', 'firm', 'cc-1', 'owner-9', '2026-10-13 10:00'],
    ]);
    expect(actions[0]!.reasons).toContainEqual({ code: 'promise_broken', params: { promiseId: 'ptp-1', promisedDate: '2026-10-10' } });
  });

  it('when the ladder is already past the formal reminder, then the next step comes at once', () => {
    const further = { ...ledger, history: [...ledger.history, { key: 'k2', companyId: 'c1', stepId: 'formal_reminder', kind: 'email' as const, doneAt: at('2026-10-06', '10:00'), invoiceExternalIds: ['a'] }] };
    expect(plan(further, at('2026-10-13', '10:00')).actions.map((a) => [a.stepId, a.tone])).toEqual([['final_notice', 'firm']]);
  });

  it('when the broken promise was followed up, then it does not jump again', () => {
    const first = plan(ledger, at('2026-10-13', '10:00'));
    const after = recordDone(ledger, first.actions, (a) => a.dueAt);
    expect(plan(after, at('2026-10-14', '10:00')).actions).toEqual([]);
  });
});

describe('tone follows behaviour', () => {
  const open = anInvoice({ externalId: 'a', issueDate: '2026-10-17', dueDate: '2026-11-16' });
  const cases = [
    { name: 'when the customer pays on time, then the late-payment call is friendly', invoices: [open], tone: 'friendly', habitual: false },
    { name: 'when the customer is a habitual late payer, then the call is one notch firmer', invoices: [open, ...latePaid], tone: 'neutral', habitual: true },
  ];
  it.each(cases)('$name', ({ invoices, tone, habitual }) => {
    const history = [{ key: 'r', companyId: 'c1', stepId: 'due_date_reminder', kind: 'email' as const, doneAt: at('2026-11-16', '09:00'), invoiceExternalIds: ['a'] }];
    const [action] = plan(aLedger({ invoices, history }), at('2026-11-18', '08:00')).actions;
    expect([action!.stepId, action!.tone]).toEqual(['late_payment_call', tone]);
    expect(action!.reasons.some((r) => r.code === 'habitual_late_payer')).toBe(habitual);
  });
});

describe('bundling per customer and currency', () => {
  it('when invoices in two currencies are overdue, then one contact a day: one currency today with all its invoices and their total, the other the next business day', () => {
    const invoices = [
      anInvoice({ externalId: 'e1', issueDate: '2026-09-01', dueDate: '2026-10-01', amount: money(120_000, 'EUR') }),
      anInvoice({ externalId: 'e2', issueDate: '2026-09-20', dueDate: '2026-10-20', amount: money(30_050, 'EUR') }),
      anInvoice({ externalId: 'u1', issueDate: '2026-09-05', dueDate: '2026-10-05', amount: money(99_900, 'USD') }),
      anInvoice({ externalId: 'e3', issueDate: '2026-10-25', dueDate: '2026-11-24', amount: money(10_000, 'EUR') }),
    ];
    const friday = plan(aLedger({ invoices }), at('2026-10-23', '10:00'));
    expect(friday.actions.map((a) => [a.currency, a.stepId, a.invoiceExternalIds, a.amount.minor])).toEqual([['EUR', 'formal_reminder', ['e1', 'e2'], 150_050]]);
    const done = recordDone(aLedger({ invoices }), friday.actions, () => at('2026-10-23', '10:00'));
    expect(plan(done, at('2026-10-23', '15:00')).actions).toEqual([]);
    const monday = plan(done, at('2026-10-26', '10:00'));
    expect(monday.actions.map((a) => [a.currency, a.stepId, a.invoiceExternalIds, a.amount.minor])).toEqual([['USD', 'formal_reminder', ['u1'], 99_900]]);
  });
});
