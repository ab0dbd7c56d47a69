import { describe, expect, it } from 'vitest';
import { activePauses, isCustomerPaused, isInvoicePaused, type ActivePause } from '../../src/domain/pauses';
import { money } from '../../src/domain/money';
import { aDispute, aLedger, anArrangement, anInvoice, aProfile, aPromise } from './builders';

const asOf = '2026-02-10';
const inv1 = anInvoice({ externalId: 'inv-1' });

describe('activePauses', () => {
  it.each<{ name: string; ledger: ReturnType<typeof aLedger>; want: ActivePause[] }>([
    { name: 'when nothing holds, then no pauses', ledger: aLedger({ invoices: [inv1] }), want: [] },
    {
      name: 'when a dispute is open on an invoice, then a dispute pause for it',
      ledger: aLedger({ invoices: [inv1], disputes: [aDispute()] }),
      want: [{ kind: 'dispute', invoiceExternalId: 'inv-1', disputeId: 'dsp-1' }],
    },
    { name: 'when the dispute is resolved, then no pause', ledger: aLedger({ invoices: [inv1], disputes: [aDispute({ resolvedOn: '2026-02-09' })] }), want: [] },
    {
      name: 'when a promise is not yet due, then a promise pause until promised date + grace',
      ledger: aLedger({ invoices: [inv1], promises: [aPromise()] }),
      want: [{ kind: 'promise', promiseId: 'ptp-1', until: '2026-02-16', invoiceExternalIds: ['inv-1'] }],
    },
    { name: 'when the promise is broken, then no pause', ledger: aLedger({ invoices: [inv1], promises: [aPromise({ promisedDate: '2026-02-07' })] }), want: [] },
    {
      name: 'when an arrangement is on track, then an arrangement pause',
      ledger: aLedger({ invoices: [inv1], arrangements: [anArrangement()] }),
      want: [{ kind: 'arrangement', arrangementId: 'arr-1', invoiceExternalIds: ['inv-1'] }],
    },
    {
      name: 'when an invoice is collected by direct debit, then a pause until due date + 14',
      ledger: aLedger({ invoices: [anInvoice({ directDebit: true })] }),
      want: [{ kind: 'direct_debit', invoiceExternalId: 'inv-1', until: '2026-02-14' }],
    },
    {
      name: 'when its collection failed, then no direct-debit pause',
      ledger: aLedger({ invoices: [anInvoice({ directDebit: true })], failedCollections: [{ id: 'f', companyId: 'c1', invoiceExternalId: 'inv-1', date: '2026-02-01', reason: 'insufficient_funds' }] }),
      want: [],
    },
    {
      name: 'when every mandate is revoked, then no direct-debit pause',
      ledger: aLedger({ invoices: [anInvoice({ directDebit: true })], mandates: [{ companyId: 'c1', reference: 'm', signedOn: '2025-01-01', revokedOn: '2026-01-15' }] }),
      want: [],
    },
    {
      name: 'when the customer opted out indefinitely, then an opt-out pause without end',
      ledger: aLedger({ profile: aProfile({ optOut: { since: '2026-01-01' } }) }),
      want: [{ kind: 'opt_out' }],
    },
    { name: 'when the opt-out has ended, then no pause', ledger: aLedger({ profile: aProfile({ optOut: { since: '2026-01-01', until: '2026-02-09' } }) }), want: [] },
    {
      name: 'when a manual pause covers today (inclusive end), then a manual pause',
      ledger: aLedger({ profile: aProfile({ pauses: [{ reason: 'holiday', from: '2026-02-01', until: '2026-02-10' }] }) }),
      want: [{ kind: 'manual', until: '2026-02-10', reason: 'holiday' }],
    },
  ])('$name', ({ ledger, want }) => {
    expect(activePauses(ledger, asOf)).toEqual(want);
  });

  it.each([
    { name: 'when the balance is below the tolerance, then that currency pauses', open: 999, want: [{ kind: 'below_tolerance', currency: 'EUR' }] },
    { name: 'when the balance equals the tolerance, then no pause', open: 1_000, want: [] },
  ])('$name', ({ open, want }) => {
    const ledger = aLedger({ invoices: [anInvoice({ amount: money(open, 'EUR') }), anInvoice({ externalId: 'u', amount: money(5, 'USD') })] });
    expect(activePauses(ledger, asOf, { toleranceMinor: { EUR: 1_000 } })).toEqual(want);
  });
});

describe('isInvoicePaused / isCustomerPaused', () => {
  const eurInvoice = anInvoice({ externalId: 'inv-1' });
  const usdInvoice = anInvoice({ externalId: 'inv-u', amount: money(1, 'USD') });
  it.each<{ name: string; pauses: ActivePause[]; invoice1: boolean; invoice2: boolean /* inv-u, a USD invoice */; customer: boolean }>([
    { name: 'when a dispute is on inv-1, then only inv-1 pauses', pauses: [{ kind: 'dispute', invoiceExternalId: 'inv-1', disputeId: 'd' }], invoice1: true, invoice2: false, customer: false },
    { name: 'when a promise lists inv-1, then only inv-1 pauses', pauses: [{ kind: 'promise', promiseId: 'p', until: '2026-03-01', invoiceExternalIds: ['inv-1'] }], invoice1: true, invoice2: false, customer: false },
    { name: 'when a promise covers the balance, then the whole customer pauses', pauses: [{ kind: 'promise', promiseId: 'p', until: '2026-03-01', invoiceExternalIds: [] }], invoice1: true, invoice2: true, customer: true },
    { name: 'when opted out, then everything pauses', pauses: [{ kind: 'opt_out' }], invoice1: true, invoice2: true, customer: true },
    { name: 'when EUR is below tolerance, then EUR invoices pause but USD ones do not', pauses: [{ kind: 'below_tolerance', currency: 'EUR' }], invoice1: true, invoice2: false, customer: false },
  ])('$name', ({ pauses, invoice1, invoice2, customer }) => {
    expect(isInvoicePaused(eurInvoice, pauses)).toBe(invoice1);
    expect(isInvoicePaused(usdInvoice, pauses)).toBe(invoice2);
    expect(isCustomerPaused(pauses)).toBe(customer);
  });

  it('when a currency is given, then below tolerance of that currency pauses the customer in it', () => {
    expect(isCustomerPaused([{ kind: 'below_tolerance', currency: 'EUR' }], 'EUR')).toBe(true);
    expect(isCustomerPaused([{ kind: 'below_tolerance', currency: 'EUR' }], 'USD')).toBe(false);
  });
});
