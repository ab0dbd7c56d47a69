import { Router, type ErrorRequestHandler } from 'express';
import type { PaymentStatusVM } from '../../../contracts/cards';
import { CompanyCardQuery, ReceivablesQuery } from '../../../contracts/card-context';
import { buildPaymentStatusVM } from '../../cards/payment-status-vm';
import { costsFor, policyFor, portalDay, type PortalDayDeps } from '../../cards/portal-day';
import { createReceivablesViews, type ReceivablesViews } from '../../cards/receivables-views';
import { createViewCache } from '../../cards/view-cache';
import { AppError, companyNotFound } from '../../errors';
import type { LedgerStore } from '../../ledger/ledger-store';
import { noStore } from '../no-store';
import { verifyHubSpotSignature } from '../signature';

export interface CardsRouterDeps extends PortalDayDeps {
  readonly ledger: LedgerStore;
  /** The app's client secret: the v3 signature key. */
  readonly clientSecret: string;
  /** PUBLIC_BASE_URL: the origin HubSpot calls (and signs). */
  readonly publicBaseUrl: string;
  /** The card API only reads; a body is never needed, so the limit is small (default 16 KB). */
  readonly maxBodyBytes?: number;
  /** How long a computed company view is reused (default 2 s; 0 = always recompute). See view-cache.ts. */
  readonly viewCacheTtlMs?: number;
  /** The customer's debtor-page link (issued on first use), shown on the Payment status card. */
  readonly debtorPageUrl?: (portalId: string, companyId: string) => Promise<string>;
  /** The Receivables views, shared with the refresh that warms them (composeBackend); absent: computed on open. */
  readonly receivables?: ReceivablesViews;
}

export const DEFAULT_VIEW_CACHE_TTL_MS = 2_000;

/**
 * The domain refuses a record it cannot compute with (a RangeError: not a calendar date, not whole minor units):
 * the company's ledger holds something an older release let in. The card says so instead of a 500; the sync
 * reports the company on the settings page (sync/poisoned-companies.ts) until the record is corrected.
 */
const unprocessableLedger: ErrorRequestHandler = (err, _req, _res, next) => {
  if (!(err instanceof RangeError)) return next(err);
  next(new AppError('ledger_unprocessable', 'This company\'s receivables contain a record that cannot be processed. Correct it in the accounting system and send it again.', 422));
};

/**
 * The signed card API (mounted at /api/cards). Every route: verify the signature on the raw request, parse
 * the signed query (portal + record), read that portal's ledger from Redis, answer a view model. No HubSpot
 * call on this path. A company without a ledger in the asking portal gets 404 `not_found` — the same answer
 * whether it exists in another portal or nowhere — and the cards show "no open invoices" for it.
 */
export function createCardsRouter(deps: CardsRouterDeps): Router {
  const router = Router();
  router.use(...verifyHubSpotSignature({
    clientSecret: deps.clientSecret,
    publicBaseUrl: deps.publicBaseUrl,
    maxBodyBytes: deps.maxBodyBytes ?? 16 * 1024,
    // The signature window stays on real time: HubSpot signs with real timestamps, whatever `deps.now` says.
  }));
  router.use(noStore);

  const ttlMs = deps.viewCacheTtlMs ?? DEFAULT_VIEW_CACHE_TTL_MS;
  const receivables = deps.receivables ?? createReceivablesViews({ ...deps, viewCacheTtlMs: ttlMs });
  const statuses = createViewCache<PaymentStatusVM | null>({ ttlMs });

  router.get('/receivables', async (req, res) => {
    const q = ReceivablesQuery.parse(req.query);
    const json = await receivables.pageJson(q);
    if (json === null) throw companyNotFound();
    // Already a ReceivablesVM serialized (receivablesPageJson): a stored or repeated view skips JSON.stringify.
    res.type('application/json').send(json);
  });

  router.get('/payment-status', async (req, res) => {
    const q = CompanyCardQuery.parse(req.query);
    const { asOf, calendar } = await portalDay(deps, q.portalId);
    const vm = await statuses.get(`${q.portalId}:${q.companyId}:${asOf}`, async () => {
      const ledger = await deps.ledger.getCustomerLedger(q.portalId, q.companyId);
      return ledger
        ? buildPaymentStatusVM({ companyId: q.companyId, ledger, asOf, calendar, policy: await policyFor(deps, q.portalId), costs: await costsFor(deps, q.portalId) })
        : null;
    });
    if (!vm) throw companyNotFound();
    const debtorPageUrl = deps.debtorPageUrl ? await deps.debtorPageUrl(q.portalId, q.companyId) : undefined;
    res.json({ ...vm, ...(debtorPageUrl ? { debtorPageUrl } : {}) } satisfies PaymentStatusVM);
  });

  router.use(unprocessableLedger);
  return router;
}
