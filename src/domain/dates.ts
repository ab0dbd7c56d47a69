import { isCalendarDate } from '../kernel/calendar-date';

/** A calendar date `YYYY-MM-DD` (no time, no zone). */
export type IsoDate = string;
/** An instant as an ISO-8601 UTC string, e.g. `2026-11-23T09:30:00.000Z`. */
export type Instant = string;

const DAY_MS = 86_400_000;

/** A strict `YYYY-MM-DD` in the sane range (src/kernel decides it once, for the cards and the server alike). */
export const isIsoDate = (s: string): s is IsoDate => isCalendarDate(s);

/** Days since 1970-01-01 for a calendar date (exact integer arithmetic on dates). */
export function epochDay(date: IsoDate): number {
  // Validation builds Dates (~4 µs); measures call this per invoice many times, so remember valid dates. A Map
  // lookup (~15 ns) measured 4× faster than reading the digits by hand under tsx.
  const known = epochDayCache.get(date);
  if (known !== undefined) return known;
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const day = Date.parse(`${date}T00:00:00Z`) / DAY_MS;
  if (epochDayCache.size >= 50_000) epochDayCache.clear();
  epochDayCache.set(date, day);
  return day;
}
const epochDayCache = new Map<string, number>();

/** The calendar date of an epoch day. Business-day loops call this per step; `toISOString` costs ~0.3 µs, so dates are remembered. */
export function fromEpochDay(day: number): IsoDate {
  const known = fromEpochDayCache.get(day);
  if (known !== undefined) return known;
  const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
  if (fromEpochDayCache.size >= 50_000) fromEpochDayCache.clear();
  fromEpochDayCache.set(day, date);
  return date;
}
const fromEpochDayCache = new Map<number, IsoDate>();

export const addDays = (date: IsoDate, days: number): IsoDate => fromEpochDay(epochDay(date) + days);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => epochDay(to) - epochDay(from);

/** 1 = Monday … 7 = Sunday (ISO weekday). */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 (epoch day 0) was a Thursday (ISO 4); no Date needed.
  return ((((epochDay(date) + 3) % 7) + 7) % 7) + 1;
}

export const compareIsoDate = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0);

/** The calendar date of an instant in an IANA time zone (Intl is part of the language, not I/O). */
export function dateInZone(instant: Instant, timeZone: string): IsoDate {
  // Even a cached formatter costs a few µs per call; a sync asks for the same few instants (now, slots) per company.
  const key = `${timeZone}|${instant}`;
  const known = dateInZoneCache.get(key);
  if (known !== undefined) return known;
  const date = formatterFor(dateFormatters, timeZone, () =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  ).format(new Date(instant));
  if (dateInZoneCache.size >= 50_000) dateInZoneCache.clear();
  dateInZoneCache.set(key, date);
  return date;
}
const dateInZoneCache = new Map<string, IsoDate>();

// Building an Intl.DateTimeFormat costs ~0.1 ms; planners call these per record and per slot, so one per zone is kept.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = cache.get(timeZone);
  if (!f) cache.set(timeZone, (f = make()));
  return f;
}

/** The UTC instant of a wall-clock time (`hour`:`minute`) on `date` in an IANA time zone, DST-aware. */
export function zonedTimeToInstant(date: IsoDate, hour: number, minute: number, timeZone: string): Instant {
  // formatToParts is the slowest step of planning (~20 µs, twice per call) and slots repeat across customers:
  // the result depends only on these four arguments, so it is remembered (bounded, like epochDay's cache).
  const key = `${timeZone}|${date}|${hour}|${minute}`;
  const known = zonedCache.get(key);
  if (known !== undefined) return known;
  const instant = computeZonedTimeToInstant(date, hour, minute, timeZone);
  if (zonedCache.size >= 50_000) zonedCache.clear();
  zonedCache.set(key, instant);
  return instant;
}
const zonedCache = new Map<string, Instant>();

function computeZonedTimeToInstant(date: IsoDate, hour: number, minute: number, timeZone: string): Instant {
  const guess = Date.parse(`${date}T${pad(hour)}:${pad(minute)}:00Z`);
  // Two passes settle the offset, also across DST changes.
  let instant = guess - offsetMs(guess, timeZone);
  instant = guess - offsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}

function offsetMs(instantMs: number, timeZone: string): number {
  const f = formatterFor(offsetFormatters, timeZone, () => new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }));
  const p = Object.fromEntries(f.formatToParts(new Date(instantMs)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

const pad = (n: number): string => String(n).padStart(2, '0');
