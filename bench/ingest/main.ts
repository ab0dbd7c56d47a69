// `npm run bench:ingest`: streams a generated Dutch CSV export of BENCH_CSV_ROWS rows (default 100,000 ≈ 9 MB;
// issue 17's figure is 1,000,000 ≈ 98 MB) through the importer production runs — the backend composed by
// composeBackend (ingest-backend.ts): its ingest service with the settings' payment-reference scheme, the usage
// counter, the company index listed from the local HubSpot, the Redis ledger — and prints, from the same run:
// csv-parse alone reading the same file with the same options (the anchor), the import, their ratio (target ≤ 3×),
// the app's CPU time per row (load-independent), Node's peak RSS and its growth, and Redis memory per stored invoice;
// then the same file again (every row unchanged: the daily re-import).
// Then getCustomerLedger for a company with 500 open invoices under 50 concurrent readers (the card hot path). Then
// BENCH_XML_DOCS UBL documents (default 10,000) and one camt.053 of BENCH_CAMT_ENTRIES, each next to saxes alone on
// the same bytes (xml-bench.ts). Leaves out: the HTTP upload (the API streams the body into the same importer, and caps
// it at 50 MB: a 1M-row file goes in through `npm run import`, which runs this importer too) and the HubSpot sync
// afterwards (bench:sync). BENCH_CPU_PROF=<dir> writes a CPU profile of each import alone (measure.ts).
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { prepareCsvSource } from '../../src/server/ingest/csv/csv-source';
import { createRedisLedgerStore } from '../../src/server/ledger/redis-ledger-store';
import { writeLargeCsv } from './generate-csv';
import { startIngestBackend } from './ingest-backend';
import { measured, profiled, redisCommandTimes, timing } from './measure';
import { benchXml, UBL_COMPANIES } from './xml-bench';

const MB = 1024 * 1024;
const ROWS = Number(process.env.BENCH_CSV_ROWS ?? 100_000);
const COMPANIES = 5000;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ');

const bench = await startIngestBackend({ csv: COMPANIES, ubl: UBL_COMPANIES });
const { backend, portalId, redis, prefix } = bench;
const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
const dir = await mkdtemp(join(tmpdir(), 'rd-bench-'));
try {
  console.log(`machine load average (1 / 5 / 15 min) at the start: ${load()} on ${cpus().length} CPUs`);
  const file = join(dir, 'export.csv');
  const size = await writeLargeCsv(file, ROWS, COMPANIES);
  const importer = backend.csvImporter;

  // Warm up on a small file of other invoices first (JIT, lazily compiled schemas, Redis script cache): the
  // baseline then measures what the big import itself costs, which must not grow with the file.
  const warmup = join(dir, 'warmup.csv');
  await writeLargeCsv(warmup, 20_000, COMPANIES, 'W');
  await importer.importCsv(createReadStream(warmup), { portalId });
  // The anchor: csv-parse alone, the same options the importer uses, over the same prepared stream (BOM, CRLF).
  const anchor = await measured(async () => {
    const { delimiter, stream } = await prepareCsvSource(createReadStream(file));
    let parsed = 0;
    for await (const _ of stream.pipe(parse({ delimiter, bom: true, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }))) parsed++;
    return parsed - 1;
  });
  const redisBefore = await usedMemory();
  await redis.config('RESETSTAT');
  const run = await measured(() => profiled('csv-import', () => importer.importCsv(createReadStream(file), { portalId })), redis);
  const report = run.value;
  const redisAfter = await usedMemory();
  console.log(`csv-parse alone (anchor): ${anchor.value} rows, ${timing(anchor, anchor.value, 'row')}`);
  console.log(`CSV import: ${(size / MB).toFixed(1)} MB, ${ROWS} rows, ${timing(run, ROWS, 'row')}; ${Math.round(ROWS / run.seconds)} rows/s — ${(run.seconds / anchor.seconds).toFixed(2)}× the anchor's wall time (target ≤ 3×), ${(run.cpuSeconds / anchor.cpuSeconds).toFixed(2)}× its CPU time`);
  console.log(`  Redis CPU ${run.redisCpuSeconds!.toFixed(2)} s = ${((run.redisCpuSeconds! / ROWS) * 1e6).toFixed(1)} µs per row`);
  console.log(`  Redis time by command: ${await redisCommandTimes(redis, ROWS)}`);
  console.log(`  received ${report.received}: created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, unmatched ${report.unmatched}, rejected ${report.rejected}, duplicates ${report.duplicates ?? 0}`);
  console.log(`  Redis memory ${((redisAfter - redisBefore) / MB).toFixed(0)} MB for ${report.created} invoices = ${Math.round((redisAfter - redisBefore) / Math.max(1, report.created))} B per invoice (used_memory, indexes included)`);
  console.log(`  Node RSS peak ${run.peakRssMb.toFixed(0)} MB, growth ${run.rssGrowthMb.toFixed(0)} MB during the import (the file: ${(size / MB).toFixed(0)} MB)`);

  // The daily case: the same export again, every row unchanged (compared by its fingerprint, nothing written).
  const again = await measured(() => importer.importCsv(createReadStream(file), { portalId }), redis);
  console.log(`the same file again: ${timing(again, ROWS, 'row')}, Redis CPU ${((again.redisCpuSeconds! / ROWS) * 1e6).toFixed(1)} µs per row — ${(again.seconds / anchor.seconds).toFixed(2)}× the anchor's wall time; received ${again.value.received}: unchanged ${again.value.unchanged}, created ${again.value.created}, updated ${again.value.updated}`);

  // Hot path: one company with 500 open invoices, 50 concurrent readers.
  const company = '999999';
  const invoices = Array.from({ length: 500 }, (_, i) => ({
    externalId: `hot-${i}`, number: `H-${i}`, kind: 'invoice' as const, companyId: company, amount: { minor: 12_345, currency: 'EUR' }, open: { minor: 12_345, currency: 'EUR' },
    issueDate: '2026-09-01', dueDate: '2026-10-01', paymentTermDays: 30, status: 'open' as const, directDebit: false, sourceVersion: '1',
  }));
  await backend.ledger.upsertInvoices(portalId, invoices);
  for (const [label, reader] of [['cold (no cache)', createRedisLedgerStore(redis, prefix, { cacheCompanies: 0 })], ['cached (revalidated per read)', backend.ledger]] as const) {
    const timings: number[] = [];
    await Promise.all(Array.from({ length: 50 }, async () => {
      for (let i = 0; i < 40; i++) {
        const t = performance.now();
        const l = await reader.getCustomerLedger(portalId, company);
        timings.push(performance.now() - t);
        if (l?.invoices.length !== 500) throw new Error('ledger read returned the wrong invoices');
      }
    }));
    timings.sort((a, b) => a - b);
    const pct = (p: number) => timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))]!.toFixed(1);
    console.log(`getCustomerLedger ${label} (500 invoices, 50 concurrent, ${timings.length} reads): p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms (target p95 < 50 ms)`);
  }
  await benchXml(bench);
  console.log(`machine load average (1 / 5 / 15 min) at the end: ${load()} on ${cpus().length} CPUs`);
} finally {
  await bench.close();
  await rm(dir, { recursive: true, force: true });
}
