// The XML half of `npm run bench:ingest`: BENCH_XML_DOCS (default 10,000) Peppol UBL invoices through the UBL
// importer the ingest API builds over composeBackend's ingest service, then one camt.053 with as many credits (each
// naming one of those invoices) through cash application — each next to saxes alone reading the same bytes (the
// parser the importers stand on: the anchor, same run), with the app's CPU time and Node's peak RSS. The documents
// are the tests' own fixtures (Peppol BIS 3 syntax, camt.053.001.02). The bank importer is built here over the
// backend's ledger and Redis without the online-payment and bank-credit stores (no online payments to recognise).
import { SaxesParser } from 'saxes';
import { peppolDocument } from '../../test/server/ingest/ubl/ubl-fixtures';
import { camtDocument } from '../../test/server/ingest/bank/camt-fixtures';
import { createBankImporter } from '../../src/server/ingest/bank/bank-import';
import { createBankStore } from '../../src/server/ingest/bank/bank-store';
import type { IngestBackend } from './ingest-backend';
import { measured, profiled, timing } from './measure';

const MB = 1024 * 1024;
/** The buyers, created in the local HubSpot by ingest-backend.ts. */
export const UBL_COMPANIES = 500;

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

export async function benchXml({ backend, portalId, redis, prefix, ubl }: IngestBackend, count = Number(process.env.BENCH_XML_DOCS ?? 10_000)): Promise<void> {
  const buyer = (c: number) => ({ name: `Klant ${c} B.V.`, endpoint: { scheme: '0106', id: String(10_000_000 + c) }, kvk: String(10_000_000 + c) });
  const docs = Array.from({ length: count }, (_, i) => peppolDocument({ number: `UBL-${i}`, issueDate: '2027-03-01', dueDate: '2027-03-31', payable: '121.00', buyer: buyer(i % UBL_COMPANIES) }));

  const ublAnchor = await measured(async () => saxesAlone(docs));
  const files = async function* () { for (const d of docs) yield { content: (async function* () { yield d; })() }; };
  const ublRun = await measured(() => profiled('ubl-import', () => ubl.importUbl(files(), { portalId })), redis);
  const ublMb = docs.reduce((s, d) => s + d.length, 0) / MB;
  console.log(`saxes alone (anchor) on ${count} UBL documents (${ublMb.toFixed(1)} MB): ${Math.round(count / ublAnchor.seconds)} documents/s, ${timing(ublAnchor, count, 'document')}`);
  console.log(`UBL import: ${count} documents, ${timing(ublRun, count, 'document')}; ${Math.round(count / ublRun.seconds)} documents/s — ${(ublRun.seconds / ublAnchor.seconds).toFixed(2)}× the anchor's wall time, ${(ublRun.cpuSeconds / ublAnchor.cpuSeconds).toFixed(2)}× its CPU time; created ${ublRun.value.created}, unmatched ${ublRun.value.unmatched}, rejected ${ublRun.value.rejected}; Redis CPU ${((ublRun.redisCpuSeconds! / count) * 1e6).toFixed(0)} µs per document; Node RSS peak ${ublRun.peakRssMb.toFixed(0)} MB, growth ${ublRun.rssGrowthMb.toFixed(0)} MB`);

  const statement = camtDocument({ id: 'BENCH', entries: Array.from({ length: count }, (_, i) => ({ amount: 12_100, text: `Factuur UBL-${i}`, name: `KLANT ${i % UBL_COMPANIES} BV`, acctSvcrRef: `BENCH-${i}` })) });
  const bank = createBankImporter({ ledger: backend.ledger, bank: createBankStore(redis, prefix), failures: backend.directDebitFailures });
  const camtAnchor = await measured(async () => saxesAlone([statement]));
  const camtRun = await measured(() => bank.importBank((async function* () { yield { content: (async function* () { yield statement; })() }; })(), { portalId }));
  console.log(`saxes alone (anchor) on one camt.053 of ${count} entries (${(statement.length / MB).toFixed(1)} MB): ${Math.round(count / camtAnchor.seconds)} entries/s in ${camtAnchor.seconds.toFixed(2)} s`);
  console.log(`camt.053 cash application: ${count} entries in ${camtRun.seconds.toFixed(1)} s = ${Math.round(count / camtRun.seconds)} entries/s — ${(camtRun.seconds / camtAnchor.seconds).toFixed(1)}× the anchor; applied ${camtRun.value.applied.invoice_number} by invoice number, ${camtRun.value.unmatched} unapplied; peak RSS growth ${camtRun.rssGrowthMb.toFixed(0)} MB`);
}
