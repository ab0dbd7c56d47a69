import type { CallListQuery, CallListVM } from '../../contracts/home';
import type { BusinessCalendar, CustomerLedger, Invoice } from '../../domain/ledger';
import { kpiTrend, portfolioKpis } from '../../domain/measures/portfolio';
import { planActions } from '../../domain/policy/engine';
import type { ReminderPolicy } from '../../domain/policy/policy';
import { callListEntry, rankCallList, type CallListEntry } from '../../domain/prioritisation/call-list';
import { policyFor, portalDay, type PortalDayDeps } from '../cards/portal-day';
import { AppError } from '../errors';
import type { OwnerSummary } from '../hubspot/gateway';
import type { LedgerStore } from '../ledger/ledger-store';
import type { CompanyIndex } from '../matching/company-index';
import { readLedgers } from '../sync/read-ledgers';
import { buildSnapshot, callListPage, type CallListSnapshot } from './call-list-vm';

export interface CallListServiceDeps extends PortalDayDeps {
  readonly ledger: Pick<LedgerStore, 'listCompanyIds' | 'getCustomerLedger' | 'getCustomerLedgers'>;
  /** Names and owners of the portal's companies as HubSpot has them (the matching index, no HubSpot call). */
  readonly companyIndex: (portalId: string) => Promise<Pick<CompanyIndex, 'owners' | 'names'>>;
  /** The portal's owners with their users and teams (HubSpot's owners API), for the mine and team scopes. */
  readonly owners: (portalId: string) => Promise<readonly OwnerSummary[]>;
  /** A list older than this is recomputed in the background while it is still served (default 10 minutes). */
  readonly maxAgeMs?: number;
  /** How long the owners list is reused (default 10 minutes). */
  readonly ownersTtlMs?: number;
  readonly log?: { warn(obj: object, msg: string): void };
}

const CHUNK = 100;
/** A portal whose app home nobody opened for this long no longer gets a list built for it each morning. */
const IDLE_MS = 7 * 86_400_000;
const TREND_MONTHS = 6;

/** What a portal's list is made of: each customer's entry and documents, kept so a change recomputes only its companies. */
interface PortalList {
  asOf: string;
  builtAtMs: number;
  readonly entries: Map<string, CallListEntry>;
  readonly invoices: Map<string, readonly Invoice[]>;
  snapshot: CallListSnapshot;
}

/**
 * Today's call list of a portal. Planning and scoring 10,000 customers takes seconds, so the list is computed
 * once per portal per day and kept in this process; a request only picks a page out of it (positions already
 * sorted). After a refresh the changed companies are recomputed (`update`), so the list follows the ledgers;
 * names and owners come from the company index each time the list is assembled. Work for one portal runs one
 * at a time.
 */
