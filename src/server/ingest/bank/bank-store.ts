import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { UnappliedPayment } from '../../../contracts/bank';
import type { CompanyId, Payment } from '../../../domain/ledger';
import { normaliseName } from '../../matching/normalise';
import { AppError } from '../../errors';
import { ledgerKeys } from '../../ledger/ledger-keys';

/** What was decided for a bank transaction, kept so a re-import repeats it exactly instead of deciding anew. */
const SeenEntry = z.object({
  payments: z.array(z.object({
    externalId: z.string(), companyId: z.string(), invoiceExternalId: z.string().optional(),
    amount: z.object({ minor: z.number().int(), currency: z.string() }), date: z.string(),
    method: z.literal('bank_transfer'),
  })),
});

/** Deletes the lock only while it is still ours (it may have expired and been taken by another import). */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * The bank side of a portal's ledger in Redis (`${prefix}:p:${portalId}:bank:…`, so uninstalling the portal
 * removes it with the rest): transactions seen, the unapplied-payments list, and the payers learned — the
 * debtor accounts and names that paid a customer's invoices before.
 */
export function createBankStore(redis: Redis, prefix: string) {
  const keys = (portalId: string) => {
    const root = ledgerKeys(prefix, portalId).root;
    return { lock: `${root}:bank:lock`, seen: `${root}:bank:seen`, unapplied: `${root}:bank:unapplied`, unappliedByTime: `${root}:bank:unapplied-by-time`, payers: `${root}:bank:payers` };
  };
  const nameKey = (name: string) => { const n = normaliseName(name); return n ? `name:${n}` : undefined; };

  return {
    /**
     * Runs `work` while no other import of this portal's statements does (in this process or another): two
     * statements posted at once would otherwise both see an invoice open and both pay it. The lock expires on its
     * own should its holder die, and only its holder releases it.
     */
    async exclusive<T>(portalId: string, work: () => Promise<T>, opts: { ttlMs?: number; waitMs?: number } = {}): Promise<T> {
      const key = keys(portalId).lock;
      const token = randomUUID();
      const ttlMs = opts.ttlMs ?? 120_000;
      const deadline = Date.now() + (opts.waitMs ?? 120_000);
      while ((await redis.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') {
        if (Date.now() > deadline) throw new AppError('unavailable', 'Another bank statement of this portal is still being imported; try again in a minute.', 503);
        await new Promise((r) => setTimeout(r, 25));
      }
      try {
        return await work();
      } finally {
        await redis.eval(RELEASE, 1, key, token);
      }
    },
    /** The stored decision of each transaction key (undefined: never seen). */
    async seen(portalId: string, txKeys: readonly string[]): Promise<(Payment[] | undefined)[]> {
      if (!txKeys.length) return [];
      const raws = await redis.hmget(keys(portalId).seen, ...txKeys);
      return raws.map((raw) => (raw ? (SeenEntry.parse(JSON.parse(raw)).payments as Payment[]) : undefined));
    },
    /** Remembers decisions before their payments are written: a crash in between is repaired by the next import. */
    async remember(portalId: string, decisions: ReadonlyMap<string, readonly Payment[]>): Promise<void> {
      if (!decisions.size) return;
      await redis.hset(keys(portalId).seen, Object.fromEntries([...decisions].map(([k, payments]) => [k, JSON.stringify({ payments })])));
    },
    async addUnapplied(portalId: string, items: readonly UnappliedPayment[], receivedAt: number): Promise<void> {
      if (!items.length) return;
      const k = keys(portalId);
      const multi = redis.multi().hset(k.unapplied, Object.fromEntries(items.map((i) => [i.id, JSON.stringify(i)])));
      for (const i of items) multi.zadd(k.unappliedByTime, 'NX', receivedAt, i.id);
      await multi.exec();
    },
    async listUnapplied(portalId: string, page: { offset: number; limit: number }): Promise<{ total: number; items: UnappliedPayment[] }> {
      const k = keys(portalId);
      const [total, ids] = await Promise.all([redis.zcard(k.unappliedByTime), redis.zrange(k.unappliedByTime, String(page.offset), String(page.offset + page.limit - 1))]);
      const raws = ids.length ? await redis.hmget(k.unapplied, ...ids) : [];
      return { total, items: raws.filter((r): r is string => r !== null).map((r) => UnappliedPayment.parse(JSON.parse(r))) };
    },
    /** Removes it from the list and returns it; the caller puts it back if applying it fails. */
    async takeUnapplied(portalId: string, id: string): Promise<UnappliedPayment | undefined> {
      const k = keys(portalId);
      const [[, raw]] = (await redis.multi().hget(k.unapplied, id).hdel(k.unapplied, id).zrem(k.unappliedByTime, id).exec()) as [[unknown, string | null]];
      return raw ? UnappliedPayment.parse(JSON.parse(raw)) : undefined;
    },
    async learnPayers(portalId: string, payers: readonly { iban?: string; name?: string; companyId: CompanyId }[]): Promise<void> {
      const fields: Record<string, string> = {};
      for (const p of payers) {
        if (p.iban) fields[`iban:${p.iban}`] = p.companyId;
        const n = p.name ? nameKey(p.name) : undefined;
        if (n) fields[n] = p.companyId;
      }
      if (Object.keys(fields).length) await redis.hset(keys(portalId).payers, fields);
    },
    /** The payers known for these accounts and names, for one import's lookups. */
    async payers(portalId: string, ibans: readonly string[], names: readonly string[]): Promise<{ byIban: Map<string, CompanyId>; byName: Map<string, CompanyId> }> {
      const nameFields = names.map(nameKey);
      const fields = [...ibans.map((i) => `iban:${i}`), ...nameFields.filter((n): n is string => n !== undefined)];
      const values = fields.length ? await redis.hmget(keys(portalId).payers, ...fields) : [];
      const found = new Map(fields.map((f, i) => [f, values[i]] as const).filter((e): e is [string, string] => !!e[1]));
      return {
        byIban: new Map(ibans.flatMap((i) => (found.has(`iban:${i}`) ? [[i, found.get(`iban:${i}`)!] as const] : []))),
        byName: new Map(names.flatMap((n, i) => { const f = nameFields[i]; return f && found.has(f) ? [[n, found.get(f)!] as const] : []; })),
      };
    },
  };
}
export type BankStore = ReturnType<typeof createBankStore>;
