import type { Redis } from 'ioredis';
import { dateInZone, type IsoDate } from '../../domain/dates';
import type { BusinessCalendar, CompanyId, CustomerLedger } from '../../domain/ledger';
import type { ReminderPolicy } from '../../domain/policy/policy';
import type { HubSpotGateway } from '../hubspot/gateway';
import type { EngagementsPort } from '../hubspot/engagements';
import { defaultProfile } from '../ledger/default-profile';
import type { LedgerStore, PortalId } from '../ledger/ledger-store';

type MaybePromise<T> = T | Promise<T>;

/** What the action services need; the composition root passes the shared instances. */
export interface ActionServiceDeps {
  readonly ledger: LedgerStore;
  readonly gateway: Pick<HubSpotGateway, 'createTasks' | 'findTasksByActionKey'>;
  readonly engagements: EngagementsPort;
  /** For the outcome idempotency keys (`${prefix}:p:${portalId}:outcome:…`). */
  readonly redis: Redis;
  readonly prefix: string;
  readonly now: () => Date;
  readonly calendarFor: (portalId: PortalId) => MaybePromise<BusinessCalendar>;
  readonly policy: ReminderPolicy | ((portalId: PortalId) => MaybePromise<ReminderPolicy>);
  /** Owner of follow-up tasks when the company has none (the portal's credit controller). */
  readonly fallbackOwnerFor?: (portalId: PortalId) => MaybePromise<string | undefined>;
}

export interface LoadedCustomer {
  /** The stored ledger, or an empty one with the default profile: a company without invoices can still be described. */
  readonly ledger: CustomerLedger;
  readonly hasLedger: boolean;
  readonly calendar: BusinessCalendar;
  readonly now: Date;
  readonly asOf: IsoDate;
}

export function emptyLedger(companyId: CompanyId): CustomerLedger {
  return {
    companyId, invoices: [], payments: [], mandates: [], failedCollections: [], disputes: [], promises: [],
    arrangements: [], profile: defaultProfile(companyId), history: [],
  };
}

/** The company's ledger and "today" in the portal's zone, read once per request. */
export async function loadCustomer(deps: ActionServiceDeps, portalId: PortalId, companyId: CompanyId): Promise<LoadedCustomer> {
  const [stored, calendar] = await Promise.all([deps.ledger.getCustomerLedger(portalId, companyId), deps.calendarFor(portalId)]);
  const now = deps.now();
  return {
    ledger: stored ?? emptyLedger(companyId),
    hasLedger: stored !== undefined,
    calendar,
    now,
    asOf: dateInZone(now.toISOString(), calendar.timeZone),
  };
}

export const policyOf = (deps: ActionServiceDeps, portalId: PortalId): MaybePromise<ReminderPolicy> =>
  (typeof deps.policy === 'function' ? deps.policy(portalId) : deps.policy);
