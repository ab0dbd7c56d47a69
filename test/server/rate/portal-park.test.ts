import { afterAll, describe, expect, it } from 'vitest';
import { createPortalParks } from '../../../src/server/rate/portal-park';
import { createRateBudget, PortalParkedError } from '../../../src/server/rate/rate-budget';
import { deletePrefix, testRedis, uniquePrefix } from '../../support/redis';

const redis = testRedis();
const prefix = uniquePrefix('park');
afterAll(async () => { await deletePrefix(redis, prefix); await redis.quit(); });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a parked portal (HubSpot daily limit)', () => {
  it('when a portal is parked, then every acquire fails fast until the reset, the first park alone is new, and the resume takes it off the index once', async () => {
    const parks = createPortalParks(redis, prefix);
    const budget = createRateBudget(redis, prefix);
    expect(await budget.park('1', 400)).toMatchObject({ newly: true });
    // Several calls meet the 429 DAILY at once: only the first parks, and the reset does not move back.
    const second = await budget.park('1', 100);
    expect(second.newly).toBe(false);
    expect(await parks.parkedUntil('1')).toBe(second.untilMs);
    const started = Date.now();
    await expect(budget.acquire('1', 'standard', 'marketplace')).rejects.toBeInstanceOf(PortalParkedError);
    expect(Date.now() - started).toBeLessThan(100);
    // Another portal is not parked.
    await expect(budget.acquire('2', 'standard', 'marketplace')).resolves.toBeGreaterThan(0);
    expect((await parks.parked()).map((p) => p.portalId)).toEqual(['1']);
    expect(await parks.due()).toEqual([]);
    expect(await parks.resumed('1')).toBe(false);

    await sleep(450);
    expect(await parks.parkedUntil('1')).toBeUndefined();
    await expect(budget.acquire('1', 'standard', 'marketplace')).resolves.toBeGreaterThan(0);
    expect(await parks.parked()).toEqual([]);
    expect(await parks.due()).toEqual(['1']);
    const resumes = await Promise.all([parks.resumed('1'), parks.resumed('1')]);
    expect(resumes.filter(Boolean)).toHaveLength(1);
    expect(await parks.due()).toEqual([]);
  });

  it('when a portal is parked again before its resume ran, then the resume leaves it on the index', async () => {
    const parks = createPortalParks(redis, prefix);
    await parks.park('3', 50);
    await sleep(80);
    expect(await parks.due()).toEqual(['3']);
    await parks.park('3', 60_000);
    expect(await parks.resumed('3')).toBe(false);
    expect(await parks.due()).toEqual([]);
    expect((await parks.parked()).map((p) => p.portalId)).toContain('3');
  });
});
