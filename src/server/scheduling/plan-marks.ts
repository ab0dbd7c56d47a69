import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * What a company's last completed planning depended on, so that a run can pass over a company nothing of
 * which changed: its ledger revision, the day, the portal's planning settings and the company owner.
 * A plan is a pure function of those (the engine plans by date; only a new task's time slot reads the clock,
 * and a company with a task created today has it recorded, so planning it again today adds nothing). A mark
 * is written only after everything the run had to do for the company — closing, rewriting, creating its
 * tasks — succeeded, and with the revision read before the ledger was: any write after that read makes the
 * mark stale, which costs one re-plan and never a missed one.
 */
export interface PlanMarkInputs {
  /** PortalPlanner.fingerprint. */
  readonly planning: string;
  readonly today: string;
}

export function createPlanMarks(redis: Redis, prefix: string) {
  const key = (portalId: string) => `${prefix}:p:${portalId}:scheduling:plan-marks`;
  const digest = (inputs: PlanMarkInputs, ownerId: string | undefined, revision: string): string =>
    createHash('sha1').update(`${inputs.planning}|${inputs.today}|${ownerId ?? ''}|${revision}`).digest('base64url');

  return {
    digest,
    /** The stored marks of these companies, in order (null: none). */
    async read(portalId: string, companyIds: readonly string[]): Promise<(string | null)[]> {
      return companyIds.length === 0 ? [] : redis.hmget(key(portalId), ...companyIds);
    },
    async write(portalId: string, marks: ReadonlyMap<string, string>): Promise<void> {
      if (marks.size > 0) await redis.hset(key(portalId), Object.fromEntries(marks));
    },
  };
}
export type PlanMarks = ReturnType<typeof createPlanMarks>;
