import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ContactId, Invoice } from '../../domain/ledger';
import { scanKeys } from '../infra/redis-scan';
import type { LedgerKeys } from './ledger-keys';
import { decodeInvoice, encodeInvoice } from './invoice-codec';
import type { LedgerStore, PortalId } from './ledger-store';

/** Per-company hashes whose records may carry a `contactId`. */
const WITH_CONTACT = ['inv', 'promises', 'history'] as const;
const PROFILE_FIELDS = ['accountsPayableContactId', 'decisionMakerContactId'] as const;

type Json = Record<string, unknown>;

/**
 * GDPR privacy deletion (contact.privacyDeletion): removes every reference to one contact from the portal's
 * ledger — profile roles and the contactId of invoices, promises and history — keeping the records themselves
 * (what is owed and what was done stays; who it was with goes). Touched companies get a new revision (card
 * caches) and are marked dirty. Returns the companies changed.
 */
export function createForgetContact(redis: Redis, keysOf: (portalId: PortalId) => LedgerKeys): Pick<LedgerStore, 'forgetContact'> {
  return {
    async forgetContact(portalId, contactId) {
      const keys = keysOf(portalId);
      const changed = new Set<string>();
      const companyOf = (key: string) => key.slice(`${keys.root}:ledger:c:`.length).split(':')[0] as string;
      for await (const key of scanKeys(redis, `${keys.root}:ledger:c:*`)) {
        const collection = key.slice(key.lastIndexOf(':') + 1);
        if (collection === 'profile') {
          if (await forgetInProfile(redis, key, contactId)) changed.add(companyOf(key));
        } else if ((WITH_CONTACT as readonly string[]).includes(collection)) {
          if (await forgetInHash(redis, key, contactId, collection === 'inv')) changed.add(companyOf(key));
        }
      }
      if (changed.size > 0) {
        const tx = redis.multi().sadd(keys.dirty, ...changed);
        for (const companyId of changed) tx.set(keys.revision(companyId), randomUUID());
        await tx.exec();
      }
      return [...changed].sort();
    },
  };
}

async function forgetInProfile(redis: Redis, key: string, contactId: ContactId): Promise<boolean> {
  const raw = await redis.get(key);
  if (!raw) return false;
  const profile = JSON.parse(raw) as Json;
  const hits = PROFILE_FIELDS.filter((f) => profile[f] === contactId);
  if (hits.length === 0) return false;
  for (const f of hits) delete profile[f];
  await redis.set(key, JSON.stringify(profile));
  return true;
}

async function forgetInHash(redis: Redis, key: string, contactId: ContactId, invoices: boolean): Promise<boolean> {
  const entries = await redis.hgetall(key);
  const rewrites: string[] = [];
  for (const [field, raw] of Object.entries(entries)) {
    const record = (invoices ? decodeInvoice(raw) : JSON.parse(raw)) as Json;
    if (record.contactId !== contactId) continue;
    delete record.contactId;
    rewrites.push(field, invoices ? encodeInvoice(record as unknown as Invoice) : JSON.stringify(record));
  }
  if (rewrites.length > 0) await redis.hset(key, ...rewrites);
  return rewrites.length > 0;
}

