import type { Redis } from 'ioredis';
import { createRedis, PROBE_TIMEOUT_MS } from './redis';

export type PersistenceMode = 'aof' | 'rdb' | 'none';

export interface RedisHealth {
  /** Answers within PROBE_TIMEOUT_MS: true when Redis answered a PING just now. */
  check(): Promise<boolean>;
  /** Without a round trip: false while the last probe failed or a connection the app uses is not open. */
  isUp(): boolean;
  /** Without a round trip: true while the last probe failed or one has waited longer than half its timeout. */
  inDoubt(): boolean;
  /** What Redis would keep across a restart: AOF, RDB snapshots only, or nothing. */
  persistence(): Promise<PersistenceMode>;
  close(): Promise<void>;
}

/**
 * The HTTP side's view of Redis, on a connection of its own (the workers' connections wait through outages by
 * design, and a request behind them would hang for the client's whole timeout). A probe every `everyMs` keeps
 * `isUp` current, so API routes can answer 503 at once instead of waiting on a Redis that is gone.
 */
const FAILURES_TO_CLOSE = 2;

export function createRedisHealth(url: string, opts: { everyMs?: number; watched?: readonly Redis[] } = {}): RedisHealth {
  const probe = createRedis(url, 'probe');
  // One slow answer on a loaded machine is not an outage: the gate closes after two failed probes in a row
  // (or at once when a connection drops); /ready reports every single probe.
  let failures = 0;
  // When the oldest probe still waiting for its answer was sent: a PING that takes this long is the first sign of
  // a frozen Redis, a second or more before the gate closes.
  let waitingSince: number | undefined;
  let waiting = 0;
  // Nothing is queued on this connection: while it (re)connects, wait for it, but never longer than a probe.
  const connected = () => (probe.status === 'ready' ? Promise.resolve(true) : new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => { probe.off('ready', onReady); resolve(false); }, PROBE_TIMEOUT_MS);
    const onReady = () => { clearTimeout(timer); resolve(true); };
    probe.once('ready', onReady);
  }));
  const check = async () => {
    waitingSince ??= performance.now();
    waiting += 1;
    const ok = (await connected()) && (await probe.ping().then((r) => r === 'PONG', () => false));
    waiting -= 1;
    if (waiting === 0) waitingSince = undefined;
    failures = ok ? 0 : failures + 1;
    return ok;
  };
  const timer = setInterval(() => void check(), opts.everyMs ?? 1000);
  timer.unref();
  probe.on('close', () => { failures = Math.max(failures, FAILURES_TO_CLOSE); });
  return {
    check,
    isUp: () => failures < FAILURES_TO_CLOSE && probe.status === 'ready' && (opts.watched ?? []).every((r) => r.status === 'ready'),
    inDoubt: () => failures > 0 || (waitingSince !== undefined && performance.now() - waitingSince > PROBE_TIMEOUT_MS / 2),
    async persistence() {
      await connected();
      const info = await probe.info('persistence');
      if (/^aof_enabled:1/m.test(info)) return 'aof';
      const save = await probe.config('GET', 'save').then((r) => String((r as string[])[1] ?? ''), () => '');
      return save.trim() ? 'rdb' : 'none';
    },
    async close() {
      clearInterval(timer);
      await probe.quit().catch(() => probe.disconnect());
    },
  };
}
