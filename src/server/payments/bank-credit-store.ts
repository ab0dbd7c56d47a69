import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { BankedCredit } from '../../domain/cash-application/paid-online';
import { createRecentRecords } from './recent-records';

/** How long an imported credit is looked for by a late provider webhook (Mollie retries for days, not weeks). */
const KEEP_DAYS = 21;

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
  const records = createRecentRecords(redis, prefix, {
    name: 'bank-credits', keepDays: KEEP_DAYS, now, parse: (stored) => Stored.parse(stored) as BankedCredit,
  });

  return {
    /** Once per credit: importing the same statement again keeps the first record (and its claim). */
    record: (portalId: string, credits: readonly BankedCredit[]): Promise<void> => records.add(portalId, credits.map((c) => ({
      id: c.key,
      value: { key: c.key, amount: c.amount, remittance: c.remittance, applied: c.applied, ...(c.reference ? { reference: c.reference } : {}) },
    }))),

    /** The credits of the last weeks, oldest first; older ones are dropped on the way. */
    recent: (portalId: string): Promise<BankedCredit[]> => records.recent(portalId),

    /** The credit is this provider payment's money: no other provider payment takes it. */
    claim: (portalId: string, creditKey: string, providerPaymentId: string): Promise<void> =>
      records.update(portalId, [{ id: creditKey, change: (c) => ({ ...c, claimedBy: providerPaymentId }) }]),
  };
}
export type BankCreditStore = ReturnType<typeof createBankCreditStore>;
