import { z } from 'zod';
import { MAX_BATCH_ITEMS } from './ingest';
import { CalendarDate, SafeId, SafeLabel } from './primitives';

/**
 * Failed SEPA direct debits (`POST /api/ingest/direct-debit-failures`, JSON, from payment providers), and the
 * same records the pain.002 / camt importers produce. Each failure names the invoice — by our external id, or
 * by the collection's end-to-end id as the creditor set it in its pain.008 (accounting packages put the invoice
 * number there) — and the ISO 20022 reason code the bank gave (`AM04`, `MD06`, `MS02`, `AC04`, …).
 * `externalId` is the return's own id (the provider's id, pain.002 `StsId`, the camt entry reference): sending
 * it again changes nothing.
 */
export const DIRECT_DEBIT_FAILURE_SOURCES = ['provider', 'pain.002', 'camt.054', 'camt.053'] as const;

export const DirectDebitFailureInput = z.object({
  externalId: SafeId(128),
  invoiceExternalId: SafeId(128).optional(),
  endToEndId: SafeId(35).optional(),
  mandateId: SafeLabel(35).optional(),
  reasonCode: z.string().regex(/^[A-Z0-9]{4}$/, { error: 'must be an ISO 20022 reason code: four capitals or digits, e.g. AM04' }),
  /** The collected amount, when the source says it (a check against the invoice, never booked). */
  amountMinor: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code in capitals, e.g. EUR' }).optional(),
  /** The day the bank reported it (rejected, returned or refunded). */
  date: CalendarDate,
  source: z.enum(DIRECT_DEBIT_FAILURE_SOURCES).default('provider'),
}).strict()
  .refine((f) => f.invoiceExternalId !== undefined || f.endToEndId !== undefined, { error: 'needs invoiceExternalId or endToEndId', path: ['invoiceExternalId'] });
export type DirectDebitFailureInput = z.infer<typeof DirectDebitFailureInput>;

export const DirectDebitFailureBatchRequest = z.object({
  failures: z.array(z.unknown()).min(1, { error: 'failures must not be empty' }).max(MAX_BATCH_ITEMS, { error: `at most ${MAX_BATCH_ITEMS} failures per request` }),
}).strict();
