import { describe, expect, it } from 'vitest';
import { createViewCache } from '../../../src/server/cards/view-cache';

describe('createViewCache', () => {
  it('when many ask at once, then one load serves them all (single flight)', async () => {
    let loads = 0;
    const cache = createViewCache<number>({ ttlMs: 1_000 });
    const load = async () => { loads++; await new Promise((r) => setTimeout(r, 10)); return 42; };
    const values = await Promise.all(Array.from({ length: 50 }, () => cache.get('k', load)));
    expect(values.every((v) => v === 42)).toBe(true);
    expect(loads).toBe(1);
  });

  it('when the ttl has passed, then it loads again; other keys never share', async () => {
    let t = 0;
    let loads = 0;
    const cache = createViewCache<string>({ ttlMs: 100, now: () => t });
    const load = async () => `v${++loads}`;
    expect(await cache.get('a', load)).toBe('v1');
    t = 99;
    expect(await cache.get('a', load)).toBe('v1');
    expect(await cache.get('b', load)).toBe('v2');
    t = 100;
    expect(await cache.get('a', load)).toBe('v3');
  });

  it('when a load fails, then the failure is not remembered', async () => {
    const cache = createViewCache<number>({ ttlMs: 10_000 });
    await expect(cache.get('k', async () => { throw new Error('redis down'); })).rejects.toThrow('redis down');
    expect(await cache.get('k', async () => 7)).toBe(7);
  });

  it('when ttl is 0 or the key is invalidated, then every call loads', async () => {
    let loads = 0;
    const off = createViewCache<number>({ ttlMs: 0 });
    await off.get('k', async () => ++loads);
    await off.get('k', async () => ++loads);
    expect(loads).toBe(2);
    const on = createViewCache<number>({ ttlMs: 10_000 });
    await on.get('k', async () => ++loads);
    on.invalidate('k');
    expect(await on.get('k', async () => ++loads)).toBe(4);
  });

  it('when full, then the oldest entry makes room', async () => {
    const cache = createViewCache<string>({ ttlMs: 10_000, maxEntries: 2 });
    let loads = 0;
    for (const k of ['a', 'b', 'c']) await cache.get(k, async () => `${k}${++loads}`);
    expect(await cache.get('b', async () => 'reloaded')).toBe('b2');
    expect(await cache.get('a', async () => 'reloaded')).toBe('reloaded');
  });
});
