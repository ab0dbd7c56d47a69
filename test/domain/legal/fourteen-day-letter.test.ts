import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { collectionCostsChargeable, deemedReceipt, fourteenDayLetter, isTermHoliday } from '../../../src/domain/legal/fourteen-day-letter';
import { addDays } from '../../../src/domain/dates';
import { NL_CALENDAR } from '../policy/support';
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

describe('14-day letter dates in the Dutch calendar (public holidays from date-holidays, plus 5 May for legal terms)', () => {
  it.each([
    { sentOn: '2026-04-04', received: '2026-04-08', why: 'Saturday before Easter Monday: Sunday and (Easter) Monday are no delivery days' },
    { sentOn: '2027-04-24', received: '2027-04-29', why: 'Saturday before Koningsdag (Tue 27 April 2027): Sun, Mon and Koningsdag skipped' },
    { sentOn: '2026-05-02', received: '2026-05-07', why: 'Saturday before 5 May (a Tuesday): Sun, Mon and Bevrijdingsdag skipped' },
    { sentOn: '2026-05-22', received: '2026-05-26', why: 'Friday before Whit Monday: Saturday counts, Sun and Whit Monday skipped' },
  ])('when posted on $sentOn ($why), then deemed received on $received', ({ sentOn, received }) => {
    expect(deemedReceipt(sentOn, NL_CALENDAR)).toBe(received);
  });

  it.each([
    { sentOn: '2026-03-18', payBy: '2026-04-03', stated: '2026-04-07', why: 'the 15th day is Saturday 4 April; Sunday and Easter Monday follow (Good Friday is no legal holiday)' },
    { sentOn: '2026-04-08', payBy: '2026-04-24', stated: '2026-04-28', why: 'the 15th day is Saturday 25 April; Sunday and Koningsdag (Mon 27 April) follow' },
    { sentOn: '2027-04-16', payBy: '2027-05-04', stated: '2027-05-07', why: 'the 15th day is 5 May 2027, then Ascension Day: Friday 7 May' },
    { sentOn: '2026-05-06', payBy: '2026-05-22', stated: '2026-05-26', why: 'the 15th day is Saturday 23 May; Sunday and Whit Monday follow' },
    { sentOn: '2026-11-23', payBy: '2026-12-09', stated: '2026-12-10', why: 'an ordinary week: receipt Wednesday, 15 days later a Thursday' },
  ])('when sent on $sentOn ($why), then the legal end is $payBy and the letter states $stated', ({ sentOn, payBy, stated }) => {
    const letter = fourteenDayLetter({ sentOn, cal: NL_CALENDAR, principal: money(25_000, 'EUR') });
    expect([letter.payBy, letter.statedPayBy]).toEqual([payBy, stated]);
  });

  it('when the 14 days end on 5 May itself, then the term runs on to the next day that is not a holiday', () => {
    // Posted Friday 17 April 2026, received Tuesday 21 April: 14 days end on Tuesday 5 May.
    const letter = fourteenDayLetter({ sentOn: '2026-04-17', cal: NL_CALENDAR, principal: money(25_000, 'EUR'), safetyDays: 0 });
    expect([letter.deemedReceivedOn, letter.payBy, letter.statedPayBy]).toEqual(['2026-04-21', '2026-05-05', '2026-05-06']);
    expect([isTermHoliday('2026-05-05', NL_CALENDAR), NL_CALENDAR.holidays.has('2026-05-05')]).toEqual([true, false]);
  });

  it('when the letter goes out later than planned, then its dates follow the day it was sent', () => {
    const planned = fourteenDayLetter({ sentOn: '2026-11-23', cal: NL_CALENDAR, principal: money(25_000, 'EUR') });
    const sent = fourteenDayLetter({ sentOn: '2026-11-27', cal: NL_CALENDAR, principal: money(25_000, 'EUR') });
    expect([planned.statedPayBy, sent.statedPayBy]).toEqual(['2026-12-10', '2026-12-16']);
  });
});

describe('when collection costs may be charged', () => {
  const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2025-06-01', n));

  it('when the customer is a consumer, then never before the 14-day letter went out and its whole term has passed', () => {
    fc.assert(fc.property(day, fc.option(day, { nil: undefined }), fc.integer({ min: 0, max: 60 }), (asOf, sentOn, lateBy) => {
      const oldestDueDate = addDays(asOf, -lateBy);
      const chargeable = collectionCostsChargeable({ customerType: 'consumer', asOf, oldestDueDate, cal: NL_CALENDAR, ...(sentOn ? { letterSentOn: sentOn } : {}) });
      if (!sentOn) expect(chargeable).toBe(false);
      else {
        const { deemedReceivedOn, statedPayBy } = fourteenDayLetter({ sentOn, cal: NL_CALENDAR, principal: money(0, 'EUR') });
        // The 14 days start the day after receipt: costs from day 15 after receipt at the earliest, and never on a day the letter still gives.
        if (asOf <= addDays(deemedReceivedOn, 14) || asOf <= statedPayBy) expect(chargeable).toBe(false);
        else expect(chargeable).toBe(true);
      }
    }), { numRuns: 500 });
  });

  it.each([
    { asOf: '2026-12-09', want: false, why: 'the last of the 14 days: not yet' },
    { asOf: '2026-12-10', want: false, why: 'the date the letter states (one day of margin): not yet' },
    { asOf: '2026-12-11', want: true, why: 'the day after the term ended' },
  ])('when a consumer\'s letter went out on 2026-11-23 and it is $asOf ($why), then $want', ({ asOf, want }) => {
    expect(collectionCostsChargeable({ customerType: 'consumer', asOf, oldestDueDate: '2026-10-01', letterSentOn: '2026-11-23', cal: NL_CALENDAR })).toBe(want);
  });

  it('when the customer is a business, then from the day after the due date, without a letter', () => {
    expect(collectionCostsChargeable({ customerType: 'business', asOf: '2026-10-01', oldestDueDate: '2026-10-01', cal: NL_CALENDAR })).toBe(false);
    expect(collectionCostsChargeable({ customerType: 'business', asOf: '2026-10-02', oldestDueDate: '2026-10-01', cal: NL_CALENDAR })).toBe(true);
  });
});
