import type { InvoicePageVM, InvoiceRowVM, InvoiceTag } from '../../contracts/cards';
import { sortDescending, sortField, type InvoiceSort } from '../../contracts/card-context';
import { invoiceTags } from '../../domain/cards/invoice-tags';
import type { IsoDate } from '../../domain/dates';
import type { CustomerLedger, Invoice } from '../../domain/ledger';
import { daysPastDue, isOpenReceivable } from '../../domain/measures/aging';
import { printedReference } from '../../domain/payments/payment-reference';

export function toInvoiceRow(inv: Invoice, asOf: IsoDate, tags: InvoiceTag[]): InvoiceRowVM {
  return {
    externalId: inv.externalId,
    number: inv.number,
    kind: inv.kind,
    issueDate: inv.issueDate,
    dueDate: inv.dueDate,
    amount: { minor: inv.amount.minor, currency: inv.amount.currency },
    open: { minor: inv.open.minor, currency: inv.open.currency },
    daysOverdue: inv.kind === 'invoice' ? daysPastDue(inv, asOf) : 0,
    tags,
    ...(inv.paymentReference ? { paymentReference: printedReference(inv.paymentReference) } : {}),
  };
}

type Key = (r: InvoiceRowVM) => string | number;
const SORT_KEYS: Record<ReturnType<typeof sortField>, Key> = {
  number: (r) => r.number,
  issueDate: (r) => r.issueDate,
  dueDate: (r) => r.dueDate,
  // Amounts of different currencies are not comparable in value; within one currency this orders correctly.
  open: (r) => r.open.minor,
  daysOverdue: (r) => r.daysOverdue,
};

function compareRows(sort: InvoiceSort): (a: InvoiceRowVM, b: InvoiceRowVM) => number {
  const key = SORT_KEYS[sortField(sort)];
  const dir = sortDescending(sort) ? -1 : 1;
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    const primary = ka < kb ? -1 : ka > kb ? 1 : 0;
    // Ties by number then id, so a page never changes order between requests.
    return primary * dir || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0) || (a.externalId < b.externalId ? -1 : 1);
  };
}

/** Every open document as a row (unsorted): computed once per ledger, then sorted and paged per request. */
export function openInvoiceRows(ledger: CustomerLedger, asOf: IsoDate): InvoiceRowVM[] {
  const tagsOf = invoiceTags(ledger, asOf);
  return ledger.invoices.filter(isOpenReceivable).map((inv) => toInvoiceRow(inv, asOf, tagsOf(inv)));
}

export const sortRows = (rows: readonly InvoiceRowVM[], sort: InvoiceSort): InvoiceRowVM[] => [...rows].sort(compareRows(sort));

/** One page of already sorted rows. A page past the end is empty (not an error). */
export function pageOfRows(sorted: readonly InvoiceRowVM[], q: { page: number; pageSize: number; sort: InvoiceSort }): InvoicePageVM {
  const start = (q.page - 1) * q.pageSize;
  return {
    page: q.page,
    pageSize: q.pageSize,
    total: sorted.length,
    pageCount: Math.ceil(sorted.length / q.pageSize),
    sort: q.sort,
    items: sorted.slice(start, start + q.pageSize),
  };
}
