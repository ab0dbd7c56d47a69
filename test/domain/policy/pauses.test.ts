import { describe, expect, it } from 'vitest';
import type { CustomerLedger } from '../../../src/domain/ledger';
import { money } from '../../../src/domain/money';
import { aDispute, aLedger, anArrangement, anInvoice, aPayment, aProfile, aPromise } from '../builders';
import { at, plan } from './support';

// Two overdue invoices (due 01-10 and 05-10-2026); on 20-10 the formal reminder for the cycle is due.
const a = anInvoice({ externalId: 'a', issueDate: '2026-09-01', dueDate: '2026-10-01' });
const b = anInvoice({ externalId: 'b', issueDate: '2026-09-05', dueDate: '2026-10-05' });
const base = aLedger({ invoices: [a, b] });
const now = at('2026-10-20', '10:00');

const cases: { name: string; ledger: CustomerLedger; planned: string[]; skipped: { code: string; kind?: string; ids: string[] }[] }[] = [
  { name: 'when nothing holds, then both invoices are in one action', ledger: base, planned: ['a', 'b'], skipped: [] },
  { name: 'when invoice a is disputed, then only a is held and b is still chased',
    ledger: { ...base, disputes: [aDispute({ invoiceExternalId: 'a', openedOn: '2026-10-10' })] },
    planned: ['b'], skipped: [{ code: 'paused', kind: 'dispute', ids: ['a'] }] },
  { name: 'when the dispute on a was resolved, then a is chased again',
    ledger: { ...base, disputes: [aDispute({ invoiceExternalId: 'a', openedOn: '2026-10-10', resolvedOn: '2026-10-15' })] },
    planned: ['a', 'b'], skipped: [] },
  { name: 'when a promise on a is not yet due, then a is held until the promised date',
    ledger: { ...base, promises: [aPromise({ invoiceExternalIds: ['a'], madeOn: '2026-10-15', promisedDate: '2026-10-25' })] },
    planned: ['b'], skipped: [{ code: 'paused', kind: 'promise', ids: ['a'] }] },
  { name: 'when an arrangement on a is on track, then a is held',
    ledger: { ...base, arrangements: [anArrangement({ invoiceExternalIds: ['a'], agreedOn: '2026-10-10', instalments: [{ dueDate: '2026-11-01', amount: money(100_000, 'EUR') }] })] },
    planned: ['b'], skipped: [{ code: 'paused', kind: 'arrangement', ids: ['a'] }] },
  { name: 'when an arrangement missed an instalment, then it no longer holds',
    ledger: { ...base, arrangements: [anArrangement({ invoiceExternalIds: ['a'], agreedOn: '2026-10-02', instalments: [{ dueDate: '2026-10-10', amount: money(50_000, 'EUR') }, { dueDate: '2026-11-10', amount: money(50_000, 'EUR') }] })] },
    planned: ['a', 'b'], skipped: [] },
  { name: 'when b is collected by an active direct debit (within 14 days of its due date), then b is held',
    ledger: { ...base, invoices: [a, { ...b, dueDate: '2026-10-10', directDebit: true }], mandates: [{ companyId: 'c1', reference: 'M1', signedOn: '2026-01-01' }] },
    planned: ['a'], skipped: [{ code: 'paused', kind: 'direct_debit', ids: ['b'] }] },
  { name: 'when the direct debit waited more than 14 days past due without a collection, then b is chased again',
    ledger: { ...base, invoices: [a, { ...b, directDebit: true }], mandates: [{ companyId: 'c1', reference: 'M1', signedOn: '2026-01-01' }] },
    planned: ['a', 'b'], skipped: [] },
  { name: 'when the customer opted out, then nothing is planned',
    ledger: { ...base, profile: aProfile({ optOut: { since: '2026-10-01' } }) },
    planned: [], skipped: [{ code: 'opted_out', ids: ['a', 'b'] }] },
  { name: 'when the opt-out expired yesterday, then chasing resumes',
    ledger: { ...base, profile: aProfile({ optOut: { since: '2026-10-01', until: '2026-10-19' } }) },
    planned: ['a', 'b'], skipped: [] },
  { name: 'when a manual pause runs until tomorrow, then nothing is planned',
    ledger: { ...base, profile: aProfile({ pauses: [{ reason: 'spoke to CFO', from: '2026-10-15', until: '2026-10-21' }] }) },
    planned: [], skipped: [{ code: 'paused', kind: 'manual', ids: ['a', 'b'] }] },
  { name: 'when the balance is under the tolerance (€5), then nothing is planned',
    ledger: { ...base, invoices: [{ ...a, open: money(300, 'EUR') }] },
    planned: [], skipped: [{ code: 'paused', kind: 'below_tolerance', ids: ['a'] }] },
  { name: 'when pauses stack (dispute on a, promise on b), then nothing is planned and both reasons show',
    ledger: { ...base, disputes: [aDispute({ invoiceExternalId: 'a', openedOn: '2026-10-10' })], promises: [aPromise({ invoiceExternalIds: ['b'], madeOn: '2026-10-15', promisedDate: '2026-10-25' })] },
    planned: [], skipped: [{ code: 'paused', kind: 'dispute', ids: ['a'] }, { code: 'paused', kind: 'promise', ids: ['b'] }] },
  { name: 'when a is paid in full, then only b is chased and a is not listed anywhere',
    ledger: { ...base, invoices: [{ ...a, open: money(0, 'EUR'), status: 'paid', paidDate: '2026-10-12' }, b], payments: [aPayment({ invoiceExternalId: 'a', date: '2026-10-12' })] },
    planned: ['b'], skipped: [] },
];

describe('stacked pauses with expiry', () => {
  it.each(cases)('$name', ({ ledger, planned, skipped }) => {
    const result = plan(ledger, now);
    expect(result.actions.flatMap((x) => x.invoiceExternalIds)).toEqual(planned);
    expect(result.actions.length).toBe(planned.length > 0 ? 1 : 0);
    expect(result.skipped.map((s) => ({ code: s.reason.code, ...(s.reason.code === 'paused' ? { kind: s.reason.params.kind } : {}), ids: s.invoiceExternalIds })))
      .toEqual(skipped);
  });

  it('when the customer is paused, then the position still shows the pause and its end', () => {
    const ledger = { ...base, profile: aProfile({ pauses: [{ reason: 'holiday', from: '2026-10-15', until: '2026-10-21' }] }) };
    expect(plan(ledger, now).position.paused).toEqual([{ kind: 'manual', invoiceExternalIds: [], until: '2026-10-21' }]);
  });
});
