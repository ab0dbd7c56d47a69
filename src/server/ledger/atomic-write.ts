import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { LedgerKeys } from './ledger-keys';

/**
 * One batch of ledger writes applied all-or-nothing by a Lua script, guarded by optimistic checks:
 * every `check` (a hash field's value as it was read, or null for "absent") must still hold, otherwise
 * nothing is written and the caller re-reads and retries. This keeps the business rules (versions,
 * payment application) in TypeScript while Redis guarantees nothing is ever half-written.
 */
export interface AtomicWrite {
  checks: Array<{ key: string; field: string; expected: string | null }>;
  hset: Array<{ key: string; field: string; value: string }>;
  hdel: Array<{ key: string; field: string }>;
  zadd: Array<{ key: string; member: string }>;
  sadd: Array<{ key: string; member: string }>;
  /** Revision keys to set to a fresh random token (unique, so a deleted-and-rebuilt company never looks unchanged). */
  revisions: Array<{ key: string }>;
  /** After the writes: remove `member` from `key` when every hash in `ifEmpty` is empty. */
  prune: Array<{ key: string; member: string; ifEmpty: string[] }>;
}

export const emptyWrite = (): AtomicWrite => ({ checks: [], hset: [], hdel: [], zadd: [], sadd: [], revisions: [], prune: [] });

/** Records that a company changed: dirty for rollups, and a new revision so cached reads refresh. */
export function touchCompany(write: AtomicWrite, keys: LedgerKeys, companyId: string): void {
  write.sadd.push({ key: keys.dirty, member: companyId });
  write.revisions.push({ key: keys.revision(companyId) });
}

const SCRIPT = `
local p = cjson.decode(ARGV[1])
for _, c in ipairs(p.c) do
  local cur = redis.call('HGET', KEYS[c[1]], c[2])
  local exp = c[3]
  if exp == cjson.null then exp = false end
  if cur ~= exp then return 0 end
end
for _, w in ipairs(p.s) do redis.call('HSET', KEYS[w[1]], w[2], ARGV[w[3]]) end
for _, w in ipairs(p.d) do redis.call('HDEL', KEYS[w[1]], w[2]) end
for _, w in ipairs(p.z) do redis.call('ZADD', KEYS[w[1]], 0, w[2]) end
for _, w in ipairs(p.a) do redis.call('SADD', KEYS[w[1]], w[2]) end
for _, w in ipairs(p.i) do redis.call('SET', KEYS[w], p.t) end
for _, w in ipairs(p.r) do
  local empty = true
  for i = 3, #w do if redis.call('HLEN', KEYS[w[i]]) > 0 then empty = false end end
  if empty then redis.call('ZREM', KEYS[w[1]], w[2]) end
end
return 1
`;

/** Runs the write; false when a check failed (someone else changed the data in between). */
export async function runAtomicWrite(redis: Redis, write: AtomicWrite): Promise<boolean> {
  const isEmpty = write.hset.length + write.hdel.length + write.zadd.length + write.sadd.length + write.revisions.length + write.prune.length === 0;
  if (isEmpty) return true;
  // Keys travel in KEYS (as Redis requires of scripts); the payload refers to them by 1-based index.
  const keys: string[] = [];
  const index = new Map<string, number>();
  const k = (key: string): number => {
    let i = index.get(key);
    if (i === undefined) {
      keys.push(key);
      i = keys.length;
      index.set(key, i);
    }
    return i;
  };
  const payload = {
    c: write.checks.map((c) => [k(c.key), c.field, c.expected]),
    // Values travel as their own arguments (ARGV[2…]): no JSON-inside-JSON escaping of every document.
    s: write.hset.map((w, i) => [k(w.key), w.field, i + 2]),
    d: write.hdel.map((w) => [k(w.key), w.field]),
    z: write.zadd.map((w) => [k(w.key), w.member]),
    a: write.sadd.map((w) => [k(w.key), w.member]),
    i: [...new Set(write.revisions.map((w) => w.key))].map(k),
    t: randomUUID(),
    r: write.prune.map((w) => [k(w.key), w.member, ...w.ifEmpty.map(k)]),
  };
  // cjson decodes [] as an empty table either way, so empty lists are safe.
  const args = [keys.length, ...keys, JSON.stringify(payload), ...write.hset.map((w) => w.value)] as const;
  let result: unknown;
  try {
    result = await redis.evalsha(SCRIPT_SHA, ...args);
  } catch (error) {
    if (!String((error as Error)?.message).includes('NOSCRIPT')) throw error;
    result = await redis.eval(SCRIPT, ...args);
  }
  return result === 1;
}

const SCRIPT_SHA = createHash('sha1').update(SCRIPT).digest('hex');

/** Retries an optimistic read-compute-write a few times before giving up loudly. */
export async function withRetries<T>(attempt: () => Promise<T | undefined>, what: string, tries = 8): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const result = await attempt();
    if (result !== undefined) return result;
    await new Promise((r) => setTimeout(r, Math.random() * 5 * (i + 1)));
  }
  throw new Error(`${what}: data kept changing concurrently; gave up after ${tries} attempts`);
}
