import { dateInZone, type Instant, type IsoDate } from '../dates';
import type { ActionRecord, BusinessCalendar } from '../ledger';

/**
 * A history record with its calendar date in the portal's zone, computed once per planning run (Intl is slow),
 * and the day of the contact itself: its due day when that is later (a task made on Saturday is Monday's contact).
 */
export type DatedRecord = ActionRecord & { readonly localDate: IsoDate; readonly contactDate: IsoDate };

/** A record concerns these invoices when it names one of them, or names none (a contact about the whole account). */
export const touches = (r: ActionRecord, invoiceIds: ReadonlySet<string>): boolean =>
  r.invoiceExternalIds.length === 0 || r.invoiceExternalIds.some((id) => invoiceIds.has(id));

/** Only what happened up to `now` counts, sorted so "first/last" never depends on input order. */
export function historyUpTo(history: readonly ActionRecord[], now: Instant, cal: BusinessCalendar): DatedRecord[] {
  return history
    .filter((r) => r.doneAt <= now)
    .sort((a, b) => (a.doneAt < b.doneAt ? -1 : a.doneAt > b.doneAt ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => {
      const localDate = dateInZone(r.doneAt, cal.timeZone);
      const dueDate = r.dueAt === undefined ? localDate : dateInZone(r.dueAt, cal.timeZone);
      return { ...r, localDate, contactDate: dueDate > localDate ? dueDate : localDate };
    });
}

/**
 * Was this step already done for this cycle? Either the planned action's key was recorded, or the same step
 * was recorded for one of the cycle's invoices since the cycle started (a manual send counts too). The key is
 * only made when there is history to look in: a customer never contacted (every company of a first sync) needs none.
 */
export function findDone(
  history: readonly DatedRecord[],
  q: { stepId: string; keyOf: () => string; invoiceIds: ReadonlySet<string>; since: IsoDate },
): DatedRecord | undefined {
  if (history.length === 0) return undefined;
  const key = q.keyOf();
  return history.find((r) => r.key === key || (r.stepId === q.stepId && r.localDate >= q.since && touches(r, q.invoiceIds)));
}

/** The day of the latest contact about these invoices, if any: no new ladder step lands on that same day. */
export function lastContactDate(history: readonly DatedRecord[], invoiceIds: ReadonlySet<string>): IsoDate | undefined {
  let last: IsoDate | undefined;
  for (const r of history) if (touches(r, invoiceIds)) last = r.localDate;
  return last;
}
