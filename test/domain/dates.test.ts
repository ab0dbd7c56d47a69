import { describe, expect, it } from 'vitest';
import { addDays, dateInZone, daysBetween, epochDay, isIsoDate, isoWeekday, zonedTimeToInstant } from '../../src/domain/dates';

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
