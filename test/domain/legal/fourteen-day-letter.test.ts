import { describe, expect, it } from 'vitest';
import { deemedReceipt, fourteenDayLetter } from '../../../src/domain/legal/fourteen-day-letter';
import type { BusinessCalendar } from '../../../src/domain/ledger';
import { money } from '../../../src/domain/money';

const cal: BusinessCalendar = { timeZone: 'Europe/Amsterdam', holidays: new Set(['2026-04-06', '2026-05-14', '2026-12-25', '2026-12-26']) };

describe('14-day letter', () => {
  it.each([
    { sentOn: '2026-11-23', want: '2026-11-25', why: 'Monday → Tue (1), Wed (2)' },
    { sentOn: '2026-11-26', want: '2026-11-28', why: 'Thursday → Fri (1), Sat (2): Saturday counts' },
    { sentOn: '2026-11-27', want: '2026-12-01', why: 'Friday → Sat (1), Sun and Mon skipped, Tue (2)' },
    { sentOn: '2026-11-28', want: '2026-12-02', why: 'Saturday → Sun/Mon skipped, Tue (1), Wed (2)' },
    { sentOn: '2026-05-12', want: '2026-05-15', why: 'Tuesday → Wed (1), Ascension Thursday skipped, Fri (2)' },
    { sentOn: '2026-12-23', want: '2026-12-29', why: 'Wed → Thu (1), Christmas, Boxing Day, Sun, Mon skipped, Tue (2)' },
  ])('when posted on $sentOn ($why), then deemed received on $want', ({ sentOn, want }) => {
    expect(deemedReceipt(sentOn, cal)).toBe(want);
  });

  it('when posted on Monday 2026-11-23 for €1,000, then pay by receipt + 14 and costs €150 stated', () => {
    expect(fourteenDayLetter({ sentOn: '2026-11-23', cal, principal: money(100_000, 'EUR') })).toEqual({
      deemedReceivedOn: '2026-11-25',
      payBy: '2026-12-09',
      statedPayBy: '2026-12-10',
      costsIfUnpaid: money(15_000, 'EUR'),
    });
  });

  it.each([
    { sentOn: '2026-11-25', safetyDays: 1, payBy: '2026-12-11', stated: '2026-12-14', why: 'receipt Fri 27th; +15 is Saturday → Monday' },
    { sentOn: '2026-11-23', safetyDays: 0, payBy: '2026-12-09', stated: '2026-12-09', why: 'no safety margin, Wednesday stays' },
    { sentOn: '2026-12-08', safetyDays: 1, payBy: '2026-12-24', stated: '2026-12-28', why: 'receipt Thu 10th; +15 is Christmas → Monday 28th' },
  ])('when posted on $sentOn with $safetyDays safety days ($why), then the letter states $stated', ({ sentOn, safetyDays, payBy, stated }) => {
    const letter = fourteenDayLetter({ sentOn, cal, principal: money(100_000, 'EUR'), safetyDays });
    expect(letter.payBy).toBe(payBy);
    expect(letter.statedPayBy).toBe(stated);
  });
});
