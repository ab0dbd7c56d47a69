import { betalingskenmerk, compactKenmerk, isValidBetalingskenmerk, printKenmerk } from './betalingskenmerk';
import { compactReference, isValidRfReference, printReference, rfReference } from './rf-reference';

/**
 * The reference every invoice is paid with, so that cash application can match the bank credit back to it
 * (apply-credit.ts, strongest evidence). A company chooses the Dutch betalingskenmerk (16 digits, check digit
 * per the Betaalvereniging) or the international ISO 11649 RF creditor reference. A reference the source sent
 * (UBL PaymentID, the API's paymentReference) is kept as it is; only invoices without one get one here.
 *
 * The reference is derived from the invoice itself — its number when the number fits the scheme, otherwise a
 * digest of its external id — so importing the same export twice gives the same reference, with no counter to
 * keep and no coordination between two imports running at once.
 */
export const PAYMENT_REFERENCE_SCHEMES = ['betalingskenmerk', 'rf'] as const;
export type PaymentReferenceScheme = (typeof PAYMENT_REFERENCE_SCHEMES)[number];

export const DEFAULT_PAYMENT_REFERENCE_SCHEME: PaymentReferenceScheme = 'betalingskenmerk';

/** The reference for an invoice (`number`, `externalId`) under `scheme`: always valid for that scheme. */
export function paymentReferenceFor(scheme: PaymentReferenceScheme, invoice: { readonly number: string; readonly externalId: string }): string {
  if (scheme === 'rf') {
    const fromNumber = rfReference(invoice.number);
    return fromNumber ?? rfReference(digest15(invoice.externalId))!;
  }
  // Separators people put in numbers (`2026-0001`, `2026/114`) are not part of it; letters are.
  const digits = invoice.number.replace(/[\s./-]/g, '');
  const body = /^\d{1,15}$/.test(digits) && !/^0+$/.test(digits) ? digits.padStart(15, '0') : digest15(invoice.externalId);
  return betalingskenmerk(body);
}

export function isValidPaymentReference(s: string): boolean {
  return /^RF/i.test(compactReference(s)) ? isValidRfReference(s) : isValidBetalingskenmerk(s);
}

/** As printed on an invoice and a card: in groups of four (`5000 0567 8901 2345`, `RF18 5390 0754 7034`); anything else as sent. */
export function printedReference(s: string): string {
  if (isValidRfReference(s)) return printReference(compactReference(s));
  if (isValidBetalingskenmerk(s)) return printKenmerk(compactKenmerk(s));
  return s;
}

/**
 * 15 decimal digits from a text, the same on every run: two 32-bit FNV-1a hashes with different offsets (no big
 * integers, no crypto in the domain). Starts with 9 so it never equals a number-derived body of a short
 * invoice number (those are zero-padded).
 */
function digest15(text: string): string {
  const a = fnv1a(text, 0x811c9dc5);
  const b = fnv1a(text, 0x01000193 ^ 0x5bd1e995);
  return `9${String(a % 10_000_000).padStart(7, '0')}${String(b % 10_000_000).padStart(7, '0')}`;
}

function fnv1a(text: string, offset: number): number {
  let h = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
