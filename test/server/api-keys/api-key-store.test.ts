import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiKeyStore, type ApiKeyStore } from '../../../src/server/api-keys/api-key-store';
import { createRedisLedgerStore } from '../../../src/server/ledger/redis-ledger-store';
import { deletePrefix, testRedis, uniquePrefix } from '../../support/redis';

const redis = testRedis();
let prefix: string;
let keys: ApiKeyStore;
beforeEach(() => {
  prefix = uniquePrefix('keys');
  keys = createApiKeyStore(redis, prefix);
});
afterEach(() => deletePrefix(redis, prefix));
afterAll(() => redis.quit());

describe('API keys', () => {
  it('when a key is created, then it verifies to its portal and only its SHA-256 is stored', async () => {
    const { key, info } = await keys.createApiKey('123', 'exact online');
    expect(key).toMatch(/^rdk_123_[A-Za-z0-9_-]{43}$/);
    expect(await keys.verify(key)).toEqual(info);
    const stored = JSON.stringify(await redis.hgetall(`${prefix}:p:123:api-keys`));
    expect(stored).not.toContain(key.slice(8));
  });

  it('when a key is altered, malformed, from another portal or revoked, then it does not verify', async () => {
    const { key, info } = await keys.createApiKey('123');
    const last = key.at(-1) === 'A' ? 'B' : 'A';
    expect(await keys.verify(key.slice(0, -1) + last)).toBeUndefined();
    expect(await keys.verify(key.replace('rdk_123_', 'rdk_124_'))).toBeUndefined();
    expect(await keys.verify('rdk_*_x')).toBeUndefined();
    expect(await keys.verify('')).toBeUndefined();
    expect(await keys.revoke('123', info.id)).toBe(true);
    expect(await keys.revoke('123', info.id)).toBe(false);
    expect(await keys.verify(key)).toBeUndefined();
  });

  it('when the portal is deleted, then its keys go with it', async () => {
    const { key } = await keys.createApiKey('123');
    await createRedisLedgerStore(redis, prefix).deletePortal('123');
    expect(await keys.verify(key)).toBeUndefined();
    expect(await keys.list('123')).toEqual([]);
  });
});
