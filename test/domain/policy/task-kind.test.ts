import { describe, expect, it } from 'vitest';
import { money } from '../../../src/domain/money';
import type { PlannedAction } from '../../../src/domain/policy/plan';
import { priorityFor, taskTypeFor } from '../../../src/domain/policy/task-kind';

const action = (over: Partial<PlannedAction> = {}): PlannedAction => ({
  key: 'rk1', companyId: 'c1', stepId: 'late_payment_call', action: 'call', channel: 'phone', dueAt: '2026-11-24T10:00:00.000Z',
  tone: 'friendly', ownerRule: 'credit_controller', currency: 'EUR', invoiceExternalIds: ['inv-1'], amount: money(100_000, 'EUR'),
  attention: { overdue: ['inv-1'], dueSoon: [] }, createsTask: true, reasons: [{ code: 'step_due', params: { stepId: 'late_payment_call', dueOn: '2026-11-20' } }], ...over,
});

describe('task type and priority of a planned action', () => {
  it('when mapping actions to task types, then only phone is a call and only e-mail an e-mail', () => {
    expect(taskTypeFor({ action: 'call', channel: 'phone' })).toBe('call');
    expect(taskTypeFor({ action: 'email', channel: 'email' })).toBe('email');
    expect(taskTypeFor({ action: 'whatsapp', channel: 'whatsapp' })).toBe('todo');
    expect(taskTypeFor({ action: 'letter', channel: 'post' })).toBe('todo');
    expect(taskTypeFor({ action: 'escalation', channel: 'phone' })).toBe('todo');
  });

  it('when choosing the priority, then a broken promise is high even for a de-prioritised customer', () => {
    expect(priorityFor('at_risk', action())).toBe('high');
    expect(priorityFor('deprioritised', action())).toBe('low');
    expect(priorityFor('deprioritised', action({ reasons: [{ code: 'promise_broken', params: { promiseId: 'p1', promisedDate: '2026-11-10' } }] }))).toBe('high');
    expect(priorityFor('standard', action())).toBe('medium');
  });

  it('when a direct debit failed, then the task is high priority for any segment', () => {
    expect(priorityFor('current', action({ reasons: [{ code: 'failed_direct_debit', params: { reason: 'insufficient_funds', failedOn: '2026-11-10', invoiceExternalId: 'inv-1' } }] }))).toBe('high');
  });
});
