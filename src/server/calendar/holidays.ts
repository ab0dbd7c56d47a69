import Holidays from 'date-holidays';
import type { BusinessCalendar } from '../../domain/ledger';

export interface CalendarSpec {
  /** ISO 3166 country (optionally with region, e.g. 'DE-BY'), as date-holidays understands it. */
  readonly country: 'NL' | string;
  /** The portal's IANA time zone; holiday dates are that country's calendar dates. */
  readonly timeZone: string;
  readonly years: readonly number[];
  /** Dates to treat as holidays on top of the public ones (e.g. Bevrijdingsdag when the business closes). */
  readonly extraHolidays?: readonly string[];
}

/**
 * The portal's business calendar from the well-kept `date-holidays` data, public holidays only (type
 * 'public'). For NL that is Nieuwjaarsdag, Pasen (both days), Koningsdag (27 April, the 26th when the 27th
 * is a Sunday), Hemelvaartsdag, Pinksteren (both days) and Kerstmis (both days).
 * Deliberately NOT included (date-holidays types them 'school'): Goede Vrijdag, which is no general day off
 * in NL, and Bevrijdingsdag (5 May), a paid day off only every fifth year (2025, 2030) under many collective
 * agreements; a portal that closes on them passes them in `extraHolidays`.
 */
export function buildBusinessCalendar(spec: CalendarSpec): BusinessCalendar {
  const [country, state] = spec.country.split('-');
  // date-holidays answers an unknown country with no holidays at all: fail loudly instead.
  if (!country || !(country in new Holidays().getCountries())) throw new RangeError(`no holiday data for country ${spec.country}`);
  const hd = state ? new Holidays(country!, state, { timezone: spec.timeZone }) : new Holidays(country!, { timezone: spec.timeZone });
  const holidays = new Set<string>(spec.extraHolidays ?? []);
  for (const year of spec.years) {
    for (const h of hd.getHolidays(year)) {
      // `date` is the local calendar date ("2026-04-27 00:00:00"); the instants would shift with the zone.
      if (h.type === 'public') holidays.add(h.date.slice(0, 10));
    }
  }
  return { timeZone: spec.timeZone, holidays };
}
