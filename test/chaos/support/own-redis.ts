import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { waitForPing } from '../../../src/server/infra/redis-server';

/**
 * A redis-server the scenario starts, kills and starts again when it wants (startPrivateRedis brings its Redis
 * back at once by itself): a unix socket in a temporary folder, AOF as `npm start` configures it.
 */
export interface OwnRedis {
  readonly url: string;
  pid(): number | undefined;
  /** SIGKILL, and wait until it is gone: the socket refuses from then on. */
  kill(): Promise<void>;
  /** Started again on the same folder (its AOF brings the data back); resolves once it answers. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'rd-chaos-redis-'));
  const socket = join(dir, 'redis.sock');
  const args = ['--port', '0', '--unixsocket', socket, '--unixsocketperm', '700', '--save', '', '--appendonly', 'yes',
    '--appendfsync', 'everysec', '--maxmemory-policy', 'noeviction', '--dir', dir];
  let current: ResultPromise | undefined;
  const own: OwnRedis = {
    url: `unix://${socket}`,
    pid: () => current?.pid,
    async kill() {
      current?.kill('SIGKILL');
      await current;
      current = undefined;
    },
    async start() {
      current = execa('redis-server', args, { stdio: 'ignore', reject: false, cleanup: true });
      await waitForPing(socket);
    },
    async stop() {
      await own.kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
  await own.start();
  return own;
}
