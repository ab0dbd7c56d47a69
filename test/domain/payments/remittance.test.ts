import { describe, expect, it } from 'vitest';
import { applyCredit, indexOpenItems, type OpenItem } from '../../../src/domain/cash-application/apply-credit';
import type { PayLine } from '../../../src/domain/debtor-page/pay-selection';
import { money } from '../../../src/domain/money';
import { paymentReferenceFor } from '../../../src/domain/payments/payment-reference';
import { remittanceFor } from '../../../src/domain/payments/remittance';
import { rfReference } from '../../../src/domain/payments/rf-reference';

const line = (number: string, minor: number, scheme?: 'betalingskenmerk' | 'rf'): PayLine => ({
  invoiceExternalId: number, number, amount: money(minor, 'EUR'),
  ...(scheme ? { paymentReference: paymentReferenceFor(scheme, { number, externalId: `ext-${number}` }) } : {}),
});
const item = (l: PayLine, dueDate: string): OpenItem => ({
  externalId: l.invoiceExternalId, companyId: 'c1', number: l.number, open: l.amount, dueDate: dueDate as OpenItem['dueDate'],
  ...(l.paymentReference ? { paymentReference: l.paymentReference } : {}),
});
const noPayers = { companyByIban: () => undefined, companyByName: () => undefined };
/** Cash application reading the transfer the page asked for, as the bank reports it. */
const applied = (lines: readonly PayLine[], transfer: { reference?: string; text?: string }) => {
  const total = money(lines.reduce((s, l) => s + l.amount.minor, 0), 'EUR');
  return applyCredit({ amount: total, remittance: transfer.text ?? '', ...(transfer.reference ? { reference: transfer.reference } : {}) },
    indexOpenItems(lines.map((l, i) => item(l, `2027-01-${String(10 + i).padStart(2, '0')}`))), noPayers);
};

describe('remittanceFor', () => {
  it('when one invoice has a stored betalingskenmerk, then the transfer quotes exactly that as its structured reference, and cash application pays that invoice with it', () => {
    const l = line('KOR-1', 121_000, 'betalingskenmerk');
    const transfer = remittanceFor([l]);
    expect(transfer).toEqual({ reference: l.paymentReference!.replace(/\s/g, '') });
    expect(applied([l], transfer)).toMatchObject({ kind: 'applied', by: 'reference', allocations: [{ invoiceExternalId: 'KOR-1', amount: money(121_000, 'EUR') }] });
  });

  it('when one invoice has no stored reference, then it is an RF built from its number, as before', () => {
    expect(remittanceFor([line('KOR-1', 100)])).toEqual({ reference: rfReference('KOR-1') });
  });

  it('when several invoices all have a stored reference, then the text lists them so a combined transfer pays each in full', () => {
    const lines = [line('A-1', 10_000, 'betalingskenmerk'), line('A-2', 20_000, 'rf'), line('A-3', 30_000, 'betalingskenmerk')];
    const transfer = remittanceFor(lines);
    expect(transfer.reference).toBeUndefined();
    expect(transfer.text!.length).toBeLessThanOrEqual(140);
    const decision = applied(lines, transfer);
    expect(decision).toMatchObject({ kind: 'applied', by: 'reference', remainder: money(0, 'EUR') });
    expect(decision.kind === 'applied' && decision.allocations.map((a) => [a.invoiceExternalId, a.amount.minor])).toEqual([['A-1', 10_000], ['A-2', 20_000], ['A-3', 30_000]]);
  });

  it('when one of several has no stored reference, then the text is their numbers (a mix would leave that one unpaid)', () => {
    const lines = [line('A-1', 10_000, 'betalingskenmerk'), line('A-2', 20_000)];
    expect(remittanceFor(lines)).toEqual({ text: 'A-1 A-2' });
    expect(applied(lines, remittanceFor(lines))).toMatchObject({ kind: 'applied', remainder: money(0, 'EUR') });
  });

  it('when the references do not all fit in 140 characters, then the text stops at the last whole one', () => {
    const lines = Array.from({ length: 12 }, (_, i) => line(`${1000 + i}`, 100, 'betalingskenmerk'));
    const text = remittanceFor(lines).text!;
    expect(text.length).toBeLessThanOrEqual(140);
    expect(text.split(', ')).toEqual(lines.slice(0, text.split(', ').length).map((l) => l.paymentReference));
  });
});
