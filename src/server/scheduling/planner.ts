import type { Instant } from '../../domain/dates';
import type { BusinessCalendar, CustomerLedger } from '../../domain/ledger';
import { planActions } from '../../domain/policy/engine';
import { DEFAULT_POLICY, type ReminderPolicy } from '../../domain/policy/policy';
import type { PlanResult } from '../../domain/policy/plan';
import { buildBusinessCalendar } from '../calendar/holidays';
import type { Portal } from '../portals/portal-registry';

/** Plans one customer's actions with the portal's policy and calendar. */
export type Planner = (ledger: CustomerLedger, portal: Portal, now: Instant) => PlanResult;

export interface PlannerDeps {
  /** Per-portal policy (settings page); the seeds ladder when none is stored. */
  readonly policyFor?: (portal: Portal) => ReminderPolicy;
}

export function createPlanner(deps: PlannerDeps = {}): Planner & { policyFor: (portal: Portal) => ReminderPolicy } {
  const calendars = new Map<string, BusinessCalendar>();
  const policyFor = deps.policyFor ?? (() => DEFAULT_POLICY);
  const calendarFor = (portal: Portal, now: Instant): BusinessCalendar => {
    const year = Number(now.slice(0, 4));
    const key = `${portal.country}|${portal.timeZone}|${year}`;
    let cal = calendars.get(key);
    // Steps can land up to ~2 months ahead, so the next year's holidays are needed too.
    if (!cal) calendars.set(key, (cal = buildBusinessCalendar({ country: portal.country, timeZone: portal.timeZone, years: [year - 1, year, year + 1] })));
    return cal;
  };
  const planner = (ledger: CustomerLedger, portal: Portal, now: Instant) => planActions({
    ledger, policy: policyFor(portal), now, calendar: calendarFor(portal, now),
    ...(portal.creditControllerOwnerId ? { creditControllerOwnerId: portal.creditControllerOwnerId } : {}),
  });
  return Object.assign(planner, { policyFor });
}
