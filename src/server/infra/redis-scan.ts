import type { Redis } from 'ioredis';

/** The keys matching `pattern`, a SCAN page at a time (SCAN may return a key twice; callers that mind dedupe). */
export async function* scanKeys(redis: Redis, pattern: string): AsyncGenerator<string> {
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    yield* found;
  } while (cursor !== '0');
}

/** Every key matching `pattern` once, sorted. */
export async function keysMatching(redis: Redis, pattern: string): Promise<string[]> {
  const found = new Set<string>();
  for await (const key of scanKeys(redis, pattern)) found.add(key);
  return [...found].sort();
}
