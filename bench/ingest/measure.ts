import type { Redis } from 'ioredis';

const MB = 1024 * 1024;

export interface Measured<T> {
  readonly value: T;
  readonly seconds: number;
  /** This process's CPU time (user + system, all its threads): load-independent, unlike `seconds`. */
  readonly cpuSeconds: number;
  /** Redis' own CPU time over the same span, when a connection was given. */
  readonly redisCpuSeconds?: number;
  readonly peakRssMb: number;
  readonly rssGrowthMb: number;
}

const redisCpu = async (redis: Redis): Promise<number> => {
  const info = await redis.info('cpu');
  return Number(/used_cpu_user:([\d.]+)/.exec(info)![1]) + Number(/used_cpu_sys:([\d.]+)/.exec(info)![1]);
};

/** Runs `work` sampling RSS every 20 ms: wall and CPU seconds, the peak RSS and its growth over the RSS before. */
export async function measured<T>(work: () => Promise<T>, redis?: Redis): Promise<Measured<T>> {
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  const redisBefore = redis ? await redisCpu(redis) : 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  try {
    const value = await work();
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      value, seconds, cpuSeconds: (used.user + used.system) / 1e6,
      ...(redis ? { redisCpuSeconds: (await redisCpu(redis)) - redisBefore } : {}),
      peakRssMb: peak / MB, rssGrowthMb: (peak - baseline) / MB,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** Redis' own time per command since the last CONFIG RESETSTAT, the costliest first, in µs per `items`. */
export async function redisCommandTimes(redis: Redis, items: number): Promise<string> {
  const stats = [...(await redis.info('commandstats')).matchAll(/cmdstat_([\w|]+):calls=(\d+),usec=(\d+)/g)]
    .map(([, name, calls, usec]) => ({ name: name!, calls: Number(calls), usec: Number(usec) }))
    .sort((a, b) => b.usec - a.usec);
  return stats.slice(0, 8).map((c) => `${c.name} ${(c.usec / items).toFixed(1)} µs (${c.calls} calls)`).join(', ');
}

/** `1.23 s wall, 1.10 s CPU` and the per-item CPU cost. */
export const timing = (m: Measured<unknown>, items: number, unit: string): string =>
  `${m.seconds.toFixed(2)} s wall, ${m.cpuSeconds.toFixed(2)} s CPU = ${((m.cpuSeconds / items) * 1e6).toFixed(1)} µs CPU per ${unit}`;

/**
 * With BENCH_CPU_PROF=<dir>, a V8 CPU profile of `work` alone (what `node --cpu-prof` records, without the
 * setup, the anchor and the other benches), written to <dir>/<name>.cpuprofile for Chrome DevTools or speedscope.
 */
export async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return work();
  const { Session } = await import('node:inspector/promises');
  const { mkdir, writeFile } = await import('node:fs/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    await mkdir(dir, { recursive: true });
    await writeFile(`${dir}/${name}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
}
