import type { IsoDate } from '../dates';
import type { Invoice } from '../ledger';
import { daysPastDue } from '../measures/aging';

/** The invoices of an action as the script groups them: overdue first (oldest first), then those due soon. */
export function attentionOf(invoices: readonly Invoice[], asOf: IsoDate): { overdue: string[]; dueSoon: string[] } {
  const byDue = [...invoices].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.externalId < b.externalId ? -1 : 1));
  return {
    overdue: byDue.filter((i) => daysPastDue(i, asOf) > 0).map((i) => i.externalId),
    dueSoon: byDue.filter((i) => daysPastDue(i, asOf) === 0).map((i) => i.externalId),
  };
}
