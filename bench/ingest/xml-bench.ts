// The XML half of `npm run bench:ingest`: BENCH_XML_DOCS (default 10,000) Peppol UBL invoices through the UBL
// importer the ingest API builds over composeBackend's ingest service, then one camt.053 with as many credits (at
// most BENCH_CAMT_ENTRIES, default 10,000), each naming one of those invoices, through cash application — each next
// to saxes alone reading the same bytes (the parser the importers stand on: the anchor, same run), with the app's CPU
// time and Node's peak RSS. The documents are the tests' own fixtures (Peppol BIS 3 syntax, camt.053.001.02). The
// bank importer is built here over the backend's ledger and Redis without the online-payment and bank-credit stores
// (no online payments to recognise).
import { SaxesParser } from 'saxes';
import { peppolDocument } from '../../test/server/ingest/ubl/ubl-fixtures';
import { camtDocument } from '../../test/server/ingest/bank/camt-fixtures';
import { createBankImporter } from '../../src/server/ingest/bank/bank-import';
import { createBankStore } from '../../src/server/ingest/bank/bank-store';
import type { IngestBackend } from './ingest-backend';
import { measured, profiled } from './measure';

const MB = 1024 * 1024;
/** The buyers, created in the local HubSpot by ingest-backend.ts. */
export const UBL_COMPANIES = 500;

/** saxes alone over the same text, every event subscribed as the importers do (the anchor). */
function saxesAlone(texts: Iterable<string>): number {
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
  // Made one at a time, for the anchor and the import alike (100,000 documents are 290 MB): what making them costs
  // is measured on its own and taken out of both.
  const docs = function* () { for (let i = 0; i < count; i++) yield peppolDocument({ number: `UBL-${i}`, issueDate: '2027-03-01', dueDate: '2027-03-31', payable: '121.00', buyer: buyer(i % UBL_COMPANIES) }); };
  const making = await measured(async () => { let bytes = 0; for (const d of docs()) bytes += d.length; return bytes; });
  const ublAnchor = await measured(async () => saxesAlone(docs()));
  const files = async function* () { for (const d of docs()) yield { content: (async function* () { yield d; })() }; };
  const ublRun = await measured(() => profiled('ubl-import', () => ubl.importUbl(files(), { portalId })), redis);
  const net = (m: { seconds: number; cpuSeconds: number }) => ({ seconds: m.seconds - making.seconds, cpuSeconds: m.cpuSeconds - making.cpuSeconds });
  console.log(`making ${count} UBL documents (${(making.value / MB).toFixed(1)} MB, taken out of both figures below): ${making.seconds.toFixed(2)} s wall, ${making.cpuSeconds.toFixed(2)} s CPU`);
  console.log(`saxes alone (anchor): ${Math.round(count / net(ublAnchor).seconds)} documents/s, ${net(ublAnchor).seconds.toFixed(2)} s wall, ${((net(ublAnchor).cpuSeconds / count) * 1e6).toFixed(1)} µs CPU per document`);
  console.log(`UBL import: ${count} documents, ${net(ublRun).seconds.toFixed(2)} s wall, ${((net(ublRun).cpuSeconds / count) * 1e6).toFixed(1)} µs CPU per document; ${Math.round(count / net(ublRun).seconds)} documents/s — ${(net(ublRun).seconds / net(ublAnchor).seconds).toFixed(2)}× the anchor's wall time, ${(net(ublRun).cpuSeconds / net(ublAnchor).cpuSeconds).toFixed(2)}× its CPU time; created ${ublRun.value.created}, unmatched ${ublRun.value.unmatched}, rejected ${ublRun.value.rejected}; Redis CPU ${((ublRun.redisCpuSeconds! / count) * 1e6).toFixed(0)} µs per document; Node RSS peak ${ublRun.peakRssMb.toFixed(0)} MB, growth ${ublRun.rssGrowthMb.toFixed(0)} MB`);

  // The statement is held whole (its credits are decided together): BENCH_CAMT_ENTRIES, at most one per document.
  const entries = Math.min(count, Number(process.env.BENCH_CAMT_ENTRIES ?? 10_000));
  const statement = camtDocument({ id: 'BENCH', entries: Array.from({ length: entries }, (_, i) => ({ amount: 12_100, text: `Factuur UBL-${i}`, name: `KLANT ${i % UBL_COMPANIES} BV`, acctSvcrRef: `BENCH-${i}` })) });
  const bank = createBankImporter({ ledger: backend.ledger, bank: createBankStore(redis, prefix), failures: backend.directDebitFailures });
  const camtAnchor = await measured(async () => saxesAlone([statement]));
  const camtRun = await measured(() => bank.importBank((async function* () { yield { content: (async function* () { yield statement; })() }; })(), { portalId }));
  console.log(`saxes alone (anchor) on one camt.053 of ${entries} entries (${(statement.length / MB).toFixed(1)} MB): ${Math.round(entries / camtAnchor.seconds)} entries/s in ${camtAnchor.seconds.toFixed(2)} s`);
  console.log(`camt.053 cash application: ${entries} entries in ${camtRun.seconds.toFixed(1)} s = ${Math.round(entries / camtRun.seconds)} entries/s — ${(camtRun.seconds / camtAnchor.seconds).toFixed(1)}× the anchor; applied ${camtRun.value.applied.invoice_number} by invoice number, ${camtRun.value.unmatched} unapplied; peak RSS growth ${camtRun.rssGrowthMb.toFixed(0)} MB`);
}
