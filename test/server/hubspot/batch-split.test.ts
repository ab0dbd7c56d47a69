import { describe, expect, it } from 'vitest';
import { writeSplitting } from '../../../src/server/hubspot/batch-split';
import { GatewayError } from '../../../src/server/hubspot/gateway-error';

const refuse = (bad: Set<number>, calls: number[][], status = 400) => async (batch: readonly number[]) => {
  calls.push([...batch]);
  if (batch.some((n) => bad.has(n))) throw new GatewayError('update', { kind: 'permanent', reason: `rejected ${status} VALIDATION_ERROR` }, status, 'Property values were not valid');
};

describe('writing a batch HubSpot refuses as a whole', () => {
  it('when 2 of 100 inputs are bad, then the other 98 are written, the 2 come back with the reason, in about 2·log2(100) calls', async () => {
    const calls: number[][] = [];
    const items = Array.from({ length: 100 }, (_, i) => i);
    const refused = await writeSplitting(items, refuse(new Set([7, 63]), calls));
    expect(refused).toEqual([7, 63].map((item) => ({ item, reason: 'HubSpot update failed: rejected 400 VALIDATION_ERROR: Property values were not valid' })));
    const written = calls.filter((c) => !c.includes(7) && !c.includes(63)).flat().sort((a, b) => a - b);
    expect(written).toEqual(items.filter((i) => i !== 7 && i !== 63));
    expect(calls.length).toBeLessThanOrEqual(28);
  });

  it('when the refusal is not a 400 (auth, rate, server), then it is thrown as it is, nothing split', async () => {
    const calls: number[][] = [];
    await expect(writeSplitting([1, 2, 3], refuse(new Set([2]), calls, 403))).rejects.toThrow(/rejected 403/);
    expect(calls).toHaveLength(1);
  });
});
