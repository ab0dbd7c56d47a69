import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bankedCreditOf, paidOnlineMatch, type PaidOnline } from '../../../src/domain/cash-application/paid-online';
import { money } from '../../../src/domain/money';
import { printReference, rfReference } from '../../../src/domain/payments/rf-reference';

const paid = (over: Partial<PaidOnline> = {}): PaidOnline => ({
  providerPaymentId: 'tr_AbC123', companyId: 'c1', amount: money(121_000, 'EUR'), invoices: [{ number: 'F-2027-1' }], ...over,
});
const credit = (over: { amount?: number; reference?: string; remittance?: string; key?: string } = {}) => ({
  key: over.key ?? 'k1', amount: money(over.amount ?? 121_000, 'EUR'), remittance: over.remittance ?? '', ...(over.reference ? { reference: over.reference } : {}),
});

describe('a bank credit that is a payment the provider already reported', () => {
  it('when the remittance names the provider\'s payment id, then it is that payment, whatever the amount (a payout can net fees)', () => {
    expect(paidOnlineMatch(credit({ amount: 120_971, remittance: 'Mollie tr_AbC123 payout' }), [paid()])).toEqual({ providerPaymentId: 'tr_AbC123', by: 'provider_id' });
    expect(paidOnlineMatch(credit({ remittance: 'tr_AbC1234' }), [paid()])).toBeUndefined();
  });

  it('when the amount is exact and a reference or number of its invoice is given, then it is that payment; either alone is not', () => {
    const rf = rfReference('F-2027-1')!;
    expect(paidOnlineMatch(credit({ reference: rf }), [paid()])?.by).toBe('amount_and_reference');
    expect(paidOnlineMatch(credit({ remittance: `betaling ${printReference(rf)}` }), [paid()])?.by).toBe('amount_and_reference');
    expect(paidOnlineMatch(credit({ remittance: 'Factuur F-2027-1.' }), [paid()])?.by).toBe('amount_and_reference');
    expect(paidOnlineMatch(credit({ reference: '5000056789012345' }), [paid({ invoices: [{ number: 'X', paymentReference: '5000 0567 8901 2345' }] })])?.by).toBe('amount_and_reference');
    expect(paidOnlineMatch(credit({ amount: 121_001, reference: rf }), [paid()])).toBeUndefined();
    expect(paidOnlineMatch(credit({ remittance: 'Factuur F-2027-2' }), [paid()])).toBeUndefined();
    expect(paidOnlineMatch(credit({ remittance: 'betaling' }), [paid()])).toBeUndefined();
  });

  it('when the payment was already recognised in another credit, then a second credit is money of its own; the same credit again still matches', () => {
    const banked = paid({ bankedBy: 'k1' });
    expect(paidOnlineMatch(credit({ key: 'k2', remittance: 'tr_AbC123' }), [banked])).toBeUndefined();
    expect(paidOnlineMatch(credit({ key: 'k2', remittance: 'F-2027-1' }), [banked])).toBeUndefined();
    expect(paidOnlineMatch(credit({ key: 'k1', remittance: 'tr_AbC123' }), [banked])?.providerPaymentId).toBe('tr_AbC123');
  });

  it('when two payments fit by amount and reference, then the oldest unclaimed one is taken', () => {
    const older = paid({ providerPaymentId: 'tr_old' });
    const newer = paid({ providerPaymentId: 'tr_new' });
    expect(paidOnlineMatch(credit({ remittance: 'F-2027-1' }), [older, newer])?.providerPaymentId).toBe('tr_old');
    expect(paidOnlineMatch(credit({ remittance: 'F-2027-1' }), [{ ...older, bankedBy: 'k0' }, newer])?.providerPaymentId).toBe('tr_new');
  });
});

describe('a provider payment whose bank credit came first (the webhook late)', () => {
  it('when the credit names the payment id or has its amount and reference, then it is that credit — by the same rule as the other order, for every input', () => {
    const text = fc.constantFrom('', 'tr_AbC123', 'Mollie tr_AbC123 payout', 'F-2027-1', 'Factuur F-2027-1.', printReference(rfReference('F-2027-1')!), 'F-2027-2', 'tr_Other9');
    fc.assert(fc.property(fc.integer({ min: 120_990, max: 121_010 }), text, fc.boolean(), (amount, remittance, applied) => {
      const c = credit({ amount, remittance });
      const forward = paidOnlineMatch(c, [paid()]);
      const reverse = bankedCreditOf(paid(), [{ ...c, applied }]);
      expect(reverse).toEqual(forward ? { creditKey: 'k1', applied, by: forward.by } : undefined);
    }));
  });

  it('when one credit names the payment id and another only fits by amount and reference, then the named one is taken; a credit claimed by another payment is not', () => {
    const byAmount = { ...credit({ key: 'k1', remittance: 'F-2027-1' }), applied: true };
    const byId = { ...credit({ key: 'k2', amount: 120_950, remittance: 'tr_AbC123' }), applied: false };
    expect(bankedCreditOf(paid(), [byAmount, byId])).toEqual({ creditKey: 'k2', applied: false, by: 'provider_id' });
    expect(bankedCreditOf(paid(), [{ ...byAmount, claimedBy: 'tr_other' }])).toBeUndefined();
    expect(bankedCreditOf(paid(), [{ ...byAmount, claimedBy: 'tr_AbC123' }])?.creditKey).toBe('k1');
  });
});
