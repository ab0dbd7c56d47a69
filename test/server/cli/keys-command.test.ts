import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKeyService } from '../../../src/server/api-keys/api-key-service';
import { createApiKeyStore } from '../../../src/server/api-keys/api-key-store';
import { KeysUsageError, runKeysCommand } from '../../../src/server/cli/keys-command';
import { createPortalRegistry } from '../../../src/server/portals/portal-registry';
import { deletePrefix, testRedis, uniquePrefix } from '../../support/redis';

const redis = testRedis();
const prefix = uniquePrefix('keys');
const store = createApiKeyStore(redis, prefix);
const keys = createApiKeyService({ apiKeys: store, portals: createPortalRegistry(redis, prefix) });

async function run(...argv: string[]): Promise<string[]> {
  const out: string[] = [];
  await runKeysCommand(argv, keys, (line) => out.push(line));
  return out;
}

beforeAll(async () => {
  await createPortalRegistry(redis, prefix).register({ portalId: '31', timeZone: 'Europe/Amsterdam', country: 'NL', tier: 'marketplace', basePath: 'https://api.hubapi.com', currency: 'EUR' });
});
afterAll(async () => { await deletePrefix(redis, prefix); await redis.quit(); });

describe('npm run keys', () => {
  it('when a key is created, listed and revoked, then it is shown once, listed by id and hint only, and stops working', async () => {
    const created = await run('create', '--portal', '31', '--label', 'Exact Online export');
    const key = created.find((l) => l.startsWith('rdk_31_'))!;
    expect(key).toMatch(/^rdk_31_[A-Za-z0-9_-]{43}$/);
    expect(await store.verify(key)).toMatchObject({ portalId: '31', label: 'Exact Online export' });
    const id = /Created API key (\S+)/.exec(created[0]!)![1]!;

    const listed = await run('list', '--portal', '31');
    expect(listed).toEqual([expect.stringMatching(new RegExp(`^${id}  …${key.slice(-4)}  created .*  Exact Online export$`))]);
    expect(listed.join('\n')).not.toContain(key);

    expect(await run('revoke', '--portal', '31', id)).toEqual([expect.stringContaining(`Revoked API key ${id}`)]);
    expect(await store.verify(key)).toBeUndefined();
    expect(await run('list', '--portal', '31')).toEqual(['Portal 31 has no API keys.']);
  });

  it('when the portal is not installed or the key id is unknown, then it says so and changes nothing', async () => {
    await expect(run('create', '--portal', '999')).rejects.toMatchObject({ httpStatus: 404 });
    await expect(run('revoke', '--portal', '31', '7c9e6679-7425-40de-944b-e07fc1f90ae7')).rejects.toMatchObject({ httpStatus: 404 });
  });

  it('when the command is incomplete, then it prints the usage', async () => {
    await expect(run('create')).rejects.toBeInstanceOf(KeysUsageError);
    await expect(run('rotate', '--portal', '31')).rejects.toThrow(/usage: npm run keys/);
    await expect(run('revoke', '--portal', '31', 'not-an-id')).rejects.toThrow(/is not a key id/);
  });
});
