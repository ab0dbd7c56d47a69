import { addDays, isoWeekday, type IsoDate } from '../dates';
import { nextBusinessDay } from '../calendar';
import type { BusinessCalendar } from '../ledger';
import type { Money } from '../money';
import { wikCollectionCosts, type CostOptions } from './collection-costs';

export interface FourteenDayLetter {
  /** Assumed day the consumer receives the letter. */
  readonly deemedReceivedOn: IsoDate;
  /** The legal end of the 14 days (art. 6:96 lid 6 BW): receipt + 14, the 14 days starting the day after receipt. */
  readonly payBy: IsoDate;
  /**
   * The date the letter should print: `payBy` plus `safetyDays` (default 1, i.e. "15 days", as product rule
   * 2 asks), then moved to the next business day, because a statutory term that ends on a weekend or
   * holiday runs on to the next working day (Algemene termijnenwet). A wrong date voids the costs, so
   * erring late is the safe side; the letter can also use the wording "within 14 days from the day after
   * this letter reaches you".
   */
  readonly statedPayBy: IsoDate;
  /** The exact WIK costs owed if unpaid by then (to be stated in the letter). */
  readonly costsIfUnpaid: Money;
}

/**
 * The 14-day letter (veertiendagenbrief) for consumers. Receipt: the 2nd day after posting, not counting
 * Sundays, Mondays (no mail delivery) or public holidays of the calendar.
 */
export function fourteenDayLetter(input: {
  sentOn: IsoDate;
  cal: BusinessCalendar;
  principal: Money;
  safetyDays?: number;
  costs?: CostOptions;
}): FourteenDayLetter {
  const deemedReceivedOn = deemedReceipt(input.sentOn, input.cal);
  const payBy = addDays(deemedReceivedOn, 14);
  return {
    deemedReceivedOn,
    payBy,
    statedPayBy: nextBusinessDay(addDays(payBy, input.safetyDays ?? 1), input.cal),
    costsIfUnpaid: wikCollectionCosts(input.principal, input.costs),
  };
}

/** The 2nd counted day after `sentOn`; Sundays, Mondays and holidays are not counted. */
export function deemedReceipt(sentOn: IsoDate, cal: BusinessCalendar): IsoDate {
  let day = sentOn;
  let counted = 0;
  while (counted < 2) {
    day = addDays(day, 1);
    const weekday = isoWeekday(day);
    if (weekday !== 7 && weekday !== 1 && !cal.holidays.has(day)) counted++;
  }
  return day;
}
