/**
 * What a calendar date is, decided once for every side of the wire: the domain, the server's boundaries,
 * the cards and the sandbox. Pure arithmetic, no `Date`: a `Date` built from year 0001 or month 13 either
 * shifts silently or throws, and a validator must do neither.
 */

/** Dates outside these years are typing errors in this domain (an invoice of 0001, a promise for 9999). */
export const CALENDAR_YEAR_MIN = 1900;
export const CALENDAR_YEAR_MAX = 2199;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export type CalendarDateProblem = 'shape' | 'range' | 'not_a_date';

/** Why `s` is not a strict `YYYY-MM-DD` calendar date in the sane range, or `undefined` when it is one. */
export function calendarDateProblem(s: string): CalendarDateProblem | undefined {
  const m = SHAPE.exec(s);
  if (!m) return 'shape';
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'not_a_date';
  if (year < CALENDAR_YEAR_MIN || year > CALENDAR_YEAR_MAX) return 'range';
  return undefined;
}

export const isCalendarDate = (s: string): boolean => calendarDateProblem(s) === undefined;
