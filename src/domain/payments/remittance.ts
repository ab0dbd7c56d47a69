import type { PayLine } from '../debtor-page/pay-selection';
import { rfReference } from './rf-reference';

/** EPC069-12: a structured reference has at most 35 characters, remittance text at most 140 (the SEPA limits). */
const MAX_REFERENCE = 35;
const MAX_TEXT = 140;
/** A reference as a banking app takes it: without the spaces it is printed with (a source's own id otherwise as sent). */
const compact = (s: string): string => s.replace(/\s+/g, '');

/**
 * What a transfer carries so the bank statement can be matched back (apply-credit.ts). One invoice → its stored
 * payment reference (betalingskenmerk or RF) as the structured reference, or without one an RF built from its
 * number. Several → one transfer has room for one structured reference only, and none of them pays several
 * invoices; cash application does read every betalingskenmerk and RF in the remittance text, so the text lists
 * the stored references — comma-separated, because a space would run two digit references together as one —
 * when every invoice has one, otherwise their numbers (a mix would let the references win and leave the numbered
 * invoices unpaid). What does not fit in 140 characters is left to the amount and the payer's name.
 */
export function remittanceFor(lines: readonly PayLine[]): { reference?: string; text?: string } {
  if (lines.length === 1) {
    const line = lines[0]!;
    const stored = line.paymentReference ? compact(line.paymentReference) : undefined;
    if (stored && stored.length <= MAX_REFERENCE) return { reference: stored };
    const rf = rfReference(line.number);
    return rf ? { reference: rf } : { text: line.number.slice(0, MAX_TEXT) };
  }
  const byReference = lines.every((l) => l.paymentReference);
  const words = lines.map((l) => (byReference ? compact(l.paymentReference!) : l.number));
  const separator = byReference ? ', ' : ' ';
  let text = '';
  for (const w of words) {
    const next = text ? `${text}${separator}${w}` : w;
    if (next.length > MAX_TEXT) break;
    text = next;
  }
  return text ? { text } : {};
}
