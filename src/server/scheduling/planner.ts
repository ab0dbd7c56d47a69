import { createHash } from 'node:crypto';
import type { CalendarSettings } from '../../contracts/settings';
import type { Instant } from '../../domain/dates';
import type { BusinessCalendar, CustomerLedger, Language } from '../../domain/ledger';
import { collectionCostOptions } from '../../domain/legal/collection-costs';
import { planActions } from '../../domain/policy/engine';
import { DEFAULT_POLICY, type ReminderPolicy } from '../../domain/policy/policy';
import type { PlanResult } from '../../domain/policy/plan';
import type { LetterCreditor } from '../../domain/task-text/fourteen-day-letter-text';
import type { TaskTextInput } from '../../domain/task-text';
import { createCalendarCache } from '../calendar/calendar-provider';
import { portalLanguage, type Portal } from '../portals/portal-registry';

/** What a portal's settings contribute to planning (settings-service.ts). */
export interface PlanningSettings {
  readonly policy: ReminderPolicy;
  readonly calendar?: CalendarSettings;
  /** The company details that sign a 14-day letter (absent until an admin saved them). */
  readonly creditor?: LetterCreditor;
  /** Whether collection costs carry VAT (the company details' setting). */
  readonly vatOnCollectionCosts?: boolean;
  /** The language the portal's tasks and notes are written in (the settings' default language). */
  readonly language?: Language;
  /** Changes whenever anything planning reads from the settings changes (default: the policy and calendar themselves). */
  readonly fingerprint?: string;
}

/** One run's planning for one portal: its policy, read once, and the plan of each customer with it. */
export interface PortalPlanner {
  readonly policy: ReminderPolicy;
  /** What a 14-day letter task says besides the plan: the creditor who signs it and the VAT on its costs. */
  readonly letter: NonNullable<TaskTextInput['letter']>;
  /** The portal's language: its credit controllers read every task and note in it. */
  readonly language: Language;
  /** Identifies everything besides the ledger and the day that a plan depends on: the portal and its planning settings. */
  readonly fingerprint: string;
  plan(ledger: CustomerLedger, now: Instant): PlanResult;
  /** The portal's business calendar for the year of `now` (public and own closing days). */
  calendar(now: Instant): BusinessCalendar;
}

export interface PlannerDeps {
  /** Per-portal policy and calendar (the settings store); the seeds ladder and Mon–Fri when absent. */
  readonly planningFor?: (portalId: string) => Promise<PlanningSettings>;
}

/** Plans customers' actions with the portal's policy and calendar; a run asks `forPortal` once, so a change applies from the next run. */
export function createPlanner(deps: PlannerDeps = {}) {
  const calendarFor = createCalendarCache();
  const planningFor = deps.planningFor ?? (async (): Promise<PlanningSettings> => ({ policy: DEFAULT_POLICY }));
  return {
    async forPortal(portal: Portal): Promise<PortalPlanner> {
      const { policy, calendar, creditor, vatOnCollectionCosts, fingerprint, language } = await planningFor(portal.portalId);
      const costs = collectionCostOptions(vatOnCollectionCosts ?? false);
      return {
        policy,
        letter: { ...(creditor ? { creditor } : {}), ...costs },
        language: language ?? portalLanguage(portal),
        fingerprint: createHash('sha1').update(JSON.stringify([portal, fingerprint ?? [policy, calendar ?? null, creditor ?? null, vatOnCollectionCosts ?? null]])).digest('base64url'),
        calendar: (now) => calendarFor(portal, Number(now.slice(0, 4)), calendar),
        plan: (ledger, now) => planActions({
          ledger, policy, now, costs, calendar: calendarFor(portal, Number(now.slice(0, 4)), calendar),
          ...(portal.creditControllerOwnerId ? { creditControllerOwnerId: portal.creditControllerOwnerId } : {}),
        }),
      };
    },
  };
}
export type Planner = ReturnType<typeof createPlanner>;
