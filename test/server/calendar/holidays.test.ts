import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from '../../../src/domain/dates';
import { isBusinessDay, nextBusinessDay } from '../../../src/domain/calendar';
import { buildBusinessCalendar } from '../../../src/server/calendar/holidays';

const nl = buildBusinessCalendar({ country: 'NL', timeZone: 'Europe/Amsterdam', years: [2025, 2026] });

describe('buildBusinessCalendar (NL, date-holidays)', () => {
  it.each([
    { date: '2026-01-01', name: 'Nieuwjaarsdag' },
    { date: '2026-04-06', name: 'Tweede paasdag' },
    { date: '2026-04-27', name: 'Koningsdag' },
    { date: '2026-05-14', name: 'Hemelvaartsdag' },
    { date: '2026-05-25', name: 'Tweede pinksterdag' },
    { date: '2026-12-25', name: 'Eerste kerstdag' },
    { date: '2026-12-26', name: 'Tweede kerstdag' },
    { date: '2025-04-26', name: 'Koningsdag 2025 (27 April is a Sunday, so the Saturday before)' },
  ])('when the date is $date ($name), then it is a holiday', ({ date }) => {
    expect(nl.holidays.has(date)).toBe(true);
    expect(isBusinessDay(date, nl)).toBe(false);
  });

  it.each([
    { date: '2026-04-03', name: 'Goede Vrijdag: no general day off in NL' },
    { date: '2026-05-05', name: 'Bevrijdingsdag: not a public holiday by default' },
    { date: '2026-12-31', name: 'Oudejaarsdag' },
    { date: '2025-12-05', name: 'Sinterklaasavond (a Friday in 2025)' },
  ])('when the date is $date ($name), then it is a business day', ({ date }) => {
    expect(nl.holidays.has(date)).toBe(false);
    expect(isBusinessDay(date, nl)).toBe(true);
  });

  it('when a year is not requested, then its holidays are absent', () => {
    expect(nl.holidays.has('2027-01-01')).toBe(false);
  });

  it('when the portal closes on Bevrijdingsdag, then extraHolidays adds it', () => {
    const cal = buildBusinessCalendar({ country: 'NL', timeZone: 'Europe/Amsterdam', years: [2026], extraHolidays: ['2026-05-05'] });
    expect(nextBusinessDay('2026-05-05', cal)).toBe('2026-05-06');
  });

  it('when the country is unknown, then it throws instead of returning an empty calendar', () => {
    expect(() => buildBusinessCalendar({ country: 'XX', timeZone: 'UTC', years: [2026] })).toThrow(/XX/);
  });

  it('when a region is given, then its regional holidays are included', () => {
    const by = buildBusinessCalendar({ country: 'DE-BY', timeZone: 'Europe/Berlin', years: [2026] });
    expect(by.holidays.has('2026-01-06')).toBe(true); // Heilige Drei Könige, Bavaria only
    expect(by.timeZone).toBe('Europe/Berlin');
  });

  it('when rolling any 2025–2026 date forward on the real NL calendar, then never a weekend or holiday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), (offset) => {
        const next = nextBusinessDay(addDays('2025-01-01', offset), nl);
        expect(isoWeekday(next)).toBeLessThanOrEqual(5);
        expect(nl.holidays.has(next)).toBe(false);
      }),
    );
  });
});
