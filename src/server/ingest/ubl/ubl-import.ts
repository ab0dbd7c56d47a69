import type { IngestReport, InvoiceInput } from '../../../contracts/ingest';
import { createBatchWriter } from '../batch-writer';
import { createReportBuilder } from '../ingest-report';
import type { IngestService } from '../ingest-service';
import { readXmlRecords, XmlInputError, type XmlElement } from '../xml/xml-records';
import { ublToInvoice } from './ubl-document';
import { embeddedPdf } from './ubl-pdf';

/** One file of a batch: its name (for the report) and its bytes as a stream. */
export interface UblFile {
  readonly name?: string;
  readonly content: AsyncIterable<Buffer | string>;
}

export interface UblImportOptions {
  readonly portalId: string;
  /** Skip matching: every document waits in the unmatched list (the CLI without HubSpot). */
  readonly noMatch?: boolean;
  readonly batchSize?: number;
}

export interface UblImporter {
  /**
   * Reads each file as one UBL document (a stream: one document in memory at a time), maps it, and ingests the
   * good ones in batches. A refused document is reported by its `index` in the batch with the rule and XPath;
   * it never stops the rest.
   */
  importUbl(files: AsyncIterable<UblFile>, options: UblImportOptions): Promise<IngestReport>;
}

/** Where the invoices' own PDFs go (the debtor page offers them for download). */
export type PdfSink = (portalId: string, invoiceExternalId: string, pdf: Buffer) => Promise<void>;

export function createUblImporter(ingest: IngestService, now: () => Date = () => new Date(), pdfs?: PdfSink): UblImporter {
  return {
    async importUbl(files, options) {
      const report = createReportBuilder();
      const receivedAt = now().toISOString();
      const index = options.noMatch ? undefined : await ingest.companyIndex(options.portalId);
      const batchSize = options.batchSize ?? 500;
      let batch: InvoiceInput[] = [];
      // Batches are written while the next documents are read, as the CSV importer does.
      const writer = createBatchWriter((inputs: InvoiceInput[]) => ingest.ingestInvoiceInputs(options.portalId, inputs, { version: receivedAt, index, receivedAt }).then((counts) => report.add(counts)));
      const flush = async () => {
        if (!batch.length) return;
        const inputs = batch;
        batch = [];
        await writer.push(inputs);
      };
      let i = 0;
      for await (const file of files) {
        const fileIndex = i++;
        report.received(1);
        const where = { index: fileIndex, ...(file.name ? { file: file.name } : {}) };
        const root = await readRoot(file.content);
        if (!root.ok) {
          report.reject({ ...where, rule: 'RD-XML', xpath: '/', reason: root.error });
          continue;
        }
        const mapped = ublToInvoice(root.value);
        if (!mapped.ok) {
          const { rule, xpath, message, number } = mapped.error;
          report.reject({ ...where, rule, xpath, ...(number ? { externalId: number } : {}), reason: `${rule} at ${xpath}: ${message}` });
          continue;
        }
        const pdf = pdfs && embeddedPdf(root.value);
        if (pdf) await pdfs(options.portalId, mapped.value.externalId, pdf);
        batch.push(mapped.value);
        if (batch.length >= batchSize) await flush();
      }
      await flush();
      await writer.done();
      return report.build();
    },
  };
}

/** The document's root element, or why the bytes are not one well-formed, safe XML document. */
async function readRoot(content: AsyncIterable<Buffer | string>): Promise<{ ok: true; value: XmlElement } | { ok: false; error: string }> {
  try {
    let root: XmlElement | undefined;
    for await (const record of readXmlRecords(content, { isRecord: (_name, ancestors) => ancestors.length === 0 })) root = record.element;
    return root ? { ok: true, value: root } : { ok: false, error: 'the file holds no XML element' };
  } catch (error) {
    if (error instanceof XmlInputError) return { ok: false, error: `not well-formed XML${error.line ? ` (line ${error.line})` : ''}: ${error.message}` };
    throw error;
  }
}
