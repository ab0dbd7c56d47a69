/**
 * The Dutch betalingskenmerk (Betaalvereniging/Currence structured reference, issuer `CUR`): 7 digits without a
 * check digit, or a check digit C followed by a length code L and 7–12 digits (9–14 in all), or C followed by
 * 15 digits (16 in all). C is the weighted modulus 11 of everything after it: weights 2, 4, 8, 5, 10, 9, 7, 3,
 * 6, 1 from the right (the powers of 2 mod 11), C = 11 − (sum mod 11), where 10 becomes 1 and 11 becomes 0.
 * 8 and 15 digits are not allowed. (Source: betaalvereniging.nl "specificaties betalingskenmerk"; test values
 * in ../shared/realworld/qr-refs/payment-references.json.)
 */

const WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1] as const;

/** The check digit for the digits after it (length code included). */
export function checkDigit(rest: string): number {
  let sum = 0;
  for (let i = 0; i < rest.length; i++) sum += Number(rest[rest.length - 1 - i]) * WEIGHTS[i % WEIGHTS.length]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 1 : c === 11 ? 0 : c;
}

/** Whether `s` (spaces and dots allowed, as printed) is a valid betalingskenmerk. */
export function isValidBetalingskenmerk(s: string): boolean {
  const d = compactKenmerk(s);
  if (!/^\d+$/.test(d)) return false;
  if (d.length === 7) return true;
  if (d.length === 16) return checkDigit(d.slice(1)) === Number(d[0]);
  if (d.length >= 9 && d.length <= 14) return Number(d[1]) === (d.length - 2) % 10 && checkDigit(d.slice(1)) === Number(d[0]);
  return false;
}

/** The 16-digit betalingskenmerk for a 15-digit body (e.g. an invoice's sequence number, zero-padded). */
export function betalingskenmerk(body15: string): string {
  if (!/^\d{15}$/.test(body15)) throw new RangeError(`a betalingskenmerk body is 15 digits, got "${body15}"`);
  return `${checkDigit(body15)}${body15}`;
}

export const compactKenmerk = (s: string): string => s.replace(/[\s.]/g, '');

/** Printed in groups of four, as on an acceptgiro: `5000 0567 8901 2345`. */
export const printKenmerk = (s: string): string => compactKenmerk(s).replace(/(\d{4})(?=\d)/g, '$1 ');
