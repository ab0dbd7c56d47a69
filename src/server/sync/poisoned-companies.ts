import type { Redis } from 'ioredis';
import type { CustomerLedger } from '../../domain/ledger';
import type { DeadLetters } from '../jobs/dead-letters';

/** Which pass could not process the company; 'write': HubSpot refused its rollup (a 400 for its values). */
export type PoisonStage = 'sync' | 'scheduling' | 'write';
const STAGES: readonly PoisonStage[] = ['sync', 'scheduling', 'write'];

/** A company whose ledger could not be processed: skipped by its pass until a change to it (or the daily pass) tries again. */
export interface PoisonedCompany {
  readonly companyId: string;
  readonly stage: PoisonStage;
  readonly reason: string;
  /** Real time (ISO) of the first failure since it was last processed. */
  readonly since: string;
}

export interface PoisonedCompanies {
  /**
   * Runs `work` on each ledger on its own: the ones it throws on are set aside (recorded, and dead-lettered
   * the first time), the others come back with their results — one bad record never stops the portal.
   * Companies that succeed again are cleared.
   */
  screen<T>(portalId: string, stage: PoisonStage, ledgers: readonly CustomerLedger[], work: (ledger: CustomerLedger) => T): Promise<{ ledger: CustomerLedger; result: T }[]>;
  /** Records companies that failed a stage outside `screen` (dead-lettered the first time). */
  setAside(portalId: string, stage: PoisonStage, failed: readonly { companyId: string; reason: string }[]): Promise<void>;
  /** Companies that passed the stage again. */
  clear(portalId: string, stage: PoisonStage, companyIds: readonly string[]): Promise<void>;
  list(portalId: string): Promise<PoisonedCompany[]>;
  /** Forgets the failure (an admin retries it): a next failure is reported again. */
  release(portalId: string, stage: PoisonStage, companyId: string): Promise<void>;
}

export function createPoisonedCompanies(redis: Redis, prefix: string, deadLetters: DeadLetters): PoisonedCompanies {
  const key = (portalId: string, stage: PoisonStage) => `${prefix}:p:${portalId}:poisoned:${stage}`;
  const companies: PoisonedCompanies = {
    async screen(portalId, stage, ledgers, work) {
      const ok: { ledger: CustomerLedger; result: unknown }[] = [];
      const failed: { companyId: string; reason: string }[] = [];
      for (const ledger of ledgers) {
        try {
          ok.push({ ledger, result: work(ledger) });
        } catch (err) {
          failed.push({ companyId: ledger.companyId, reason: err instanceof Error ? err.message : String(err) });
        }
      }
      await companies.clear(portalId, stage, ok.map((o) => o.ledger.companyId));
      await companies.setAside(portalId, stage, failed);
      return ok as { ledger: CustomerLedger; result: never }[];
    },
    async release(portalId, stage, companyId) {
      await redis.hdel(key(portalId, stage), companyId);
    },
    async setAside(portalId, stage, failed) {
      const since = new Date().toISOString();
      for (const f of failed) {
        const first = await redis.hsetnx(key(portalId, stage), f.companyId, JSON.stringify({ companyId: f.companyId, stage, reason: f.reason, since }));
        if (first === 1) await deadLetters.add(portalId, { kind: `${stage}-company`, ref: f.companyId, reason: f.reason });
      }
    },
    async clear(portalId, stage, companyIds) {
      if (companyIds.length > 0) await redis.hdel(key(portalId, stage), ...companyIds);
    },
    async list(portalId) {
      const all = await Promise.all(STAGES.map((s) => redis.hvals(key(portalId, s))));
      return all.flat().map((v) => JSON.parse(v) as PoisonedCompany).sort((a, b) => (a.companyId < b.companyId ? -1 : a.companyId > b.companyId ? 1 : 0));
    },
  };
  return companies;
}
