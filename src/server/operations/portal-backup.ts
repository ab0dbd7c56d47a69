import type { Redis } from 'ioredis';
import { z } from 'zod';
import { PARKED_WRITES_SUFFIX } from '../actions/parked-writes';
import { keysMatching } from '../infra/redis-scan';
import { quarantineIndexKey } from '../install/quarantine';
import { ledgerKeys } from '../ledger/ledger-keys';
import { portalIndexKey } from '../portals/portal-registry';
import { parkIndexKey } from '../rate/portal-park';

/**
 * A portal's records as a versioned JSON document (`npm run backup` / `npm run restore`). Promises, disputes,
 * arrangements, call outcomes, preferences, history, settings, API keys (only their hashes), debtor links, task
 * claims and the sealed tokens exist only in Redis: the backup holds every key of the portal's keyspace except
 * the ones that are rebuilt by themselves (caches, rate budgets, usage counters, locks, dedupe marks). A key
 * family added later is therefore backed up unless it is listed here as rebuildable.
 */
export const BACKUP_FORMAT = 'receivables-desk-portal-backup';
export const BACKUP_VERSION = 1;

/** Key suffixes (after `${prefix}:p:${portalId}:`) that are rebuilt from elsewhere or only count/lock/dedupe. */
const REBUILT = [
  /^oauth:refreshing$/, /^rate:/, /^usage:/, /^cards:/, /^matching(:|$)/, /^webhooks:seen:/, /^refresh:runs$/,
  /^sync:last$/, /^scheduling:last$/, /^sync:schema$/, /^ledger:dirty-in-flight$/, /^dp:last:/,
];

// A suffix is plain printable ASCII without glob characters: it becomes part of a key name again on restore.
const KeySuffix = z.string().regex(/^[\x21-\x29\x2b-\x3e\x40-\x5a\x5c\x5e-\x7e]{1,512}$/, 'must be printable ASCII without * ? [ ]');
const Text = z.string().max(16 * 1024 * 1024);
const BackupKey = z.discriminatedUnion('type', [
  z.object({ key: KeySuffix, type: z.literal('string'), value: Text }),
  z.object({ key: KeySuffix, type: z.literal('hash'), value: z.record(z.string().max(4096), Text) }),
  z.object({ key: KeySuffix, type: z.literal('set'), value: z.array(Text) }),
  z.object({ key: KeySuffix, type: z.literal('list'), value: z.array(Text) }),
  z.object({ key: KeySuffix, type: z.literal('zset'), value: z.array(z.tuple([Text, z.number().finite()])) }),
]).and(z.object({ ttlMs: z.number().int().positive().optional() }));

export const PortalBackup = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  portalId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  createdAt: z.iso.datetime(),
  keys: z.array(BackupKey).max(10_000_000),
}).strict();
export type PortalBackup = z.output<typeof PortalBackup>;
type BackupKey = z.output<typeof BackupKey>;


async function readKey(redis: Redis, key: string, suffix: string): Promise<BackupKey | undefined> {
  const [type, ttl] = await Promise.all([redis.type(key), redis.pttl(key)]);
  const ttlMs = ttl > 0 ? { ttlMs: ttl } : {};
  switch (type) {
    case 'string': { const value = await redis.get(key); return value === null ? undefined : { key: suffix, type, value, ...ttlMs }; }
    case 'hash': return { key: suffix, type, value: await redis.hgetall(key), ...ttlMs };
    case 'set': return { key: suffix, type, value: (await redis.smembers(key)).sort(), ...ttlMs };
    case 'list': return { key: suffix, type, value: await redis.lrange(key, 0, -1), ...ttlMs };
    case 'zset': {
      const flat = await redis.zrange(key, '0', '-1', 'WITHSCORES');
      const value: [string, number][] = [];
      for (let i = 0; i < flat.length; i += 2) value.push([flat[i]!, Number(flat[i + 1])]);
      return { key: suffix, type, value, ...ttlMs };
    }
    default: return undefined; // gone meanwhile (or a stream: the app writes none)
  }
}

/** Every record of the portal that is not rebuilt by itself, as one document. */
export async function backupPortal(redis: Redis, prefix: string, portalId: string, now: Date = new Date()): Promise<PortalBackup> {
  const { root, pattern } = ledgerKeys(prefix, portalId);
  const keys: BackupKey[] = [];
  for (const key of await keysMatching(redis, pattern)) {
    const suffix = key.slice(root.length + 1);
    if (REBUILT.some((r) => r.test(suffix))) continue;
    const read = await readKey(redis, key, suffix);
    if (read) keys.push(read);
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, portalId, createdAt: now.toISOString(), keys };
}

export class BackupRefusedError extends Error {}

/**
 * Writes a backup back: validated as a whole first (nothing is written from a file that fails), each key
 * replaced as it was, the portal put back into the portal index (and the quarantine index when it was
 * quarantined). Refuses a portal that already has records unless `replace` is set.
 */
export async function restorePortal(redis: Redis, prefix: string, document: unknown, opts: { replace?: boolean } = {}): Promise<{ portalId: string; keys: number }> {
  const parsed = PortalBackup.safeParse(document);
  if (!parsed.success) {
    throw new BackupRefusedError(`not a valid backup: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(file)'} ${i.message}`).join('; ')}`);
  }
  const backup = parsed.data;
  const { root, pattern } = ledgerKeys(prefix, backup.portalId);
  if (!opts.replace && (await keysMatching(redis, pattern)).length > 0) {
    throw new BackupRefusedError(`portal ${backup.portalId} already has records under prefix "${prefix}"; pass --replace to overwrite them with the backup`);
  }
  for (let i = 0; i < backup.keys.length; i += 500) {
    const tx = redis.multi();
    for (const k of backup.keys.slice(i, i + 500)) {
      const key = `${root}:${k.key}`;
      tx.del(key);
      if (k.type === 'string') tx.set(key, k.value);
      else if (k.type === 'hash' && Object.keys(k.value).length > 0) tx.hset(key, k.value);
      else if (k.type === 'set' && k.value.length > 0) tx.sadd(key, ...k.value);
      else if (k.type === 'list' && k.value.length > 0) tx.rpush(key, ...k.value);
      else if (k.type === 'zset' && k.value.length > 0) tx.zadd(key, ...k.value.flatMap(([member, score]) => [String(score), member]));
      if (k.ttlMs) tx.pexpire(key, k.ttlMs);
    }
    await tx.exec();
  }
  // The indexes outside the portal's keyspace: who is installed, who is quarantined (and since when), and whose
  // kept card writes wait for HubSpot (due at once: the restored portal's park itself was not backed up).
  if (backup.keys.some((k) => k.key === 'portal')) await redis.sadd(portalIndexKey(prefix), backup.portalId);
  const quarantine = backup.keys.find((k) => k.key === 'quarantine' && k.type === 'string');
  if (quarantine?.type === 'string') {
    const since = Date.parse((JSON.parse(quarantine.value) as { since?: string }).since ?? '');
    if (Number.isFinite(since)) await redis.zadd(quarantineIndexKey(prefix), since, backup.portalId);
  }
  if (backup.keys.some((k) => k.key === PARKED_WRITES_SUFFIX)) await redis.zadd(parkIndexKey(prefix), 0, backup.portalId);
  return { portalId: backup.portalId, keys: backup.keys.length };
}