export function createCallListService(deps: CallListServiceDeps) {
  const lists = new Map<string, PortalList>();
  const lastAskedMs = new Map<string, number>();
  const queues = new Map<string, Promise<unknown>>();
  const owners = new Map<string, { atMs: number; list: Promise<readonly OwnerSummary[]> }>();
  const maxAgeMs = deps.maxAgeMs ?? 10 * 60_000;
  const ownersTtlMs = deps.ownersTtlMs ?? 10 * 60_000;

  /** Runs `work` after the portal's earlier work (a full build and an update never interleave). */
  function serial<T>(portalId: string, work: () => Promise<T>): Promise<T> {
    const run = (queues.get(portalId) ?? Promise.resolve()).catch(() => undefined).then(work);
    queues.set(portalId, run);
    return run;
  }

  interface Moment { now: string; asOf: string; calendar: BusinessCalendar; policy: ReminderPolicy }
  async function moment(portalId: string): Promise<Moment> {
    const day = await portalDay(deps, portalId);
    return { now: day.now.toISOString(), asOf: day.asOf, calendar: day.calendar, policy: await policyFor(deps, portalId) };
  }

  /** Reads and plans these companies into the list (a company without a ledger any more leaves it). */
  async function plan(portalId: string, list: Pick<PortalList, 'entries' | 'invoices'>, ids: readonly string[], m: Moment) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      for (const id of chunk) { list.entries.delete(id); list.invoices.delete(id); }
      for (const ledger of await readLedgers(deps.ledger, portalId, chunk)) {
        const entry = entryOf(portalId, ledger, m);
        if (entry === null) continue;
        list.invoices.set(ledger.companyId, ledger.invoices);
        if (entry) list.entries.set(ledger.companyId, entry);
      }
      // Requests (this portal's old list, other portals) are answered between chunks.
      await new Promise((r) => setImmediate(r));
    }
  }

  /** null: the ledger holds a record the domain refuses; it is left out (the sync reports it), the rest goes on. */
  function entryOf(portalId: string, ledger: CustomerLedger, m: Moment): CallListEntry | undefined | null {
    try {
      const p = planActions({ ledger, policy: m.policy, now: m.now, calendar: m.calendar });
      return callListEntry({ ledger, plan: p, policy: m.policy, now: m.now, timeZone: m.calendar.timeZone });
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      deps.log?.warn({ portalId, companyId: ledger.companyId, err: err.message }, 'company left off the call list');
      return null;
    }
  }

  /** Owner id → name; a nicety: without HubSpot's owners the list shows owner ids. */
  const ownerNamesOf = (portalId: string): Promise<Record<string, string>> => ownersOf(portalId).then(
    (list) => Object.fromEntries(list.flatMap((o) => (o.name ? [[o.ownerId, o.name]] : []))),
    (err: Error) => {
      deps.log?.warn({ portalId, err: err.message }, 'call list without owner names');
      return {};
    },
  );

  async function assemble(portalId: string, list: Omit<PortalList, 'snapshot'>, computedAt: string, names = ownerNamesOf(portalId)): Promise<CallListSnapshot> {
    // Without HubSpot (down, or not yet listed) the list still answers: names and owners then wait for the next build.
    const index = await deps.companyIndex(portalId).catch((err: Error) => {
      deps.log?.warn({ portalId, err: err.message }, 'call list without company names');
      return {} as Pick<CompanyIndex, 'owners' | 'names'>;
    });
    const ownerNames = await names;
    const invoices = [...list.invoices.values()].flat();
    return buildSnapshot({
      portalId, asOf: list.asOf, computedAt, ranked: rankCallList([...list.entries.values()]),
      names: index.names ?? {}, owners: index.owners ?? {}, ownerNames,
      kpis: portfolioKpis(invoices, list.asOf), trend: kpiTrend(invoices, list.asOf, TREND_MONTHS),
    });
  }

  const pending = new Map<string, Promise<PortalList>>();
  /** A full build; requests arriving meanwhile wait for the same one. */
  function build(portalId: string): Promise<PortalList> {
    const known = pending.get(portalId);
    if (known) return known;
    const run = fullBuild(portalId).finally(() => pending.delete(portalId));
    pending.set(portalId, run);
    return run;
  }

  const fullBuild = (portalId: string): Promise<PortalList> => serial(portalId, async () => {
    const m = await moment(portalId);
    // Asked while the customers are planned: HubSpot's answer (or its failure) costs the build no time of its own.
    const names = ownerNamesOf(portalId);
    const parts = { asOf: m.asOf, builtAtMs: Date.now(), entries: new Map<string, CallListEntry>(), invoices: new Map<string, readonly Invoice[]>() };
    await plan(portalId, parts, await deps.ledger.listCompanyIds(portalId), m);
    const list: PortalList = { ...parts, snapshot: await assemble(portalId, parts, m.now, names) };
    lists.set(portalId, list);
    return list;
  });

  async function current(portalId: string): Promise<CallListSnapshot> {
    lastAskedMs.set(portalId, Date.now());
    const { asOf } = await portalDay(deps, portalId);
    const list = lists.get(portalId);
    if (!list || list.asOf !== asOf) return (await build(portalId)).snapshot;
    if (Date.now() - list.builtAtMs > maxAgeMs) {
      list.builtAtMs = Date.now();
      build(portalId).catch((err: Error) => deps.log?.warn({ portalId, err: err.message }, 'call list not recomputed'));
    }
    return list.snapshot;
  }

  function ownersOf(portalId: string): Promise<readonly OwnerSummary[]> {
    const hit = owners.get(portalId);
    if (hit && Date.now() - hit.atMs < ownersTtlMs) return hit.list;
    const list = deps.owners(portalId);
    owners.set(portalId, { atMs: Date.now(), list });
    list.catch(() => owners.delete(portalId));
    return list;
  }

  /** The owner ids the scope shows: the user's own, or everyone's on a team with them; null for all. */
  async function scopeOwners(q: CallListQuery): Promise<ReadonlySet<string> | null> {
    if (q.scope === 'all') return null;
    if (q.userId === undefined) throw new AppError('user_required', 'The mine and team views need the user (userId) in the signed query.', 400);
    const list = await ownersOf(q.portalId);
    const mine = list.filter((o) => o.userId === q.userId);
    if (q.scope === 'mine') return new Set(mine.map((o) => o.ownerId));
    const teams = new Set(mine.flatMap((o) => o.teamIds));
    return new Set([...mine.map((o) => o.ownerId), ...list.filter((o) => o.teamIds.some((t) => teams.has(t))).map((o) => o.ownerId)]);
  }

  return {
    async page(q: CallListQuery): Promise<CallListVM> {
      const [snap, scope] = await Promise.all([current(q.portalId), scopeOwners(q)]);
      return callListPage(snap, q, scope);
    },
    /**
     * These companies' ledgers changed (the refresh after a sync): their entries are recomputed and the list
     * assembled again. A portal whose app home was in use on an earlier day gets today's list built now (the
     * morning's daily pass), so its first request of the day does not wait for it; a portal that never opened
     * the app home (or not for a week) is left alone: its first request builds the list.
     */
    update: (portalId: string, companyIds: readonly string[]): Promise<void> => serial(portalId, async () => {
      const list = lists.get(portalId);
      if (!list) return;
      const m = await moment(portalId);
      if (list.asOf !== m.asOf && Date.now() - (lastAskedMs.get(portalId) ?? 0) > IDLE_MS) { lists.delete(portalId); return; }
      if (list.asOf !== m.asOf) {
        // Queued behind this update, not awaited in it (the build runs one at a time per portal too).
        build(portalId).catch((err: Error) => deps.log?.warn({ portalId, err: err.message }, 'call list not rebuilt for the new day'));
        return;
      }
      await plan(portalId, list, companyIds, m);
      list.snapshot = await assemble(portalId, list, m.now);
    }),
  };
}
export type CallListService = ReturnType<typeof createCallListService>;
