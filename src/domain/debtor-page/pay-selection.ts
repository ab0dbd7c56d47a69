import type { Money } from '../money';
import type { DebtorInvoice, DebtorStanding } from './standing';

export interface PayLine {
  readonly invoiceExternalId: string;
  readonly number: string;
  readonly amount: Money;
  /** The invoice's stored payment reference, when it has one. */
  readonly paymentReference?: string;
}

export type PaySelection =
  | { readonly kind: 'invoice' | 'overdue'; readonly lines: readonly PayLine[]; readonly total: Money }
  | { readonly kind: 'nothing'; readonly reason: 'unknown_invoice' | 'not_payable' | 'nothing_overdue' };

/**
 * Online and QR payments are SEPA/Mollie euro payments; a disputed invoice is not asked for while it is on hold,
 * and one at the collection agency is paid to the agency (paying us as well would be paying it twice).
 */
const payable = (i: DebtorInvoice): boolean =>
  i.kind === 'invoice' && i.open.minor > 0 && i.open.currency === 'EUR' && i.status !== 'disputed' && i.status !== 'in_collection';

/**
 * What "pay" means on the page: one invoice's open amount, or (without an invoice) every overdue payable
 * invoice at once. Returns why there is nothing to pay rather than a zero amount.
 */
export function paySelection(standing: DebtorStanding, invoiceExternalId?: string): PaySelection {
  const chosen = invoiceExternalId === undefined
    ? standing.invoices.filter((i) => payable(i) && i.daysOverdue > 0)
    : standing.invoices.filter((i) => i.externalId === invoiceExternalId);
  if (invoiceExternalId !== undefined && chosen.length === 0) return { kind: 'nothing', reason: 'unknown_invoice' };
  if (invoiceExternalId !== undefined && !payable(chosen[0]!)) return { kind: 'nothing', reason: 'not_payable' };
  if (chosen.length === 0) return { kind: 'nothing', reason: 'nothing_overdue' };
  const lines = chosen.map((i): PayLine => ({ invoiceExternalId: i.externalId, number: i.number, amount: i.open, ...(i.paymentReference ? { paymentReference: i.paymentReference } : {}) }));
  return { kind: invoiceExternalId === undefined ? 'overdue' : 'invoice', lines, total: { minor: lines.reduce((s, l) => s + l.amount.minor, 0), currency: 'EUR' } };
}
