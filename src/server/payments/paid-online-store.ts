import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { PaidOnline } from '../../domain/cash-application/paid-online';
import { ledgerKeys } from '../ledger/ledger-keys';

/** How long a provider payment is looked for on bank statements: a payout or a late statement comes within weeks. */
const KEEP_DAYS = 120;
const DAY_MS = 86_400_000;

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
  const keys = (portalId: string) => {
    const root = ledgerKeys(prefix, portalId).root;
    return { byId: `${root}:dp:paid-online`, byTime: `${root}:dp:paid-online-by-time` };
  };

  return {
    /** Once per provider payment: a repeated webhook keeps the first record (and whether a bank credit claimed it). */
    async record(portalId: string, paid: PaidOnline): Promise<void> {
      const k = keys(portalId);
      await redis.multi().hsetnx(k.byId, paid.providerPaymentId, JSON.stringify(paid)).zadd(k.byTime, 'NX', now().getTime(), paid.providerPaymentId).exec();
    },

    /** The provider payments of the last months, oldest first; older ones are dropped on the way. */
    async recent(portalId: string): Promise<PaidOnline[]> {
      const k = keys(portalId);
      const cutoff = now().getTime() - KEEP_DAYS * DAY_MS;
      const old = await redis.zrangebyscore(k.byTime, '-inf', `(${cutoff}`);
      if (old.length) await redis.multi().hdel(k.byId, ...old).zrem(k.byTime, ...old).exec();
      const ids = await redis.zrange(k.byTime, '0', '-1');
      if (!ids.length) return [];
      const raws = await redis.hmget(k.byId, ...ids);
      return raws.flatMap((raw) => (raw ? [Stored.parse(JSON.parse(raw)) as PaidOnline] : []));
    },

    /** The bank credits recognised as provider payments: each payment is claimed by one credit only. */
    async markBanked(portalId: string, claims: readonly { providerPaymentId: string; creditKey: string }[]): Promise<void> {
      if (!claims.length) return;
      const k = keys(portalId);
      const raws = await redis.hmget(k.byId, ...claims.map((c) => c.providerPaymentId));
      const updates: Record<string, string> = {};
      claims.forEach((c, i) => {
        const raw = raws[i];
        if (raw) updates[c.providerPaymentId] = JSON.stringify({ ...Stored.parse(JSON.parse(raw)), bankedBy: c.creditKey });
      });
      if (Object.keys(updates).length) await redis.hset(k.byId, updates);
    },
  };
}
export type PaidOnlineStore = ReturnType<typeof createPaidOnlineStore>;
