import { addDays, daysBetween, isoWeekday, type IsoDate } from './dates';
import type { BusinessCalendar } from './ledger';

/**
 * Business days: the portal's working days (Monday to Friday unless it says otherwise) that are not holidays
 * of the portal's calendar. Holidays arrive
 * as data (built at the edge from a holidays library), so these functions stay pure.
 */

export function isBusinessDay(date: IsoDate, cal: BusinessCalendar): boolean {
  const weekday = isoWeekday(date);
  return (cal.workingDays ? cal.workingDays.has(weekday) : weekday <= 5) && !cal.holidays.has(date);
}

/** The date itself when it is a business day, otherwise the first business day after it. */
export const nextBusinessDay = (date: IsoDate, cal: BusinessCalendar): IsoDate => rollToBusinessDay(date, 1, cal);

/** The latest business day on or before `date`. */
export const previousBusinessDay = (date: IsoDate, cal: BusinessCalendar): IsoDate => rollToBusinessDay(date, -1, cal);

function rollToBusinessDay(date: IsoDate, step: 1 | -1, cal: BusinessCalendar): IsoDate {
  let d = date;
  // A year has at most a few consecutive non-business days; the bound only guards against a bad calendar.
  for (let i = 0; i < 366; i++) {
    if (isBusinessDay(d, cal)) return d;
    d = addDays(d, step);
  }
  throw new RangeError(`no business day within a year ${step > 0 ? 'after' : 'before'} ${date}: check the calendar's holidays`);
}

/**
 * Moves `n` business days forward (or back when negative). With n = 0 it rolls forward to a business day,
 * so the result is always a business day.
 */
export function addBusinessDays(date: IsoDate, n: number, cal: BusinessCalendar): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`business days must be an integer, got ${n}`);
  if (n === 0) return nextBusinessDay(date, cal);
  const step = n > 0 ? 1 : -1;
  let d = date;
  let left = Math.abs(n);
  while (left > 0) {
    d = addDays(d, step);
    if (isBusinessDay(d, cal)) left--;
  }
  return d;
}

/**
 * Business days in the half-open range (from, to]: counts `to` but not `from`, so that
 * addBusinessDays(from, businessDaysBetween(from, to)) lands on `to` when `to` is a business day.
 * Negative when `to` is before `from`.
 */
export function businessDaysBetween(from: IsoDate, to: IsoDate, cal: BusinessCalendar): number {
  const span = daysBetween(from, to);
  if (span < 0) return -businessDaysBetween(to, from, cal);
  let count = 0;
  for (let i = 1; i <= span; i++) if (isBusinessDay(addDays(from, i), cal)) count++;
  return count;
}
