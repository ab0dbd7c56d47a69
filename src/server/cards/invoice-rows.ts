import type { InvoicePageVM, InvoiceRowVM, InvoiceTag } from '../../contracts/cards';
import { sortDescending, sortField, type InvoiceSort } from '../../contracts/card-context';
import type { IsoDate } from '../../domain/dates';
import type { CustomerLedger, Invoice } from '../../domain/ledger';
import { daysPastDue, isOpenReceivable, isOverdueInvoice } from '../../domain/measures/aging';
import { arrangementStatus, promiseStatus } from '../../domain/promises';

/** Which invoices a commitment covers: an empty list means "the overdue balance" (every overdue invoice). */
function coveredIds(ids: readonly string[], overdueIds: readonly string[]): readonly string[] {
  return ids.length > 0 ? ids : overdueIds;
}

/** Tags per open invoice id, from the disputes, promises and arrangements that hold on `asOf`. */
export function invoiceTags(ledger: CustomerLedger, asOf: IsoDate): (inv: Invoice) => InvoiceTag[] {
  const overdueIds = ledger.invoices.filter((i) => isOverdueInvoice(i, asOf)).map((i) => i.externalId);
  const disputed = new Set(
    ledger.disputes.filter((d) => d.openedOn <= asOf && (d.resolvedOn === undefined || d.resolvedOn > asOf)).map((d) => d.invoiceExternalId),
  );
  const promised = new Set(
    ledger.promises
      .filter((p) => p.madeOn <= asOf && promiseStatus(p, ledger, asOf) === 'open')
      .flatMap((p) => coveredIds(p.invoiceExternalIds, overdueIds)),
  );
  const arranged = new Set(
    ledger.arrangements
      .filter((a) => a.agreedOn <= asOf && arrangementStatus(a, ledger, asOf) === 'on_track')
      .flatMap((a) => coveredIds(a.invoiceExternalIds, overdueIds)),
  );
  return (inv) => {
    const tags: InvoiceTag[] = [];
    if (isOverdueInvoice(inv, asOf)) tags.push('overdue');
    if (disputed.has(inv.externalId)) tags.push('disputed');
    if (promised.has(inv.externalId)) tags.push('promised');
    if (arranged.has(inv.externalId)) tags.push('in_arrangement');
    if (inv.directDebit) tags.push('direct_debit');
    return tags;
  };
}

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
