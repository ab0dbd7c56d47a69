import { DirectDebitFailureInput } from '../../../contracts/direct-debit';
import type { IngestReport } from '../../../contracts/ingest';
import { returnReason } from '../../../domain/direct-debit/return-reasons';
import type { FailedCollection } from '../../../domain/ledger';
import type { RedisLedgerStore } from '../../ledger/redis-ledger-store';
import { createReportBuilder, describeIssues } from '../ingest-report';
import { parsePain002 } from './pain002';

export interface DirectDebitFailureService {
  /** The JSON endpoint: each item validated on its own, bad ones reported by index. */
  ingestFailures(portalId: string, items: readonly unknown[]): Promise<IngestReport>;
  /**
   * Records validated failures — the one way in for every source (provider JSON, pain.002, camt.053/054
   * returns): the invoice is found by our external id or the collection's end-to-end id, the ISO reason code
   * kept with its kind, and the company marked changed, so the continuous sync plans the follow-up at once.
   * A failure whose invoice is unknown is rejected by its index (the source can send it again once the
   * invoice is in); one recorded before is unchanged.
   */
  recordFailures(portalId: string, inputs: readonly DirectDebitFailureInput[]): Promise<IngestReport>;
  /** A bank's pain.002 status report: its rejected transactions recorded, each problem reported by transaction number. */
  ingestPain002(portalId: string, source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): Promise<IngestReport>;
}

type Ledger = Pick<RedisLedgerStore, 'findInvoiceCompanies' | 'getCustomerLedger' | 'addFailedCollections'>;

export function createDirectDebitFailureService(deps: { readonly ledger: Ledger }): DirectDebitFailureService {
  const { ledger } = deps;

  async function recordFailures(portalId: string, inputs: readonly DirectDebitFailureInput[], report = createReportBuilder(), indexOf = (i: number) => i): Promise<IngestReport> {
    if (!inputs.length) return report.build();
    const candidates = inputs.map((f) => [f.invoiceExternalId, f.endToEndId].filter((id): id is string => id !== undefined));
    const flat = candidates.flat();
    const companies = await ledger.findInvoiceCompanies(portalId, flat);
    const found = new Map(flat.map((id, i) => [id, companies[i]] as const).filter(([, c]) => c !== undefined) as [string, string][]);
    const ledgers = new Map<string, Awaited<ReturnType<Ledger['getCustomerLedger']>>>();
    const fresh: FailedCollection[] = [];
    let unchanged = 0;
    for (const [i, input] of inputs.entries()) {
      const invoiceId = candidates[i]!.find((id) => found.has(id));
      if (!invoiceId) {
        report.reject({ index: indexOf(i), externalId: input.externalId, reason: `no invoice ${candidates[i]!.map((id) => `"${id}"`).join(' or ')} is known: send the invoice first, then this failure again` });
        continue;
      }
      const companyId = found.get(invoiceId)!;
      if (!ledgers.has(companyId)) ledgers.set(companyId, await ledger.getCustomerLedger(portalId, companyId));
      const customer = ledgers.get(companyId);
      const invoice = customer?.invoices.find((inv) => inv.externalId === invoiceId);
      if (input.currency && invoice && input.currency !== invoice.amount.currency) {
        report.reject({ index: indexOf(i), externalId: input.externalId, reason: `currency ${input.currency} differs from invoice ${invoice.number}'s ${invoice.amount.currency}` });
        continue;
      }
      if (customer?.failedCollections.some((f) => f.id === input.externalId) || fresh.some((f) => f.id === input.externalId)) {
        unchanged++;
        continue;
      }
      const reason = returnReason(input.reasonCode);
      fresh.push({ id: input.externalId, companyId, invoiceExternalId: invoiceId, date: input.date, reason: reason.kind, code: reason.code });
    }
    await ledger.addFailedCollections(portalId, fresh);
    report.add({ created: fresh.length, updated: 0, unchanged, unmatched: 0 });
    return report.build();
  }

  return {
    recordFailures: (portalId, inputs) => {
      const report = createReportBuilder();
      report.received(inputs.length);
      return recordFailures(portalId, inputs, report);
    },
    async ingestPain002(portalId, source) {
      const { failures, indexes, problems, transactions } = await parsePain002(source);
      const report = createReportBuilder();
      report.received(transactions);
      problems.forEach((p) => report.reject(p));
      // Accepted transactions are not failures: they count as received and unchanged.
      report.add({ created: 0, updated: 0, unchanged: transactions - failures.length - problems.length, unmatched: 0 });
      return recordFailures(portalId, failures, report, (i) => indexes[i]!);
    },
    async ingestFailures(portalId, items) {
      const report = createReportBuilder();
      report.received(items.length);
      const valid: DirectDebitFailureInput[] = [];
      const indexes: number[] = [];
      items.forEach((item, index) => {
        const parsed = DirectDebitFailureInput.safeParse(item);
        if (parsed.success) { valid.push(parsed.data); indexes.push(index); }
        else report.reject({ index, reason: describeIssues(parsed.error) });
      });
      return recordFailures(portalId, valid, report, (i) => indexes[i]!);
    },
  };
}
