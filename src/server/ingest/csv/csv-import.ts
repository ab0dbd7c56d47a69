import { parse, type CsvError } from 'csv-parse';
import type { CsvDateRefusal, IngestReport, InvoiceInput } from '../../../contracts/ingest';
import type { Result } from '../../../domain/result';
import { AppError } from '../../errors';
import { createBatchWriter } from '../batch-writer';
import { createReportBuilder } from '../ingest-report';
import { createDateOrderGate, type DateOrderGate } from './csv-dates';
import { CSV_PRESETS, detectPreset, presetById, type CsvPreset } from './csv-presets';
import type { IngestService } from '../ingest-service';
import { layoutFromMapping, recogniseHeader } from './csv-layout';
import type { CsvMapping } from './csv-mapping';
import { rowToInvoice, type RowContext } from './csv-row';
import { lastOfEach } from './batch-duplicates';
import { prepareCsvSource, type CsvInput } from './csv-source';
import type { DateOrder } from './csv-values';
import { guardQuotes, MAX_RECORD_LINES } from './quote-guard';

const UNTERMINATED_QUOTE = `unterminated quote (a quoted field still open after ${MAX_RECORD_LINES} lines or at the end of the file); the rows after this line were read on their own`;

export interface CsvImportOptions {
  readonly portalId: string;
  /** A custom mapping; by default the layout is recognised from the header's names. */
  readonly mapping?: CsvMapping;
  /** How the export writes its dates (`?dateFormat=`, `--date-format`); wins over the mapping's and a preset's. */
  readonly dateOrder?: DateOrder;
  /** An accounting package's export (csv-presets.ts) by id; by default recognised from the header. */
  readonly preset?: string;
  /** Skip matching: every row waits in the unmatched list (the CLI without HubSpot). */
  readonly noMatch?: boolean;
  readonly batchSize?: number;
  /** Called with the bytes read so far (for a progress bar). */
  readonly onProgress?: (bytesRead: number) => void;
}

export interface CsvImporter {
  /** Streams the file row by row: valid rows go in (in batches), every bad row is reported with its line. */
  importCsv(input: CsvInput, options: CsvImportOptions): Promise<IngestReport>;
}

