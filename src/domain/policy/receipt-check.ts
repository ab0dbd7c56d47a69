import type { IsoDate } from '../dates';
import type { Invoice } from '../ledger';
import { isOverdueInvoice } from '../measures/aging';
import type { FollowUpRule, PolicyStep } from './policy';

/** The friendly "did you receive our invoice?" step: the before-due step counted from the invoice date. */
export const isReceiptCheck = (step: PolicyStep | FollowUpRule): boolean => 'anchor' in step && step.anchor === 'invoice_date';

/**
 * A receipt check is a courtesy for a customer in good standing. One who owes overdue money is being chased
 * (or waited on: a promise, a dispute), and a "did you receive it?" call next to that reads as two departments;
 * new invoices join the chase instead. So it is never the planned action nor the next one of such a customer.
 * `cycleRunning`: a step of the overdue ladder is planned or done in a running cycle.
 */
export function receiptCheckAllowed(invoices: readonly Invoice[], asOf: IsoDate, cycleRunning: boolean): boolean {
  return !cycleRunning && !invoices.some((i) => isOverdueInvoice(i, asOf));
}
