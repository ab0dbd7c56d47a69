import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { ledgerKeys } from '../ledger/ledger-keys';

/** A PDF stays as long as an invoice is likely to be asked about (two years); a re-import replaces it. */
const TTL_SECONDS = 2 * 366 * 86_400;

/**
 * The invoices' own PDFs as the source provided them (a UBL's embedded attachment), per portal and invoice
 * (`…:p:<portal>:pdf:<sha256 of the invoice id>`) with a per-portal set of the invoices that have one, for the page's links.
 * Who may download one is the debtor page's decision (the invoice must be in the link's customer's ledger).
 */
export function createInvoicePdfStore(redis: Redis, prefix: string) {
  const keys = (portalId: string) => {
    const root = ledgerKeys(prefix, portalId).root;
    // Source ids may hold any character (`ubl:invoice:F-1`): the key names their digest.
    return { pdf: (invoiceId: string) => `${root}:pdf:${createHash('sha256').update(invoiceId).digest('base64url')}`, index: `${root}:pdfs` };
  };
  return {
    async put(portalId: string, invoiceId: string, pdf: Buffer): Promise<void> {
      const k = keys(portalId);
      await redis.multi().set(k.pdf(invoiceId), pdf, 'EX', TTL_SECONDS).sadd(k.index, invoiceId).exec();
    },
    /** Which of these invoices have a PDF. */
    async which(portalId: string, invoiceIds: readonly string[]): Promise<Set<string>> {
      if (invoiceIds.length === 0) return new Set();
      const found = await redis.smismember(keys(portalId).index, ...invoiceIds);
      return new Set(invoiceIds.filter((_, i) => found[i] === 1));
    },
    async get(portalId: string, invoiceId: string): Promise<Buffer | undefined> {
      return (await redis.getBuffer(keys(portalId).pdf(invoiceId))) ?? undefined;
    },
  };
}
export type InvoicePdfStore = ReturnType<typeof createInvoicePdfStore>;
