import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidRfReference, printReference, rfReference } from '../../../src/domain/payments/rf-reference';

describe('ISO 11649 RF creditor references', () => {
  it('when generated from the EPC example body, then it is RF18539007547034', () => {
    expect(rfReference('539007547034')).toBe('RF18539007547034');
    expect(printReference('RF18539007547034')).toBe('RF18 5390 0754 7034');
  });

  it('accepts the published valid references and refuses the invalid ones', () => {
    for (const v of ['RF18 5390 0754 7034', 'RF185390075470Y', 'RF03SW3EZRUFBK', 'RF206KCJWVH20', 'RF97XX5ZIC', 'RF72YW', 'RF529', 'RF08P', 'RF23EF4UHBVNPLHKG3HZ9SGGT', 'RF0891RPECRY4EKAIWQK4UZUP', 'RF097', 'RF57G']) {
      expect([v, isValidRfReference(v)]).toEqual([v, true]);
    }
    for (const v of ['RF17 5390 0754 7034', 'RF18 5390 0754 7035', 'RF23EF4UHBVNPLHKG3HZ9SGGTX', 'RF18', 'XX18539007547034']) {
      expect([v, isValidRfReference(v)]).toEqual([v, false]);
    }
  });

  it('when an invoice number has separators, then they are dropped; when it cannot fit, there is no reference', () => {
    expect(rfReference('2026-00135')).toBe(rfReference('202600135'));
    expect(rfReference('x'.repeat(22))).toBeUndefined();
    expect(rfReference('Ä-1')).toBeUndefined();
  });

  it('every generated reference validates, and changing one character breaks it', () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Z0-9]{1,21}$/), fc.nat(), (body, at) => {
      const rf = rfReference(body)!;
      expect(isValidRfReference(rf)).toBe(true);
      const i = 4 + (at % body.length);
      // A digit for another digit, a letter for another letter: MOD 97-10 catches every such substitution.
      const c = rf[i]!;
      const swapped = /[0-9]/.test(c) ? String((Number(c) + 1) % 10) : c === 'Z' ? 'Y' : String.fromCharCode(c.charCodeAt(0) + 1);
      expect(isValidRfReference(rf.slice(0, i) + swapped + rf.slice(i + 1))).toBe(false);
    }));
  });
});
