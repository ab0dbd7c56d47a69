import { dateInZone, type IsoDate } from '../../domain/dates';
import type { BusinessCalendar } from '../../domain/ledger';
import type { CostOptions } from '../../domain/legal/collection-costs';
import type { ReminderPolicy } from '../../domain/policy/policy';
import type { PortalId } from '../ledger/ledger-store';

export type MaybePromise<T> = T | Promise<T>;

/** The clock, calendar and reminder policy of a portal, as the card API (cards and actions) is given them. */
export interface PortalDayDeps {
  readonly now: () => Date;
  /** The portal's time zone and holidays: "today" and the ladder's dates are the portal's. */
  readonly calendarFor: (portalId: PortalId) => MaybePromise<BusinessCalendar>;
  readonly policy: ReminderPolicy | ((portalId: PortalId) => MaybePromise<ReminderPolicy>);
  /** The creditor's VAT on collection costs (company settings); none added when absent. */
  readonly costsFor?: (portalId: PortalId) => MaybePromise<CostOptions>;
}

export interface PortalDay {
  readonly calendar: BusinessCalendar;
  readonly now: Date;
  /** The portal's calendar day at `now`. */
  readonly asOf: IsoDate;
}

/** "Today" in the portal's zone: one clock reading, so `asOf` and `now` never straddle midnight. */
export async function portalDay(deps: Pick<PortalDayDeps, 'now' | 'calendarFor'>, portalId: PortalId): Promise<PortalDay> {
  const calendar = await deps.calendarFor(portalId);
  const now = deps.now();
  return { calendar, now, asOf: dateInZone(now.toISOString(), calendar.timeZone) };
}

export const policyFor = (deps: Pick<PortalDayDeps, 'policy'>, portalId: PortalId): MaybePromise<ReminderPolicy> =>
  (typeof deps.policy === 'function' ? deps.policy(portalId) : deps.policy);

export const costsFor = async (deps: Pick<PortalDayDeps, 'costsFor'>, portalId: PortalId): Promise<CostOptions> =>
  (deps.costsFor ? deps.costsFor(portalId) : {});
