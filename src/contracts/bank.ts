import { z } from 'zod';
import { IngestReport } from './ingest';
import { SafeId } from './primitives';

/**
 * Bank statements (`POST /api/ingest/bank`: ISO 20022 camt.053 / camt.054) and the unapplied-payments list.
 * The import answers the usual ingest report (`created` = credits applied to invoices, `unchanged` = entries
 * seen before, `unmatched` = credits waiting in the unapplied list) plus what a credit controller checks on a
 * bank run: how each credit was applied, direct-debit returns handed to the failure records, and per statement
 * whether its booked balances reconcile (reported, never fatal).
 */
export const StatementCheck = z.object({
  id: z.string(),
  message: z.enum(['camt.053', 'camt.054']),
  version: z.string(),
  account: z.string(),
  entries: z.number().int(),
  /** Opening + entries = closing, in minor units; absent when the statement states no balances (camt.054). */
  reconciled: z.boolean().optional(),
  differenceMinor: z.number().int().optional(),
  currency: z.string().optional(),
});
export type StatementCheck = z.infer<typeof StatementCheck>;

export const BankImportReport = IngestReport.extend({
  applied: z.object({ reference: z.number().int(), invoice_number: z.number().int(), amount_and_payer: z.number().int() }),
  /** Returned / reversed direct debits recorded as failed collections. */
  directDebitReturns: z.number().int(),
  /** Credits that are a payment the provider (the debtor page's online checkout) already reported: not counted again. */
  paidOnline: z.number().int(),
  /** Debits that are not returns (outgoing payments) and entries not yet booked: not receivables, left alone. */
  ignored: z.number().int(),
  statements: z.array(StatementCheck),
});
export type BankImportReport = z.infer<typeof BankImportReport>;

export const UnappliedPayment = z.object({
  id: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  date: z.string(),
  counterpartyName: z.string().optional(),
  counterpartyIban: z.string().optional(),
  reference: z.string().optional(),
  remittance: z.string(),
  reason: z.enum(['no_match', 'several_companies', 'amount_matches_no_single_invoice', 'overpayment']),
  /** The customer the evidence points at, when it does. */
  companyId: z.string().optional(),
});
export type UnappliedPayment = z.infer<typeof UnappliedPayment>;

export const UnappliedPaymentList = z.object({ total: z.number().int(), items: z.array(UnappliedPayment) });
export type UnappliedPaymentList = z.infer<typeof UnappliedPaymentList>;

/** A person applies a waiting credit: to invoices (paid oldest due first, the rest on account) or on account of a company. */
export const ResolveUnappliedRequest = z.union([
  z.object({ invoiceExternalIds: z.array(SafeId(128)).min(1).max(100) }).strict(),
  z.object({ companyId: z.string().regex(/^\d{1,20}$/, { error: 'must be a numeric HubSpot id' }) }).strict(),
]);
export type ResolveUnappliedRequest = z.infer<typeof ResolveUnappliedRequest>;
