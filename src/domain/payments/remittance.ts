import type { PayLine } from '../debtor-page/pay-selection';
import { rfReference } from './rf-reference';

/**
 * What a transfer carries so the bank statement can be matched back: one invoice → an RF creditor reference
 * built from its number (when the number fits one), several → their numbers as text (at most 140 characters,
 * the SEPA limit; the numbers that do not fit are left to the amount and the payer's name).
 */
export function remittanceFor(lines: readonly PayLine[]): { reference?: string; text?: string } {
  if (lines.length === 1) {
    const rf = rfReference(lines[0]!.number);
    return rf ? { reference: rf } : { text: lines[0]!.number.slice(0, 140) };
  }
  let text = '';
  for (const l of lines) {
    const next = text ? `${text} ${l.number}` : l.number;
    if (next.length > 140) break;
    text = next;
  }
  return text ? { text } : {};
}
