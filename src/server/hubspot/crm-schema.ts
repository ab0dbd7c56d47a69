import { CHANNELS } from '../../domain/ledger';
import { RISK_SEGMENTS } from './gateway';

/** The app's HubSpot schema: one property group per object type and the properties in it. */
export const GROUP = { name: 'receivables_desk', label: 'Receivables Desk' } as const;

export type PropertyType = 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool';
export interface PropertyDef {
  readonly name: string;
  readonly label: string;
  readonly type: PropertyType;
  readonly fieldType: 'text' | 'textarea' | 'number' | 'date' | 'select' | 'booleancheckbox';
  readonly description?: string;
  readonly options?: readonly string[];
  /** HubSpot's hasUniqueValue (set at creation, never changed): a second record with the value is refused. */
  readonly unique?: boolean;
}

const text = (name: string, label: string, description?: string): PropertyDef => ({ name, label, type: 'string', fieldType: 'text', ...(description ? { description } : {}) });
const num = (name: string, label: string, description: string): PropertyDef => ({ name, label, type: 'number', fieldType: 'number', description });
const date = (name: string, label: string): PropertyDef => ({ name, label, type: 'date', fieldType: 'date' });
const choice = (name: string, label: string, options: readonly string[]): PropertyDef => ({ name, label, type: 'enumeration', fieldType: 'select', options });

export const P = {
  openBalance: 'rd_open_balance', currency: 'rd_balance_currency', openSummary: 'rd_open_balance_summary',
  overdueBalance: 'rd_overdue_balance', overdueSummary: 'rd_overdue_balance_summary', oldestOverdueDays: 'rd_oldest_overdue_days',
  dunningStage: 'rd_dunning_stage', nextAction: 'rd_next_action', nextActionDate: 'rd_next_action_date',
  promiseDate: 'rd_promise_date', riskSegment: 'rd_risk_segment', preferredChannel: 'rd_preferred_channel',
  optOut: 'rd_opt_out', lastSync: 'rd_last_sync', vatNumber: 'rd_vat_number', cocNumber: 'rd_coc_number',
  customerNumber: 'rd_customer_number',
} as const;

/** Company properties the matching index is built from (listed by the gateway as `CompanySummary` fields). */
export const MATCHING_PROPERTY_NAMES: readonly string[] = ['name', 'domain', P.vatNumber, P.cocNumber, P.customerNumber];

/** Task property carrying the planned action's key, so a crashed attempt's task can be found again. */
export const TASK_ACTION_KEY = 'rd_action_key';

export function companyProperties(dunningStages: readonly string[]): PropertyDef[] {
  return [
    num(P.openBalance, 'Open balance', 'Open receivables in the balance currency (major units); all currencies in the summary.'),
    text(P.currency, 'Balance currency'),
    text(P.openSummary, 'Open balance (all currencies)'),
    num(P.overdueBalance, 'Overdue balance', 'Overdue receivables in the balance currency (major units).'),
    text(P.overdueSummary, 'Overdue balance (all currencies)'),
    num(P.oldestOverdueDays, 'Oldest overdue (days)', 'Days past due of the oldest overdue invoice.'),
    choice(P.dunningStage, 'Dunning stage', ['none', 'paused', ...dunningStages.filter((s) => s !== 'none' && s !== 'paused')]),
    text(P.nextAction, 'Next credit action'),
    date(P.nextActionDate, 'Next credit action date'),
    date(P.promiseDate, 'Promised payment date'),
    choice(P.riskSegment, 'Receivables risk segment', RISK_SEGMENTS),
    choice(P.preferredChannel, 'Preferred collection channel', CHANNELS),
    { name: P.optOut, label: 'Opted out of reminders', type: 'bool', fieldType: 'booleancheckbox', options: ['true', 'false'] },
    { name: P.lastSync, label: 'Receivables last synced', type: 'datetime', fieldType: 'date' },
    text(P.vatNumber, 'VAT number'),
    text(P.cocNumber, 'Chamber of commerce number'),
    text(P.customerNumber, 'Customer number (accounting)'),
  ];
}

/** Company properties written by the Contact preferences card (so lists and workflows can use them). */
export const PREF = {
  channels: 'rd_preferred_channels', apContact: 'rd_ap_contact_id', decisionMaker: 'rd_decision_maker_id',
  callTimes: 'rd_call_times', language: 'rd_language', customerType: 'rd_customer_type',
  optOutUntil: 'rd_opt_out_until', pausedUntil: 'rd_paused_until',
} as const;

export function preferenceProperties(): PropertyDef[] {
  return [
    text(PREF.channels, 'Preferred collection channels', 'Most preferred first, separated by ";" (phone;email).'),
    text(PREF.apContact, 'Accounts-payable contact (id)', 'HubSpot contact id of the person who pays the invoices.'),
    text(PREF.decisionMaker, 'Payment decision maker (id)', 'HubSpot contact id of the person who decides about payment.'),
    text(PREF.callTimes, 'Good times to call', 'ISO weekday and hours, e.g. "2 09-12; 4 13-17" (portal time zone).'),
    choice(PREF.language, 'Collection language', ['en', 'nl']),
    choice(PREF.customerType, 'Customer type (collection)', ['business', 'consumer']),
    date(PREF.optOutUntil, 'Opted out of reminders until'),
    date(PREF.pausedUntil, 'Reminders paused until'),
  ];
}

/** Task property naming the reminder step (receipt_check, formal_reminder, …) or card follow-up (check_promise, …) the task is for. */
export const TASK_STEP = 'rd_step';
/** What a task webhook names: the task object type and its status (the app's letter tasks are read back on it). */
export const TASK_OBJECT_TYPE_ID = '0-27';
export const TASK_STATUS_PROPERTY = 'hs_task_status';

/**
 * The key of every task, call and note the app creates, as a unique-value property: a write whose answer was
 * lost is found again by a direct read by this key (search is eventually consistent, reference §search), and
 * HubSpot itself refuses a second record with the same key.
 */
export const WRITE_KEY = 'rd_write_key';

export const writeKeyProperty = (): PropertyDef => ({
  ...text(WRITE_KEY, 'Receivables Desk write key', 'Idempotency key of the record the app created; unique, so it is never created twice.'), unique: true,
});

export const taskProperties = (): PropertyDef[] => [
  text(TASK_ACTION_KEY, 'Receivables Desk action key', 'Idempotency key of the planned reminder action.'),
  text(TASK_STEP, 'Receivables Desk step', 'The reminder step or follow-up this task is for (receipt_check, formal_reminder, check_promise, …).'),
  writeKeyProperty(),
];

/** Object types the app creates records of (with a write key), as HubSpot names them. */
export type KeyedObjectType = 'tasks' | 'calls' | 'notes';

/** Labels for enumeration options: `after_due_call` → `After due call`. */
export const optionLabel = (value: string): string => (value.charAt(0).toUpperCase() + value.slice(1)).replace(/_/g, ' ');

/** Everything the app defines in a portal, per object type: what ensureSchema creates when missing. */
export function appSchema(dunningStages: readonly string[]): Record<'companies' | KeyedObjectType, PropertyDef[]> {
  return {
    companies: [...companyProperties(dunningStages), ...preferenceProperties()], tasks: taskProperties(),
    calls: [writeKeyProperty()], notes: [writeKeyProperty()],
  };
}
