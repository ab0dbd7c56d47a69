import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { PaidOnline } from '../../domain/cash-application/paid-online';
import { createRecentRecords } from './recent-records';

/** How long a provider payment is looked for on bank statements: a payout or a late statement comes within weeks. */
const KEEP_DAYS = 120;

const Stored = z.object({
  providerPaymentId: z.string(),
  companyId: z.string(),
  amount: z.object({ minor: z.number().int(), currency: z.string() }),
  invoices: z.array(z.object({ number: z.string(), paymentReference: z.string().optional() })),
  bankedBy: z.string().optional(),
});

/**
 * Provider payments the ledger already has (`…:p:<portal>:dp:paid-online` → id → payment, with a by-time index
 * for pruning), so the bank import can tell a later statement of the same money from a new payment.
 */
export function createPaidOnlineStore(redis: Redis, prefix: string, now: () => Date) {
  const records = createRecentRecords(redis, prefix, {
    name: 'paid-online', keepDays: KEEP_DAYS, now, parse: (stored) => Stored.parse(stored) as PaidOnline,
  });

  return {
    /** Once per provider payment: a repeated webhook keeps the first record (and whether a bank credit claimed it). */
    record: (portalId: string, paid: PaidOnline): Promise<void> => records.add(portalId, [{ id: paid.providerPaymentId, value: paid }]),

    /** The provider payments of the last months, oldest first; older ones are dropped on the way. */
    recent: (portalId: string): Promise<PaidOnline[]> => records.recent(portalId),

    /** The bank credits recognised as provider payments: each payment is claimed by one credit only. */
    markBanked: (portalId: string, claims: readonly { providerPaymentId: string; creditKey: string }[]): Promise<void> =>
      records.update(portalId, claims.map((c) => ({ id: c.providerPaymentId, change: (p) => ({ ...p, bankedBy: c.creditKey }) }))),
  };
}
export type PaidOnlineStore = ReturnType<typeof createPaidOnlineStore>;
