import { dateInZone, isoWeekday, type Instant, type IsoDate } from '../dates';
import type { ActionKind, Channel, CompanyId, CustomerLedger, OwnerId } from '../ledger';
import { isOverdueInvoice } from '../measures/aging';
import type { Money } from '../money';
import { activePauses } from '../pauses';
import type { PlanResult } from '../policy/plan';
import type { ReminderPolicy } from '../policy/policy';
import { windowsFor } from '../policy/schedule';
import { rankCustomers, scoreCustomer, type CustomerScore, type ScoreOptions } from './score';

/**
 * Where a customer stands on today's call list: `open` (a contact is due today and not yet made), `done`
 * (contacted today: an outcome was logged), `snoozed` (due, but on hold by hand or at the customer's request), `later` (on the list
 * for its score, the next contact is on a later day).
 */
export type DayStatus = 'open' | 'done' | 'snoozed' | 'later';

export interface PlannedContact {
  readonly stepId: string;
  readonly action: ActionKind;
  /** The channel the engine chose; absent for a step not planned yet (only its action is known). */
  readonly channel?: Channel;
  readonly dueAt: Instant;
  /** The window the contact falls in, hours in the portal's zone (a call window, or working hours). */
  readonly window?: { readonly fromHour: number; readonly toHour: number };
}

export interface CallListEntry extends CustomerScore {
  readonly ownerId?: OwnerId;
  readonly status: DayStatus;
  readonly planned?: PlannedContact;
  /** Overdue per currency (invoices, not credit notes), sorted by currency. */
  readonly overdue: readonly Money[];
}

export interface CallListInput {
  readonly ledger: CustomerLedger;
  /** The customer's plan at the moment the list is made (the same engine the reminder run uses). */
  readonly plan: PlanResult;
  readonly policy: ReminderPolicy;
  readonly now: Instant;
  readonly timeZone: string;
  /** The account owner HubSpot has for the company, when the ledger's profile names none. */
  readonly ownerId?: OwnerId;
  readonly score?: ScoreOptions;
}

/** Pauses someone chose (the customer's opt-out, a pause set by hand): a due contact under one is snoozed. */
const SNOOZE_KINDS: ReadonlySet<string> = new Set(['manual', 'opt_out']);

/** One customer's line on the call list, or undefined when there is nothing to chase and nothing planned today. */
export function callListEntry(input: CallListInput): CallListEntry | undefined {
  const { ledger, plan, now, timeZone } = input;
  const asOf = dateInZone(now, timeZone);
  const scored = scoreCustomer(ledger, asOf, input.score);
  const onDay = (instant: Instant) => dateInZone(instant, timeZone) === asOf;
  // An outcome is a contact made; a record without one is a task the reminder run created for its due day.
  const contactedToday = ledger.history.some((r) => r.outcome !== undefined && onDay(r.doneAt));
  const taskToday = [...ledger.history].reverse().find((r) => r.outcome === undefined && onDay(r.dueAt ?? r.doneAt));
  const actionToday = plan.actions.find((a) => dateInZone(a.dueAt, timeZone) <= asOf);
  const dueToday = actionToday !== undefined || taskToday !== undefined;
  const snoozed = activePauses(ledger, asOf).some((p) => SNOOZE_KINDS.has(p.kind));
  const status: DayStatus = contactedToday ? 'done' : snoozed && (dueToday || scored.segment !== 'current') ? 'snoozed' : dueToday ? 'open' : 'later';
  if (scored.segment === 'current' && status === 'later') return undefined;

  const ownerId = ledger.profile.ownerId ?? input.ownerId;
  const task = taskToday?.stepId ? { stepId: taskToday.stepId, action: taskToday.kind, channel: taskToday.channel, dueAt: taskToday.dueAt ?? taskToday.doneAt } : undefined;
  const next: { stepId: string; action: ActionKind; channel?: Channel | undefined; dueAt: Instant } | undefined =
    actionToday ?? task ?? plan.actions[0] ?? plan.position.next;
  const planned: PlannedContact | undefined = next ? {
    stepId: next.stepId, action: next.action, dueAt: next.dueAt,
    ...(next.channel ? { channel: next.channel } : {}),
    ...windowOf(next.action, next.dueAt, input.policy, ledger, timeZone),
  } : undefined;
  return { ...scored, status, overdue: overdueByCurrency(ledger, asOf), ...(ownerId ? { ownerId } : {}), ...(planned ? { planned } : {}) };
}

/** The window on the contact's weekday that holds its due time (calls: the customer's or the policy's windows). */
function windowOf(action: ActionKind, dueAt: Instant, policy: ReminderPolicy, ledger: CustomerLedger, timeZone: string) {
  const day = dateInZone(dueAt, timeZone);
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(dueAt)));
  const candidates = [...windowsFor(action, policy, ledger.profile, true), ...windowsFor(action, policy, ledger.profile, false)];
  const w = candidates.find((c) => c.weekday === isoWeekday(day) && c.fromHour <= hour && hour < c.toHour);
  return w ? { window: { fromHour: w.fromHour, toHour: w.toHour } } : {};
}

function overdueByCurrency(ledger: CustomerLedger, asOf: IsoDate): Money[] {
  const sums = new Map<string, number>();
  for (const i of ledger.invoices) if (isOverdueInvoice(i, asOf)) sums.set(i.open.currency, (sums.get(i.open.currency) ?? 0) + i.open.minor);
  return [...sums.keys()].sort().map((currency) => ({ minor: sums.get(currency)!, currency }) as Money);
}

/** The list in call order: the prioritisation's ranking (highest score first, ties by company id). */
export function rankCallList(entries: readonly CallListEntry[]): CallListEntry[] {
  const byId = new Map(entries.map((e) => [e.companyId, e]));
  return rankCustomers(entries).map((s) => byId.get(s.companyId as CompanyId)!);
}

export interface DayProgress {
  readonly done: number;
  readonly open: number;
  readonly snoozed: number;
}

export function dayProgress(entries: readonly Pick<CallListEntry, 'status'>[]): DayProgress {
  const count = (s: DayStatus) => entries.filter((e) => e.status === s).length;
  return { done: count('done'), open: count('open'), snoozed: count('snoozed') };
}
