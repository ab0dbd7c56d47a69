import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCredit, indexOpenItems, settle, type OpenItem } from '../../../src/domain/cash-application/apply-credit';
import { money } from '../../../src/domain/money';

const item = (externalId: string, companyId: string, open: number, extra: Partial<OpenItem> = {}): OpenItem => ({
  externalId, companyId, number: externalId, open: money(open, 'EUR'), dueDate: '2027-03-01', ...extra,
});
const nobody = { companyByIban: () => undefined, companyByName: () => undefined };
const credit = (minor: number, extra: { reference?: string; remittance?: string; counterpartyIban?: string } = {}) => ({ amount: money(minor, 'EUR'), remittance: '', ...extra });

describe('applyCredit', () => {
  it('when the reference is printed in groups in the remittance text, then it still finds the invoice', () => {
    const index = indexOpenItems([item('A', '1', 10_000, { paymentReference: '5000056789012345' })]);
    expect(applyCredit(credit(10_000, { remittance: 'kenmerk 5000 0567 8901 2345' }), index, nobody)).toMatchObject({ kind: 'applied', by: 'reference', allocations: [{ invoiceExternalId: 'A' }] });
  });

  it('when invoice numbers of two companies are named, then nothing is decided', () => {
    const index = indexOpenItems([item('X-1', '1', 100), item('X-2', '2', 100)]);
    expect(applyCredit(credit(200, { remittance: 'X-1 X-2' }), index, nobody)).toEqual({ kind: 'unapplied', reason: 'several_companies' });
  });

  it('when a payer is known but two invoices have the amount, then it waits with the company named', () => {
    const index = indexOpenItems([item('A', '7', 500, { dueDate: '2027-01-01' }), item('B', '7', 500), item('C', '7', 300)]);
    const payers = { companyByIban: (iban: string) => (iban === 'NL01' ? '7' : undefined), companyByName: () => undefined };
    expect(applyCredit(credit(500, { counterpartyIban: 'NL01' }), index, payers)).toEqual({ kind: 'unapplied', reason: 'amount_matches_no_single_invoice', companyId: '7' });
    expect(applyCredit(credit(1300, { counterpartyIban: 'NL01' }), index, payers)).toMatchObject({ kind: 'applied', by: 'amount_and_payer' });
  });

  it('when a credit is applied, then settle takes it off so the same file cannot pay the invoice twice', () => {
    const index = indexOpenItems([item('A', '1', 1000)]);
    const first = applyCredit(credit(1000, { remittance: 'A' }), index, nobody);
    if (first.kind === 'applied') settle(index, first.allocations);
    expect(applyCredit(credit(1000, { remittance: 'A' }), index, nobody)).toEqual({ kind: 'unapplied', reason: 'no_match' });
  });

  it('when any credit meets any open items of one company, then allocations plus remainder are the credit, no invoice gets more than it owes, oldest due first', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ open: fc.integer({ min: 1, max: 1_000_000 }), due: fc.integer({ min: 1, max: 28 }) }), { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 1, max: 5_000_000 }),
      (opens, amount) => {
        const items = opens.map((o, i) => item(`INV-${i}`, '1', o.open, { dueDate: `2027-02-${String(o.due).padStart(2, '0')}` }));
        const decision = applyCredit(credit(amount, { remittance: items.map((i) => i.number).join(' ') }), indexOpenItems(items), nobody);
        expect(decision.kind).toBe('applied');
        if (decision.kind !== 'applied') return;
        const total = decision.allocations.reduce((s, a) => s + a.amount.minor, 0);
        expect(total + decision.remainder.minor).toBe(amount);
        expect(decision.remainder.minor).toBeGreaterThanOrEqual(0);
        for (const a of decision.allocations) expect(a.amount.minor).toBeLessThanOrEqual(items.find((i) => i.externalId === a.invoiceExternalId)!.open.minor);
        const dues = decision.allocations.map((a) => items.find((i) => i.externalId === a.invoiceExternalId)!.dueDate);
        expect([...dues].sort()).toEqual(dues);
      },
    ));
  });
});
