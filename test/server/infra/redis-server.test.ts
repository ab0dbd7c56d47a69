import { describe, expect, it } from 'vitest';
import { startPrivateRedis } from '../../../src/server/infra/redis-server';
import { createRedis } from '../../../src/server/infra/redis';

describe('startPrivateRedis', () => {
  it('when started, then it answers on its socket, and after stop it is gone', async () => {
    const server = await startPrivateRedis();
    const client = createRedis(server.url, 'worker');
    expect(await client.ping()).toBe('PONG');
    expect(await client.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
    client.disconnect();
    await server.stop();
    const after = createRedis(server.url, 'producer');
    await expect(after.ping()).rejects.toThrow();
    after.disconnect();
  });

  it('when the binary is missing, then the error says what to install', async () => {
    await expect(startPrivateRedis('/nonexistent/redis-server')).rejects.toThrow(/apt-get install redis-server/);
  });
});
