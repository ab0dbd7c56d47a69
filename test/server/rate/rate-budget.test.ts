import { afterAll, describe, expect, it } from 'vitest';
import { createRateBudget } from '../../../src/server/rate/rate-budget';
import { testRedis, uniquePrefix } from '../../support/redis';

const a = testRedis();
const b = testRedis();
afterAll(async () => { await a.quit(); await b.quit(); });

/** The largest number of admissions inside any window of `windowMs`. */
function peakInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((x, y) => x - y);
  let peak = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}

describe('rate budget', () => {
  it('when acquirers on two connections compete, then no window ever admits more than the budget', async () => {
    const prefix = uniquePrefix('rate');
    // marketplace 110 with headroom 90 leaves 20 per (shortened) 1 s window.
    const options = { headroom: 90, marginMs: 0, windowMs: 1000 };
    const budgets = [createRateBudget(a, prefix, options), createRateBudget(b, prefix, options)];
    const admitted: number[] = [];
    const started = Date.now();
    await Promise.all(Array.from({ length: 12 }, async (_, worker) => {
      for (let i = 0; i < 6; i++) {
        // Admission times on Redis' clock: client-side timestamps would drift with event-loop load.
        admitted.push(await budgets[worker % 2]!.acquire('p1', 'standard', 'marketplace'));
      }
    }));
    expect(admitted).toHaveLength(72);
    expect(peakInWindow(admitted, 1000)).toBeLessThanOrEqual(20);
    // 72 requests at 20 per second need at least three full windows after the first burst.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
    expect(Date.now() - started).toBeLessThan(6000);
  });

  it('when two portals share Redis, then each has its own budget', async () => {
    const prefix = uniquePrefix('rate');
    const budget = createRateBudget(a, prefix, { headroom: 100, marginMs: 0, windowMs: 5000 });
    const started = Date.now();
    for (let i = 0; i < 10; i++) await budget.acquire('p1', 'standard', 'marketplace');
    for (let i = 0; i < 10; i++) await budget.acquire('p2', 'standard', 'marketplace');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('when the search budget is used, then at most 4 per second pass', async () => {
    const prefix = uniquePrefix('rate');
    const budget = createRateBudget(a, prefix, { marginMs: 0 });
    const admitted: number[] = [];
    await Promise.all(Array.from({ length: 10 }, async () => {
      admitted.push(await budget.acquire('p1', 'search', 'marketplace'));
    }));
    expect(peakInWindow(admitted, 1000)).toBeLessThanOrEqual(4);
  });

  it('when a portal is blocked after a 429, then nobody is admitted until the block ends', async () => {
    const prefix = uniquePrefix('rate');
    const budget = createRateBudget(a, prefix);
    await budget.block('p1', 'standard', 700);
    const started = Date.now();
    await budget.acquire('p1', 'standard', 'marketplace');
    expect(Date.now() - started).toBeGreaterThanOrEqual(650);
  });

  it('when HubSpot reported a lower limit than the tier, then a window admits only that many (and a search budget is not touched)', async () => {
    const prefix = uniquePrefix('rate');
    const budget = createRateBudget(a, prefix, { marginMs: 0, windowMs: 1000 });
    await budget.observeLimit('p1', 5);
    const admitted: number[] = [];
    for (let i = 0; i < 8; i++) admitted.push(await budget.acquire('p1', 'standard', 'marketplace'));
    expect(peakInWindow(admitted, 1000)).toBe(5);
    // Searches keep their own per-second budget (4 of HubSpot's 5): not the learned standard limit.
    const searches: number[] = [];
    for (let i = 0; i < 4; i++) searches.push(await budget.acquire('p1', 'search', 'marketplace'));
    expect(peakInWindow(searches, 1000)).toBe(4);
  });

  it('when HubSpot counted more calls in its window than this budget admitted, then that many are kept back for a window; an answer that agrees gives them back', async () => {
    const prefix = uniquePrefix('rate');
    const budget = createRateBudget(a, prefix, { marginMs: 0, windowMs: 1000 });
    const first = await budget.acquire('p1', 'standard', 'marketplace');
    // HubSpot says 61 of 110 are spent in its 1 s window: 60 calls this log never admitted.
    await budget.observe('p1', { max: 110, remaining: 49, intervalMs: 1000 }, first);
    const admitted = [first];
    for (let i = 0; i < 60; i++) admitted.push(await budget.acquire('p1', 'standard', 'marketplace'));
    expect(peakInWindow(admitted, 1000)).toBe(50);

    const later = await budget.acquire('p1', 'standard', 'marketplace');
    // The next answer shows nothing else spending the window: the whole limit is ours again.
    await budget.observe('p1', { max: 110, remaining: 110 - 1, intervalMs: 1000 }, later);
    await new Promise((r) => setTimeout(r, 1000));
    const burst: number[] = [];
    for (let i = 0; i < 110; i++) burst.push(await budget.acquire('p1', 'standard', 'marketplace'));
    expect(peakInWindow(burst, 1000)).toBe(110);
  });

  it('when a call admitted later reached HubSpot first (writes in flight), then its count in an earlier call\'s answer keeps nothing back', async () => {
    const prefix = uniquePrefix('rate');
    const budget = createRateBudget(a, prefix, { marginMs: 0, windowMs: 2000 });
    const first = await budget.acquire('p1', 'standard', 'marketplace');
    await budget.acquire('p1', 'standard', 'marketplace');
    // The first call's answer counts both: the second overtook it on the way.
    await budget.observe('p1', { max: 110, remaining: 108, intervalMs: 2000 }, first);
    const admitted: number[] = [];
    for (let i = 0; i < 108; i++) admitted.push(await budget.acquire('p1', 'standard', 'marketplace'));
    // All 110 inside the first window: nothing was kept back (one kept back would wait for the first to leave, at +2 s).
    expect(admitted.at(-1)! - first).toBeLessThan(2000);
  });

  it('when calls are answered late, then their places in the window free a window after the answers, not after the admissions', async () => {
    const prefix = uniquePrefix('rate');
    // marketplace 110 with headroom 105 leaves 5 per (shortened) 1 s window.
    const budget = createRateBudget(a, prefix, { headroom: 105, marginMs: 0, windowMs: 1000 });
    const admitted: number[] = [];
    for (let i = 0; i < 5; i++) admitted.push(await budget.acquire('p1', 'standard', 'marketplace'));
    await new Promise((r) => setTimeout(r, 400)); // the answers take 400 ms
    for (const at of admitted) await budget.answered('p1', 'standard', at);
    const sixth = await budget.acquire('p1', 'standard', 'marketplace');
    expect(sixth - admitted[0]!).toBeGreaterThanOrEqual(1400);
  });
});
