import { hash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Invoice } from '../../domain/ledger';
import { emptyWrite, runAtomicWrite, touchCompany, withRetries } from './atomic-write';
import type { LedgerKeys } from './ledger-keys';
import type { UpsertCounts } from './ledger-store';
import { encodeInvoiceContent } from './invoice-codec';
import { canonicalJson, compareSourceVersions, contentDigest } from './source-version';

/** What the source last sent for an invoice: its version and a digest of the content (not the content: it is stored once, in the company's hash). */
interface SourceMeta { v: string; f: string }

/**
 * A digest of the invoice's content without its version (the same content under a newer version is "unchanged"),
 * with the text to store, from one encoding. md5 because it only tells a changed export row from an unchanged
 * one of the same tenant's source — not a security boundary — and is the shortest: 22 characters kept per invoice.
 */
const encodeWithFingerprint = (invoice: Invoice): { stored: string; f: string } => {
  const { content, stored } = encodeInvoiceContent(invoice);
  return { stored, f: hash('md5', content, 'base64url') };
};
/** Ledgers written before kept a sha1 of the canonical long-form JSON in `f` (27 characters), or that JSON itself. */
const sameContent = (stored: string, invoice: Invoice, f: string): boolean => {
  if (stored.length === f.length) return stored === f;
  const { sourceVersion: _ignored, ...content } = invoice;
  return stored === (stored.startsWith('{') ? canonicalJson(content) : contentDigest(content));
};

/** Within one batch the newest version of each externalId wins (later entries win ties). */
function newestPerId(invoices: readonly Invoice[]): Invoice[] {
  const byId = new Map<string, Invoice>();
  for (const inv of invoices) {
    const seen = byId.get(inv.externalId);
    if (!seen || compareSourceVersions(inv.sourceVersion, seen.sourceVersion) >= 0) byId.set(inv.externalId, inv);
  }
  return [...byId.values()];
}

/**
 * Upserts invoices by externalId. Rules: an older version is ignored; the same content (under any
 * version not older) is unchanged, though a newer version number is remembered so an older one can never
 * win later; new content replaces the stored invoice, also when it moved to another company.
 * The source's content is compared with what the source last sent (not with the stored invoice), so
 * payments applied here in the meantime survive a re-import of the same export.
 */
export async function upsertInvoices(redis: Redis, keys: LedgerKeys, input: readonly Invoice[]): Promise<UpsertCounts> {
  const invoices = newestPerId(input);
  if (invoices.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const ids = invoices.map((i) => i.externalId);
  return withRetries(async () => {
    const read = await redis.pipeline().hmget(keys.invoiceIndex, ...ids).hmget(keys.invoiceSource, ...ids).exec();
    const companies = read?.[0]?.[1] as (string | null)[];
    const metas = read?.[1]?.[1] as (string | null)[];
    const write = emptyWrite();
    const counts = { created: 0, updated: 0, unchanged: 0 };
    invoices.forEach((invoice, i) => {
      const oldCompany = companies[i] ?? null;
      const metaRaw = metas[i] ?? null;
      const meta = metaRaw ? (JSON.parse(metaRaw) as SourceMeta) : undefined;
      const { stored, f } = encodeWithFingerprint(invoice);
      const newer = meta ? compareSourceVersions(invoice.sourceVersion, meta.v) : 1;
      if (meta && newer < 0) { counts.unchanged++; return; }
      write.checks.push({ key: keys.invoiceSource, field: invoice.externalId, expected: metaRaw });
      write.checks.push({ key: keys.invoiceIndex, field: invoice.externalId, expected: oldCompany });
      if (meta && sameContent(meta.f, invoice, f)) {
        counts.unchanged++;
        if (newer > 0) write.hset.push({ key: keys.invoiceSource, field: invoice.externalId, value: JSON.stringify({ v: invoice.sourceVersion, f }) });
        return;
      }
      if (meta) counts.updated++;
      else counts.created++;
      const company = invoice.companyId;
      write.hset.push(
        { key: keys.company(company, 'inv'), field: invoice.externalId, value: stored },
        { key: keys.invoiceIndex, field: invoice.externalId, value: company },
        { key: keys.invoiceSource, field: invoice.externalId, value: JSON.stringify({ v: invoice.sourceVersion, f }) },
      );
      write.zadd.push({ key: keys.companies, member: company });
      touchCompany(write, keys, company);
      if (oldCompany && oldCompany !== company) {
        // Moved to another company (e.g. a corrected customer): the old company loses it.
        write.hdel.push({ key: keys.company(oldCompany, 'inv'), field: invoice.externalId });
        touchCompany(write, keys, oldCompany);
        write.prune.push({ key: keys.companies, member: oldCompany, ifEmpty: [keys.company(oldCompany, 'inv'), keys.company(oldCompany, 'pay')] });
      }
    });
    return (await runAtomicWrite(redis, write)) ? counts : undefined;
  }, 'upsertInvoices');
}
