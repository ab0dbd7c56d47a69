import { addBusinessDays, isBusinessDay, nextBusinessDay } from '../calendar';
import { addDays, isoWeekday, zonedTimeToInstant, type Instant, type IsoDate } from '../dates';
import type { ActionKind, BusinessCalendar, CallWindow, ContactProfile } from '../ledger';
import { DEFAULT_CONSUMER_CALL_WINDOWS, type ReminderPolicy } from './policy';

/** Adds a step's offset in its unit. Business-day offsets land on a business day by construction. */
export function offsetDate(from: IsoDate, days: number, unit: 'calendar_days' | 'business_days', cal: BusinessCalendar): IsoDate {
  return unit === 'business_days' ? addBusinessDays(from, days, cal) : addDays(from, days);
}

export const laterDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/** The first business day strictly after `date`: the earliest moment a new contact may follow one made on `date`. */
export const dayAfter = (date: IsoDate, cal: BusinessCalendar): IsoDate => nextBusinessDay(addDays(date, 1), cal);

/**
 * Calls use the customer's own good times when known, otherwise the policy's — the evening windows for a
 * consumer; other actions use working hours.
 */
export function windowsFor(action: ActionKind, policy: ReminderPolicy, profile: ContactProfile, useProfile: boolean): readonly CallWindow[] {
  if (action !== 'call') return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, ...policy.workingHours }));
  if (useProfile && profile.callWindows.length > 0) return profile.callWindows;
  return profile.customerType === 'consumer' ? (policy.consumerCallWindows ?? DEFAULT_CONSUMER_CALL_WINDOWS) : policy.callWindows;
}

const QUARTER_MS = 15 * 60_000;
/** Rounded up to the quarter hour, so a task made at 10:37:12 is due at 10:45, not at an odd second. */
const roundUpToQuarter = (now: Instant): Instant => new Date(Math.ceil(Date.parse(now) / QUARTER_MS) * QUARTER_MS).toISOString();

/**
 * The first moment on or after `from` (a calendar date in the portal's zone) and not before `now` that is on a
 * business day and inside a window for this action. Looks up to 60 days ahead; if the customer's own call
 * windows never match a business day, the policy's windows are used instead.
 */
export function firstSlot(input: {
  from: IsoDate;
  now: Instant;
  action: ActionKind;
  policy: ReminderPolicy;
  profile: ContactProfile;
  cal: BusinessCalendar;
}): Instant {
  for (const useProfile of [true, false]) {
    const windows = windowsFor(input.action, input.policy, input.profile, useProfile);
    for (let i = 0; i < 60; i++) {
      const day = addDays(input.from, i);
      if (!isBusinessDay(day, input.cal)) continue;
      const slot = slotOnDay(day, windows, input.now, input.cal.timeZone);
      if (slot) return slot;
    }
  }
  throw new RangeError(`no ${input.action} window within 60 days from ${input.from}: check call windows and working hours`);
}

function slotOnDay(day: IsoDate, windows: readonly CallWindow[], now: Instant, timeZone: string): Instant | undefined {
  const today = windows.filter((w) => w.weekday === isoWeekday(day)).sort((a, b) => a.fromHour - b.fromHour);
  for (const w of today) {
    const start = zonedTimeToInstant(day, w.fromHour, 0, timeZone);
    const end = zonedTimeToInstant(day, w.toHour, 0, timeZone);
    const candidate = start >= now ? start : roundUpToQuarter(now);
    if (candidate < end) return candidate;
  }
  return undefined;
}
