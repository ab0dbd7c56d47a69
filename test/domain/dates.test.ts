import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dateInZone, daysBetween, epochDay, fromEpochDay, isIsoDate, isoWeekday, zonedTimeToInstant } from '../../src/domain/dates';

describe('dates', () => {
  it.each([
    { s: '2026-02-28', want: true },
    { s: '2026-02-29', want: false },
    { s: '2024-02-29', want: true },
    { s: '2026-1-01', want: false },
  ])('when checking $s, then isIsoDate is $want', ({ s, want }) => {
    expect(isIsoDate(s)).toBe(want);
  });

  it.each([
    { from: '2026-12-31', days: 1, want: '2027-01-01' },
    { from: '2024-02-28', days: 1, want: '2024-02-29' },
    { from: '2026-03-29', days: -30, want: '2026-02-27' },
  ])('when adding $days days to $from, then $want', ({ from, days, want }) => {
    expect(addDays(from, days)).toBe(want);
    expect(daysBetween(from, want)).toBe(days);
  });

  it.each([
    { date: '2026-11-23', want: 1 },
    { date: '2026-11-29', want: 7 },
  ])('when $date, then ISO weekday $want', ({ date, want }) => {
    expect(isoWeekday(date)).toBe(want);
  });

  it('when a date is malformed, then epochDay throws', () => {
    expect(() => epochDay('2026-13-01')).toThrow(RangeError);
  });

  it.each([
    { date: '2026-03-27', want: '2026-03-27T08:00:00.000Z', why: 'CET, UTC+1' },
    { date: '2026-03-30', want: '2026-03-30T07:00:00.000Z', why: 'CEST after the spring change, UTC+2' },
    { date: '2026-10-26', want: '2026-10-26T08:00:00.000Z', why: 'back to CET after the autumn change' },
  ])('when 09:00 in Amsterdam on $date ($why), then $want', ({ date, want }) => {
    expect(zonedTimeToInstant(date, 9, 0, 'Europe/Amsterdam')).toBe(want);
  });

  it('when an instant is late evening UTC, then the Amsterdam date is the next day', () => {
    expect(dateInZone('2026-11-23T23:30:00.000Z', 'Europe/Amsterdam')).toBe('2026-11-24');
  });
});

describe('epoch-day arithmetic without Date (the planner calls it per business day)', () => {
  // 1900-01-01 … 2199-12-31: the sane range of src/kernel/calendar-date.
  const days = fc.integer({ min: -25_567, max: 83_965 });

  it('when any day of the sane range is weighed, then its ISO weekday is the one Date gives', () => {
    fc.assert(fc.property(days, (day) => {
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(isoWeekday(date)).toBe(new Date(day * 86_400_000).getUTCDay() || 7);
    }), { numRuns: 2000 });
  });

  it('when a day is turned into a date and back, then it is the same day (also when asked twice: the cache)', () => {
    fc.assert(fc.property(days, (day) => {
      expect(epochDay(fromEpochDay(day))).toBe(day);
      expect(fromEpochDay(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
    }), { numRuns: 2000 });
  });
});

describe('epochDay accepts exactly the calendar dates the kernel accepts', () => {
  it('when any 10-character date-like text is given, then epochDay throws exactly when isIsoDate says no, and agrees with Date otherwise', () => {
    const digit = fc.constantFrom('0', '1', '2', '3', '9', '5');
    const text = fc.tuple(fc.constantFrom('19', '20', '21', '00', '22', '2a'), digit, digit, fc.constantFrom('-', '/'), digit, digit, fc.constantFrom('-', ' '), digit, digit)
      .map((parts) => parts.join(''));
    fc.assert(fc.property(text, (s) => {
      if (!isIsoDate(s)) expect(() => epochDay(s)).toThrow(RangeError);
      else expect(epochDay(s)).toBe(Date.parse(`${s}T00:00:00Z`) / 86_400_000);
    }), { numRuns: 5000 });
  });
});
