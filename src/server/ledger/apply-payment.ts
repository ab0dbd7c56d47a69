import type { Invoice, InvoiceStatus } from '../../domain/ledger';
import type { IsoDate } from '../../domain/dates';
import type { Money } from '../../domain/money';

const FINAL: readonly InvoiceStatus[] = ['credited', 'written_off'];

/**
 * The invoice after `paid` (negative to reverse an earlier application) was applied on `date`.
 * Open stays within [0, amount]; fully paid sets status paid and paidDate; a dispute stays a dispute, and an
 * invoice at a collection agency stays there, until fully paid. Payments in another currency, on credit notes, or on credited/written-off invoices
 * are recorded but not applied (they need a human), so the invoice comes back unchanged.
 */
export function applyPayment(invoice: Invoice, paid: Money, date: IsoDate): Invoice {
  if (invoice.kind !== 'invoice' || paid.currency !== invoice.amount.currency || FINAL.includes(invoice.status)) return invoice;
  const amount = invoice.amount.minor;
  const open = Math.min(amount, Math.max(0, invoice.open.minor - paid.minor));
  if (open === invoice.open.minor) return invoice;
  const { paidDate: _previous, ...rest } = invoice;
  if (open === 0) return { ...rest, open: { ...invoice.open, minor: 0 }, status: 'paid', paidDate: date };
  const status: InvoiceStatus = invoice.status === 'disputed' || invoice.status === 'in_collection' ? invoice.status : open < amount ? 'partially_paid' : 'open';
  return { ...rest, open: { ...invoice.open, minor: open }, status };
}
