import { addDays, dateInZone, isoWeekday, type IsoDate } from '../dates';
import type { ActionRecord, BusinessCalendar } from '../ledger';
import type { Money } from '../money';
import { wikCollectionCosts, type CostOptions } from './collection-costs';

export interface FourteenDayLetter {
  /** Assumed day the consumer receives the letter. */
  readonly deemedReceivedOn: IsoDate;
  /** The legal end of the 14 days (art. 6:96 lid 6 BW): receipt + 14, the 14 days starting the day after receipt. */
  readonly payBy: IsoDate;
  /**
   * The date the letter states: `payBy` plus `safetyDays` (default 1, i.e. "15 days", as product rule 2 asks),
   * then moved past Saturdays, Sundays and the holidays of the Algemene termijnenwet, because a statutory term
   * that ends on one of them runs on to the next day that is not. A wrong date voids the costs, so erring late
   * is the safe side.
   */
  readonly statedPayBy: IsoDate;
  /** The exact WIK costs owed if unpaid by then (to be stated in the letter). */
  readonly costsIfUnpaid: Money;
}

/**
 * A day on which a statutory term cannot end (Algemene termijnenwet art. 1 and 3): Saturday, Sunday, the
 * calendar's public holidays (Nieuwjaarsdag, Easter and Whit Monday, Ascension, Koningsdag, Christmas) and
 * 5 May every year — which the business calendar leaves out, since Bevrijdingsdag is a day off only every fifth
 * year, but the law counts it always.
 */
export function isTermHoliday(date: IsoDate, cal: BusinessCalendar): boolean {
  return isoWeekday(date) >= 6 || cal.holidays.has(date) || date.slice(5) === '05-05';
}

/** `date`, or the first day after it on which a statutory term may end. */
export function termEnd(date: IsoDate, cal: BusinessCalendar): IsoDate {
  let d = date;
  while (isTermHoliday(d, cal)) d = addDays(d, 1);
  return d;
}

/**
 * The 14-day letter (veertiendagenbrief) for consumers, sent on `sentOn` — the day it actually went out, not
 * the day it was planned. Receipt: the 2nd day after posting, not counting Sundays, Mondays (no mail
 * delivery), public holidays or 5 May.
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
    statedPayBy: termEnd(addDays(payBy, input.safetyDays ?? 1), input.cal),
    costsIfUnpaid: wikCollectionCosts(input.principal, input.costs),
  };
}

/** The 2nd counted day after `sentOn`; Sundays, Mondays, holidays and 5 May are not counted. */
export function deemedReceipt(sentOn: IsoDate, cal: BusinessCalendar): IsoDate {
  let day = sentOn;
  let counted = 0;
  while (counted < 2) {
    day = addDays(day, 1);
    const weekday = isoWeekday(day);
    if (weekday !== 7 && weekday !== 1 && !cal.holidays.has(day) && day.slice(5) !== '05-05') counted++;
  }
  return day;
}

/**
 * Whether collection costs may be charged on `asOf`. A consumer owes them only once the 14-day letter went out
 * and its full term has passed — counted from the day it was actually sent, ending no earlier than the law
 * lets it end and no earlier than the date the letter states (art. 6:96 lid 6 BW). A business owes them once an invoice is overdue (the €40 needs no reminder).
 */
export function collectionCostsChargeable(input: {
  customerType: 'business' | 'consumer';
  asOf: IsoDate;
  oldestDueDate: IsoDate;
  letterSentOn?: IsoDate;
  cal: BusinessCalendar;
}): boolean {
  if (input.customerType === 'business') return input.asOf > input.oldestDueDate;
  if (!input.letterSentOn) return false;
  // The date the letter itself states (a day of margin, extended past holidays): charging earlier would contradict it.
  return input.asOf > fourteenDayLetter({ sentOn: input.letterSentOn, cal: input.cal, principal: { minor: 0, currency: 'EUR' } }).statedPayBy;
}

/**
 * The day a 14-day letter went out: the day a person completed its task in HubSpot; a letter recorded as sent
 * (no task) went out the day it was recorded. Undefined while its task is open: the letter has not gone out.
 */
export function letterSentOn(record: ActionRecord, timeZone: string): IsoDate | undefined {
  if (!record.task) return dateInZone(record.doneAt, timeZone);
  return record.task.completedAt ? dateInZone(record.task.completedAt, timeZone) : undefined;
}
