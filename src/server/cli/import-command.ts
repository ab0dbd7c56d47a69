import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { Redis } from 'ioredis';
import { CsvImportQuery, type IngestReport } from '../../contracts/ingest';
import { createCsvImporter } from '../ingest/csv/csv-import';
import { CsvMapping } from '../ingest/csv/csv-mapping';
import { createIngestService } from '../ingest/ingest-service';
import { createRedisLedgerStore } from '../ledger/redis-ledger-store';
import { createCompanyIndexCache } from '../matching/company-index-cache';
import { importXmlFile } from './xml-import';
import type { CompanySource } from '../matching/company-index';

export const USAGE = 'usage: npm run import -- <file.csv> [--portal <id>] [--mapping mapping.json] [--date-format dmy|mdy|ymd] [--preset <id>] [--no-match]   (or a UBL e-invoice / camt.053 / camt.054 .xml file)';

export interface ImportCommandDeps {
  readonly redis: Redis;
  readonly prefix: string;
  /** HubSpot companies for matching (the gateway); without it, only a company index cached earlier is used. */
  readonly companySource?: CompanySource;
  readonly out: (line: string) => void;
  /** Shows a progress bar (interactive terminals only). */
  readonly progress?: boolean;
}

export class UsageError extends Error {}

export function parseImportArgs(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      portal: { type: 'string', default: '1' }, mapping: { type: 'string' }, 'date-format': { type: 'string' }, preset: { type: 'string' },
      'no-match': { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(USAGE);
  const query = CsvImportQuery.safeParse({ dateFormat: values['date-format'], preset: values.preset });
  if (!query.success) throw new UsageError(`${query.error.issues.map((i) => `--${i.path.join('.') === 'dateFormat' ? 'date-format' : i.path.join('.')}: ${i.message}`).join('; ')}\n${USAGE}`);
  return { file, portalId: values.portal, mappingFile: values.mapping, noMatch: values['no-match'], dateOrder: query.data.dateFormat, preset: query.data.preset };
}

/** Streams a CSV file through the import service into the ledger and prints the per-row report. */
export async function runImportCommand(argv: readonly string[], deps: ImportCommandDeps): Promise<IngestReport> {
  const args = parseImportArgs(argv);
  const mapping = args.mappingFile ? CsvMapping.parse(JSON.parse(await readFile(args.mappingFile, 'utf8'))) : undefined;
  const size = (await stat(args.file)).size;
  const ledger = createRedisLedgerStore(deps.redis, deps.prefix);
  const companies = createCompanyIndexCache({ redis: deps.redis, prefix: deps.prefix, ...(deps.companySource ? { source: deps.companySource } : {}) });
  const ingest = createIngestService({ ledger, companyIndex: (portalId) => companies.get(portalId) });
  if (!args.noMatch && !deps.companySource && !(await companies.get(args.portalId))) {
    deps.out('No HubSpot company list is available (none cached): every row goes to the unmatched list.');
  }
  if (/\.xml$/i.test(args.file)) {
    const report = await importXmlFile(args.file, { portalId: args.portalId, noMatch: args.noMatch, redis: deps.redis, prefix: deps.prefix, ledger, ingest });
    printReport(report, deps.out);
    return report;
  }
  const bar = deps.progress ? new cliProgress.SingleBar({ format: 'importing [{bar}] {percentage}% | {value}/{total} bytes | {eta}s left' }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(size, 0);
  let report: IngestReport;
  try {
    report = await createCsvImporter(ingest).importCsv(createReadStream(args.file), {
      portalId: args.portalId,
      ...(mapping ? { mapping } : {}),
      ...(args.dateOrder ? { dateOrder: args.dateOrder } : {}),
      ...(args.preset ? { preset: args.preset } : {}),
      noMatch: args.noMatch,
      ...(bar ? { onProgress: (bytes: number) => bar.update(bytes) } : {}),
    });
  } finally {
    bar?.stop();
  }
  printReport(report, deps.out);
  return report;
}

export function printReport(report: IngestReport, out: (line: string) => void): void {
  out(`rows: ${report.received} · new: ${report.created} · updated: ${report.updated} · unchanged: ${report.unchanged} · unmatched: ${report.unmatched} · rejected: ${report.rejected}${report.duplicates ? ` · duplicates: ${report.duplicates}` : ''}`);
  if (report.layout) {
    const columns = Object.entries(report.layout.columns).map(([field, column]) => `${column} → ${field}`).join(', ');
    out(`layout (${report.layout.recognisedBy}): ${columns}${report.layout.ignored.length ? ` · not used: ${report.layout.ignored.join(', ')}` : ''}`);
  }
  for (const e of report.errors) out(`  line ${e.line ?? '?'}${e.externalId ? ` (${e.externalId})` : ''}: ${e.reason}`);
  if (report.rejected > report.errors.length) out(`  … and ${report.rejected - report.errors.length} more rejected rows`);
  for (const d of report.duplicateRows ?? []) out(`  line ${d.line ?? '?'}${d.externalId ? ` (${d.externalId})` : ''}: ${d.reason}`);
  if (report.unmatched) out(`${report.unmatched} row(s) wait in the unmatched list (GET /api/ingest/unmatched).`);
}
