import type { InvoiceInput, PaymentInput } from '../../contracts/ingest';
import { daysBetween } from '../../domain/dates';
import type { CompanyId, Invoice, InvoiceStatus, Payment } from '../../domain/ledger';
import { money } from '../../domain/money';
import { DEFAULT_PAYMENT_REFERENCE_SCHEME, paymentReferenceFor, type PaymentReferenceScheme } from '../../domain/payments/payment-reference';

/** Status when the source did not say: from the open amount (a credit note fully used up is "credited"). */
function derivedStatus(input: InvoiceInput, open: number): InvoiceStatus {
  if (input.kind === 'credit_note') return open > 0 ? 'open' : 'credited';
  if (open === 0) return 'paid';
  return open < input.amountMinor ? 'partially_paid' : 'open';
}

/**
 * A validated API/CSV/UBL invoice or credit note as a ledger Invoice of `companyId`. An invoice the source sent
 * without a payment reference gets one of the company's scheme (credit notes are not paid, so they get none).
 */
export function toInvoice(input: InvoiceInput, companyId: CompanyId, defaultVersion: string, scheme: PaymentReferenceScheme = DEFAULT_PAYMENT_REFERENCE_SCHEME): Invoice {
  const open = input.openMinor ?? input.amountMinor;
  const paymentReference = input.paymentReference ?? (input.kind === 'invoice' ? paymentReferenceFor(scheme, input) : undefined);
  // Optional fields are set only when present (assigned rather than spread: this runs for every imported row).
  const invoice: Mutable<Invoice> = {
    externalId: input.externalId,
    number: input.number,
    kind: input.kind,
    companyId,
    amount: money(input.amountMinor, input.currency),
    open: money(open, input.currency),
    issueDate: input.issueDate,
    dueDate: input.dueDate,
    paymentTermDays: daysBetween(input.issueDate, input.dueDate),
    // "Open" says no more than the amounts do (Xero's "Awaiting Payment" on a part-paid invoice): they decide.
    status: input.status === undefined || input.status === 'open' ? derivedStatus(input, open) : input.status,
    directDebit: input.directDebit,
    sourceVersion: input.version ?? defaultVersion,
  };
  if (input.contactId) invoice.contactId = input.contactId;
  if (input.paidDate) invoice.paidDate = input.paidDate;
  if (paymentReference) invoice.paymentReference = paymentReference;
  if (input.payeeIban) invoice.payeeIban = input.payeeIban;
  return invoice;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function toPayment(input: PaymentInput, companyId: CompanyId): Payment {
  return {
    externalId: input.externalId,
    companyId,
    ...(input.invoiceExternalId ? { invoiceExternalId: input.invoiceExternalId } : {}),
    amount: money(input.amountMinor, input.currency),
    date: input.date,
    method: input.method,
  };
}
