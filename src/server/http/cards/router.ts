import { Router } from 'express';
import type { PaymentStatusVM, ReceivablesVM } from '../../../contracts/cards';
import { CompanyCardQuery, ReceivablesQuery } from '../../../contracts/card-context';
import { dateInZone, type IsoDate } from '../../../domain/dates';
import type { BusinessCalendar } from '../../../domain/ledger';
import type { ReminderPolicy } from '../../../domain/policy/policy';
import { buildPaymentStatusVM } from '../../cards/payment-status-vm';
import { buildReceivablesVM } from '../../cards/receivables-vm';
import { ladderFor } from '../../cards/ladder-vm';
import type { LedgerStore, PortalId } from '../../ledger/ledger-store';
import { verifyHubSpotSignature } from '../signature';

type MaybePromise<T> = T | Promise<T>;

export interface CardsRouterDeps {
  readonly ledger: LedgerStore;
  /** The app's client secret: the v3 signature key. */
  readonly clientSecret: string;
  /** PUBLIC_BASE_URL: the origin HubSpot calls (and signs). */
  readonly publicBaseUrl: string;
  readonly now: () => Date;
  /** The portal's time zone and holidays: "today" and the ladder's dates are the portal's. */
  readonly calendarFor: (portalId: PortalId) => MaybePromise<BusinessCalendar>;
  readonly policy: ReminderPolicy | ((portalId: PortalId) => MaybePromise<ReminderPolicy>);
  /** The card API only reads; a body is never needed, so the limit is small (default 16 KB). */
  readonly maxBodyBytes?: number;
}

/**
 * The signed card API (mounted at /api/cards). Every route: verify the signature on the raw request, parse
 * the signed query (portal + record), read that portal's ledger from Redis, answer a view model. No HubSpot
 * call on this path. A company without a ledger in the asking portal gets the empty view model, whether it
 * exists elsewhere or nowhere: the answer never depends on other portals' data.
 */
export function createCardsRouter(deps: CardsRouterDeps): Router {
  const router = Router();
  router.use(...verifyHubSpotSignature({
    clientSecret: deps.clientSecret,
    publicBaseUrl: deps.publicBaseUrl,
    maxBodyBytes: deps.maxBodyBytes ?? 16 * 1024,
    now: deps.now,
  }));
  router.use((_req, res, next) => {
    // Per-user, per-moment data: no shared cache may keep it.
    res.set('Cache-Control', 'private, no-store');
    next();
  });

  const policyFor = (portalId: PortalId) => (typeof deps.policy === 'function' ? deps.policy(portalId) : deps.policy);

  async function load(portalId: PortalId, companyId: string) {
    const [ledger, calendar] = await Promise.all([deps.ledger.getCustomerLedger(portalId, companyId), deps.calendarFor(portalId)]);
    const asOf: IsoDate = dateInZone(deps.now().toISOString(), calendar.timeZone);
    return { ledger, calendar, asOf };
  }

  router.get('/receivables', async (req, res) => {
    const q = ReceivablesQuery.parse(req.query);
    const { ledger, calendar, asOf } = await load(q.portalId, q.companyId);
    const ladder = ledger ? ladderFor(ledger, { now: deps.now(), calendar, policy: await policyFor(q.portalId) }) : null;
    const vm: ReceivablesVM = buildReceivablesVM({ companyId: q.companyId, ledger, asOf, query: q, ladder });
    res.json(vm);
  });

  router.get('/payment-status', async (req, res) => {
    const q = CompanyCardQuery.parse(req.query);
    const { ledger, asOf } = await load(q.portalId, q.companyId);
    const vm: PaymentStatusVM = buildPaymentStatusVM({ companyId: q.companyId, ledger, asOf });
    res.json(vm);
  });

  return router;
}
