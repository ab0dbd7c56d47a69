import {
  CALL_LIST_CHANNELS, CALL_LIST_SEGMENTS, CALL_LIST_SORTS, type CallListEntryVM, type CallListQuery, type CallListSort, type CallListVM, type PortfolioKpisVM,
} from '../../contracts/home';
import type { CallListEntry } from '../../domain/prioritisation/call-list';
import { dayProgress } from '../../domain/prioritisation/call-list';
import type { PortfolioKpis, TrendPoint } from '../../domain/measures/portfolio';

/**
 * A portal's call list as computed once: entries in ranking order, an index order per sort, the KPIs, and each
 * entry's filter keys as small integer columns, so a request picks its page in one pass over them without
 * allocating per entry (before, each request copied and filtered the 10,000 entries several times: 90% of the
 * server's CPU under bench:cards).
 */
export interface CallListSnapshot {
  readonly portalId: string;
  readonly asOf: string;
  readonly computedAt: string;
  readonly entries: readonly SnapshotEntry[];
  /** Positions into `entries`, one order per sort: a request never sorts. */
  readonly orders: Readonly<Record<CallListSort, Int32Array>>;
  readonly columns: FilterColumns;
  /** Progress, currencies and channels of the whole list (scope "all" needs no pass for them). */
  readonly everyone: Pick<CallListVM, 'progress' | 'currencies' | 'channels'>;
  readonly kpis: readonly PortfolioKpisVM[];
  readonly trend: CallListVM['trend'];
}

/** Per entry (same position as `entries`): its segment, channel and owner as an index. */
interface FilterColumns {
  readonly segment: Uint8Array;
  /** CHANNEL_NONE when nothing is planned over a channel. */
  readonly channel: Uint8Array;
  /** Index into `owners`; -1 without an owner. */
  readonly owner: Int32Array;
  readonly owners: readonly string[];
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
  /** Owner id → name (HubSpot's owners). */
  readonly ownerNames: Readonly<Record<string, string>>;
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

/** 0–100 on a log scale, the top score 100 (see CallListEntryVM.priority). */
export const priorityOf = (score: number, topScore: number): number =>
  (score <= 0 || topScore <= 0 ? 0 : Math.max(1, Math.round((100 * Math.log1p(score)) / Math.log1p(topScore))));

function entryVM(e: CallListEntry, input: SnapshotInput, topScore: number): CallListEntryVM {
  const host = input.uiDomain ?? 'app.hubspot.com';
  const ownerId = e.ownerId ?? input.owners[e.companyId] ?? null;
  return {
    companyId: e.companyId,
    name: input.names[e.companyId] ?? null,
    recordUrl: `https://${host}/contacts/${input.portalId}/record/0-2/${e.companyId}`,
    score: Math.round(e.score),
    priority: priorityOf(e.score, topScore),
    segment: e.segment,
    reasons: [...e.reasons] as CallListEntryVM['reasons'],
    status: e.status,
    overdue: e.overdue.map((m) => ({ minor: m.minor, currency: m.currency })),
    ownerId,
    ownerName: ownerId === null ? null : input.ownerNames[ownerId] ?? null,
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

const SEGMENTS = [...CALL_LIST_SEGMENTS, 'current'] as const;
const CHANNEL_NONE = 255;

function filterColumns(entries: readonly SnapshotEntry[]): FilterColumns {
  const owners = [...new Set(entries.flatMap((e) => (e.vm.ownerId === null ? [] : [e.vm.ownerId])))];
  const ownerIndex = new Map(owners.map((o, i) => [o, i]));
  const n = entries.length;
  const columns = {
    segment: new Uint8Array(n), channel: new Uint8Array(n), owner: new Int32Array(n), owners,
  };
  entries.forEach((e, i) => {
    columns.segment[i] = SEGMENTS.indexOf(e.vm.segment);
    const channel = e.vm.planned?.channel;
    columns.channel[i] = channel ? CALL_LIST_CHANNELS.indexOf(channel) : CHANNEL_NONE;
    columns.owner[i] = e.vm.ownerId === null ? -1 : ownerIndex.get(e.vm.ownerId)!;
  });
  return columns;
}

const channelsOf = (entries: readonly SnapshotEntry[]) =>
  [...new Set(entries.flatMap((e) => (e.vm.planned?.channel ? [e.vm.planned.channel] : [])))].sort();

export function buildSnapshot(input: SnapshotInput): CallListSnapshot {
  const topScore = input.ranked.reduce((top, e) => Math.max(top, e.score), 0);
  const entries: SnapshotEntry[] = input.ranked.map((e) => ({
    vm: entryVM(e, input, topScore), status: e.status, currencies: e.overdue.map((m) => m.currency),
  }));
  const positions = entries.map((_, i) => i);
  const orders = Object.fromEntries(CALL_LIST_SORTS.map((s) =>
    [s, Int32Array.from([...positions].sort((a, b) => COMPARATORS[s](entries[a]!, entries[b]!, a, b)))])) as Record<CallListSort, Int32Array>;
  return {
    portalId: input.portalId, asOf: input.asOf, computedAt: input.computedAt, entries, orders,
    columns: filterColumns(entries),
    everyone: { progress: dayProgress(entries), currencies: [...new Set(entries.flatMap((e) => e.currencies))].sort(), channels: channelsOf(entries) },
    kpis: input.kpis.map(kpisVM),
    trend: input.trend.map((p) => ({ date: p.date, kpis: p.kpis.map(kpisVM) })),
  };
}

/**
 * One page of the list for a query: the scope (owners the user may see; null = everyone), then segment,
 * channel and currency. Progress counts the scope's entries, so "done" does not change with a filter.
 * One pass over the sort's order: counts the matches and keeps only the page's entries.
 */
export function callListPage(snap: CallListSnapshot, q: CallListQuery, scopeOwners: ReadonlySet<string> | null): CallListVM {
  const c = snap.columns;
  const order = snap.orders[q.sort];
  const visible = scopeOwners === null ? null : Uint8Array.from(c.owners, (o) => (scopeOwners.has(o) ? 1 : 0));
  const segment = q.segment === undefined ? -1 : SEGMENTS.indexOf(q.segment);
  const channel = q.channel === undefined ? -1 : CALL_LIST_CHANNELS.indexOf(q.channel);
  const start = (q.page - 1) * q.pageSize;
  const items: CallListEntryVM[] = [];
  const scoped: SnapshotEntry[] = [];
  let total = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (visible !== null) {
      const owner = c.owner[i]!;
      if (owner === -1 || visible[owner] === 0) continue;
      scoped.push(snap.entries[i]!);
    }
    if (segment !== -1 && c.segment[i] !== segment) continue;
    if (channel !== -1 && c.channel[i] !== channel) continue;
    if (q.currency !== undefined && !snap.entries[i]!.currencies.includes(q.currency)) continue;
    if (total >= start && items.length < q.pageSize) items.push(snap.entries[i]!.vm);
    total++;
  }
  const whole = visible === null ? snap.everyone : {
    progress: dayProgress(scoped), currencies: [...new Set(scoped.flatMap((e) => e.currencies))].sort(), channels: channelsOf(scoped),
  };
  return {
    portalId: snap.portalId, asOf: snap.asOf, computedAt: snap.computedAt, scope: q.scope, sort: q.sort,
    page: q.page, pageSize: q.pageSize, total, pageCount: Math.ceil(total / q.pageSize), items,
    progress: whole.progress, currencies: whole.currencies, channels: whole.channels,
    kpis: [...snap.kpis],
    trend: [...snap.trend],
  };
}
