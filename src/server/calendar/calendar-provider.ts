import type { BusinessCalendar } from '../../domain/ledger';
import { companyNotFound } from '../errors';
import type { PortalRegistry } from '../portals/portal-registry';
import { buildBusinessCalendar } from './holidays';

/** The portal's business calendar (time zone + public holidays around `now`), cached per portal and year. */
export function createCalendarProvider(portals: PortalRegistry, now: () => Date) {
  const cache = new Map<string, BusinessCalendar>();
  return async (portalId: string): Promise<BusinessCalendar> => {
    const portal = await portals.get(portalId);
    // Card requests name the portal; one that is not installed has no companies to show.
    if (!portal) throw companyNotFound();
    const year = now().getUTCFullYear();
    const key = `${portal.country}|${portal.timeZone}|${year}`;
    let calendar = cache.get(key);
    if (!calendar) {
      calendar = buildBusinessCalendar({ country: portal.country, timeZone: portal.timeZone, years: [year - 1, year, year + 1] });
      cache.set(key, calendar);
    }
    return calendar;
  };
}
