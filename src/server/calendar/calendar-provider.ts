import type { BusinessCalendar } from '../../domain/ledger';
import { companyNotFound } from '../errors';
import type { Portal, PortalRegistry } from '../portals/portal-registry';
import { buildBusinessCalendar } from './holidays';

/** A portal's business calendar around `year` (time zone + public holidays), built once per country, zone and year. */
export type CalendarCache = (portal: Pick<Portal, 'country' | 'timeZone'>, year: number) => BusinessCalendar;

export function createCalendarCache(): CalendarCache {
  const cache = new Map<string, BusinessCalendar>();
  return (portal, year) => {
    const key = `${portal.country}|${portal.timeZone}|${year}`;
    let calendar = cache.get(key);
    // Steps can land up to ~2 months ahead, so the next year's holidays are needed too.
    if (!calendar) cache.set(key, (calendar = buildBusinessCalendar({ country: portal.country, timeZone: portal.timeZone, years: [year - 1, year, year + 1] })));
    return calendar;
  };
}

/** The portal's business calendar (time zone + public holidays around `now`), cached per portal and year. */
export function createCalendarProvider(portals: PortalRegistry, now: () => Date) {
  const calendarFor = createCalendarCache();
  return async (portalId: string): Promise<BusinessCalendar> => {
    const portal = await portals.get(portalId);
    // Card requests name the portal; one that is not installed has no companies to show.
    if (!portal) throw companyNotFound();
    return calendarFor(portal, now().getUTCFullYear());
  };
}
