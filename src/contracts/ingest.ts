import { z } from 'zod';
import { CalendarDate, SafeId, SafeLabel } from './primitives';

/**
 * Wire formats of the ingest API (accounting systems, Zapier/Make, the CSV importer).
 *
 * Amounts are integer minor units (`amountMinor: 123456` = 1,234.56 EUR): exact, free of locale
 * ambiguity, and the same representation the ledger uses. Credit notes carry positive amounts too;
 * `kind` says which way they count. Every object is `.strict()`: an unknown field is an error, never
 * silently bound (mass assignment). Each batch holds at most 1,000 documents; every item is validated
 * on its own, so one bad item is reported by index while the good ones go in.
 */

export const MAX_BATCH_ITEMS = 1000;

const calendarDate = CalendarDate;
const currency = z.string().regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code in capitals, e.g. EUR' });
const minorUnits = z.number().int({ error: 'must be a whole number of minor units (cents)' }).min(0).max(Number.MAX_SAFE_INTEGER);
const externalId = SafeId(128);
const hubspotId = z.string().regex(/^\d{1,20}$/, { error: 'must be a numeric HubSpot id' });
const shortText = (max: number) => SafeLabel(max);

/** What the source knows about the customer; matching tries these in a fixed precedence. */
export const CustomerKeys = z.object({
  hubspotCompanyId: hubspotId.optional(),
  domain: shortText(253).optional(),
  vatNumber: shortText(32).optional(),
  cocNumber: shortText(32).optional(),
  name: shortText(200).optional(),
  customerNumber: shortText(64).optional(),
}).strict();
export type CustomerKeys = z.infer<typeof CustomerKeys>;
const hasAnyKey = (c: CustomerKeys) => Object.values(c).some((v) => v !== undefined);

export const INGEST_INVOICE_STATUSES = ['open', 'partially_paid', 'paid', 'credited', 'disputed', 'in_collection', 'written_off'] as const;

export const InvoiceInput = z.object({
  externalId,
  number: shortText(64),
  kind: z.enum(['invoice', 'credit_note']).default('invoice'),
  customer: CustomerKeys.refine(hasAnyKey, { error: 'needs at least one key (hubspotCompanyId, vatNumber, cocNumber, customerNumber, domain or name)' }),
  contactId: hubspotId.optional(),
  currency,
  amountMinor: minorUnits,
  /** What is still open; defaults to the full amount. */
  openMinor: minorUnits.optional(),
  issueDate: calendarDate,
  dueDate: calendarDate,
  /** Derived from the open amount when absent (open, partially_paid or paid). */
  status: z.enum(INGEST_INVOICE_STATUSES).optional(),
  paidDate: calendarDate.optional(),
  directDebit: z.boolean().default(false),
  /** Monotonic version from the source (integer or ISO timestamp); defaults to the time of receipt. */
  version: shortText(64).optional(),
  /** The structured reference printed on the invoice (betalingskenmerk, RF…; SEPA allows 35 characters). */
  paymentReference: shortText(35).optional(),
  /** The IBAN the invoice asks to be paid to. */
  payeeIban: z.string().regex(/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/, { error: 'must be an IBAN without spaces, e.g. NL91ABNA0417164300' }).optional(),
}).strict()
  .refine((i) => i.openMinor === undefined || i.openMinor <= i.amountMinor, { error: 'openMinor cannot exceed amountMinor', path: ['openMinor'] })
  .refine((i) => i.dueDate >= i.issueDate, { error: 'dueDate cannot be before issueDate', path: ['dueDate'] });
export type InvoiceInput = z.infer<typeof InvoiceInput>;

export const PAYMENT_INPUT_METHODS = ['bank_transfer', 'direct_debit', 'card', 'cash', 'credit_note', 'other'] as const;

export const PaymentInput = z.object({
  externalId,
  /** Optional when `invoiceExternalId` names an invoice already in the ledger (its company is used). */
  customer: CustomerKeys.optional(),
  invoiceExternalId: externalId.optional(),
  currency,
  amountMinor: minorUnits.min(1, { error: 'must be more than zero' }),
  date: calendarDate,
  method: z.enum(PAYMENT_INPUT_METHODS).default('bank_transfer'),
}).strict()
  .refine((p) => p.invoiceExternalId !== undefined || (p.customer !== undefined && hasAnyKey(p.customer)),
    { error: 'needs customer keys or an invoiceExternalId', path: ['customer'] });
export type PaymentInput = z.infer<typeof PaymentInput>;

/** The envelopes; items are validated one by one (see above), so they are `unknown` here. */
const batch = (name: string) => z.array(z.unknown()).min(1, { error: `${name} must not be empty` })
  .max(MAX_BATCH_ITEMS, { error: `at most ${MAX_BATCH_ITEMS} ${name} per request` });
