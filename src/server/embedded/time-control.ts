import type { BusinessCalendar } from '../../domain/ledger';
import type { ClockStep, ControllableClock } from '../clock/controllable-clock';
import type { SettleOptions } from '../sync/continuous-sync';
import type { RefreshResult } from '../sync/refresh-portal';

/**
 * Time travel for the embedded default: the workspace's clock control (issue 13) and the month-in-the-life
 * suite drive the backend's business time with it. Business days are the embedded portal's (time zone and
 * public holidays); HubSpot's signatures, tokens and rate limits keep running on real time.
 */
export interface TimeControl {
  now(): Date;
  set(at: Date | string): Date;
  advance(step: ClockStep): Promise<Date>;
  /** The daily pass (every company's rollups and reminder tasks), now; resolves when it is done. */
  runDailyPass(opts?: SettleOptions): Promise<RefreshResult[]>;
}

export function createTimeControl(deps: {
  clock: ControllableClock;
  calendar: () => Promise<BusinessCalendar>;
  runDailyPass: (opts?: SettleOptions) => Promise<RefreshResult[]>;
}): TimeControl {
  return {
    now: () => deps.clock.now(),
    set(at) {
      deps.clock.set(at);
      return deps.clock.now();
    },
    async advance(step) {
      return deps.clock.advance(step, step.businessDays ? await deps.calendar() : undefined);
    },
    runDailyPass: (opts) => deps.runDailyPass(opts),
  };
}
