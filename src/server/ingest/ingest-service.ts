import type { z } from 'zod';
import { InvoiceInput, PaymentInput, type CustomerKeys, type IngestReport, type UnmatchedList } from '../../contracts/ingest';
import { documentKey } from '../../domain/document-identity';
import type { CompanyId, Invoice } from '../../domain/ledger';
import { DEFAULT_PAYMENT_REFERENCE_SCHEME, type PaymentReferenceScheme } from '../../domain/payments/payment-reference';
import { AppError } from '../errors';
import type { UpsertCounts } from '../ledger/ledger-store';
import type { RedisLedgerStore } from '../ledger/redis-ledger-store';
import { hasCompany, type CompanyIndex } from '../matching/company-index';
import { matchCompany, type MatchResult } from '../matching/match-company';
import { createReportBuilder, describeIssues, type BatchCounts } from './ingest-report';
import { readSourceDisputes, syncSourceDisputes } from './source-disputes';
import { toInvoice, toPayment } from './to-ledger';
import { toUnmatchedItem, unmatchedInvoice, unmatchedPayment, UnmatchedPayload } from './unmatched-payload';

export interface IngestDeps {
  readonly ledger: RedisLedgerStore;
  /** The portal's HubSpot company index; undefined when companies cannot be listed (then nothing matches). */
  readonly companyIndex: (portalId: string) => Promise<CompanyIndex | undefined>;
  /**
   * Looks keys that missed the index up in HubSpot (matching/find-missing.ts); resolves with the index then,
   * or undefined when nothing was found. Absent: misses wait at once (the CLI without HubSpot, tests).
   */
  readonly findMissing?: (portalId: string, customers: readonly CustomerKeys[]) => Promise<CompanyIndex | undefined>;
  readonly now?: () => Date;
  /** Counts the valid rows taken in (JSON, CSV and UBL all pass here), for /metrics. */
  readonly onRows?: (portalId: string, rows: number) => Promise<void>;
  /** The company's payment-reference scheme (settings); betalingskenmerk when absent (the CLI). */
  readonly referenceScheme?: (portalId: string) => Promise<PaymentReferenceScheme>;
}

export interface IngestService {
  /** Validates each item on its own (bad ones reported by index), matches, upserts; unmatched ones wait. */
  ingestInvoices(portalId: string, items: readonly unknown[]): Promise<IngestReport>;
  ingestPayments(portalId: string, items: readonly unknown[]): Promise<IngestReport>;
  /** Validated invoices (the CSV importer's batches): `version` applies to those without their own. */
  ingestInvoiceInputs(portalId: string, inputs: readonly InvoiceInput[], opts: { version: string; index: CompanyIndex | undefined; receivedAt: string }): Promise<BatchCounts>;
  companyIndex(portalId: string): Promise<CompanyIndex | undefined>;
  listUnmatched(portalId: string, page: { offset: number; limit: number }): Promise<UnmatchedList>;
  /** Files a waiting document under the company a person chose. 404 when it is not waiting. */
  resolveUnmatched(portalId: string, externalId: string, companyId: CompanyId): Promise<UpsertCounts>;
}

const NO_INDEX: MatchResult = { unmatched: true, reason: 'HubSpot companies are not available for matching' };

