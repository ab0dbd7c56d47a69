import { describe, expect, it } from 'vitest';
import { createControllableClock } from '../../../src/server/clock/controllable-clock';

// Easter Monday 2027 is a Dutch public holiday; the weekend of 27–28 March is not a business day either.
const NL = { timeZone: 'Europe/Amsterdam', holidays: new Set(['2027-03-29']) };

describe('the controllable clock', () => {
  it('when it stands still, then it reads the instant it was set to until it is moved', () => {
    const clock = createControllableClock({ start: '2027-03-01T07:00:00.000Z', ticking: false });
    expect(clock.now().toISOString()).toBe('2027-03-01T07:00:00.000Z');
    clock.advance({ hours: 2, minutes: 30 });
    expect(clock.now().toISOString()).toBe('2027-03-01T09:30:00.000Z');
    clock.advance({ weeks: 1, days: 1 });
    expect(clock.now().toISOString()).toBe('2027-03-09T09:30:00.000Z');
  });

  it('when it ticks, then it runs on from where it was set, at the pace of real time', () => {
    let real = Date.parse('2026-12-02T12:00:00.000Z');
    const clock = createControllableClock({ real: () => real });
    expect(clock.now().getTime()).toBe(real);
    clock.set('2027-03-01T08:00:00.000Z');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2027-03-01T08:01:30.000Z');
    clock.reset();
    expect(clock.now().getTime()).toBe(real);
  });

  it('when moved by business days, then weekends and holidays are skipped and the local time of day is kept', () => {
    const clock = createControllableClock({ start: '2027-03-26T07:00:00.000Z', ticking: false }); // Friday 08:00 in Amsterdam
    // Friday 26 March + 1 business day: not the weekend, not Easter Monday — Tuesday 30 March, still 08:00 (now CEST).
    expect(clock.advance({ businessDays: 1 }, NL).toISOString()).toBe('2027-03-30T06:00:00.000Z');
  });

  it('when moved by business days without a calendar, or set to something that is no instant, then it refuses', () => {
    const clock = createControllableClock({ ticking: false });
    expect(() => clock.advance({ businessDays: 1 })).toThrow(/calendar/);
    expect(() => clock.set('next Tuesday')).toThrow(RangeError);
  });
});
