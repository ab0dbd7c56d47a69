import { addBusinessDays } from '../../domain/calendar';
import { dateInZone, zonedTimeToInstant } from '../../domain/dates';
import type { BusinessCalendar } from '../../domain/ledger';
import type { Clock } from './clock';

/** How far to move the clock; the parts add up. Business days land on the same local time of day. */
export interface ClockStep {
  readonly businessDays?: number;
  readonly weeks?: number;
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
}

export interface ControllableClock extends Clock {
  /** From now on the clock reads `at` (and, when ticking, runs on from there). */
  set(at: Date | string): void;
  /** Moves the clock forward; `businessDays` needs the calendar they are counted in. */
  advance(step: ClockStep, calendar?: BusinessCalendar): Date;
  /** Back to real time. */
  reset(): void;
  /** Whether the clock runs on by itself (true) or stands still between moves (false). */
  readonly ticking: boolean;
}

const MINUTE_MS = 60_000;

/**
 * A clock for the embedded default and the simulated month: the same `now()` as the system clock plus an
 * offset (ticking), or a fixed instant (not ticking, for deterministic tests).
 */
export function createControllableClock(opts: { start?: Date | string; ticking?: boolean; real?: () => number } = {}): ControllableClock {
  const real = opts.real ?? Date.now;
  const ticking = opts.ticking ?? true;
  let offsetMs = 0;
  let fixedMs = real();
  const nowMs = () => (ticking ? real() + offsetMs : fixedMs);
  const set = (at: Date | string) => {
    const ms = new Date(at).getTime();
    if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(at)}`);
    if (ticking) offsetMs = ms - real();
    else fixedMs = ms;
  };
  if (opts.start !== undefined) set(opts.start);

  return {
    ticking,
    now: () => new Date(nowMs()),
    set,
    reset() {
      offsetMs = 0;
      fixedMs = real();
    },
    advance(step, calendar) {
      let ms = nowMs();
      if (step.businessDays) {
        if (!calendar) throw new Error('advancing by business days needs the calendar they are counted in');
        ms = Date.parse(businessDaysLater(new Date(ms), step.businessDays, calendar));
      }
      ms += ((step.weeks ?? 0) * 7 * 24 * 60 + (step.days ?? 0) * 24 * 60 + (step.hours ?? 0) * 60 + (step.minutes ?? 0)) * MINUTE_MS;
      set(new Date(ms));
      return new Date(ms);
    },
  };
}

/** The same local wall-clock time `n` business days later (seconds dropped: the calendar works in minutes). */
function businessDaysLater(at: Date, n: number, cal: BusinessCalendar): string {
  const today = dateInZone(at.toISOString(), cal.timeZone);
  const [hour, minute] = new Intl.DateTimeFormat('en-GB', { timeZone: cal.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(at).split(':').map(Number) as [number, number];
  return zonedTimeToInstant(addBusinessDays(today, n, cal), hour, minute, cal.timeZone);
}
