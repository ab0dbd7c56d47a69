import type { CalendarSettings } from '../../contracts/settings';
import type { BusinessCalendar } from '../../domain/ledger';
import { companyNotFound } from '../errors';
import type { Portal, PortalRegistry } from '../portals/portal-registry';
import { buildBusinessCalendar } from './holidays';

/**
 * A portal's business calendar around `year` (time zone + public holidays, plus the working days and closing
 * days its settings name), built once per country, zone, settings and year.
 */
export type CalendarCache = (portal: Pick<Portal, 'country' | 'timeZone'>, year: number, own?: CalendarSettings) => BusinessCalendar;

export function createCalendarCache(): CalendarCache {
  const cache = new Map<string, BusinessCalendar>();
  return (portal, year, own) => {
    const key = `${portal.country}|${portal.timeZone}|${year}|${own ? `${own.workingDays.join()}|${own.extraHolidays.join()}` : ''}`;
    let calendar = cache.get(key);
    if (!calendar) {
      // Steps can land up to ~2 months ahead, so the next year's holidays are needed too.
      const built = buildBusinessCalendar({
        country: portal.country, timeZone: portal.timeZone, years: [year - 1, year, year + 1], ...(own ? { extraHolidays: own.extraHolidays } : {}),
      });
      calendar = own ? { ...built, workingDays: new Set(own.workingDays) } : built;
      cache.set(key, calendar);
    }
    return calendar;
  };
}

/** The portal's business calendar (time zone + holidays around `now`, its own working days), cached per portal and year. */
export function createCalendarProvider(portals: PortalRegistry, now: () => Date, calendarSettingsFor?: (portalId: string) => Promise<CalendarSettings>) {
  const calendarFor = createCalendarCache();
  return async (portalId: string): Promise<BusinessCalendar> => {
    const portal = await portals.get(portalId);
    // Card requests name the portal; one that is not installed has no companies to show.
    if (!portal) throw companyNotFound();
    return calendarFor(portal, now().getUTCFullYear(), await calendarSettingsFor?.(portalId));
  };
}
