import { describe, expect, it } from 'vitest';
import { aLedger, anInvoice, aProfile } from '../builders';
import { at, local, plan } from './support';

const ledger = aLedger({
  invoices: [anInvoice({ externalId: 'a', issueDate: '2026-09-01', dueDate: '2026-10-01' })],
  profile: aProfile({ ownerId: 'owner-9', accountsPayableContactId: 'ap-1', decisionMakerContactId: 'dm-1' }),
  history: [{ key: 'k', companyId: 'c1', stepId: 'late_payment_call', kind: 'call', doneAt: at('2026-10-05', '10:00'), invoiceExternalIds: ['a'] }],
});

describe('ladder position, owners and contacts', () => {
  it('when the next step is still in the future, then nothing is planned and the position shows what comes next and when', () => {
    const result = plan(ledger, at('2026-10-08', '10:00'));
    expect(result.actions).toEqual([]);
    expect(result.position.currentStepId).toBe('late_payment_call');
    expect(result.position.lastDone).toEqual({ stepId: 'late_payment_call', doneAt: at('2026-10-05', '10:00') });
    expect({ ...result.position.next, dueAt: local(result.position.next!.dueAt) }).toEqual({ stepId: 'formal_reminder', action: 'email', dueAt: '2026-10-15 09:00' });
  });

  it('when a step is planned, then it is the current step and the next one follows it', () => {
    const result = plan(ledger, at('2026-10-15', '08:00'));
    expect(result.actions.map((a) => [a.stepId, a.ownerId, a.contactId])).toEqual([['formal_reminder', 'cc-1', 'ap-1']]);
    expect(result.position.currentStepId).toBe('formal_reminder');
    expect(result.position.next?.stepId).toBe('final_notice');
  });

  it('when the escalation is due, then it goes to the account owner and the decision maker', () => {
    const done = ['formal_reminder', 'final_notice'].map((stepId, i) => ({ key: `d${i}`, companyId: 'c1', stepId, kind: 'email' as const, doneAt: at(`2026-10-${15 + i}`, '10:00'), invoiceExternalIds: ['a'] }));
    const result = plan({ ...ledger, history: [...ledger.history, ...done] }, at('2026-11-16', '10:00'));
    expect(result.actions.map((a) => [a.stepId, a.action, a.ownerId, a.contactId])).toEqual([['escalation', 'escalation', 'owner-9', 'dm-1']]);
    expect(result.position.next).toBeUndefined();
  });

  it('when no credit controller is configured, then credit-controller tasks go to the account owner', () => {
    const result = plan(ledger, at('2026-10-15', '08:00'), { creditControllerOwnerId: undefined });
    expect(result.actions.map((a) => a.ownerId)).toEqual(['owner-9']);
  });
});
