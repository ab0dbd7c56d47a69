import { err, ok, type Result } from '../result';
import type { Money } from '../money';

/**
 * The payload of an EPC QR code (EPC069-12 v2.1, "GiroCode"): a SEPA credit transfer the customer's banking app
 * fills in from the camera. Version 002, UTF-8, LF between elements, nothing after the last element that has a
 * value; structured reference (AT-05, e.g. RF) or unstructured text, never both; at most 331 bytes in all.
 */
export interface EpcTransfer {
  readonly beneficiaryName: string;
  readonly iban: string;
  readonly bic?: string;
  readonly amount: Money;
  /** Creditor reference (ISO 11649 RF or another structured one), up to 35 characters. */
  readonly reference?: string;
  /** Remittance text, up to 140 characters (used only without a reference). */
  readonly text?: string;
  /** Shown to the payer, not sent with the payment; up to 70 characters. */
  readonly note?: string;
}

export type EpcProblem =
  | { readonly code: 'name_length' } | { readonly code: 'iban_format' } | { readonly code: 'bic_format' }
  | { readonly code: 'currency_not_eur' } | { readonly code: 'amount_range' }
  | { readonly code: 'reference_length' } | { readonly code: 'text_length' } | { readonly code: 'reference_and_text' }
  | { readonly code: 'note_length' } | { readonly code: 'too_long'; readonly bytes: number };

export const EPC_MAX_BYTES = 331;
const MIN_AMOUNT_MINOR = 1;
const MAX_AMOUNT_MINOR = 99_999_999_999;

/** `EUR12.30`: the euro amount with a decimal point and two decimals. */
export const epcAmount = (minor: number): string => `EUR${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

const chars = (s: string) => [...s].length;

export function epcPayload(t: EpcTransfer): Result<string, EpcProblem> {
  const iban = t.iban.replace(/\s+/g, '').toUpperCase();
  const bic = t.bic?.replace(/\s+/g, '').toUpperCase();
  if (chars(t.beneficiaryName) < 1 || chars(t.beneficiaryName) > 70) return err({ code: 'name_length' });
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$/.test(iban)) return err({ code: 'iban_format' });
  if (bic !== undefined && !/^[A-Z0-9]{8}([A-Z0-9]{3})?$/.test(bic)) return err({ code: 'bic_format' });
  if (t.amount.currency !== 'EUR') return err({ code: 'currency_not_eur' });
  if (!Number.isInteger(t.amount.minor) || t.amount.minor < MIN_AMOUNT_MINOR || t.amount.minor > MAX_AMOUNT_MINOR) return err({ code: 'amount_range' });
  if (t.reference !== undefined && t.text !== undefined) return err({ code: 'reference_and_text' });
  if (t.reference !== undefined && (chars(t.reference) < 1 || chars(t.reference) > 35)) return err({ code: 'reference_length' });
  if (t.text !== undefined && (chars(t.text) < 1 || chars(t.text) > 140)) return err({ code: 'text_length' });
  if (t.note !== undefined && (chars(t.note) < 1 || chars(t.note) > 70)) return err({ code: 'note_length' });
  const lines = [
    'BCD', '002', '1', 'SCT', bic ?? '', t.beneficiaryName, iban, epcAmount(t.amount.minor),
    '', // purpose (AT-44): not used
    t.reference ?? '', t.text ?? '', t.note ?? '',
  ];
  while (lines.at(-1) === '') lines.pop();
  const payload = lines.join('\n');
  const bytes = new TextEncoder().encode(payload).length;
  return bytes > EPC_MAX_BYTES ? err({ code: 'too_long', bytes }) : ok(payload);
}
