import type { Instant } from '../../domain/dates';
import type { CustomerLedger } from '../../domain/ledger';
import { planActions } from '../../domain/policy/engine';
import { DEFAULT_POLICY, type ReminderPolicy } from '../../domain/policy/policy';
import type { PlanResult } from '../../domain/policy/plan';
import { createCalendarCache } from '../calendar/calendar-provider';
import type { Portal } from '../portals/portal-registry';

/** Plans one customer's actions with the portal's policy and calendar. */
export type Planner = (ledger: CustomerLedger, portal: Portal, now: Instant) => PlanResult;

export interface PlannerDeps {
  /** Per-portal policy (settings page); the seeds ladder when none is stored. */
  readonly policyFor?: (portal: Portal) => ReminderPolicy;
}

export function createPlanner(deps: PlannerDeps = {}): Planner & { policyFor: (portal: Portal) => ReminderPolicy } {
  const calendarFor = createCalendarCache();
  const policyFor = deps.policyFor ?? (() => DEFAULT_POLICY);
  const planner = (ledger: CustomerLedger, portal: Portal, now: Instant) => planActions({
    ledger, policy: policyFor(portal), now, calendar: calendarFor(portal, Number(now.slice(0, 4))),
    ...(portal.creditControllerOwnerId ? { creditControllerOwnerId: portal.creditControllerOwnerId } : {}),
  });
  return Object.assign(planner, { policyFor });
}
