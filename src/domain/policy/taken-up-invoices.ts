import { dateInZone } from '../dates';
import type { CustomerLedger } from '../ledger';
import { isOverdueInvoice } from '../measures/aging';
import type { PlannedAction } from './plan';

/** A task the app made and HubSpot still has open: the action it carries out and the invoices it names. */
export interface OpenReminder {
  readonly invoiceExternalIds: readonly string[];
  readonly action?: PlannedAction;
}

/**
 * The invoices a company's open reminder takes up after it was made. A task that chases overdue invoices is the
 * customer's contact, and a contact bundles every overdue invoice of its currency (domain/policy/one-contact.ts);
 * the day's contact is recorded when its task is made, so an invoice booked later that day (or one the import
 * brought late) would otherwise wait for the next step. It goes into the latest such task, as of that task's
 * contact day, unless another open task has it. Letters keep their invoices: their costs and interest are stated
 * on them. Returns action key → the invoices to add (still to be screened for pauses, like the task's own).
 */
export function takenUpInvoices(ledger: CustomerLedger, open: ReadonlyMap<string, OpenReminder>, timeZone: string): Map<string, string[]> {
  let latest: { key: string; action: PlannedAction } | undefined;
  for (const [key, t] of open) {
    const a = t.action;
    if (!a || a.legal || a.attention.overdue.length === 0) continue;
    if (!latest || a.dueAt > latest.action.dueAt || (a.dueAt === latest.action.dueAt && key > latest.key)) latest = { key, action: a };
  }
  if (!latest) return new Map();
  const covered = new Set([...open.values()].flatMap((t) => t.invoiceExternalIds));
  const contactDay = dateInZone(latest.action.dueAt, timeZone);
  const added = ledger.invoices
    .filter((i) => !covered.has(i.externalId) && i.amount.currency === latest.action.currency && isOverdueInvoice(i, contactDay))
    .map((i) => i.externalId);
  return added.length > 0 ? new Map([[latest.key, added]]) : new Map();
}
