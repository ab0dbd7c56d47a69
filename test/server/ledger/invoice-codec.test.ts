import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../../src/domain/ledger';
import { decodeInvoice, encodeInvoice } from '../../../src/server/ledger/invoice-codec';

const invoice: Invoice = {
  externalId: 'F-1', number: 'F-1', kind: 'invoice', companyId: '101', contactId: '7', amount: { minor: 121_000, currency: 'EUR' },
  open: { minor: 21_000, currency: 'EUR' }, issueDate: '2026-11-01', dueDate: '2026-12-01', paymentTermDays: 30, status: 'open',
  paidDate: '2026-12-02', directDebit: false, sourceVersion: '2026-12-02T10:00:00.000Z', paymentReference: 'RF18539007547034', payeeIban: 'NL91ABNA0417164300',
};

describe('how an invoice is stored', () => {
  it('when an invoice is stored and read back, then it is the same invoice, in less than two thirds of the bytes', () => {
    const stored = encodeInvoice(invoice);
    expect(decodeInvoice(stored)).toEqual(invoice);
    expect(stored.length).toBeLessThan((JSON.stringify(invoice).length * 2) / 3);
  });

  it('when a field has no short name (one added later), then it is kept under its own name', () => {
    const later = { ...invoice, collectionAgency: 'Incasso BV' } as Invoice;
    expect(decodeInvoice(encodeInvoice(later))).toEqual(later);
  });

  it('when a value was written before the codec (long names, amount objects), then it reads back the same', () => {
    expect(decodeInvoice(JSON.stringify(invoice))).toEqual(invoice);
  });

  it('when an optional field is absent, then it stays absent', () => {
    const { contactId: _c, paidDate: _p, paymentReference: _r, payeeIban: _b, ...plain } = invoice;
    expect(Object.keys(decodeInvoice(encodeInvoice(plain)))).not.toContain('contactId');
    expect(decodeInvoice(encodeInvoice(plain))).toEqual(plain);
  });
});
