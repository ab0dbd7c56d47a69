import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createPortalRegistry } from '../../../src/server/portals/portal-registry';
import { decryptSecret, encryptSecret } from '../../../src/server/portals/token-cipher';
import { createTokenStore } from '../../../src/server/portals/token-store';
import { testRedis, uniquePrefix } from '../../support/redis';

const redis = testRedis();
afterAll(async () => redis.quit());

describe('token store', () => {
  it('when a token is stored, then Redis holds only ciphertext bound to the portal', async () => {
    const prefix = uniquePrefix('tok');
    const key = randomBytes(32);
    const store = createTokenStore({ redis, prefix, key });
    await store.save('123', { accessToken: 'secret-access-token' });
    const raw = await redis.get(`${prefix}:p:123:oauth`);
    expect(raw).not.toContain('secret-access-token');
    expect(await store.getAccessToken('123')).toBe('secret-access-token');
    // Copied to another portal, the ciphertext does not decrypt (AAD = portal id).
    expect(() => decryptSecret(key, '456', raw!)).toThrow();
    expect(() => decryptSecret(randomBytes(32), '123', raw!)).toThrow();
    expect(decryptSecret(key, '9', encryptSecret(key, '9', 'x'))).toBe('x');
  });

  it('when HubSpot refused an access token before its time (401), then the next read refreshes it; a static token cannot be renewed', async () => {
    const prefix = uniquePrefix('tok');
    let refreshes = 0;
    const store = createTokenStore({
      redis, prefix, key: randomBytes(32),
      refresh: async () => { refreshes++; return { accessToken: `a${refreshes + 1}`, refreshToken: 'r2', expiresInSec: 1800 }; },
    });
    await store.save('1', { accessToken: 'a1', refreshToken: 'r1', expiresAt: Date.now() + 1800_000 });
    expect(await store.expire('1', 'an-older-token')).toBe(true);
    expect(await store.getAccessToken('1')).toBe('a1'); // another caller's stale token: the current one stays
    expect(await store.expire('1', 'a1')).toBe(true);
    expect(await store.getAccessToken('1')).toBe('a2');
    expect(refreshes).toBe(1);

    await store.save('2', { accessToken: 'static' });
    expect(await store.expire('2', 'static')).toBe(false);
    expect(await store.getAccessToken('2')).toBe('static');
  });

  it('when the access token is about to expire, then exactly one refresh happens even with concurrent readers', async () => {
    let now = 1_000_000;
    let refreshes = 0;
    const store = createTokenStore({
      redis, prefix: uniquePrefix('tok'), key: randomBytes(32), now: () => now,
      refresh: async (_portal, refreshToken) => {
        refreshes++;
        expect(refreshToken).toBe('r1');
        await new Promise((r) => setTimeout(r, 100));
        return { accessToken: 'a2', refreshToken: 'r2', expiresInSec: 1800 };
      },
    });
    await store.save('1', { accessToken: 'a1', refreshToken: 'r1', expiresAt: now + 1800_000 });
    expect(await store.getAccessToken('1')).toBe('a1');
    now += 1600_000; // within the 5-minute margin
    const tokens = await Promise.all([store.getAccessToken('1'), store.getAccessToken('1'), store.getAccessToken('1')]);
    expect(tokens).toEqual(['a2', 'a2', 'a2']);
    expect(refreshes).toBe(1);
  });
});

describe('portal registry', () => {
  it('when a portal is registered, then it is listed and validated', async () => {
    const registry = createPortalRegistry(redis, uniquePrefix('reg'));
    await registry.register({ portalId: '42', timeZone: 'Europe/Amsterdam', country: 'NL', tier: 'marketplace', basePath: 'https://api.hubapi.com/' });
    expect(await registry.require('42')).toMatchObject({ basePath: 'https://api.hubapi.com', currency: 'EUR', dailyRunAt: '07:00' });
    expect((await registry.list()).map((p) => p.portalId)).toEqual(['42']);
    await expect(registry.register({ portalId: '43', timeZone: 'Mars/Olympus', country: 'NL', tier: 'marketplace', basePath: 'https://x.test' })).rejects.toThrow();
    await registry.remove('42');
    await expect(registry.require('42')).rejects.toThrow('not installed');
  });
});
