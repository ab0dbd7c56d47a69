import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { BankedCredit } from '../../domain/cash-application/paid-online';
import { ledgerKeys } from '../ledger/ledger-keys';

/** How long an imported credit is looked for by a late provider webhook (Mollie retries for days, not weeks). */
const KEEP_DAYS = 21;
const DAY_MS = 86_400_000;

const Stored = z.object({
  key: z.string(),
  amount: z.object({ minor: z.number().int(), currency: z.string() }),
  reference: z.string().optional(),
  remittance: z.string(),
  applied: z.boolean(),
  claimedBy: z.string().optional(),
});

/**
 * The bank credits of the last weeks that were not recognised as a provider payment when they came in
 * (`…:p:<portal>:dp:bank-credits` → credit key → credit, with a by-time index for pruning): a provider webhook that
 * arrives after the statement of the same money finds it here and is not counted again. Only what the matching rule
 * reads is kept — amount, reference, remittance — not the payer's name or account.
 */
export function createBankCreditStore(redis: Redis, prefix: string, now: () => Date) {
  const keys = (portalId: string) => {
    const root = ledgerKeys(prefix, portalId).root;
    return { byKey: `${root}:dp:bank-credits`, byTime: `${root}:dp:bank-credits-by-time` };
  };

  return {
    /** Once per credit: importing the same statement again keeps the first record (and its claim). */
    async record(portalId: string, credits: readonly BankedCredit[]): Promise<void> {
      if (!credits.length) return;
      const k = keys(portalId);
      const tx = redis.multi();
      for (const c of credits) {
        const stored: z.infer<typeof Stored> = {
          key: c.key, amount: c.amount, remittance: c.remittance, applied: c.applied, ...(c.reference ? { reference: c.reference } : {}),
        };
        tx.hsetnx(k.byKey, c.key, JSON.stringify(stored)).zadd(k.byTime, 'NX', now().getTime(), c.key);
      }
      await tx.exec();
    },

    /** The credits of the last weeks, oldest first; older ones are dropped on the way. */
    async recent(portalId: string): Promise<BankedCredit[]> {
      const k = keys(portalId);
      const cutoff = now().getTime() - KEEP_DAYS * DAY_MS;
      const old = await redis.zrangebyscore(k.byTime, '-inf', `(${cutoff}`);
      if (old.length) await redis.multi().hdel(k.byKey, ...old).zrem(k.byTime, ...old).exec();
      const ids = await redis.zrange(k.byTime, '0', '-1');
      if (!ids.length) return [];
      const raws = await redis.hmget(k.byKey, ...ids);
      return raws.flatMap((raw) => (raw ? [Stored.parse(JSON.parse(raw)) as BankedCredit] : []));
    },

    /** The credit is this provider payment's money: no other provider payment takes it. */
    async claim(portalId: string, creditKey: string, providerPaymentId: string): Promise<void> {
      const k = keys(portalId);
      const raw = await redis.hget(k.byKey, creditKey);
      if (raw) await redis.hset(k.byKey, creditKey, JSON.stringify({ ...Stored.parse(JSON.parse(raw)), claimedBy: providerPaymentId }));
    },
  };
}
export type BankCreditStore = ReturnType<typeof createBankCreditStore>;
