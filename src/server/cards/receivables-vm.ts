import type { AgingVM, LadderVM, ReceivablesVM } from '../../contracts/cards';
import type { ReceivablesQuery } from '../../contracts/card-context';
import type { IsoDate } from '../../domain/dates';
import type { CustomerLedger } from '../../domain/ledger';
import { AGING_BUCKETS_DEFAULT, agingByCurrency, oldestOverdue, type CurrencyAging } from '../../domain/measures/aging';
import { invoicePage } from './invoice-rows';
import { behaviourVM, EMPTY_BEHAVIOUR, EMPTY_RISK, moneyVM, openDisputes, relevantPromises, riskVM } from './shared';

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
 * The Receivables tab for one company on `asOf`. `ledger` undefined (never synced) gives the same empty
 * view as a company whose invoices are all paid: the card says "no open invoices". `ladder` is the
 * customer's reminder position, planned by the caller (it needs the portal's calendar and policy).
 */
export function buildReceivablesVM(input: {
  companyId: string;
  ledger: CustomerLedger | undefined;
  asOf: IsoDate;
  query: PageQuery;
  ladder?: LadderVM | null;
}): ReceivablesVM {
  const { companyId, ledger, asOf, query } = input;
  if (!ledger) {
    return {
      companyId, asOf, empty: true,
      totals: { open: [], overdue: [] },
      oldestOverdueDays: null,
      behaviour: EMPTY_BEHAVIOUR,
      aging: [],
      invoices: { page: query.page, pageSize: query.pageSize, total: 0, pageCount: 0, sort: query.sort, items: [] },
      ladder: null, promises: [], disputes: [], risk: EMPTY_RISK,
    };
  }
  const aging = agingByCurrency(ledger.invoices, asOf);
  const invoices = invoicePage(ledger, asOf, query);
  return {
    companyId,
    asOf,
    empty: invoices.total === 0,
    totals: {
      open: aging.map((a) => moneyVM(a.totalOpen)),
      overdue: aging.filter((a) => a.totalOverdue.minor > 0).map((a) => moneyVM(a.totalOverdue)),
    },
    oldestOverdueDays: oldestOverdue(ledger.invoices, asOf)?.daysPastDue ?? null,
    behaviour: behaviourVM(ledger, asOf),
    aging: agingVM(aging),
    invoices,
    ladder: input.ladder ?? null,
    promises: relevantPromises(ledger, asOf),
    disputes: openDisputes(ledger, asOf),
    risk: riskVM(ledger, asOf),
  };
}
