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

// Each list groups its entries by key, so a batch is a few variadic commands (HMGET, HSET, SADD, ZADD, MSET) rather
// than several calls per record: a call from Lua costs Redis more than the field it writes.
const SCRIPT = `
local p = cjson.decode(ARGV[1])
for _, c in ipairs(p.c) do
  local fields = {}
  for i = 2, #c, 2 do fields[#fields + 1] = c[i] end
  local cur = redis.call('HMGET', KEYS[c[1]], unpack(fields))
  for n = 1, #fields do
    local exp = c[2 * n + 1]
    if exp == cjson.null then exp = false end
    if cur[n] ~= exp then return 0 end
  end
end
for _, w in ipairs(p.s) do
  local args = {}
  for i = 2, #w, 2 do args[#args + 1] = w[i]; args[#args + 1] = ARGV[w[i + 1]] end
  redis.call('HSET', KEYS[w[1]], unpack(args))
end
for _, w in ipairs(p.d) do redis.call('HDEL', KEYS[w[1]], unpack(w, 2)) end
for _, w in ipairs(p.z) do
  local args = {}
  for i = 2, #w do args[#args + 1] = 0; args[#args + 1] = w[i] end
  redis.call('ZADD', KEYS[w[1]], unpack(args))
end
for _, w in ipairs(p.a) do redis.call('SADD', KEYS[w[1]], unpack(w, 2)) end
for _, w in ipairs(p.i) do
  local args = {}
  for i = 1, #w do args[#args + 1] = KEYS[w[i]]; args[#args + 1] = p.t end
  redis.call('MSET', unpack(args))
end
for _, w in ipairs(p.r) do
  local empty = true
  for i = 3, #w do if redis.call('HLEN', KEYS[w[i]]) > 0 then empty = false end end
  if empty then redis.call('ZREM', KEYS[w[1]], w[2]) end
end
return 1
`;

/** Entries per variadic command: far below what Lua's unpack takes (about 8,000 values). */
const CHUNK = 500;

/** `items` as [key, ...values] lists per key (first-seen order, entries in order), each of at most CHUNK entries. */
function grouped<T>(items: readonly T[], key: (item: T) => number, add: (list: unknown[], item: T, i: number) => void): unknown[][] {
  const open = new Map<number, { list: unknown[]; entries: number }>();
  const lists: unknown[][] = [];
  items.forEach((item, i) => {
    const k = key(item);
    let group = open.get(k);
    if (!group || group.entries === CHUNK) {
      group = { list: [k], entries: 0 };
      open.set(k, group);
      lists.push(group.list);
    }
    add(group.list, item, i);
    group.entries++;
  });
  return lists;
}

/** Set members once each: a batch touches one company for each of its invoices. */
function distinct(list: readonly { key: string; member: string }[]): { key: string; member: string }[] {
  const seen = new Set<string>();
  return list.filter((w) => {
    const id = `${w.key}\n${w.member}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

const chunked = <T>(items: readonly T[]): T[][] => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

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
  const byKey = (w: { key: string }) => k(w.key);
  const members = (list: readonly { key: string; member: string }[]) => grouped(distinct(list), byKey, (l, w) => l.push(w.member));
  const payload = {
    c: grouped(write.checks, byKey, (l, c) => l.push(c.field, c.expected)),
    // Values travel as their own arguments (ARGV[2…]): no JSON-inside-JSON escaping of every document.
    s: grouped(write.hset, byKey, (l, w, i) => l.push(w.field, i + 2)),
    d: grouped(write.hdel, byKey, (l, w) => l.push(w.field)),
    z: members(write.zadd),
    a: members(write.sadd),
    i: chunked([...new Set(write.revisions.map((w) => w.key))].map(k)),
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
