import { Router } from 'express';
import { DebtorLinkAdminQuery, DebtorLinkCompany, type DebtorLinkErrorCode } from '../../../contracts/debtor-page';
import type { DebtorLinkAdmin } from '../../debtor-page/link-admin';
import { AppError } from '../../errors';
import { noStore } from '../no-store';
import { verifyHubSpotSignature } from '../signature';

export interface DebtorLinksRouterDeps {
  readonly admin: DebtorLinkAdmin;
  /** The app's client secret: HubSpot signs the settings page's requests with it (v3). */
  readonly clientSecret: string;
  readonly publicBaseUrl: string;
}

const FAILURES: Record<DebtorLinkErrorCode, { status: number; message: string }> = {
  not_admin: { status: 403, message: 'Only an admin of the app in this portal can regenerate a customer\'s link.' },
  not_found: { status: 404, message: 'No receivables are known for this company.' },
};

/**
 * The settings page's admin API for debtor-page links (mount at /api/admin/debtor-links), signed by HubSpot and
 * verified before anything is parsed: `POST /<companyId>/rotate?portalId=&userId=` → 200 with the new link.
 */
export function createDebtorLinksRouter(deps: DebtorLinksRouterDeps): Router {
  const router = Router();
  router.use(...verifyHubSpotSignature({ clientSecret: deps.clientSecret, publicBaseUrl: deps.publicBaseUrl, maxBodyBytes: 1024 }), noStore);
  router.post('/:companyId/rotate', async (req, res) => {
    const q = DebtorLinkAdminQuery.parse(req.query);
    const companyId = DebtorLinkCompany.parse(req.params.companyId);
    const result = await deps.admin.rotate(q.portalId, q.userId, companyId);
    if (!result.ok) throw new AppError(result.error, FAILURES[result.error].message, FAILURES[result.error].status);
    res.json(result.value);
  });
  return router;
}
