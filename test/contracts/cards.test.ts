import { describe, expect, it } from 'vitest';
import { ReasonsVM } from '../../src/contracts/cards';

describe('ReasonsVM (the risk reasons a card receives)', () => {
  it('when a code is unknown to this card version, then it is left out and the known ones stay', () => {
    const parsed = ReasonsVM.parse([
      { code: 'from_the_future', params: { anything: 1 } },
      { code: 'broken_promise', params: { count: 2 } },
    ]);
    expect(parsed).toEqual([{ code: 'broken_promise', params: { count: 2 } }]);
  });

  it('when a known code carries other fields than its own, then the answer is invalid (no crash in the card later)', () => {
    // The shape that once crashed the Receivables card: `until` where the card reads `promisedDate`.
    expect(ReasonsVM.safeParse([{ code: 'promise_not_due', params: { promiseId: 'p1', until: '2026-12-04' } }]).success).toBe(false);
    expect(ReasonsVM.safeParse([{ code: 'promise_not_due', params: { promiseId: 'p1', promisedDate: '2026-13-40' } }]).success).toBe(false);
    expect(ReasonsVM.safeParse([{ code: 'promise_not_due', params: { promiseId: 'p1', promisedDate: '2026-12-04' } }]).success).toBe(true);
  });
});