export function createIngestService(deps: IngestDeps): IngestService {
  const now = deps.now ?? (() => new Date());
  const { ledger } = deps;
  /** The invoices under the external id their document is filed under (one document from two sources counts once). */
  async function asFiled(portalId: string, invoices: readonly Invoice[]): Promise<Invoice[]> {
    const ids = await ledger.claimDocumentKeys(portalId, invoices.map((i) => ({ key: documentKey(i), externalId: i.externalId })));
    return invoices.map((inv, n) => (ids[n] === inv.externalId ? inv : { ...inv, externalId: ids[n]! }));
  }
  const schemeOf = async (portalId: string): Promise<PaymentReferenceScheme> => (await deps.referenceScheme?.(portalId)) ?? DEFAULT_PAYMENT_REFERENCE_SCHEME;

  /** An explicit, existing HubSpot id wins; then where the document is already filed (maybe by a person); then the keys. */
  function decide(index: CompanyIndex | undefined, customer: CustomerKeys | undefined, filedUnder: CompanyId | undefined): MatchResult {
    if (index && customer?.hubspotCompanyId && hasCompany(index, customer.hubspotCompanyId)) return { companyId: customer.hubspotCompanyId, matchedBy: 'hubspot_id' };
    if (filedUnder) return { companyId: filedUnder, matchedBy: 'hubspot_id' };
    if (!index) return NO_INDEX;
    return customer ? matchCompany(index, customer) : { unmatched: true, reason: 'no customer keys and the invoice is unknown' };
  }

  /** Decides every item; the misses get one HubSpot lookup (findMissing) and are decided again with what it found. */
  async function decideAll<T>(portalId: string, items: readonly T[], index: CompanyIndex | undefined, decideOne: (item: T, index: CompanyIndex | undefined) => MatchResult, keys: (item: T) => CustomerKeys | undefined) {
    let results = items.map((item) => decideOne(item, index));
    const missed = items.filter((_, i) => !('companyId' in results[i]!));
    if (missed.length > 0 && index && deps.findMissing) {
      const fresh = await deps.findMissing(portalId, missed.map(keys).filter((k): k is CustomerKeys => k !== undefined));
      if (fresh) results = items.map((item, i) => ('companyId' in results[i]! ? results[i]! : decideOne(item, fresh)));
    }
    return results;
  }

  async function ingestInvoiceInputs(portalId: string, inputs: readonly InvoiceInput[], opts: { version: string; index: CompanyIndex | undefined; receivedAt: string }): Promise<BatchCounts> {
    // Independent of each other, so one round trip: the usage count, the reference scheme, where each is filed.
    const [, scheme, filed] = await Promise.all([
      deps.onRows?.(portalId, inputs.length), schemeOf(portalId), ledger.findInvoiceCompanies(portalId, inputs.map((i) => i.externalId)),
    ]);
    const waiting = [];
    const matches = await decideAll(portalId, [...inputs.keys()], opts.index, (i, index) => decide(index, inputs[i]!.customer, filed[i]), (i) => inputs[i]!.customer);
    const filing: Invoice[] = [];
    for (const [i, input] of inputs.entries()) {
      const match = matches[i]!;
      if ('companyId' in match) filing.push(toInvoice(input, match.companyId, opts.version, scheme));
      else waiting.push(unmatchedInvoice(input, opts.version, opts.receivedAt, match.reason));
    }
    const invoices = await asFiled(portalId, filing);
    // Unmatched first, then the ledger, then clean-up: a failure in between leaves a state a retry repairs.
    await ledger.addUnmatched(portalId, waiting);
    // The upsert and the read of the batch's source disputes go out together, then the disputes it changes and
    // the clean-up: a document that waited under its own id may now be filed under the first delivery's.
    const [counts, disputes] = await Promise.all([ledger.upsertInvoices(portalId, invoices), readSourceDisputes(ledger, portalId, invoices)]);
    await Promise.all([
      syncSourceDisputes(ledger, portalId, invoices, disputes, opts.receivedAt.slice(0, 10)),
      ledger.removeUnmatched(portalId, filing.map((i) => i.externalId)),
    ]);
    return { ...counts, unmatched: waiting.length };
  }

  async function ingestPaymentInputs(portalId: string, inputs: readonly PaymentInput[], index: CompanyIndex | undefined, receivedAt: string): Promise<BatchCounts> {
    await deps.onRows?.(portalId, inputs.length);
    const filed = await ledger.findInvoiceCompanies(portalId, inputs.map((p) => p.invoiceExternalId ?? ''));
    const payments = [];
    const waiting = [];
    const matches = await decideAll(portalId, [...inputs.keys()], index, (i, idx) => decide(idx, inputs[i]!.customer, inputs[i]!.invoiceExternalId ? filed[i] : undefined), (i) => inputs[i]!.customer);
    for (const [i, input] of inputs.entries()) {
      const match = matches[i]!;
      if ('companyId' in match) payments.push(toPayment(input, match.companyId));
      else waiting.push(unmatchedPayment(input, receivedAt, match.reason));
    }
    await ledger.addUnmatched(portalId, waiting);
    const counts = await ledger.upsertPayments(portalId, payments);
    await ledger.removeUnmatched(portalId, payments.map((p) => p.externalId));
    return { ...counts, unmatched: waiting.length };
  }

  return {
    ingestInvoiceInputs,
    companyIndex: (portalId) => deps.companyIndex(portalId),

    async ingestInvoices(portalId, items) {
      const report = createReportBuilder();
      const valid = acceptValid(InvoiceInput, items, report);
      const receivedAt = now().toISOString();
      if (valid.length) report.add(await ingestInvoiceInputs(portalId, valid, { version: receivedAt, index: await deps.companyIndex(portalId), receivedAt }));
      return report.build();
    },

    async ingestPayments(portalId, items) {
      const report = createReportBuilder();
      const valid = acceptValid(PaymentInput, items, report);
      if (valid.length) report.add(await ingestPaymentInputs(portalId, valid, await deps.companyIndex(portalId), now().toISOString()));
      return report.build();
    },

    async listUnmatched(portalId, page) {
      const { total, items } = await ledger.listUnmatched(portalId, page);
      return { total, items: items.map(toUnmatchedItem) };
    },

    async resolveUnmatched(portalId, externalId, companyId) {
      const index = await deps.companyIndex(portalId);
      if (index && !hasCompany(index, companyId)) throw new AppError('unknown_company', `HubSpot company ${companyId} does not exist in this portal.`, 422);
      const doc = await ledger.takeUnmatched(portalId, externalId);
      if (!doc) throw new AppError('not_found', `No unmatched document ${externalId}.`, 404);
      try {
        const payload = UnmatchedPayload.parse(doc.payload);
        if (payload.type === 'invoice') return await ledger.upsertInvoices(portalId, await asFiled(portalId, [toInvoice(payload.input, companyId, payload.version, await schemeOf(portalId))]));
        return await ledger.upsertPayments(portalId, [toPayment(payload.input, companyId)]);
      } catch (error) {
        // Never lose a document: it goes back on the list when filing it failed.
        await ledger.addUnmatched(portalId, [doc]);
        throw error;
      }
    },
  };
}

/** Counts the items as received and keeps those the schema accepts; each other one is rejected by its index. */
function acceptValid<S extends z.ZodType>(schema: S, items: readonly unknown[], report: ReturnType<typeof createReportBuilder>): z.output<S>[] {
  report.received(items.length);
  const valid: z.output<S>[] = [];
  items.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) valid.push(parsed.data);
    else report.reject({ index, ...externalIdOf(item), reason: describeIssues(parsed.error) });
  });
  return valid;
}

function externalIdOf(item: unknown): { externalId?: string } {
  const id = (item as { externalId?: unknown } | null)?.externalId;
  return typeof id === 'string' && id.length <= 128 ? { externalId: id } : {};
}
