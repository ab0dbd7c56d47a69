import { describe, expect, it } from 'vitest';
import { applyCredit, indexOpenItems, type OpenItem } from '../../../src/domain/cash-application/apply-credit';
import { money } from '../../../src/domain/money';
import { rfReference } from '../../../src/domain/payments/rf-reference';

const item = (externalId: string, number: string, paymentReference?: string): OpenItem => ({
  externalId, companyId: 'c1', number, open: money(50_000, 'EUR'), dueDate: '2027-03-31', ...(paymentReference ? { paymentReference } : {}),
});
const nobody = { companyByIban: () => undefined, companyByName: () => undefined };

describe('an RF reference built from the invoice number (the debtor page\'s transfer)', () => {
  it('when the invoice carries a betalingskenmerk of its own, then a credit quoting RF..<number> still pays that invoice by reference', () => {
    const index = indexOpenItems([item('a', 'F2027-0001', '5000056789012345'), item('b', 'F2027-0002', '3010002167042021')]);
    const decision = applyCredit({ amount: money(50_000, 'EUR'), reference: rfReference('F2027-0001')!, remittance: '' }, index, nobody);
    expect(decision).toMatchObject({ kind: 'applied', by: 'reference', allocations: [{ invoiceExternalId: 'a' }] });
  });

  it('when the RF check digits are wrong, then its body is not read as a number', () => {
    const index = indexOpenItems([item('a', 'F2027-0001')]);
    const good = rfReference('F2027-0001')!;
    const broken = `RF${good.slice(2, 4) === '00' ? '01' : '00'}${good.slice(4)}`;
    expect(applyCredit({ amount: money(50_000, 'EUR'), reference: broken, remittance: '' }, index, nobody)).toMatchObject({ kind: 'unapplied' });
  });
});
