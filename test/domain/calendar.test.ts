import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, isBusinessDay, nextBusinessDay, previousBusinessDay } from '../../src/domain/calendar';
import { addDays, isoWeekday } from '../../src/domain/dates';
import type { BusinessCalendar } from '../../src/domain/ledger';

// Hand-written NL 2026 subset, so these tests do not depend on the holidays library.
const cal: BusinessCalendar = {
  timeZone: 'Europe/Amsterdam',
  holidays: new Set(['2026-04-06', '2026-04-27', '2026-05-14', '2026-05-25', '2026-12-25', '2026-12-26']),
};

describe('business calendar', () => {
  it.each([
    { date: '2026-11-23', want: true, why: 'a plain Monday' },
    { date: '2026-11-28', want: false, why: 'a Saturday' },
    { date: '2026-11-29', want: false, why: 'a Sunday' },
    { date: '2026-04-27', want: false, why: 'Koningsdag on a Monday' },
  ])('when the date is $date ($why), then isBusinessDay is $want', ({ date, want }) => {
    expect(isBusinessDay(date, cal)).toBe(want);
  });

  it.each([
    { from: '2026-11-23', want: '2026-11-23', why: 'already a business day' },
    { from: '2026-11-28', want: '2026-11-30', why: 'Saturday rolls to Monday' },
    { from: '2026-12-25', want: '2026-12-28', why: 'Christmas Friday, Boxing Day Saturday, Sunday' },
    { from: '2026-05-24', want: '2026-05-26', why: 'Pentecost Sunday then Whit Monday' },
  ])('when asking the next business day from $from ($why), then $want', ({ from, want }) => {
    expect(nextBusinessDay(from, cal)).toBe(want);
  });

  it.each([
    { from: '2026-11-27', n: 1, want: '2026-11-30', why: 'Friday + 1 skips the weekend' },
    { from: '2026-05-13', n: 1, want: '2026-05-15', why: 'skips Ascension Day' },
    { from: '2026-11-23', n: 5, want: '2026-11-30', why: 'one working week' },
    { from: '2026-11-30', n: -1, want: '2026-11-27', why: 'backwards over a weekend' },
    { from: '2026-11-28', n: 0, want: '2026-11-30', why: 'zero rolls a weekend forward' },
  ])('when adding $n business days to $from ($why), then $want', ({ from, n, want }) => {
    expect(addBusinessDays(from, n, cal)).toBe(want);
  });

  it.each([
    { from: '2026-11-23', to: '2026-11-30', want: 5 },
    { from: '2026-11-30', to: '2026-11-23', want: -5 },
    { from: '2026-12-24', to: '2026-12-28', want: 1 },
    { from: '2026-11-23', to: '2026-11-23', want: 0 },
  ])('when counting business days from $from to $to, then $want', ({ from, to, want }) => {
    expect(businessDaysBetween(from, to, cal)).toBe(want);
  });

  it('when the date is a holiday Monday, then the previous business day is the Friday before', () => {
    expect(previousBusinessDay('2026-04-27', cal)).toBe('2026-04-24');
  });

  const anyDate = fc.integer({ min: 0, max: 3 * 365 }).map((d) => addDays('2025-06-01', d));

  it('when rolling any date forward, then the result is never a weekend or holiday and never earlier', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const next = nextBusinessDay(date, cal);
        expect(isoWeekday(next)).toBeLessThanOrEqual(5);
        expect(cal.holidays.has(next)).toBe(false);
        expect(next >= date).toBe(true);
      }),
    );
  });

  it('when adding n business days, then counting them back gives n', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 40 }), (date, n) => {
        const start = nextBusinessDay(date, cal);
        const end = addBusinessDays(start, n, cal);
        expect(isBusinessDay(end, cal)).toBe(true);
        expect(businessDaysBetween(start, end, cal)).toBe(n);
      }),
    );
  });
});
