import type { Redis } from 'ioredis';
import type { CompanyId, CustomerLedger } from '../../domain/ledger';
import { portalDay, type MaybePromise, type PortalDay, type PortalDayDeps } from '../cards/portal-day';
import type { HubSpotGateway } from '../hubspot/gateway';
import type { EngagementsPort } from '../hubspot/engagements';
import { emptyLedger } from '../ledger/default-profile';
import type { LedgerStore, PortalId } from '../ledger/ledger-store';

/** What the action services need; the composition root passes the shared instances. */
export interface ActionServiceDeps extends PortalDayDeps {
  readonly ledger: LedgerStore;
  readonly gateway: Pick<HubSpotGateway, 'createTasks' | 'findTasksByActionKey'>;
  readonly engagements: EngagementsPort;
  /** For the outcome idempotency keys (`${prefix}:p:${portalId}:outcome:…`). */
  readonly redis: Redis;
  readonly prefix: string;
  /** Owner of follow-up tasks when the company has none (the portal's credit controller). */
  readonly fallbackOwnerFor?: (portalId: PortalId) => MaybePromise<string | undefined>;
  /** The customer's own page (debtor-page URL): the call's summary e-mail carries it. */
  readonly payLinkFor?: (portalId: PortalId, companyId: CompanyId) => Promise<string>;
}

export interface LoadedCustomer extends PortalDay {
  /** The stored ledger, or an empty one with the default profile: a company without invoices can still be described. */
  readonly ledger: CustomerLedger;
  readonly hasLedger: boolean;
}

/** The company's ledger and "today" in the portal's zone, read once per request. */
export async function loadCustomer(deps: ActionServiceDeps, portalId: PortalId, companyId: CompanyId): Promise<LoadedCustomer> {
  const [stored, day] = await Promise.all([deps.ledger.getCustomerLedger(portalId, companyId), portalDay(deps, portalId)]);
  return { ...day, ledger: stored ?? emptyLedger(companyId), hasLedger: stored !== undefined };
}
