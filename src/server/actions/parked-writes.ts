import type { Redis } from 'ioredis';
import { z } from 'zod';
import { OutcomeInput } from '../../contracts/actions';
import { CalendarDate } from '../../contracts/primitives';
import { assertSafeId } from '../ledger/ledger-keys';

/**
 * Card writes whose HubSpot part waits for the portal's daily limit to reset. Their Redis part (a promise, a
 * profile) is stored at once; what waits here is only what HubSpot must still get:
 * - an outcome: the whole input and the day it was logged, replayed through the outcome service (its progress
 *   record and the keys of the call and task keep every HubSpot write once);
 * - preferences: nothing but "this company's preference properties are behind" — the ledger profile is the
 *   truth, so two saves while parked send HubSpot the last one, once.
 * One hash per portal, `${prefix}:p:<portal>:parked-writes`, field = the write's own id.
 */
export const ParkedWrite = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('outcome'), companyId: z.string(), input: OutcomeInput, asOf: CalendarDate }),
  z.object({ kind: z.literal('preferences'), companyId: z.string() }),
]);
export type ParkedWrite = z.infer<typeof ParkedWrite>;

export interface StoredParkedWrite { readonly id: string; readonly write: ParkedWrite }

/** The key after the portal's root (the backup keeps it: these writes exist nowhere else). */
export const PARKED_WRITES_SUFFIX = 'parked-writes';
export const parkedWritesKey = (prefix: string, portalId: string) => `${prefix}:p:${portalId}:${PARKED_WRITES_SUFFIX}`;

const writeId = (w: ParkedWrite): string => (w.kind === 'outcome' ? `outcome:${w.companyId}:${w.input.outcomeId}` : `preferences:${w.companyId}`);

export interface ParkedWrites {
  /** Keeps the write for later; the same write (outcome id, company's preferences) is kept once. */
  keep(portalId: string, write: ParkedWrite): Promise<void>;
  list(portalId: string): Promise<StoredParkedWrite[]>;
  count(portalId: string): Promise<number>;
  /** Applied (or given up): gone. */
  remove(portalId: string, id: string): Promise<void>;
}

export function createParkedWrites(redis: Redis, prefix: string): ParkedWrites {
  const key = (portalId: string) => {
    assertSafeId('portalId', portalId);
    return parkedWritesKey(prefix, portalId);
  };
  return {
    async keep(portalId, write) {
      const parsed = ParkedWrite.parse(write);
      // HSETNX: a resubmitted outcome keeps the first stored input (the one its Redis part was recorded with).
      await redis.hsetnx(key(portalId), writeId(parsed), JSON.stringify(parsed));
    },
    async list(portalId) {
      const all = await redis.hgetall(key(portalId));
      const out: StoredParkedWrite[] = [];
      for (const [id, raw] of Object.entries(all)) {
        const parsed = ParkedWrite.safeParse(JSON.parse(raw));
        // Written by this module only; a record it cannot read is skipped, not applied half-understood.
        if (parsed.success) out.push({ id, write: parsed.data });
      }
      return out.sort((a, b) => a.id.localeCompare(b.id));
    },
    count: (portalId) => redis.hlen(key(portalId)),
    async remove(portalId, id) {
      await redis.hdel(key(portalId), id);
    },
  };
}
