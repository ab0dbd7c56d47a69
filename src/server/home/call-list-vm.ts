import {
  CALL_LIST_SORTS, type CallListEntryVM, type CallListQuery, type CallListSort, type CallListVM, type PortfolioKpisVM,
} from '../../contracts/home';
import type { CallListEntry } from '../../domain/prioritisation/call-list';
import { dayProgress } from '../../domain/prioritisation/call-list';
import type { PortfolioKpis, TrendPoint } from '../../domain/measures/portfolio';

/** A portal's call list as computed once: entries in ranking order, an index order per sort, the KPIs. */
export interface CallListSnapshot {
  readonly portalId: string;
  readonly asOf: string;
  readonly computedAt: string;
  readonly entries: readonly SnapshotEntry[];
  /** Positions into `entries`, one order per sort: a request never sorts. */
  readonly orders: Readonly<Record<CallListSort, readonly number[]>>;
  readonly kpis: readonly PortfolioKpisVM[];
  readonly trend: CallListVM['trend'];
}

/** An entry as the page shows it, plus what the filters look at. */
export interface SnapshotEntry {
  readonly vm: CallListEntryVM;
  readonly status: CallListEntry['status'];
  readonly currencies: readonly string[];
}

export interface SnapshotInput {
  readonly portalId: string;
  readonly asOf: string;
  readonly computedAt: string;
  /** Ranked (rankCallList). */
  readonly ranked: readonly CallListEntry[];
  readonly names: Readonly<Record<string, string>>;
  /** Company owners from HubSpot, for customers whose profile names none. */
  readonly owners: Readonly<Record<string, string>>;
  readonly kpis: readonly PortfolioKpis[];
  readonly trend: readonly TrendPoint[];
  /** HubSpot's app host for record links (account-info's uiDomain). */
  readonly uiDomain?: string;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export function kpisVM(k: PortfolioKpis): PortfolioKpisVM {
  return {
    currency: k.currency,
    open: { minor: k.openMinor, currency: k.currency },
    overdue: { minor: k.overdueMinor, currency: k.currency },
    dso: oneDecimal(k.dso), bestPossibleDso: oneDecimal(k.bestPossibleDso), averageDaysDelinquent: oneDecimal(k.averageDaysDelinquent),
    weightedDaysLate: k.weightedDaysLate === null ? null : oneDecimal(k.weightedDaysLate),
  };
}

function entryVM(e: CallListEntry, input: SnapshotInput): CallListEntryVM {
  const host = input.uiDomain ?? 'app.hubspot.com';
  return {
    companyId: e.companyId,
    name: input.names[e.companyId] ?? null,
    recordUrl: `https://${host}/contacts/${input.portalId}/record/0-2/${e.companyId}`,
    score: Math.round(e.score),
    segment: e.segment,
    reasons: [...e.reasons] as CallListEntryVM['reasons'],
    status: e.status,
    overdue: e.overdue.map((m) => ({ minor: m.minor, currency: m.currency })),
    ownerId: e.ownerId ?? input.owners[e.companyId] ?? null,
    planned: e.planned ? {
      stepId: e.planned.stepId, action: e.planned.action, channel: e.planned.channel ?? null, dueAt: e.planned.dueAt,
      window: e.planned.window ? { ...e.planned.window } : null,
    } : null,
  };
}

const overdueWeight = (vm: CallListEntryVM) => vm.overdue.reduce((s, m) => s + m.minor, 0);
const byName = (a: SnapshotEntry, b: SnapshotEntry) => (a.vm.name ?? '\uffff').localeCompare(b.vm.name ?? '\uffff') || a.vm.companyId.localeCompare(b.vm.companyId);
const byDue = (a: SnapshotEntry, b: SnapshotEntry) =>
  (a.vm.planned?.dueAt ?? '9999').localeCompare(b.vm.planned?.dueAt ?? '9999') || a.vm.companyId.localeCompare(b.vm.companyId);

/** Each sort as a comparator over ranking positions; equal keys keep the ranking's order. */
const COMPARATORS: Record<CallListSort, (a: SnapshotEntry, b: SnapshotEntry, ia: number, ib: number) => number> = {
  '-score': (_a, _b, ia, ib) => ia - ib,
  score: (_a, _b, ia, ib) => ib - ia,
  name: (a, b) => byName(a, b),
  '-name': (a, b) => byName(b, a),
  '-overdue': (a, b, ia, ib) => overdueWeight(b.vm) - overdueWeight(a.vm) || ia - ib,
  overdue: (a, b, ia, ib) => overdueWeight(a.vm) - overdueWeight(b.vm) || ia - ib,
  due: (a, b) => byDue(a, b),
  '-due': (a, b) => byDue(b, a),
};

export function buildSnapshot(input: SnapshotInput): CallListSnapshot {
  const entries: SnapshotEntry[] = input.ranked.map((e) => ({
    vm: entryVM(e, input), status: e.status, currencies: e.overdue.map((m) => m.currency),
  }));
  const positions = entries.map((_, i) => i);
  const orders = Object.fromEntries(CALL_LIST_SORTS.map((s) => [s, [...positions].sort((a, b) => COMPARATORS[s](entries[a]!, entries[b]!, a, b))])) as Record<CallListSort, number[]>;
  return {
    portalId: input.portalId, asOf: input.asOf, computedAt: input.computedAt, entries, orders,
    kpis: input.kpis.map(kpisVM),
    trend: input.trend.map((p) => ({ date: p.date, kpis: p.kpis.map(kpisVM) })),
  };
}

/**
 * One page of the list for a query: the scope (owners the user may see; null = everyone), then segment,
 * channel and currency. Progress counts the scope's entries, so "done" does not change with a filter.
 */
export function callListPage(snap: CallListSnapshot, q: CallListQuery, scopeOwners: ReadonlySet<string> | null): CallListVM {
  const inScope = (e: SnapshotEntry) => scopeOwners === null || (e.vm.ownerId !== null && scopeOwners.has(e.vm.ownerId));
  const scoped = snap.orders[q.sort].map((i) => snap.entries[i]!).filter(inScope);
  const matching = scoped.filter((e) =>
    (q.segment === undefined || e.vm.segment === q.segment)
    && (q.channel === undefined || e.vm.planned?.channel === q.channel)
    && (q.currency === undefined || e.currencies.includes(q.currency)));
  const pageCount = Math.ceil(matching.length / q.pageSize);
  const start = (q.page - 1) * q.pageSize;
  return {
    portalId: snap.portalId, asOf: snap.asOf, computedAt: snap.computedAt, scope: q.scope, sort: q.sort,
    page: q.page, pageSize: q.pageSize, total: matching.length, pageCount,
    items: matching.slice(start, start + q.pageSize).map((e) => e.vm),
    progress: dayProgress(scoped),
    currencies: [...new Set(scoped.flatMap((e) => e.currencies))].sort(),
    channels: [...new Set(scoped.flatMap((e) => (e.vm.planned?.channel ? [e.vm.planned.channel] : [])))].sort(),
    kpis: [...snap.kpis],
    trend: [...snap.trend],
  };
}
