import type { AgingVM, InvoiceRowVM, LadderVM, ReceivablesVM } from '../../contracts/cards';
import type { InvoiceSort, ReceivablesQuery } from '../../contracts/card-context';
import type { IsoDate } from '../../domain/dates';
import type { BusinessCalendar, CustomerLedger } from '../../domain/ledger';
import type { CostOptions } from '../../domain/legal/collection-costs';
import type { ReminderPolicy } from '../../domain/policy/policy';
import { AGING_BUCKETS_DEFAULT, agingByCurrency, oldestOverdue, type CurrencyAging } from '../../domain/measures/aging';
import { openInvoiceRows, pageOfRows, sortRows } from './invoice-rows';
import { behaviourVM, chargesVM, moneyVM, openDisputes, relevantPromises, riskVM } from './shared';

export type PageQuery = Pick<ReceivablesQuery, 'page' | 'pageSize' | 'sort'>;

export function agingVM(aging: readonly CurrencyAging[]): AgingVM[] {
  const defs = new Map(AGING_BUCKETS_DEFAULT.map((b) => [b.id, b]));
  return aging.map((a) => ({
    currency: a.currency,
    buckets: a.buckets.map((b) => ({
      id: b.id,
      minDays: defs.get(b.id)?.minDaysPastDue ?? 0,
      maxDays: defs.get(b.id)?.maxDaysPastDue ?? null,
      amount: moneyVM(b.amount),
      count: b.count,
    })),
  }));
}

/**
 * Everything the Receivables tab shows for one company on `asOf`, before paging: computed once per ledger
 * (the expensive part: aging, behaviour, risk, ladder), then any page in any order is a sort and a slice.
 */
export interface ReceivablesSnapshot {
  readonly summary: Omit<ReceivablesVM, 'invoices'>;
  readonly rows: readonly InvoiceRowVM[];
  /** Sorted copies of `rows`, filled on first use per sort. */
  readonly sorted: Map<InvoiceSort, InvoiceRowVM[]>;
  /** Serialized pages (`sort:page:pageSize` → JSON), so a repeat costs no serialization. */
  readonly json: Map<string, string>;
}

/**
 * `ledger` undefined (never synced) gives the same empty view as a company whose invoices are all paid: the
 * card says "no open invoices". `ladder` is the reminder position, planned by the caller (it needs the
 * portal's calendar and policy).
 */
export function receivablesSnapshot(input: {
  companyId: string; ledger: CustomerLedger; asOf: IsoDate; calendar?: BusinessCalendar; policy?: ReminderPolicy; costs?: CostOptions; ladder?: LadderVM | null;
}): ReceivablesSnapshot {
  const { companyId, ledger, asOf } = input;
  const aging = agingByCurrency(ledger.invoices, asOf);
  const rows = openInvoiceRows(ledger, asOf);
  return {
    summary: {
      companyId,
      asOf,
      empty: rows.length === 0,
      totals: {
        open: aging.map((a) => moneyVM(a.totalOpen)),
        overdue: aging.filter((a) => a.totalOverdue.minor > 0).map((a) => moneyVM(a.totalOverdue)),
      },
      oldestOverdueDays: oldestOverdue(ledger.invoices, asOf)?.daysPastDue ?? null,
      behaviour: behaviourVM(ledger, asOf),
      aging: agingVM(aging),
      ladder: input.ladder ?? null,
      promises: relevantPromises(ledger, asOf),
      disputes: openDisputes(ledger, asOf),
      risk: riskVM(ledger, asOf),
      charges: chargesVM(ledger, asOf, input),
    },
    rows,
    sorted: new Map(),
    json: new Map(),
  };
}

/** One page of the snapshot, sorted as asked. */
export function receivablesPage(snapshot: ReceivablesSnapshot, query: PageQuery): ReceivablesVM {
  let sorted = snapshot.sorted.get(query.sort);
  if (!sorted) {
    sorted = sortRows(snapshot.rows, query.sort);
    snapshot.sorted.set(query.sort, sorted);
  }
  return { ...snapshot.summary, invoices: pageOfRows(sorted, query) };
}

/** The page as JSON text, remembered per snapshot (at most 50 pages: a snapshot lives seconds). */
export function receivablesPageJson(snapshot: ReceivablesSnapshot, query: PageQuery): string {
  const key = `${query.sort}:${query.page}:${query.pageSize}`;
  let json = snapshot.json.get(key);
  if (json === undefined) {
    json = JSON.stringify(receivablesPage(snapshot, query));
    if (snapshot.json.size < 50) snapshot.json.set(key, json);
  }
  return json;
}

export function buildReceivablesVM(input: {
  companyId: string; ledger: CustomerLedger; asOf: IsoDate; calendar?: BusinessCalendar; policy?: ReminderPolicy; costs?: CostOptions; query: PageQuery; ladder?: LadderVM | null;
}): ReceivablesVM {
  return receivablesPage(receivablesSnapshot(input), input.query);
}
