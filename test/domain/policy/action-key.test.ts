import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionKey, fnv1a64Hex } from '../../../src/domain/policy/action-key';

describe('idempotency keys', () => {
  it('when hashing a known input, then FNV-1a gives the published 32-bit value in its first half', () => {
    // FNV-1a 32-bit of "a" is 0xe40c292c.
    expect(fnv1a64Hex('a').slice(0, 8)).toBe('e40c292c');
  });

  it('when the same parts come in, then the key is the same; when any part differs, then it differs', () => {
    const parts = { companyId: '123', currency: 'EUR', stepId: 'formal_reminder', cycleAnchorDate: '2026-10-01' };
    expect(actionKey(parts)).toBe(actionKey({ ...parts }));
    for (const change of [{ companyId: '124' }, { currency: 'USD' }, { stepId: 'final_notice' }, { cycleAnchorDate: '2026-10-02' }]) {
      expect(actionKey({ ...parts, ...change })).not.toBe(actionKey(parts));
    }
  });

  it('when any parts come in, then the key is short, has no colon and is never all digits (BullMQ and HubSpot safe)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (companyId, currency, stepId, cycleAnchorDate) => {
        const key = actionKey({ companyId, currency, stepId, cycleAnchorDate });
        expect(key).toMatch(/^ra[0-9a-f]{16}$/);
      }),
    );
  });
});
