import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { Redis } from 'ioredis';

/** A private redis-server owned by this process: the embedded default when REDIS_URL is not set. */
export interface PrivateRedis {
  readonly url: string;
  stop(): Promise<void>;
}

const INSTALL_HINT =
  'No redis-server binary found. Install Redis 6.2 or later (Debian/Ubuntu: `sudo apt-get install redis-server`; ' +
  'macOS: `brew install redis`) or set REDIS_URL to a running Redis.';

/**
 * Starts redis-server on a unix socket in a fresh temporary folder (no port to collide on),
 * with persistence off and `noeviction`, as BullMQ requires. Stopped by `stop()` or when this process exits.
 */
export async function startPrivateRedis(binary = process.env.REDIS_SERVER_BIN ?? 'redis-server'): Promise<PrivateRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'receivables-desk-redis-'));
  const socket = join(dir, 'redis.sock');
  let child: ResultPromise;
  try {
    child = execa(binary, [
      '--port', '0',
      '--unixsocket', socket,
      '--unixsocketperm', '700',
      '--save', '',
      '--appendonly', 'no',
      '--maxmemory-policy', 'noeviction',
      '--dir', dir,
      // Its own process group: Ctrl-C or `kill -TERM -<pgid>` of `npm start` must not stop Redis before the
      // workers have drained into it; stop() ends it.
    ], { stdio: 'ignore', detached: true, cleanup: true, reject: false });
  } catch {
    throw new Error(INSTALL_HINT);
  }
  const spawnFailure = new Promise<never>((_, reject) => {
    child.on('error', () => reject(new Error(INSTALL_HINT)));
  });
  const url = `unix://${socket}`;
  await Promise.race([waitForPing(socket), spawnFailure]);
  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      child.kill('SIGTERM');
      await child.catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPing(socket: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const probe = new Redis({ path: socket, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on ${socket} within 10 s`);
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      probe.disconnect();
    }
  }
}
