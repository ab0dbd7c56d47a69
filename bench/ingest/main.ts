// `npm run bench:ingest`: streams a generated 50 MB CSV (BENCH_CSV_MB; issue 17's figure is 1M rows ≈ 110 MB)
// through the importer production runs (the ingest service, matching, the Redis ledger) and prints, from the same
// run: csv-parse alone reading the same file with the same options (the anchor), the import, their ratio
// (target ≤ 3×), Node's peak RSS growth and Redis memory per stored invoice. Then getCustomerLedger for a company
// with 500 open invoices under 50 concurrent readers (the card hot path; target p95 < 50 ms). Then 10,000 UBL
// documents and one camt.053 of 10,000 entries, each next to saxes alone on the same bytes (xml-bench.ts).
// Leaves out: the HTTP upload (the API streams the body into the same importer) and the HubSpot sync afterwards
// (bench:sync); the company index is built in memory, as production's cache holds it.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedis } from '../../src/server/infra/redis';
import { startPrivateRedis } from '../../src/server/infra/redis-server';
import { parse } from 'csv-parse';
import { createCsvImporter } from '../../src/server/ingest/csv/csv-import';
import { prepareCsvSource } from '../../src/server/ingest/csv/csv-source';
import { createIngestService } from '../../src/server/ingest/ingest-service';
import { createRedisLedgerStore } from '../../src/server/ledger/redis-ledger-store';
import { buildCompanyIndex } from '../../src/server/matching/company-index';
import { writeLargeCsv } from './generate-csv';
import { benchXml } from './xml-bench';

const MB = 1024 * 1024;
const FILE_MB = Number(process.env.BENCH_CSV_MB ?? 50);
const COMPANIES = 5000;

const privateRedis = process.env.REDIS_URL ? undefined : await startPrivateRedis();
const redis = createRedis(process.env.REDIS_URL ?? privateRedis!.url, 'worker');
const prefix = `rdbench-${Date.now()}`;
const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
const dir = await mkdtemp(join(tmpdir(), 'rd-bench-'));
try {
  const file = join(dir, 'export.csv');
  const rows = await writeLargeCsv(file, FILE_MB * MB, COMPANIES);
  const size = (await stat(file)).size;

  const ledger = createRedisLedgerStore(redis, prefix);
  const index = buildCompanyIndex(Array.from({ length: COMPANIES }, (_, c) => ({ id: String(100_000 + c), name: `Klant ${c}; B.V.`, customerNumber: `D-${c}` })));
  const importer = createCsvImporter(createIngestService({ ledger, companyIndex: async () => index }));

  // Warm up on a small file first (JIT, lazily compiled schemas, Redis script cache): the baseline then
  // measures what the big import itself costs, which must not grow with the file.
  const warmup = join(dir, 'warmup.csv');
  await writeLargeCsv(warmup, 2 * MB, COMPANIES);
  await importer.importCsv(createReadStream(warmup), { portalId: '2' });
  // The anchor: csv-parse alone, the same options the importer uses, over the same prepared stream (BOM, CRLF).
  const anchorStarted = performance.now();
  const { delimiter, stream } = await prepareCsvSource(createReadStream(file));
  let parsed = 0;
  for await (const _ of stream.pipe(parse({ delimiter, bom: true, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }))) parsed++;
  const anchorSeconds = (performance.now() - anchorStarted) / 1000;
  const redisBefore = await usedMemory();
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  const started = performance.now();
  const report = await importer.importCsv(createReadStream(file), { portalId: '1' });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);

  const redisAfter = await usedMemory();
  console.log(`csv-parse alone (anchor): ${parsed - 1} rows in ${anchorSeconds.toFixed(1)} s`);
  console.log(`CSV import: ${(size / MB).toFixed(1)} MB, ${rows} rows in ${seconds.toFixed(1)} s = ${(size / MB / seconds).toFixed(1)} MB/s, ${Math.round(rows / seconds)} rows/s — ${(seconds / anchorSeconds).toFixed(2)}× the anchor (target ≤ 3×)`);
  console.log(`  created ${report.created}, unmatched ${report.unmatched}, rejected ${report.rejected}`);
  console.log(`  Redis memory ${((redisAfter - redisBefore) / MB).toFixed(0)} MB for ${report.created} invoices = ${Math.round((redisAfter - redisBefore) / Math.max(1, report.created))} B per invoice`);
  global.gc?.();
  if (global.gc) console.log(`  heap after import and GC: ${(process.memoryUsage().heapUsed / MB).toFixed(0)} MB`);
  console.log(`  RSS baseline ${(baseline / MB).toFixed(0)} MB, peak ${(peak / MB).toFixed(0)} MB, growth ${((peak - baseline) / MB).toFixed(0)} MB (${((peak - baseline) / size * 100).toFixed(0)}% of the file)`);

  // Hot path: one company with 500 open invoices, 50 concurrent readers.
  const company = '999999';
  const invoices = Array.from({ length: 500 }, (_, i) => ({
    externalId: `hot-${i}`, number: `H-${i}`, kind: 'invoice' as const, companyId: company, amount: { minor: 12_345, currency: 'EUR' }, open: { minor: 12_345, currency: 'EUR' },
    issueDate: '2026-09-01', dueDate: '2026-10-01', paymentTermDays: 30, status: 'open' as const, directDebit: false, sourceVersion: '1',
  }));
  await ledger.upsertInvoices('1', invoices);
  for (const [label, reader] of [['cold (no cache)', createRedisLedgerStore(redis, prefix, { cacheCompanies: 0 })], ['cached (revalidated per read)', ledger]] as const) {
    const timings: number[] = [];
    await Promise.all(Array.from({ length: 50 }, async () => {
      for (let i = 0; i < 40; i++) {
        const t = performance.now();
        const l = await reader.getCustomerLedger('1', company);
        timings.push(performance.now() - t);
        if (l?.invoices.length !== 500) throw new Error('ledger read returned the wrong invoices');
      }
    }));
    timings.sort((a, b) => a - b);
    const pct = (p: number) => timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))]!.toFixed(1);
    console.log(`getCustomerLedger ${label} (500 invoices, 50 concurrent, ${timings.length} reads): p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms (target p95 < 50 ms)`);
  }
  await benchXml(redis, prefix, '3');
  console.log(`machine load average (1 min): ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`);
} finally {
  await createRedisLedgerStore(redis, prefix).deletePortal('1');
  await createRedisLedgerStore(redis, prefix).deletePortal('2');
  await createRedisLedgerStore(redis, prefix).deletePortal('3');
  await redis.quit();
  await privateRedis?.stop();
  await rm(dir, { recursive: true, force: true });
}
