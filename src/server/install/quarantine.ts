import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { JobQueues } from '../jobs/queues';
import { PortalSchema, type Portal, type PortalRegistry } from '../portals/portal-registry';
import type { TokenStore } from '../portals/token-store';
import type { UninstallPortal } from './uninstall';

const DAY_MS = 86_400_000;

const QuarantineRecord = z.object({
  portal: PortalSchema,
  /** Business time (ISO) the refresh was refused: the retention period counts from here. */
  since: z.iso.datetime(),
  reason: z.enum(['invalid_grant']),
});
export type QuarantineRecord = z.output<typeof QuarantineRecord>;

export interface QuarantineDeps {
  readonly redis: Redis;
  readonly prefix: string;
  readonly portals: Pick<PortalRegistry, 'get' | 'register' | 'remove'>;
  readonly tokens: Pick<TokenStore, 'remove'>;
  readonly queues: Pick<JobQueues, 'removeDailyScheduling'>;
  /** Deletes everything of the portal: only once the retention period is over (or on an explicit request). */
  readonly uninstall: UninstallPortal;
  readonly now: () => Date;
  readonly retentionDays: number;
  readonly log?: { info(obj: object, msg: string): void };
}

export interface Quarantine {
  /** The app lost access (a refresh answered invalid_grant): the portal stops, its data stays. Idempotent. */
  quarantine(portalId: string): Promise<void>;
  get(portalId: string): Promise<QuarantineRecord | undefined>;
  /** Every quarantined portal with when it was set aside and when it will be deleted, oldest first. */
  list(): Promise<{ portalId: string; since: string; deleteAfter: string }[]>;
  /** A reinstall within the period: the portal as it was, registered again (undefined when it was not quarantined). */
  release(portalId: string): Promise<Portal | undefined>;
  /** Deletes every portal whose retention period is over; the ids it deleted. */
  purgeExpired(): Promise<string[]>;
  /** Deletes a quarantined portal now (an admin, a privacy request); false when it was not quarantined. */
  purge(portalId: string): Promise<boolean>;
}

/**
 * HubSpot sends no uninstall webhook: a refused refresh token is how the app learns it lost a portal — but it
 * also happens when a user revokes access by mistake, and promises, disputes, preferences and call history exist
 * nowhere else. So the portal is set aside instead of deleted: out of the registry (every job and HubSpot call
 * for it stops on `portals.require`), its daily run removed, its dead tokens dropped, and everything else kept
 * until `retentionDays` have passed. The record lives in the portal's keyspace (it goes with the data); the
 * index `${prefix}:quarantined` (portal → since, epoch ms) is what the purge sweeps.
 */
/** Quarantined portal ids, scored by when (epoch ms) they were set aside. */
export const quarantineIndexKey = (prefix: string) => `${prefix}:quarantined`;

export function createQuarantine(deps: QuarantineDeps): Quarantine {
  const indexKey = quarantineIndexKey(deps.prefix);
  const recordKey = (portalId: string) => `${deps.prefix}:p:${portalId}:quarantine`;
  const retentionMs = deps.retentionDays * DAY_MS;

  const get = async (portalId: string): Promise<QuarantineRecord | undefined> => {
    const raw = await deps.redis.get(recordKey(portalId));
    return raw ? QuarantineRecord.parse(JSON.parse(raw)) : undefined;
  };
  const purge = async (portalId: string): Promise<boolean> => {
    if (!(await get(portalId))) return false;
    await deps.uninstall(portalId);
    await deps.redis.zrem(indexKey, portalId);
    deps.log?.info({ portalId }, 'quarantined portal deleted');
    return true;
  };

  return {
    async quarantine(portalId) {
      const portal = await deps.portals.get(portalId);
      if (!portal) return; // already quarantined (or never installed): nothing to set aside
      const since = deps.now();
      const record: QuarantineRecord = { portal, since: since.toISOString(), reason: 'invalid_grant' };
      // The record first: once the registry entry is gone, the record is the only copy of the portal's settings.
      await deps.redis.multi().set(recordKey(portalId), JSON.stringify(record)).zadd(indexKey, since.getTime(), portalId).exec();
      await deps.queues.removeDailyScheduling(portalId);
      await deps.tokens.remove(portalId);
      await deps.portals.remove(portalId);
      deps.log?.info({ portalId, retentionDays: deps.retentionDays }, 'portal quarantined (token refresh refused)');
    },
    get,
    async list() {
      const flat = await deps.redis.zrange(indexKey, '0', '-1', 'WITHSCORES');
      const out: { portalId: string; since: string; deleteAfter: string }[] = [];
      for (let i = 0; i < flat.length; i += 2) {
        const since = Number(flat[i + 1]);
        out.push({ portalId: flat[i]!, since: new Date(since).toISOString(), deleteAfter: new Date(since + retentionMs).toISOString() });
      }
      return out;
    },
    async release(portalId) {
      const record = await get(portalId);
      if (!record) return undefined;
      const portal = await deps.portals.register(record.portal);
      await deps.redis.multi().del(recordKey(portalId)).zrem(indexKey, portalId).exec();
      deps.log?.info({ portalId }, 'quarantined portal reinstalled');
      return portal;
    },
    async purgeExpired() {
      const due = await deps.redis.zrangebyscore(indexKey, '-inf', deps.now().getTime() - retentionMs);
      const purged: string[] = [];
      for (const portalId of due) if (await purge(portalId)) purged.push(portalId);
      // An index entry without its record (deleted some other way) has nothing left to purge.
      const stale = due.filter((id) => !purged.includes(id));
      if (stale.length > 0) await deps.redis.zrem(indexKey, ...stale);
      return purged;
    },
    purge,
  };
}
