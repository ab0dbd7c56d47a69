/**
 * ISO 11649 creditor references ("RF" + 2 check digits + up to 21 letters/digits), checked with ISO 7064
 * MOD 97-10 like an IBAN. The debtor page puts one on every transfer (QR and copy field) so the bank statement
 * can be matched back to the invoice.
 */

const BODY = /^[A-Z0-9]{1,21}$/;

/** Letters as base-36 numbers (A=10 … Z=35), then the remainder mod 97, digit by digit (no big integers needed). */
function mod97(s: string): number {
  let rest = 0;
  for (const ch of s) {
    const digits = /[0-9]/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest;
}

/** Removes the separators people type (` -.,/:`) and upper-cases. */
export const compactReference = (s: string): string => s.replace(/[ \-.,/:]/g, '').toUpperCase();

/** The RF reference of `body` (1–21 letters or digits after compacting), or undefined when it cannot be one. */
export function rfReference(body: string): string | undefined {
  const b = compactReference(body);
  if (!BODY.test(b)) return undefined;
  const check = 98 - mod97(`${b}RF00`);
  return `RF${String(check).padStart(2, '0')}${b}`;
}

export function isValidRfReference(s: string): boolean {
  const r = compactReference(s);
  return /^RF[0-9]{2}[A-Z0-9]{1,21}$/.test(r) && mod97(`${r.slice(4)}${r.slice(0, 4)}`) === 1;
}

/** Printed in groups of four: `RF18 5390 0754 7034`. */
export const printReference = (rf: string): string => rf.replace(/(.{4})(?=.)/g, '$1 ');
