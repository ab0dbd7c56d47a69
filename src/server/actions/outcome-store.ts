import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { OutcomeResultVM } from '../../contracts/actions';
import { assertSafeId } from '../ledger/ledger-keys';

/**
 * Exactly-once bookkeeping of logged outcomes in Redis, per portal, company and outcome id:
 * - `lock` (SET NX PX): one request works on an outcome at a time (HubSpot's automatic retry may overlap);
 * - `progress` (hash): which HubSpot writes already happened, so a retry after a failure does not repeat them;
 * - `result`: the answer of the first success, returned again to any later submission.
 */
export const OUTCOME_TTL_SECONDS = 30 * 24 * 3600;
const LOCK_MS = 60_000;

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export interface OutcomeProgress { doneAt?: string; callId?: string; taskPending?: string; taskId?: string }

export function createOutcomeStore(redis: Redis, prefix: string) {
  const keys = (portalId: string, companyId: string, outcomeId: string) => {
    assertSafeId('portalId', portalId);
    assertSafeId('companyId', companyId);
    assertSafeId('outcomeId', outcomeId);
    const root = `${prefix}:p:${portalId}:outcome:${companyId}:${outcomeId}`;
    return { lock: `${root}:lock`, progress: `${root}:progress`, result: `${root}:result` };
  };

  return {
    async result(portalId: string, companyId: string, outcomeId: string): Promise<OutcomeResultVM | undefined> {
      const raw = await redis.get(keys(portalId, companyId, outcomeId).result);
      return raw ? OutcomeResultVM.parse(JSON.parse(raw)) : undefined;
    },
    /** A token when the lock was taken, undefined when another request holds it. */
    async lock(portalId: string, companyId: string, outcomeId: string): Promise<string | undefined> {
      const token = randomUUID();
      const ok = await redis.set(keys(portalId, companyId, outcomeId).lock, token, 'PX', LOCK_MS, 'NX');
      return ok === 'OK' ? token : undefined;
    },
    async unlock(portalId: string, companyId: string, outcomeId: string, token: string): Promise<void> {
      await redis.eval(RELEASE, 1, keys(portalId, companyId, outcomeId).lock, token);
    },
    async progress(portalId: string, companyId: string, outcomeId: string): Promise<OutcomeProgress> {
      return (await redis.hgetall(keys(portalId, companyId, outcomeId).progress)) as OutcomeProgress;
    },
    async note(portalId: string, companyId: string, outcomeId: string, field: keyof OutcomeProgress, value: string): Promise<void> {
      const k = keys(portalId, companyId, outcomeId).progress;
      await redis.multi().hset(k, field, value).expire(k, OUTCOME_TTL_SECONDS).exec();
    },
    async saveResult(portalId: string, companyId: string, result: OutcomeResultVM): Promise<void> {
      await redis.set(keys(portalId, companyId, result.outcomeId).result, JSON.stringify(result), 'EX', OUTCOME_TTL_SECONDS);
    },
  };
}
