// The XML half of `npm run bench:ingest`: 10,000 Peppol UBL invoices through the UBL importer, then one camt.053
// with 10,000 credits (each naming one of those invoices) through cash application — each next to saxes alone
// reading the same bytes (the parser the importers stand on: the anchor, same run), with Node's peak RSS growth.
// The documents are the tests' own fixtures (Peppol BIS 3 syntax, camt.053.001.02); BENCH_XML_DOCS changes the count.
import type { Redis } from 'ioredis';
import { SaxesParser } from 'saxes';
import { peppolDocument } from '../../test/server/ingest/ubl/ubl-fixtures';
import { camtDocument } from '../../test/server/ingest/bank/camt-fixtures';
import { createBankImporter } from '../../src/server/ingest/bank/bank-import';
import { createBankStore } from '../../src/server/ingest/bank/bank-store';
import { createDirectDebitFailureService } from '../../src/server/ingest/direct-debit/failure-service';
import { createIngestService } from '../../src/server/ingest/ingest-service';
import { createUblImporter } from '../../src/server/ingest/ubl/ubl-import';
import { createRedisLedgerStore } from '../../src/server/ledger/redis-ledger-store';
import { buildCompanyIndex } from '../../src/server/matching/company-index';

const MB = 1024 * 1024;
const COMPANIES = 500;

/** Runs `work`, sampling RSS every 20 ms: seconds taken and the peak growth over the RSS before it. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; growthMb: number }> {
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  const started = performance.now();
  try {
    const value = await work();
    return { value, seconds: (performance.now() - started) / 1000, growthMb: (Math.max(peak, process.memoryUsage().rss) - baseline) / MB };
  } finally {
    clearInterval(sampler);
  }
}

/** saxes alone over the same text, every event subscribed as the importers do (the anchor). */
function saxesAlone(texts: readonly string[]): number {
  let elements = 0;
  for (const text of texts) {
    const parser = new SaxesParser({ xmlns: true, position: true });
    parser.on('opentag', () => { elements++; });
    parser.on('text', () => undefined);
    parser.on('closetag', () => undefined);
    parser.write(text).close();
  }
  return elements;
}

export async function benchXml(redis: Redis, prefix: string, portalId: string, count = Number(process.env.BENCH_XML_DOCS ?? 10_000)): Promise<void> {
  const buyer = (c: number) => ({ name: `Klant ${c} B.V.`, endpoint: { scheme: '0106', id: String(10_000_000 + c) }, kvk: String(10_000_000 + c) });
  const docs = Array.from({ length: count }, (_, i) => peppolDocument({ number: `UBL-${i}`, issueDate: '2027-03-01', dueDate: '2027-03-31', payable: '121.00', buyer: buyer(i % COMPANIES) }));
  const ledger = createRedisLedgerStore(redis, prefix);
  const index = buildCompanyIndex(Array.from({ length: COMPANIES }, (_, c) => ({ id: String(200_000 + c), name: `Klant ${c} B.V.`, cocNumber: String(10_000_000 + c) })));
  const ubl = createUblImporter(createIngestService({ ledger, companyIndex: async () => index }));

  const ublAnchor = await measured(async () => saxesAlone(docs));
  const files = async function* () { for (const d of docs) yield { content: (async function* () { yield d; })() }; };
  const ublRun = await measured(() => ubl.importUbl(files(), { portalId }));
  const ublMb = docs.reduce((s, d) => s + d.length, 0) / MB;
  console.log(`saxes alone (anchor) on ${count} UBL documents (${ublMb.toFixed(1)} MB): ${Math.round(count / ublAnchor.seconds)} documents/s in ${ublAnchor.seconds.toFixed(2)} s`);
  console.log(`UBL import: ${count} documents in ${ublRun.seconds.toFixed(1)} s = ${Math.round(count / ublRun.seconds)} documents/s — ${(ublRun.seconds / ublAnchor.seconds).toFixed(1)}× the anchor; created ${ublRun.value.created}, rejected ${ublRun.value.rejected}; peak RSS growth ${ublRun.growthMb.toFixed(0)} MB`);

  const statement = camtDocument({ id: 'BENCH', entries: Array.from({ length: count }, (_, i) => ({ amount: 12_100, text: `Factuur UBL-${i}`, name: `KLANT ${i % COMPANIES} BV`, acctSvcrRef: `BENCH-${i}` })) });
  const bank = createBankImporter({ ledger, bank: createBankStore(redis, prefix), failures: createDirectDebitFailureService({ ledger }) });
  const camtAnchor = await measured(async () => saxesAlone([statement]));
  const camtRun = await measured(() => bank.importBank((async function* () { yield { content: (async function* () { yield statement; })() }; })(), { portalId }));
  console.log(`saxes alone (anchor) on one camt.053 of ${count} entries (${(statement.length / MB).toFixed(1)} MB): ${Math.round(count / camtAnchor.seconds)} entries/s in ${camtAnchor.seconds.toFixed(2)} s`);
  console.log(`camt.053 cash application: ${count} entries in ${camtRun.seconds.toFixed(1)} s = ${Math.round(count / camtRun.seconds)} entries/s — ${(camtRun.seconds / camtAnchor.seconds).toFixed(1)}× the anchor; applied ${camtRun.value.applied.invoice_number} by invoice number, ${camtRun.value.unmatched} unapplied; peak RSS growth ${camtRun.growthMb.toFixed(0)} MB`);
}
