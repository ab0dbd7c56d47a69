import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { Redis } from 'ioredis';

/** A private redis-server owned by this process: the embedded default when REDIS_URL is not set. */
export interface PrivateRedis {
  readonly url: string;
  /** The running redis-server's process id (a new one after a restart). */
  pid(): number | undefined;
  stop(): Promise<void>;
}

const INSTALL_HINT =
  'No redis-server binary found. Install Redis 6.2 or later (Debian/Ubuntu: `sudo apt-get install redis-server`; ' +
  'macOS: `brew install redis`) or set REDIS_URL to a running Redis.';

/**
 * Starts redis-server on a unix socket in a fresh temporary folder (no port to collide on), with `noeviction`
 * as BullMQ requires and AOF (`appendfsync everysec`): when it dies it is started again on the same folder and
 * comes back with its data (tokens, claims, agreements), so a run in flight does not create its tasks twice.
 * Stopped by `stop()` or when this process exits.
 */
export async function startPrivateRedis(binary = process.env.REDIS_SERVER_BIN ?? 'redis-server'): Promise<PrivateRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'receivables-desk-redis-'));
  const socket = join(dir, 'redis.sock');
  const args = [
    '--port', '0',
    '--unixsocket', socket,
    '--unixsocketperm', '700',
    '--save', '',
    '--appendonly', 'yes',
    '--appendfsync', 'everysec',
    '--maxmemory-policy', 'noeviction',
    // A company's invoices are one hash of JSON values of ~300 bytes: allowing values up to 512 bytes in the
    // compact listpack encoding (the default is 64) roughly halves what each invoice costs in memory. Hashes stay
    // small (≤ 128 fields, the default), so reads stay fast. (The 6.2 name; Redis 7 knows it as hash-max-listpack-value.)
    '--hash-max-ziplist-value', '512',
    '--dir', dir,
  ];
  let stopped = false;
  let restarts = 0;
  const spawn = (): ResultPromise => {
    // Its own process group: Ctrl-C or `kill -TERM -<pgid>` of `npm start` must not stop Redis before the
    // workers have drained into it; stop() ends it.
    const child = execa(binary, args, { stdio: 'ignore', detached: true, cleanup: true, reject: false });
    void child.then(() => {
      // Died under us (killed, out of memory): back on the same folder, the AOF brings its data back.
      if (!stopped && restarts < MAX_RESTARTS) { restarts++; current = spawn(); }
    });
    return child;
  };
  let current: ResultPromise;
  try {
    current = spawn();
  } catch {
    throw new Error(INSTALL_HINT);
  }
  const spawnFailure = new Promise<never>((_, reject) => {
    current.on('error', () => { stopped = true; reject(new Error(INSTALL_HINT)); });
  });
  const url = `unix://${socket}`;
  await Promise.race([waitForPing(socket), spawnFailure]);
  return {
    url,
    pid: () => current.pid,
    async stop() {
      if (stopped) return;
      stopped = true;
      current.kill('SIGTERM');
      await current.catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A Redis that keeps dying is not brought back forever: after this many restarts the app sees it down. */
const MAX_RESTARTS = 20;

/** Resolves once a redis-server answers PING on the unix socket (10 s at most). */
export async function waitForPing(socket: string): Promise<void> {
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
