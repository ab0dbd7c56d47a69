import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDateProblem, isCalendarDate } from '../../src/kernel/calendar-date';
import { CalendarDate, SafeId } from '../../src/contracts/primitives';

describe('calendar dates (src/kernel)', () => {
  it.each([
    ['2026-12-31', undefined], ['2024-02-29', undefined], ['1900-01-01', undefined], ['2199-12-31', undefined],
    ['2026-02-29', 'not_a_date'], ['2026-02-30', 'not_a_date'], ['2099-02-30', 'not_a_date'], ['2026-13-01', 'not_a_date'],
    ['2026-04-31', 'not_a_date'], ['0000-00-00', 'not_a_date'], ['1900-02-29', 'not_a_date'],
    ['0001-01-01', 'range'], ['1899-12-31', 'range'], ['2200-01-01', 'range'], ['9999-12-31', 'range'],
    ['2026-1-5', 'shape'], ['2026-01-05T00:00:00Z', 'shape'], [' 2026-01-05', 'shape'], ['', 'shape'], ['２０２６-01-05', 'shape'],
  ] as const)('when %j is checked, then the problem is %s', (input, problem) => {
    expect(calendarDateProblem(input)).toBe(problem);
  });

  it('when any real date in range is written as YYYY-MM-DD, then it is a calendar date, as Date agrees', () => {
    const min = Date.UTC(1900, 0, 1);
    const max = Date.UTC(2199, 11, 31);
    fc.assert(fc.property(fc.integer({ min: min / 86_400_000, max: max / 86_400_000 }), (day) => {
      expect(isCalendarDate(new Date(day * 86_400_000).toISOString().slice(0, 10))).toBe(true);
    }));
  });

  it('when any string is checked, then it never throws, and what passes round-trips through Date', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/)), (s) => {
      const ok = isCalendarDate(s);
      if (ok) expect(new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10)).toBe(s);
    }), { numRuns: 2000 });
  });
});

describe('boundary schemas (src/contracts/primitives)', () => {
  it('when a hostile date is parsed, then zod reports an issue instead of throwing', () => {
    for (const bad of ['0001-01-01', '2026-13-01', '0000-00-00', '2026-02-30']) {
      const r = CalendarDate.safeParse(bad);
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.message).toMatch(/calendar date|1900/);
    }
    expect(CalendarDate.safeParse('2026-02-28').success).toBe(true);
  });

  it('when an id holds a lone surrogate, a control character, nothing or too much, then it is refused', () => {
    const id = SafeId(16);
    for (const bad of ['a\ud800b', '\udc00', 'a\u0000', 'tab\there', '   ', 'x'.repeat(17)]) expect(id.safeParse(bad).success).toBe(false);
    expect(id.safeParse(' INV-2026-001 ').data).toBe('INV-2026-001');
    expect(id.safeParse('emoji 😀 ok').success).toBe(true);
  });
});