export function createCsvImporter(ingest: IngestService, now: () => Date = () => new Date()): CsvImporter {
  return {
    async importCsv(input, options) {
      const report = createReportBuilder();
      const { delimiter, stream: source } = await prepareCsvSource(input, options.onProgress);
      let headerUnterminated = false;
      const stream = guardQuotes(source, delimiter, ({ line }) => {
        if (line === 1) { headerUnterminated = true; return; }
        report.received(1);
        report.reject({ line, reason: UNTERMINATED_QUOTE });
      });
      source.on('error', (e) => stream.destroy(e));
      const parser = stream.pipe(parse({
        delimiter, bom: true, info: true, relax_column_count: true, relax_quotes: true,
        skip_empty_lines: true, skip_records_with_error: true,
        on_skip: (error: CsvError | undefined) => {
          report.received(1);
          report.reject({ line: Number(error?.lines ?? 0), reason: `unreadable CSV (${error?.message ?? 'malformed record'})` });
          return undefined;
        },
      }));
      stream.on('error', (e) => parser.destroy(e));
      // One version for the whole file: rows of this export replace those of an earlier one.
      const started = now().toISOString();
      const index = options.noMatch ? undefined : await ingest.companyIndex(options.portalId);
      const batchSize = options.batchSize ?? 1000;
      let ctx: RowContext | undefined;
      // Rows wait here until the file's dates tell their order (csv-dates.ts): an ambiguous file writes nothing.
      let gate: DateOrderGate<{ record: string[]; line: number }> | undefined;
      let batch: InvoiceInput[] = [];
      /** The file line of each row in `batch`. */
      let lines: number[] = [];
      // Batches are written while the next ones are parsed (the parser no longer idles on Redis round trips).
      const writer = createBatchWriter((kept: InvoiceInput[]) => ingest.ingestInvoiceInputs(options.portalId, kept, { version: started, index, receivedAt: started }).then((counts) => report.add(counts)));
      const flush = async () => {
        if (!batch.length) return;
        // A row repeated in one batch would be written once and counted once: the later one wins (as it does
        // across batches, where it counts as an update), the earlier ones are reported as duplicates.
        const { kept, superseded } = lastOfEach(batch, lines);
        batch = [];
        lines = [];
        for (const d of superseded) report.duplicate({ line: d.line, externalId: d.externalId, reason: `the same invoice as line ${d.by}, which replaces it` });
        await writer.push(kept);
      };
      const take = async (record: string[], line: number, rowCtx: RowContext) => {
        const row = rowToInvoice(record, rowCtx);
        if (!row.ok) {
          report.reject({ line, ...(record[rowCtx.layout.columns.number ?? -1] ? { externalId: record[rowCtx.layout.columns.number ?? -1] } : {}), reason: row.error });
          return;
        }
        batch.push(row.value);
        lines.push(line);
        if (batch.length >= batchSize) await flush();
      };
      /** The context rows are read in once the file's date order is known. */
      let ordered: RowContext | undefined;
      const orderedCtx = (): RowContext => (ordered ??= { ...ctx!, dateOrder: gate!.order! });
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        // info.lines is the record's last line; quoted newlines inside it tell where it started.
        const line = info.lines - newlinesIn(record);
        if (!ctx) {
          if (headerUnterminated) throw new AppError('unreadable_csv_header', `The header (line 1) has a quote that never closes: ${UNTERMINATED_QUOTE}. Nothing was imported.`, 400);
          ctx = headerContext(record, options.mapping, options.preset, delimiter);
          gate = createDateOrderGate(options.dateOrder ?? ctx.layout.dateOrder);
          continue;
        }
        report.received(1);
        // Once the order is decided every row goes straight through (the gate no longer needs its dates).
        if (ordered) { await take(record, line, ordered); continue; }
        for (const ready of admitted(gate!.push({ item: { record, line }, dates: datesOf(record, ctx) }))) await take(ready.record, ready.line, orderedCtx());
      }
      if (gate) for (const ready of admitted(gate.end())) await take(ready.record, ready.line, orderedCtx());
      await flush();
      await writer.done();
      if (!ctx) throw new AppError('empty_csv', 'The file is empty: expected a header line and rows.', 400);
      const { recognisedBy, names, ignored } = ctx.layout;
      return { ...report.build(), layout: { recognisedBy, columns: names, ignored: [...ignored] } };
    },
  };
}

function headerContext(header: readonly string[], custom: CsvMapping | undefined, presetId: string | undefined, delimiter: ';' | ','): RowContext {
  const layout = custom ? layoutFromMapping(custom, header) : recogniseHeader(header, choosePreset(header, presetId));
  if (!layout.ok) throw new AppError(layout.error.code, layout.error.message, 400, { details: layout.error.details });
  const decimal = layout.value.decimal ?? (delimiter === ';' ? ',' : '.');
  return { layout: layout.value, decimal, dateOrder: layout.value.dateOrder ?? 'dmy', headerLength: header.length };
}

/** The preset asked for (400 naming the known ones when there is none of that id), or the one the header shows. */
function choosePreset(header: readonly string[], id: string | undefined): CsvPreset | undefined {
  if (id === undefined) return detectPreset(header);
  const preset = presetById(id);
  if (!preset) throw new AppError('unknown_csv_preset', `There is no CSV preset "${id}". Known presets: ${CSV_PRESETS.map((p) => p.id).join(', ')}.`, 400);
  return preset;
}

const DATE_FIELDS = ['issueDate', 'dueDate', 'paidDate'] as const;

function datesOf(record: readonly string[], ctx: RowContext): { column: string; value: string }[] {
  return DATE_FIELDS.flatMap((f) => {
    const i = ctx.layout.columns[f];
    return i === undefined || !record[i] ? [] : [{ column: ctx.layout.names[f] ?? f, value: record[i] }];
  });
}

function newlinesIn(record: readonly string[]): number {
  let n = 0;
  for (const field of record) for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) n++;
  return n;
}

function admitted<T>(result: Result<T[], CsvDateRefusal>): T[] {
  if (!result.ok) throw new AppError('ambiguous_csv_dates', result.error.message, 400, { details: result.error });
  return result.value;
}
