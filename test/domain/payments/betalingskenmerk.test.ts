import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betalingskenmerk, checkDigit, isValidBetalingskenmerk, printKenmerk } from '../../../src/domain/payments/betalingskenmerk';
import { isValidRfReference } from '../../../src/domain/payments/rf-reference';
import { realworldDir } from '../../support/realworld';

const realworld = realworldDir();

describe('betalingskenmerk', () => {
  it('when the Betaalvereniging worked example is checked, then (5)000 0567 8901 2345 has check digit 5', () => {
    expect(checkDigit('000056789012345')).toBe(5);
    expect(betalingskenmerk('000056789012345')).toBe('5000056789012345');
    expect(isValidBetalingskenmerk('5000 0567 8901 2345')).toBe(true);
    expect(printKenmerk('5000056789012345')).toBe('5000 0567 8901 2345');
  });

  it('when lengths are not allowed or the length code is wrong, then it is invalid', () => {
    expect(isValidBetalingskenmerk('12345678')).toBe(false);
    expect(isValidBetalingskenmerk('123456789012345')).toBe(false);
    expect(isValidBetalingskenmerk('12234534622567')).toBe(true);
    expect(isValidBetalingskenmerk('13234534622567')).toBe(false);
    expect(isValidBetalingskenmerk('1234567')).toBe(true);
    expect(isValidBetalingskenmerk('500005678901234A')).toBe(false);
  });

  it('when any 15-digit body gets its check digit, then the result is valid, and one changed digit is caught unless the 10→1 rule hides it', () => {
    const WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1];
    const remainder = (s: string) => [...s].reverse().reduce((sum, d, i) => sum + Number(d) * WEIGHTS[i % 10]!, 0) % 11;
    fc.assert(fc.property(fc.stringMatching(/^\d{15}$/), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
      const ref = betalingskenmerk(body);
      expect(ref).toHaveLength(16);
      expect(isValidBetalingskenmerk(ref)).toBe(true);
      const changed = body.slice(0, at) + String((Number(body[at]) + delta) % 10) + body.slice(at + 1);
      // Weights are powers of 2 mod 11, never 0: a changed digit always changes the remainder. Only
      // remainders 1 and 10 share a check digit (11 − 1 = 10 becomes 1; 11 − 10 = 1).
      const same = checkDigit(changed) === checkDigit(body);
      expect(same).toBe(new Set([remainder(body), remainder(changed)]).size === 2 && [remainder(body), remainder(changed)].every((r) => r === 1 || r === 10));
    }));
  });

  it('when the public test values (shared/realworld/qr-refs) are there, then every valid one passes and every invalid one fails', () => {
    if (!realworld) {
      console.warn('shared/realworld is NOT present: the public betalingskenmerk and RF test values were not checked');
      return;
    }
    const refs = JSON.parse(readFileSync(join(realworld, 'qr-refs/payment-references.json'), 'utf8')) as {
      betalingskenmerk: { valid: { value: string }[]; invalid: { value: string }[] };
      iso11649_rf: { valid: { value: string }[]; invalid: { value: string }[] };
    };
    for (const { value } of refs.betalingskenmerk.valid) expect(isValidBetalingskenmerk(value), value).toBe(true);
    for (const { value } of refs.betalingskenmerk.invalid) expect(isValidBetalingskenmerk(value), value).toBe(false);
    for (const { value } of refs.iso11649_rf.valid) expect(isValidRfReference(value), value).toBe(true);
    for (const { value } of refs.iso11649_rf.invalid) expect(isValidRfReference(value), value).toBe(false);
    expect(refs.betalingskenmerk.valid.length + refs.iso11649_rf.valid.length).toBeGreaterThan(30);
  });
});
