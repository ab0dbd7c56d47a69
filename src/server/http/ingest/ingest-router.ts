import { createReadStream } from 'node:fs';
import express, { type Router } from 'express';
import { ResolveUnappliedRequest } from '../../../contracts/bank';
import { DirectDebitFailureBatchRequest } from '../../../contracts/direct-debit';
import { CsvImportQuery, InvoiceBatchRequest, PaymentBatchRequest, ResolveUnmatchedRequest, UnmatchedListQuery } from '../../../contracts/ingest';
import type { ApiKeyStore } from '../../api-keys/api-key-store';
import { AppError } from '../../errors';
import { createCsvImporter } from '../../ingest/csv/csv-import';
import { CsvMapping } from '../../ingest/csv/csv-mapping';
import type { DirectDebitFailureService } from '../../ingest/direct-debit/failure-service';
import type { IngestService } from '../../ingest/ingest-service';
import type { createBankImporter } from '../../ingest/bank/bank-import';
import type { BankStore } from '../../ingest/bank/bank-store';
import type { createUnappliedResolver } from '../../ingest/bank/resolve-unapplied';
import { createUblImporter, type PdfSink } from '../../ingest/ubl/ubl-import';
import { portalOf, requireApiKey } from './api-key-auth';
import { spoolBody } from './spool-body';
import { uploadedFiles } from './xml-upload';

export interface IngestRouterDeps {
  readonly ingest: IngestService;
  readonly directDebitFailures: DirectDebitFailureService;
  readonly apiKeys: ApiKeyStore;
  /** Bank statements (camt.053 / camt.054) and their unapplied payments; their routes exist when given. */
  readonly bank?: { readonly importer: ReturnType<typeof createBankImporter>; readonly store: BankStore; readonly resolve: ReturnType<typeof createUnappliedResolver> };
  /** JSON body limit (config INGEST_MAX_BODY_BYTES, default 1 MB); larger bodies get 413. */
  readonly maxBodyBytes: number;
  /** CSV and XML upload limit; default 50 MB. */
  readonly maxCsvBytes?: number;
  /** Keeps the PDF a UBL e-invoice embeds, for the customer's download on the debtor page. */
  readonly pdfs?: PdfSink;
}

/**
 * The ingest API, mounted at /api/ingest. Every route needs a portal API key (checked before any body is
 * read); JSON bodies are capped at `maxBodyBytes`; CSV uploads are streamed to a temporary file, capped,
 * then imported row by row. Errors go to the app's error handler (AppError/ZodError → JSON).
 */
export function createIngestRouter({ ingest, directDebitFailures, bank, apiKeys, maxBodyBytes, maxCsvBytes = 50 * 1024 * 1024, pdfs }: IngestRouterDeps): Router {
  const router = express.Router();
  const csv = createCsvImporter(ingest);
  const ubl = createUblImporter(ingest, undefined, pdfs);
  const json = express.json({ limit: maxBodyBytes, strict: true });

  router.use(requireApiKey(apiKeys));

  router.post('/invoices', json, async (req, res) => {
    const body = InvoiceBatchRequest.parse(req.body ?? {});
    res.json(await ingest.ingestInvoices(portalOf(res), body.invoices));
  });

  router.post('/payments', json, async (req, res) => {
    const body = PaymentBatchRequest.parse(req.body ?? {});
    res.json(await ingest.ingestPayments(portalOf(res), body.payments));
  });

  // JSON from payment providers, or the bank's pain.002 status report as it is (application/xml).
  router.post('/direct-debit-failures', async (req, res, next) => {
    if (!req.is(['application/xml', 'text/xml'])) return next();
    const upload = await spoolBody(req, maxCsvBytes);
    try {
      res.json(await directDebitFailures.ingestPain002(portalOf(res), createReadStream(upload.path)));
    } finally {
      await upload.cleanup();
    }
  }, json, async (req, res) => {
    const body = DirectDebitFailureBatchRequest.parse(req.body ?? {});
    res.json(await directDebitFailures.ingestFailures(portalOf(res), body.failures));
  });

  router.post('/csv', async (req, res) => {
    // A custom column mapping, the date order and a preset travel in the query: the body is the file itself.
    const query = CsvImportQuery.parse(req.query);
    const mapping = query.mapping !== undefined ? parseMapping(query.mapping) : undefined;
    const upload = await spoolBody(req, maxCsvBytes);
    try {
      res.json(await csv.importCsv(createReadStream(upload.path), {
        portalId: portalOf(res), ...(mapping ? { mapping } : {}), ...(query.dateFormat ? { dateOrder: query.dateFormat } : {}), ...(query.preset ? { preset: query.preset } : {}),
      }));
    } finally {
      await upload.cleanup();
    }
  });

  // UBL 2.1 / Peppol BIS 3 e-invoices: one document (application/xml) or a batch (multipart/form-data).
  router.post('/ubl', async (req, res) => {
    const upload = await spoolBody(req, maxCsvBytes);
    try {
      res.json(await ubl.importUbl(uploadedFiles(upload.path, req.get('content-type')), { portalId: portalOf(res) }));
    } finally {
      await upload.cleanup();
    }
  });

  if (bank) {
    // ISO 20022 bank statements: one camt.053 / camt.054 file, or several as multipart/form-data.
    router.post('/bank', async (req, res) => {
      const upload = await spoolBody(req, maxCsvBytes);
      try {
        res.json(await bank.importer.importBank(uploadedFiles(upload.path, req.get('content-type')), { portalId: portalOf(res) }));
      } finally {
        await upload.cleanup();
      }
    });
    router.get('/bank/unapplied', async (req, res) => {
      res.json(await bank.store.listUnapplied(portalOf(res), UnmatchedListQuery.parse(req.query)));
    });
    router.post('/bank/unapplied/:id/resolve', json, async (req, res) => {
      res.json(await bank.resolve(portalOf(res), String(req.params.id), ResolveUnappliedRequest.parse(req.body ?? {})));
    });
  }

  router.get('/unmatched', async (req, res) => {
    const page = UnmatchedListQuery.parse(req.query);
    res.json(await ingest.listUnmatched(portalOf(res), page));
  });

  router.post('/unmatched/:externalId/resolve', json, async (req, res) => {
    const { companyId } = ResolveUnmatchedRequest.parse(req.body ?? {});
    res.json(await ingest.resolveUnmatched(portalOf(res), String(req.params.externalId), companyId));
  });

  return router;
}

function parseMapping(raw: string): CsvMapping {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new AppError('invalid_mapping', 'The mapping query parameter must be JSON.', 400);
  }
  return CsvMapping.parse(value);
}
