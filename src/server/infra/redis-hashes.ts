import type { Redis } from 'ioredis';

/**
 * HGETALL of many hashes in one round trip: id → the hash's fields, read with `parse`; ids whose hash is empty
 * (or parses to nothing) are left out.
 */
export async function hashesOf<T extends { size: number }>(
  redis: Redis, ids: readonly string[], keyOf: (id: string) => string, parse: (raw: Record<string, string>) => T,
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  if (ids.length === 0) return found;
  const m = redis.pipeline();
  for (const id of ids) m.hgetall(keyOf(id));
  const replies = (await m.exec()) ?? [];
  ids.forEach((id, i) => {
    const [err, raw] = replies[i]!;
    if (err) throw err;
    const value = parse(raw as Record<string, string>);
    if (value.size > 0) found.set(id, value);
  });
  return found;
}
