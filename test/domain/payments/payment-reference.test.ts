import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAYMENT_REFERENCE_SCHEMES as WIRE_SCHEMES } from '../../../src/contracts/settings';
import { isValidBetalingskenmerk } from '../../../src/domain/payments/betalingskenmerk';
import { isValidPaymentReference, PAYMENT_REFERENCE_SCHEMES, paymentReferenceFor, printedReference } from '../../../src/domain/payments/payment-reference';
import { isValidRfReference } from '../../../src/domain/payments/rf-reference';
import { realworldDir } from '../../support/realworld';

const realworld = realworldDir();
const invoiceNumber = fc.oneof(
  fc.stringMatching(/^[0-9]{1,15}$/),
  fc.stringMatching(/^[A-Z]{1,3}-[0-9]{4}-[0-9]{1,6}$/),
  fc.string({ minLength: 1, maxLength: 64 }),
);

describe('payment references for invoices without one', () => {
  it('the settings wire and the domain know the same schemes', () => {
    expect([...WIRE_SCHEMES]).toEqual([...PAYMENT_REFERENCE_SCHEMES]);
  });

  it('for any invoice number and id, the betalingskenmerk is 16 digits with a valid check digit, and the RF one is valid ISO 11649', () => {
    fc.assert(fc.property(invoiceNumber, fc.string({ minLength: 1, maxLength: 128 }), (number, externalId) => {
      const kenmerk = paymentReferenceFor('betalingskenmerk', { number, externalId });
      const rf = paymentReferenceFor('rf', { number, externalId });
      return /^\d{16}$/.test(kenmerk) && isValidBetalingskenmerk(kenmerk) && isValidRfReference(rf) && isValidPaymentReference(kenmerk) && isValidPaymentReference(rf);
    }));
  });

  it('the same invoice always gets the same reference (a re-import changes nothing)', () => {
    fc.assert(fc.property(invoiceNumber, fc.string({ minLength: 1 }), fc.constantFrom(...PAYMENT_REFERENCE_SCHEMES), (number, externalId, scheme) =>
      paymentReferenceFor(scheme, { number, externalId }) === paymentReferenceFor(scheme, { number: `${number}`, externalId: `${externalId}` })));
  });

  it('a numeric invoice number is the body, so the reference reads back to the invoice (2026-0042 → 000000020260042)', () => {
    expect(paymentReferenceFor('betalingskenmerk', { number: '2026-0042', externalId: 'x' })).toMatch(/^\d000000020260042$/);
    expect(paymentReferenceFor('rf', { number: 'F2026-0042', externalId: 'x' })).toMatch(/^RF\d{2}F20260042$/);
  });

  it('invoice numbers that do not fit a scheme get distinct references from their ids', () => {
    const refs = new Set(Array.from({ length: 2000 }, (_, i) => paymentReferenceFor('betalingskenmerk', { number: `INV/${i}/Ä`, externalId: `inv-${i}` })));
    expect(refs.size).toBe(2000);
  });

  it('printed in groups of four; anything else as sent', () => {
    const kenmerk = paymentReferenceFor('betalingskenmerk', { number: '56789012345', externalId: 'x' });
    expect(printedReference(kenmerk)).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    expect(printedReference('RF18539007547034')).toBe('RF18 5390 0754 7034');
    expect(printedReference('PAY-ME-123')).toBe('PAY-ME-123');
  });

  it('when the public test values (shared/realworld/qr-refs) are there, then both schemes are told apart correctly by isValidPaymentReference', () => {
    if (!realworld) {
      console.warn('shared/realworld is NOT present: the public payment-reference test values were not checked');
      return;
    }
    const refs = JSON.parse(readFileSync(join(realworld, 'qr-refs', 'payment-references.json'), 'utf8')) as {
      betalingskenmerk: { valid: { value: string }[]; invalid: { value: string }[] };
      iso11649_rf: { valid: { value: string }[]; invalid: { value: string }[] };
    };
    for (const { value } of [...refs.betalingskenmerk.valid, ...refs.iso11649_rf.valid]) expect(isValidPaymentReference(value), value).toBe(true);
    for (const { value } of [...refs.betalingskenmerk.invalid, ...refs.iso11649_rf.invalid]) expect(isValidPaymentReference(value), value).toBe(false);
  });
});
