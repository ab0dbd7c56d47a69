import { dateInZone, zonedTimeToInstant, type Instant, type IsoDate } from '../../../src/domain/dates';
import type { ActionRecord, CustomerLedger } from '../../../src/domain/ledger';
import { planActions, type PlanInput } from '../../../src/domain/policy/engine';
import type { PlannedAction, PlanResult } from '../../../src/domain/policy/plan';
import { DEFAULT_POLICY } from '../../../src/domain/policy/policy';
import { buildBusinessCalendar } from '../../../src/server/calendar/holidays';

export const ZONE = 'Europe/Amsterdam';
export const NL_CALENDAR = buildBusinessCalendar({ country: 'NL', timeZone: ZONE, years: [2025, 2026, 2027, 2028] });

/** The instant of a wall-clock time in Amsterdam: at('2026-04-27', '10:00'). */
export function at(date: IsoDate, time = '10:00'): Instant {
  const [h, m] = time.split(':').map(Number);
  return zonedTimeToInstant(date, h!, m!, ZONE);
}

/** Local date and time of an instant in Amsterdam, e.g. '2026-04-28 09:00'. */
export function local(instant: Instant): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
  return `${dateInZone(instant, ZONE)} ${time}`;
}

export function plan(ledger: CustomerLedger, now: Instant, overrides: Partial<PlanInput> = {}): PlanResult {
  return planActions({ ledger, policy: DEFAULT_POLICY, now, calendar: NL_CALENDAR, creditControllerOwnerId: 'cc-1', ...overrides });
}

/** What a diligent controller does: every planned action is recorded as done at `doneAt`. */
export function recordDone(ledger: CustomerLedger, actions: readonly PlannedAction[], doneAt: (a: PlannedAction) => Instant): CustomerLedger {
  const records: ActionRecord[] = actions.map((a) => ({
    key: a.key, companyId: a.companyId, stepId: a.stepId, kind: a.action, channel: a.channel, doneAt: doneAt(a), dueAt: a.dueAt, invoiceExternalIds: a.invoiceExternalIds,
  }));
  return { ...ledger, history: [...ledger.history, ...records] };
}

/**
 * Walks day by day (planning at 07:00 local), doing every action at its due moment, and returns when each
 * step first came up (local date and time of its dueAt).
 */
export function walkLadder(ledger: CustomerLedger, from: IsoDate, days: number, overrides: Partial<PlanInput> = {}): Map<string, PlannedAction & { when: string }> {
  const seen = new Map<string, PlannedAction & { when: string }>();
  let current = ledger;
  for (let i = 0; i < days; i++) {
    const date = new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    const { actions } = plan(current, at(date, '07:00'), overrides);
    for (const a of actions) if (!seen.has(a.stepId)) seen.set(a.stepId, { ...a, when: local(a.dueAt) });
    current = recordDone(current, actions, (a) => a.dueAt);
  }
  return seen;
}
