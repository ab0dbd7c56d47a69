import { DEFAULT_INVOICE_SORT, DEFAULT_PAGE_SIZE, type ReceivablesQuery } from '../../contracts/card-context';
import type { CompanyId, CustomerLedger } from '../../domain/ledger';
import type { LedgerStore, PortalId } from '../ledger/ledger-store';
import { ladderFor } from './ladder-vm';
import { costsFor, policyFor, portalDay, type PortalDay, type PortalDayDeps } from './portal-day';
import { receivablesPageJson, receivablesSnapshot, type PageQuery, type ReceivablesSnapshot } from './receivables-vm';
import { viewVariant, type StoredViews } from './stored-views';
import { createViewCache } from './view-cache';

export interface ReceivablesViewsDeps extends PortalDayDeps {
  /** Revisions are read before the ledger, so a write in between only makes a stored view miss. */
  readonly ledger: Pick<LedgerStore, 'getCustomerLedger' | 'getCustomerLedgers' | 'getRevisions'>;
  /** Precomputed first pages shared through Redis (absent: every first open computes). */
  readonly stored?: StoredViews;
  /** How long a computed company view is reused in this process for paging and sorting (0 = always recompute). */
  readonly viewCacheTtlMs: number;
  readonly log?: { warn(obj: object, msg: string): void };
}

/** The page a card asks for when it opens: the one worth precomputing. */
const FIRST_PAGE: PageQuery = { page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: DEFAULT_INVOICE_SORT };
const isFirstPage = (q: PageQuery) => q.page === FIRST_PAGE.page && q.pageSize === FIRST_PAGE.pageSize && q.sort === FIRST_PAGE.sort;

/** Companies warmed per Redis round trip in the refresh: bounds memory and keeps each MULTI small. */
const WARM_CHUNK = 100;

/**
 * The Receivables card's views: a first open is served from the view precomputed for the company's current
 * ledger revision (one Redis round trip); any other page or order, or a miss, is computed from the ledger and
 * kept in this process for `viewCacheTtlMs` (paging through a table). `warm` precomputes after a change.
 */
export function createReceivablesViews(deps: ReceivablesViewsDeps) {
  const snapshots = createViewCache<ReceivablesSnapshot | null>({ ttlMs: deps.viewCacheTtlMs });

  async function snapshotOf(portalId: PortalId, companyId: CompanyId, day: PortalDay, ledger: CustomerLedger) {
    const policy = await policyFor(deps, portalId);
    const ladder = ladderFor(ledger, { now: day.now, calendar: day.calendar, policy });
    return receivablesSnapshot({ companyId, ledger, asOf: day.asOf, calendar: day.calendar, policy, costs: await costsFor(deps, portalId), ladder });
  }

  async function variantOf(portalId: PortalId, day: PortalDay): Promise<string> {
    return viewVariant(await policyFor(deps, portalId), day.calendar.timeZone, await costsFor(deps, portalId));
  }

  /** The page as JSON, or null when the portal has no ledger for the company. */
  async function pageJson(q: Pick<ReceivablesQuery, 'portalId' | 'companyId'> & PageQuery): Promise<string | null> {
    const day = await portalDay(deps, q.portalId);
    const stored = isFirstPage(q) ? deps.stored : undefined;
    if (!stored) {
      const snapshot = await snapshots.get(`${q.portalId}:${q.companyId}:${day.asOf}`, async () => {
        const ledger = await deps.ledger.getCustomerLedger(q.portalId, q.companyId);
        return ledger ? snapshotOf(q.portalId, q.companyId, day, ledger) : null;
      });
      return snapshot ? receivablesPageJson(snapshot, q) : null;
    }
    const variant = await variantOf(q.portalId, day);
    const hit = await stored.read(q.portalId, q.companyId, day.asOf, variant);
    if (hit !== undefined) return hit;
    // A miss computes from the ledger as it is now (not from this process's cache): the revision is read first,
    // so the view stored below is never stamped newer than the ledger it was computed from.
    const [revision] = await deps.ledger.getRevisions(q.portalId, [q.companyId]);
    const ledger = await deps.ledger.getCustomerLedger(q.portalId, q.companyId);
    if (!ledger) return null;
    const json = receivablesPageJson(await snapshotOf(q.portalId, q.companyId, day, ledger), q);
    // Kept for the next first open, by anyone; a failed write only costs that open a computation.
    void stored.write(q.portalId, [{ companyId: q.companyId, stamp: { revision: revision ?? null, asOf: day.asOf, variant }, json }])
      .catch((err: Error) => deps.log?.warn({ err: err.message }, 'card view not stored'));
    return json;
  }

  /** Precomputes the first page of these companies (after their ledgers changed, and in the daily pass). */
  async function warm(portalId: PortalId, companyIds: readonly CompanyId[]): Promise<void> {
    if (!deps.stored || !deps.ledger.getCustomerLedgers) return;
    const day = await portalDay(deps, portalId);
    const variant = await variantOf(portalId, day);
    for (let i = 0; i < companyIds.length; i += WARM_CHUNK) {
      const ids = companyIds.slice(i, i + WARM_CHUNK);
      const revisions = await deps.ledger.getRevisions(portalId, ids);
      const ledgers = await deps.ledger.getCustomerLedgers(portalId, ids);
      const entries = [];
      for (const [n, companyId] of ids.entries()) {
        const ledger = ledgers[n];
        if (!ledger) continue;
        const json = receivablesPageJson(await snapshotOf(portalId, companyId, day, ledger), FIRST_PAGE);
        entries.push({ companyId, stamp: { revision: revisions[n] ?? null, asOf: day.asOf, variant }, json });
      }
      await deps.stored.write(portalId, entries);
    }
  }

  return { pageJson, warm };
}
export type ReceivablesViews = ReturnType<typeof createReceivablesViews>;
