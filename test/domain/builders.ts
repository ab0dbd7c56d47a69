import type { ContactProfile, CustomerLedger, Invoice, Payment, PromiseToPay, PaymentArrangement, Dispute } from '../../src/domain/ledger';
import { money } from '../../src/domain/money';

/**
 * Test-only builders: sensible defaults (a EUR 1,000.00 invoice of company "c1", issued 2026-01-01, due in
 * 30 days, fully open) so a test only spells out what it is about. Shared by every domain test.
 */

export function anInvoice(overrides: Partial<Invoice> = {}): Invoice {
  const currency = overrides.amount?.currency ?? overrides.open?.currency ?? 'EUR';
  const amount = overrides.amount ?? money(100_000, currency);
  return {
    externalId: 'inv-1',
    number: 'F-2026-0001',
    kind: 'invoice',
    companyId: 'c1',
    amount,
    open: amount,
    issueDate: '2026-01-01',
    dueDate: '2026-01-31',
    paymentTermDays: 30,
    status: 'open',
    directDebit: false,
    sourceVersion: '1',
    ...overrides,
  };
}

/** A fully paid invoice: open 0, status paid, paid on `paidDate`. */
export function aPaidInvoice(paidDate: string, overrides: Partial<Invoice> = {}): Invoice {
  const base = anInvoice(overrides);
  return { ...base, open: money(0, base.amount.currency), status: 'paid', paidDate, ...overrides };
}

export function aPayment(overrides: Partial<Payment> = {}): Payment {
  return {
    externalId: 'pay-1',
    companyId: 'c1',
    invoiceExternalId: 'inv-1',
    amount: money(100_000, 'EUR'),
    date: '2026-02-01',
    method: 'bank_transfer',
    ...overrides,
  };
}

export function aPromise(overrides: Partial<PromiseToPay> = {}): PromiseToPay {
  return {
    id: 'ptp-1',
    companyId: 'c1',
    invoiceExternalIds: ['inv-1'],
    promisedDate: '2026-02-15',
    amount: money(100_000, 'EUR'),
    source: 'call',
    madeOn: '2026-02-05',
    ...overrides,
  };
}

export function anArrangement(overrides: Partial<PaymentArrangement> = {}): PaymentArrangement {
  return {
    id: 'arr-1',
    companyId: 'c1',
    invoiceExternalIds: ['inv-1'],
    agreedOn: '2026-02-05',
    instalments: [
      { dueDate: '2026-03-01', amount: money(50_000, 'EUR') },
      { dueDate: '2026-04-01', amount: money(50_000, 'EUR') },
    ],
    ...overrides,
  };
}

export function aDispute(overrides: Partial<Dispute> = {}): Dispute {
  return { id: 'dsp-1', companyId: 'c1', invoiceExternalId: 'inv-1', reason: 'quality', openedOn: '2026-02-02', ...overrides };
}

export function aProfile(overrides: Partial<ContactProfile> = {}): ContactProfile {
  return {
    companyId: 'c1',
    channels: ['email', 'phone', 'post'],
    reachability: { email: true, phone: true, whatsapp: false, post: true },
    callWindows: [],
    language: 'nl',
    customerType: 'business',
    relationshipTier: 'regular',
    pauses: [],
    ...overrides,
  };
}

/** An empty ledger of company "c1" (or `overrides.companyId`) with a default profile. */
export function aLedger(overrides: Partial<CustomerLedger> = {}): CustomerLedger {
  const companyId = overrides.companyId ?? 'c1';
  return {
    companyId,
    invoices: [],
    payments: [],
    mandates: [],
    failedCollections: [],
    disputes: [],
    promises: [],
    arrangements: [],
    profile: aProfile({ companyId }),
    history: [],
    ...overrides,
  };
}
