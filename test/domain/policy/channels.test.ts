import { describe, expect, it } from 'vitest';
import type { Channel, Reachability } from '../../../src/domain/ledger';
import { aLedger, anInvoice, aProfile } from '../builders';
import { at, plan } from './support';

const reach = (r: Partial<Reachability>): Reachability => ({ email: true, phone: true, whatsapp: false, post: true, ...r });
const invoice = anInvoice({ externalId: 'a', issueDate: '2026-10-16', dueDate: '2026-11-16' });
const done = (stepId: string, date: string) => ({ key: `k-${stepId}`, companyId: 'c1', stepId, kind: 'email' as const, doneAt: at(date, '09:00'), invoiceExternalIds: ['a'] });

// Moments: receipt check 21-10, due-date reminder 16-11, call 18-11, formal reminder 30-11.
const cases: { name: string; now: string; channels: Channel[]; reachability: Reachability; history: ReturnType<typeof done>[]; expected: [string, string, string] }[] = [
  { name: 'when the customer prefers the phone, then the receipt check is a call', now: '2026-10-21',
    channels: ['phone', 'email'], reachability: reach({}), history: [], expected: ['receipt_check', 'call', 'phone'] },
  { name: 'when the customer prefers e-mail, then the receipt check is an e-mail', now: '2026-10-21',
    channels: ['email', 'phone'], reachability: reach({}), history: [], expected: ['receipt_check', 'email', 'email'] },
  { name: 'when the customer prefers WhatsApp and is reachable there, then the due-date reminder is a WhatsApp message', now: '2026-11-16',
    channels: ['whatsapp', 'email'], reachability: reach({ whatsapp: true }), history: [done('receipt_check', '2026-10-21')], expected: ['due_date_reminder', 'whatsapp', 'whatsapp'] },
  { name: 'when the customer prefers WhatsApp but is not reachable there, then the reminder is an e-mail', now: '2026-11-16',
    channels: ['whatsapp', 'email'], reachability: reach({ whatsapp: false }), history: [done('receipt_check', '2026-10-21')], expected: ['due_date_reminder', 'email', 'email'] },
  { name: 'when there is no phone number, then the late-payment call becomes an e-mail', now: '2026-11-18',
    channels: ['phone'], reachability: reach({ phone: false }), history: [done('due_date_reminder', '2026-11-16')], expected: ['late_payment_call', 'email', 'email'] },
  { name: 'when there is neither phone nor e-mail, then the late-payment call becomes a letter', now: '2026-11-18',
    channels: ['phone'], reachability: reach({ phone: false, email: false }), history: [done('due_date_reminder', '2026-11-16')], expected: ['late_payment_call', 'letter', 'post'] },
  { name: 'when there is no e-mail address, then the formal reminder becomes a letter', now: '2026-11-30',
    channels: ['email'], reachability: reach({ email: false }), history: [done('late_payment_call', '2026-11-18')], expected: ['formal_reminder', 'letter', 'post'] },
];

describe('channel order and fallbacks', () => {
  it.each(cases)('$name', ({ now, channels, reachability, history, expected }) => {
    const ledger = aLedger({ invoices: [invoice], profile: aProfile({ channels, reachability }), history });
    const { actions } = plan(ledger, at(now, '08:00'));
    expect(actions.map((a) => [a.stepId, a.action, a.channel])).toEqual([expected]);
    const fellBack = actions[0]!.reasons.some((r) => r.code === 'channel_fallback');
    expect(fellBack).toBe(!channels.includes(expected[2] as Channel));
  });
});
