import { describe, expect, it } from 'vitest';
import { CALL_SCRIPT_EN, CALL_SCRIPT_NL } from '../../../src/domain/call-script';
import type { PlannedAction } from '../../../src/domain/policy/plan';
import { money } from '../../../src/domain/money';
import { taskInput } from '../../../src/server/hubspot/crm-mapping';
import { taskDraftFor } from '../../../src/server/scheduling/task-draft';
import { aLedger, anInvoice, aProfile } from '../../domain/builders';

const action = (over: Partial<PlannedAction> = {}): PlannedAction => ({
  key: 'rk1', companyId: 'c1', stepId: 'late_payment_call', action: 'call', channel: 'phone', dueAt: '2026-11-24T10:00:00.000Z',
  tone: 'friendly', ownerRule: 'credit_controller', currency: 'EUR', invoiceExternalIds: ['inv-1'], amount: money(100_000, 'EUR'),
  attention: { overdue: ['inv-1'], dueSoon: [] }, createsTask: true, reasons: [{ code: 'step_due', params: { stepId: 'late_payment_call', dueOn: '2026-11-20' } }], ...over,
});

describe('task drafts', () => {
  it('when a call task is drafted, then it carries the facts, a script, the key and the right owner', () => {
    const ledger = aLedger({ invoices: [anInvoice({ number: 'F-2026-0042', dueDate: '2026-11-01' })] });
    const d = taskDraftFor(action(), { ledger, timeZone: 'Europe/Amsterdam', language: 'en', segment: 'standard', companyOwnerId: '77', creditControllerOwnerId: '88' });
    expect(d.type).toBe('call');
    expect(d.subject).toBe('Call: payment reminder after the due date · €1,000.00 · F-2026-0042');
    expect(d.body).toContain('F-2026-0042');
    expect(d.body).toContain('23 days overdue');
    expect(d.body).toContain('rk1');
    expect(d.ownerId).toBe('77'); // the engine named no owner: the company owner before the credit controller
    expect(taskDraftFor(action({ ownerId: '5' }), { ledger, timeZone: 'Europe/Amsterdam', language: 'en', segment: 'standard', companyOwnerId: '77' }).ownerId).toBe('5');
    expect(taskDraftFor(action(), { ledger, timeZone: 'Europe/Amsterdam', language: 'en', segment: 'standard', creditControllerOwnerId: '88' }).ownerId).toBe('88');
  });

  it('when a call task is drafted, then its body carries the domain script in the portal\'s language: opening, three goals, top excuses', () => {
    const invoices = [anInvoice({ number: 'F-2026-0042', dueDate: '2026-11-01' })];
    // The customer speaks Dutch, the portal works in English: the credit controller reads the task, so it is English.
    const en = taskDraftFor(action(), { ledger: aLedger({ invoices, profile: aProfile({ language: 'nl' }) }), timeZone: 'Europe/Amsterdam', language: 'en', segment: 'standard' }).body;
    expect(en).toContain('Call script:');
    expect(en).toContain('Opening: Good day, this is [your name] from credit control. Am I speaking with the person who handles our invoices? I am calling about an open invoice of your company for €1,000.00.');
    expect(en).toContain(`1. ${CALL_SCRIPT_EN['goal.when']}`);
    expect(en).toContain('2. How much will be paid? Proposal: the full overdue amount, €1,000.00.');
    expect(en).toContain(`3. ${CALL_SCRIPT_EN['goal.how']}`);
    expect(en).toContain(`- ${CALL_SCRIPT_EN['excuse.invoice_not_received']} → ${CALL_SCRIPT_EN['answer.invoice_not_received']}`);
    expect(en).toContain(`- ${CALL_SCRIPT_EN['excuse.no_money']} → ${CALL_SCRIPT_EN['answer.no_money']}`);
    expect(en.match(/^- ".*" → /gm)).toHaveLength(4);
    expect(en).not.toContain(CALL_SCRIPT_EN['excuse.payer_away']);
    expect(en.length).toBeLessThan(3_000);

    const nl = taskDraftFor(action(), { ledger: aLedger({ invoices, profile: aProfile({ language: 'en' }) }), timeZone: 'Europe/Amsterdam', language: 'nl', segment: 'standard' }).body;
    expect(nl).toContain('Belscript:');
    expect(nl).toContain(`3. ${CALL_SCRIPT_NL['goal.how']}`);
    expect(nl).toContain(`- ${CALL_SCRIPT_NL['excuse.with_approval']} → ${CALL_SCRIPT_NL['answer.with_approval']}`);
    expect(nl).not.toContain(CALL_SCRIPT_EN['goal.how']);
  });

  it('when a task is not a call, then its body has no call script', () => {
    const ledger = aLedger({ invoices: [anInvoice()], profile: aProfile({ language: 'en' }) });
    const body = taskDraftFor(action({ action: 'email', channel: 'email' }), { ledger, timeZone: 'Europe/Amsterdam', language: 'en', segment: 'standard' }).body;
    expect(body).not.toContain('Call script');
    expect(body).not.toContain(CALL_SCRIPT_EN['goal.how']);
  });

  it('when a draft becomes a HubSpot input, then the properties and inline associations are HubSpot\'s', () => {
    const ledger = aLedger({ invoices: [anInvoice()] });
    const input = taskInput(taskDraftFor(action({ contactId: '900' }), { ledger, timeZone: 'Europe/Amsterdam', language: 'en', segment: 'at_risk' }));
    expect(input.properties).toMatchObject({ hs_task_type: 'CALL', hs_task_priority: 'HIGH', hs_task_status: 'NOT_STARTED', hs_timestamp: '2026-11-24T10:00:00.000Z', rd_action_key: 'rk1' });
    expect(input.associations).toEqual([
      { to: { id: 'c1' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }] },
      { to: { id: '900' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 204 }] },
    ]);
    expect(input.objectWriteTraceId).toBe('rk1');
  });
});
