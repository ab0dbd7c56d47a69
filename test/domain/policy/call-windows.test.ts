import { describe, expect, it } from 'vitest';
import { aLedger, anInvoice, aProfile } from '../builders';
import { at, local, plan } from './support';

// Invoice due Mon 16-11-2026: the late-payment call is due from Wed 18-11 until the formal reminder (30-11).
const ledger = aLedger({ invoices: [anInvoice({ externalId: 'a', issueDate: '2026-10-17', dueDate: '2026-11-16' })] });
const history = [{ key: 'manual', companyId: 'c1', stepId: 'due_date_reminder', kind: 'email' as const, doneAt: at('2026-11-16', '09:00'), invoiceExternalIds: ['a'] }];

const cases = [
  { name: 'when it is Monday morning, then the call waits until Monday 13:00', now: at('2026-11-23', '08:00'), expected: '2026-11-23 13:00' },
  { name: 'when it is Friday afternoon, then the call moves to Monday 13:00', now: at('2026-11-20', '13:00'), expected: '2026-11-23 13:00' },
  { name: 'when it is Saturday, then the call is on Monday after lunch', now: at('2026-11-21', '10:00'), expected: '2026-11-23 13:00' },
  { name: 'when it is Tuesday 10:07, then the call is due at the next quarter hour', now: at('2026-11-24', '10:07'), expected: '2026-11-24 10:15' },
  { name: 'when it is Wednesday after working hours, then the call is Thursday 09:00', now: at('2026-11-25', '17:30'), expected: '2026-11-26 09:00' },
  { name: 'when it is Thursday 16:50, then the window closes at 17:00 and the call is Friday 09:00', now: at('2026-11-19', '16:50'), expected: '2026-11-20 09:00' },
  { name: 'when it is Friday 11:00, then the call fits before noon', now: at('2026-11-20', '11:00'), expected: '2026-11-20 11:00' },
  { name: 'when it is Tuesday 12:10, then the call waits until the lunch hour is over', now: at('2026-11-24', '12:10'), expected: '2026-11-24 13:00' },
  { name: 'when it is Tuesday 11:30, then the call fits before lunch', now: at('2026-11-24', '11:30'), expected: '2026-11-24 11:30' },
  { name: 'when it is Tuesday 11:50, then the next quarter hour is lunch, so the call is at 13:00', now: at('2026-11-24', '11:50'), expected: '2026-11-24 13:00' },
];

describe('call windows (Europe/Amsterdam)', () => {
  it.each(cases)('$name', ({ now, expected }) => {
    const { actions } = plan({ ...ledger, history }, now);
    expect(actions.map((a) => [a.stepId, a.action, local(a.dueAt)])).toEqual([['late_payment_call', 'call', expected]]);
  });

  it("when the customer gave good call times, then the call uses them (Wednesday 14:00) and not the policy's", () => {
    const profile = aProfile({ callWindows: [{ weekday: 3, fromHour: 14, toHour: 16 }] });
    const { actions } = plan({ ...ledger, history, profile }, at('2026-11-23', '08:00'));
    expect(actions.map((a) => local(a.dueAt))).toEqual(['2026-11-25 14:00']);
  });

  it.each([
    { now: at('2026-11-24', '10:00'), expected: '2026-11-24 18:00', why: 'Tuesday morning: the same evening' },
    { now: at('2026-11-24', '19:20'), expected: '2026-11-24 19:30', why: 'Tuesday 19:20: still this evening' },
    { now: at('2026-11-26', '20:30'), expected: '2026-11-30 18:00', why: 'Thursday after 20:00: no Friday evening, so Monday' },
  ])('when the customer is a consumer ($why), then the call is in an evening window', ({ now, expected }) => {
    const { actions } = plan({ ...ledger, history, profile: aProfile({ customerType: 'consumer' }) }, now);
    expect(actions.filter((a) => a.action === 'call').map((a) => local(a.dueAt))).toEqual([expected]);
  });

  it('when a non-call action is due on Monday morning, then it may be at 09:00 (only calls avoid Monday morning)', () => {
    // Formal reminder due Mon 30-11-2026 (16-11 + 14).
    const done = [...history, { key: 'c', companyId: 'c1', stepId: 'late_payment_call', kind: 'call' as const, doneAt: at('2026-11-18', '10:00'), invoiceExternalIds: ['a'] }];
    const { actions } = plan({ ...ledger, history: done }, at('2026-11-30', '07:00'));
    expect(actions.map((a) => [a.stepId, local(a.dueAt)])).toEqual([['formal_reminder', '2026-11-30 09:00']]);
  });
});
