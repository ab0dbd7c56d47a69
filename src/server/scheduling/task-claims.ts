import type { Redis } from 'ioredis';
import { hashesOf } from '../infra/redis-hashes';
import type { PlannedAction } from '../../domain/policy/plan';

/** What the app remembers about one of its open tasks; `action` lets a changed task be rewritten (older entries lack it). */
export interface OpenTask {
  readonly taskId: string;
  readonly invoiceExternalIds: string[];
  readonly action?: PlannedAction;
}

/**
 * One claim per planned action (its idempotency key), shared by every worker and process:
 *   (none) → claimed(owner, run, lease) → created(taskId)            or → rejected(reason)
 * A claim whose lease expired, or that belongs to the same job (a re-run after a crash), is taken over
 * as 'recover': the caller must first look in HubSpot for a task the earlier run may have created.
 */
export type ClaimOutcome =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'recover' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'created'; readonly taskId: string }
  | { readonly kind: 'rejected' };

const CLAIM = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local out = {}
for i, k in ipairs(KEYS) do
  local s = redis.call('HMGET', k, 'state', 'owner', 'lease', 'taskId')
  if s[1] == 'created' then out[i] = 'created:' .. s[4]
  elseif s[1] == 'rejected' then out[i] = 'rejected'
  elseif not s[1] then
    redis.call('HSET', k, 'state', 'claimed', 'owner', ARGV[1], 'run', ARGV[2], 'lease', now + tonumber(ARGV[3]))
    out[i] = 'claimed'
  elseif tonumber(s[3]) < now or s[2] == ARGV[1] then
    redis.call('HSET', k, 'owner', ARGV[1], 'run', ARGV[2], 'lease', now + tonumber(ARGV[3]))
    out[i] = 'recover'
  else out[i] = 'busy' end
end
return out
`;

// Right before creating: only keys still held by this run, lease extended. A second execution of the same
// job (BullMQ re-ran it while this one was still alive) has taken the run id over, so this one backs off.
const CONFIRM = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local out = {}
for i, k in ipairs(KEYS) do
  local s = redis.call('HMGET', k, 'state', 'run')
  if s[1] == 'claimed' and s[2] == ARGV[1] then
    redis.call('HSET', k, 'lease', now + tonumber(ARGV[2]))
    out[i] = 1
  else out[i] = 0 end
end
return out
`;

export interface TaskClaims {
  claim(portalId: string, keys: readonly string[], owner: string, run: string): Promise<ClaimOutcome[]>;
  confirm(portalId: string, keys: readonly string[], run: string): Promise<boolean[]>;
  markCreated(portalId: string, tasks: readonly { actionKey: string; taskId: string; companyId: string; invoiceExternalIds: readonly string[]; action?: PlannedAction }[]): Promise<void>;
  markRejected(portalId: string, keys: readonly string[], reason: string): Promise<void>;
  /** Forgets a rejection (an admin retries it): the next run claims and creates the task again. */
  releaseRejected(portalId: string, key: string): Promise<void>;
  /** Open tasks this app created for a company: actionKey → task and the invoices it is about. */
  openTasks(portalId: string, companyId: string): Promise<Map<string, OpenTask>>;
  /** The same for many companies in one round trip: companyId → its open tasks (companies without any are left out). */
  openTasksOf(portalId: string, companyIds: readonly string[]): Promise<Map<string, Map<string, OpenTask>>>;
  markClosed(portalId: string, companyId: string, keys: readonly string[]): Promise<void>;
  /** Open 14-day letter tasks by HubSpot task id: a task webhook names only the task. Unknown ids are left out. */
  findLetterTasks(portalId: string, taskIds: readonly string[]): Promise<{ taskId: string; companyId: string; key: string }[]>;
  forgetLetterTasks(portalId: string, taskIds: readonly string[]): Promise<void>;
  /** Companies merged in HubSpot (which moves the tasks' associations): the open tasks of `from` now belong to `to`. */
  moveOpenTasks(portalId: string, from: string, to: string): Promise<void>;
}

