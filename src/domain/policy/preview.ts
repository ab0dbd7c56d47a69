import { addDays, dateInZone, zonedTimeToInstant, type IsoDate } from '../dates';
import type { ActionKind, ActionRecord, BusinessCalendar, Channel, CustomerLedger, CustomerType } from '../ledger';
import { money } from '../money';
import { planActions } from './engine';
import type { ReminderPolicy } from './policy';

export interface PreviewStep {
  readonly stepId: string;
  readonly action: ActionKind;
  readonly channel: Channel;
  /** The portal's calendar day the step's task is due. */
  readonly date: IsoDate;
}

export interface PreviewInput {
  readonly policy: ReminderPolicy;
  readonly calendar: BusinessCalendar;
  /** The invoice's issue date ("an invoice issued today"). */
  readonly issueDate: IsoDate;
  readonly termDays: number;
  readonly customerType: CustomerType;
  /** How far to look ahead (default 180 days). */
  readonly days?: number;
}

const PREVIEW_COMPANY = 'preview';

/**
 * What the policy does to one unpaid invoice: the reminder engine itself is run day by day on a customer with a
 * single invoice that is never paid, every planned task counted as made on its day (as the reminder run records
 * it), so the preview shows the real dates — business days, holidays, the climb's gaps — not a sum of offsets.
 */
export function previewPolicy(input: PreviewInput): PreviewStep[] {
  const dueDate = addDays(input.issueDate, input.termDays);
  const invoice = {
    externalId: 'preview-1', number: 'PREVIEW-1', kind: 'invoice' as const, companyId: PREVIEW_COMPANY, amount: money(100_000, 'EUR'),
    open: money(100_000, 'EUR'), issueDate: input.issueDate, dueDate, paymentTermDays: input.termDays, status: 'open' as const,
    directDebit: false, sourceVersion: '1',
  };
  let ledger: CustomerLedger = {
    companyId: PREVIEW_COMPANY, invoices: [invoice], payments: [], mandates: [], failedCollections: [], disputes: [], promises: [],
    arrangements: [], history: [],
    profile: {
      companyId: PREVIEW_COMPANY, channels: ['email', 'phone', 'post'], reachability: { email: true, phone: true, whatsapp: false, post: true }, callWindows: [], language: 'nl',
      customerType: input.customerType, relationshipTier: 'regular', pauses: [],
    },
  };
  const steps: PreviewStep[] = [];
  for (let d = 0; d <= (input.days ?? 180); d++) {
    const day = addDays(input.issueDate, d);
    // At the start of the day: the day's first window is still ahead, so a step due that day is planned on it.
    const now = zonedTimeToInstant(day, 0, 0, input.calendar.timeZone);
    const { actions } = planActions({ ledger, policy: input.policy, now, calendar: input.calendar });
    if (actions.length === 0) continue;
    const records: ActionRecord[] = actions.map((a) => ({
      key: a.key, companyId: a.companyId, stepId: a.stepId, kind: a.action, channel: a.channel, doneAt: now, dueAt: a.dueAt,
      invoiceExternalIds: a.invoiceExternalIds,
    }));
    ledger = { ...ledger, history: [...ledger.history, ...records] };
    steps.push(...actions.map((a) => ({ stepId: a.stepId, action: a.action, channel: a.channel, date: dateInZone(a.dueAt, input.calendar.timeZone) })));
  }
  return steps;
}
