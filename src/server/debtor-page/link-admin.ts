import type { DebtorLinkErrorCode, DebtorLinkVM } from '../../contracts/debtor-page';
import { err, ok, type Result } from '../../domain/result';
import type { LedgerStore } from '../ledger/ledger-store';
import type { DebtorLinkStore } from './link-store';

export interface DebtorLinkAdminDeps {
  readonly links: Pick<DebtorLinkStore, 'rotate'>;
  readonly ledger: Pick<LedgerStore, 'getCustomerLedger' | 'touchCompanies'>;
  /** The portal's admins (the settings store). */
  readonly adminsOf: (portalId: string) => Promise<readonly string[]>;
  readonly publicBaseUrl: string;
}

/**
 * An admin regenerates a customer's link (e.g. it was forwarded to the wrong person): the old one opens nothing
 * from then on. Touching the company (a new revision) lets the continuous sync rewrite its open reminder tasks with the new
 * link at once. (No revoke here: every task, card and letter issues a link on next use anyway.)
 */
export function createDebtorLinkAdmin(deps: DebtorLinkAdminDeps) {
  const allowed = async (portalId: string, userId: string | undefined, companyId: string): Promise<DebtorLinkErrorCode | undefined> => {
    if (userId === undefined || !(await deps.adminsOf(portalId)).includes(userId)) return 'not_admin';
    // Only customers the app knows: a company of another portal or none at all is the same "not found".
    return (await deps.ledger.getCustomerLedger(portalId, companyId)) ? undefined : 'not_found';
  };

  return {
    async rotate(portalId: string, userId: string | undefined, companyId: string): Promise<Result<DebtorLinkVM, DebtorLinkErrorCode>> {
      const refused = await allowed(portalId, userId, companyId);
      if (refused) return err(refused);
      const link = await deps.links.rotate(portalId, companyId);
      await deps.ledger.touchCompanies(portalId, [companyId]);
      return ok({ companyId, url: `${deps.publicBaseUrl}/my/${link.token}`, issuedAt: link.issuedAt, expiresAt: link.expiresAt });
    },

  };
}
export type DebtorLinkAdmin = ReturnType<typeof createDebtorLinkAdmin>;