const CLAIM_TTL_S = 400 * 24 * 3600;

const parseOpen = (raw: Record<string, string>): Map<string, OpenTask> =>
  new Map(Object.entries(raw).map(([key, v]) => [key, JSON.parse(v) as OpenTask]));

export function createTaskClaims(redis: Redis, prefix: string, leaseMs = 120_000): TaskClaims {
  const k = (portalId: string, key: string) => `${prefix}:p:${portalId}:task:${key}`;
  const openKey = (portalId: string, companyId: string) => `${prefix}:p:${portalId}:open-tasks:${companyId}`;
  const lettersKey = (portalId: string) => `${prefix}:p:${portalId}:letter-tasks`;
  return {
    async claim(portalId, keys, owner, run) {
      if (keys.length === 0) return [];
      const res = (await redis.eval(CLAIM, keys.length, ...keys.map((x) => k(portalId, x)), owner, run, leaseMs)) as string[];
      return res.map((r): ClaimOutcome => r.startsWith('created:') ? { kind: 'created', taskId: r.slice(8) } : { kind: r as 'claimed' | 'recover' | 'busy' | 'rejected' });
    },
    async confirm(portalId, keys, run) {
      if (keys.length === 0) return [];
      const res = (await redis.eval(CONFIRM, keys.length, ...keys.map((x) => k(portalId, x)), run, leaseMs)) as number[];
      return res.map((r) => r === 1);
    },
    async markCreated(portalId, tasks) {
      if (tasks.length === 0) return;
      const m = redis.multi();
      for (const t of tasks) {
        m.hset(k(portalId, t.actionKey), 'state', 'created', 'taskId', t.taskId).expire(k(portalId, t.actionKey), CLAIM_TTL_S);
        m.hset(openKey(portalId, t.companyId), t.actionKey, JSON.stringify({ taskId: t.taskId, invoiceExternalIds: t.invoiceExternalIds, ...(t.action ? { action: t.action } : {}) }));
        if (t.action?.legal) m.hset(lettersKey(portalId), t.taskId, JSON.stringify({ companyId: t.companyId, key: t.actionKey }));
      }
      await m.exec();
    },
    async markRejected(portalId, keys, reason) {
      const m = redis.multi();
      for (const key of keys) m.hset(k(portalId, key), 'state', 'rejected', 'reason', reason).expire(k(portalId, key), CLAIM_TTL_S);
      await m.exec();
    },
    async releaseRejected(portalId, key) {
      await redis.eval("if redis.call('HGET', KEYS[1], 'state') == 'rejected' then redis.call('DEL', KEYS[1]) end return 0", 1, k(portalId, key));
    },
    async openTasks(portalId, companyId) {
      return parseOpen(await redis.hgetall(openKey(portalId, companyId)));
    },
    openTasksOf: (portalId, companyIds) => hashesOf(redis, companyIds, (id) => openKey(portalId, id), parseOpen),
    async markClosed(portalId, companyId, keys) {
      if (keys.length > 0) await redis.hdel(openKey(portalId, companyId), ...keys);
    },
    async findLetterTasks(portalId, taskIds) {
      if (taskIds.length === 0) return [];
      const raw = await redis.hmget(lettersKey(portalId), ...taskIds);
      return taskIds.flatMap((taskId, i) => {
        const v = raw[i];
        return v ? [{ taskId, ...(JSON.parse(v) as { companyId: string; key: string }) }] : [];
      });
    },
    async forgetLetterTasks(portalId, taskIds) {
      if (taskIds.length > 0) await redis.hdel(lettersKey(portalId), ...taskIds);
    },
    async moveOpenTasks(portalId, from, to) {
      const open = await redis.hgetall(openKey(portalId, from));
      if (Object.keys(open).length === 0) return;
      await redis.multi().hset(openKey(portalId, to), open).del(openKey(portalId, from)).exec();
    },
  };
}