export const InvoiceBatchRequest = z.object({ invoices: batch('invoices') }).strict();
export const PaymentBatchRequest = z.object({ payments: batch('payments') }).strict();

export const ResolveUnmatchedRequest = z.object({ companyId: hubspotId }).strict();
export type ResolveUnmatchedRequest = z.infer<typeof ResolveUnmatchedRequest>;

export const UnmatchedListQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
}).strict();

/** One rejected item: `index` in the request body (API) or `line` in the file (CSV, header = line 1). */
export const ItemError = z.object({
  index: z.number().int().optional(),
  line: z.number().int().optional(),
  externalId: z.string().optional(),
  /** E-invoices: the file's name in a multipart batch, the business rule broken and where (XPath). */
  file: z.string().optional(),
  rule: z.string().optional(),
  xpath: z.string().optional(),
  reason: z.string(),
});
export type ItemError = z.infer<typeof ItemError>;

export const IngestReport = z.object({
  received: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Valid documents whose company was not found: they wait in the unmatched list. */
  unmatched: z.number().int(),
  rejected: z.number().int(),
  /** The first 1,000 rejections; `rejected` counts them all. */
  errors: z.array(ItemError),
  /**
   * CSV: rows repeated later in the same upload, replaced by that later row (each counted once here, not in the
   * other counts: received = created + updated + unchanged + unmatched + rejected + duplicates). Absent when none.
   */
  duplicates: z.number().int().optional(),
  /** The first 1,000 of them, each with its line and the line that replaced it. */
  duplicateRows: z.array(ItemError).optional(),
  /** CSV only: how the header was read — which column became which field, and which columns were not used. */
  layout: z.object({
    recognisedBy: z.string(),
    columns: z.record(z.string(), z.string()),
    ignored: z.array(z.string()),
  }).optional(),
});
export type IngestReport = z.infer<typeof IngestReport>;

/**
 * The `details` of a refused CSV header (400 `unknown_csv_layout` / `csv_mapping_mismatch`): the columns found,
 * what each placed column means, the fields that could not be placed, and a mapping to start from — fill in
 * the `<…>` placeholders and pass it as `?mapping=<JSON>` (or `npm run import -- --mapping file.json`).
 */
export const CsvHeaderRefusal = z.object({
  columnsFound: z.array(z.string()),
  placed: z.record(z.string(), z.string()),
  unplaced: z.array(z.string()),
  ambiguous: z.array(z.object({ field: z.string(), columns: z.array(z.string()) })),
  proposedMapping: z.object({ columns: z.record(z.string(), z.string()) }),
});
export type CsvHeaderRefusal = z.infer<typeof CsvHeaderRefusal>;

/**
 * The `details` of a 400 `ambiguous_csv_dates`: the file's slash dates could be read day first or month first
 * (`03/04/2026`), or read month first while nothing declared the export American. Nothing of the file went in;
 * send it again with `?dateFormat=` one of `accepted`.
 */
export const CsvDateRefusal = z.object({
  message: z.string(),
  column: z.string(),
  examples: z.array(z.string()),
  /** `either`: every date fits both orders; `month_first`: they only fit month first (US). */
  reading: z.enum(['either', 'month_first']),
  accepted: z.array(z.enum(['dmy', 'mdy', 'ymd'])),
});
export type CsvDateRefusal = z.infer<typeof CsvDateRefusal>;

/** The query of `POST /api/ingest/csv`: the file is the body. */
export const CsvImportQuery = z.object({
  /** A column mapping as JSON (see CsvHeaderRefusal.proposedMapping). */
  mapping: z.string().max(8000).optional(),
  /** How the export writes its dates: dmy 31/12/2026, mdy 12/31/2026 (US), ymd 2026/12/31. Wins over a preset's. */
  dateFormat: z.enum(['dmy', 'mdy', 'ymd']).optional(),
  /** An accounting package's export preset by id (`exact-online`, `xero`…); by default recognised from the header. */
  preset: z.string().regex(/^[a-z0-9-]{1,40}$/, { error: 'must be a preset id such as exact-online' }).optional(),
});
export type CsvImportQuery = z.infer<typeof CsvImportQuery>;

export const UnmatchedItem = z.object({
  externalId: z.string(),
  kind: z.enum(['invoice', 'credit_note', 'payment']),
  customer: CustomerKeys,
  reason: z.string().optional(),
  receivedAt: z.string(),
  number: z.string().optional(),
  currency: z.string().optional(),
  amountMinor: z.number().int().optional(),
});
export type UnmatchedItem = z.infer<typeof UnmatchedItem>;

export const UnmatchedList = z.object({ total: z.number().int(), items: z.array(UnmatchedItem) });
export type UnmatchedList = z.infer<typeof UnmatchedList>;
