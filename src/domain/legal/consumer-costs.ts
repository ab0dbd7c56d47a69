import type { IsoDate } from '../dates';
import type { BusinessCalendar, CustomerLedger } from '../ledger';
import { isOverdueInvoice } from '../measures/aging';
import type { ReminderPolicy } from '../policy/policy';
import { collectionCostsChargeable, letterSentOn } from './fourteen-day-letter';

/**
 * A consumer owes collection costs once a 14-day letter went out and its stated term has passed (art. 6:96
 * lid 6 BW): the letter is any step the policy marks as the 14-day letter, or one recorded under that id.
 */
export function consumerLetterTermPassed(ledger: CustomerLedger, today: IsoDate, cal: BusinessCalendar, policy?: ReminderPolicy): boolean {
  const letterSteps = new Set((policy?.steps ?? []).filter((s) => s.legal === 'fourteen_day_letter').map((s) => s.id));
  const sent = ledger.history.filter((r) => r.stepId !== undefined && (letterSteps.has(r.stepId) || r.stepId === 'fourteen_day_letter'))
    .map((r) => letterSentOn(r, cal.timeZone)).filter((d): d is IsoDate => d !== undefined).sort().at(-1);
  const oldest = ledger.invoices.filter((i) => isOverdueInvoice(i, today)).map((i) => i.dueDate).sort()[0];
  return oldest !== undefined && collectionCostsChargeable({ customerType: 'consumer', asOf: today, oldestDueDate: oldest, cal, ...(sent ? { letterSentOn: sent } : {}) });
}
