import { Router } from 'express';
import { CallListQuery } from '../../../contracts/home';
import type { CallListService } from '../../home/call-list-service';
import { noStore } from '../no-store';
import { verifyHubSpotSignature } from '../signature';

export interface HomeRouterDeps {
  readonly callList: Pick<CallListService, 'page'>;
  /** The app's client secret: HubSpot signs the app home's requests with it (v3). */
  readonly clientSecret: string;
  readonly publicBaseUrl: string;
}

/**
 * The app home's API (mount at /api/home), signed by HubSpot like every card request; the portal and user come
 * from the signed query. GET /call-list → one page of today's call list with the portal's KPIs. Only reads,
 * answered from the list computed for the portal (no HubSpot call, no ledger read per request).
 */
export function createHomeRouter(deps: HomeRouterDeps): Router {
  const router = Router();
  router.use(...verifyHubSpotSignature({ clientSecret: deps.clientSecret, publicBaseUrl: deps.publicBaseUrl, maxBodyBytes: 4 * 1024 }), noStore);
  router.get('/call-list', async (req, res) => {
    res.json(await deps.callList.page(CallListQuery.parse(req.query)));
  });
  return router;
}
