import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/dates';
import type { CustomerLedger } from '../../../src/domain/ledger';
import { money } from '../../../src/domain/money';
import { DEFAULT_POLICY, isEscalationStep, type ReminderPolicy } from '../../../src/domain/policy/policy';
import { stepsFor, validatePolicy } from '../../../src/domain/policy/validate-policy';
import { aLedger, anInvoice, aProfile } from '../builders';
import { ledgerArb } from './arbitraries';
import { at, plan, recordDone } from './support';

/** 100 days overdue on the first run: nothing was ever sent. */
const oldDebt = (customerType: 'business' | 'consumer'): CustomerLedger => aLedger({
  invoices: [anInvoice({ externalId: 'a', issueDate: '2026-07-01', dueDate: '2026-07-31', amount: money(250_000, 'EUR') })],
  profile: aProfile({ customerType }),
});

/** Each business morning: plan at 07:00 and do what was planned. Returns the overdue steps in the order they came. */
function climb(ledger: CustomerLedger, from: string, days: number, policy: ReminderPolicy = DEFAULT_POLICY): { step: string; on: string; reasons: string[] }[] {
  const out: { step: string; on: string; reasons: string[] }[] = [];
  let current = ledger;
  for (let d = 0; d < days; d++) {
    const date = addDays(from, d);
    const now = at(date, '07:00');
    const { actions } = plan(current, now, { policy });
    out.push(...actions.map((a) => ({ step: a.stepId, on: date, reasons: a.reasons.map((r) => r.code) })));
    current = recordDone(current, actions, () => now);
  }
  return out;
}

describe('steps are climbed, not skipped', () => {
  it('when a business owes since 100 days and nothing was sent, then the first run starts at the formal reminder and says which steps it passed over; then one step per contact, a week apart at least', () => {
    const steps = climb(oldDebt('business'), '2026-11-09', 40);
    expect(steps.map((s) => s.step)).toEqual(['formal_reminder', 'final_notice', 'escalation']);
    expect(steps[0]!.reasons).toContain('steps_caught_up');
    expect(steps[0]!.on).toBe('2026-11-09');
    expect(steps[1]!.on >= addDays(steps[0]!.on, 7)).toBe(true);
    expect(steps[2]!.on >= addDays(steps[1]!.on, 7)).toBe(true);
  });

  it('when a consumer owes since 100 days, then the 14-day letter comes first, and escalation only after its term has passed', () => {
    const steps = climb(oldDebt('consumer'), '2026-11-09', 40);
    expect(steps.map((s) => s.step)).toEqual(['fourteen_day_letter', 'escalation']);
    expect(steps[1]!.on > addDays(steps[0]!.on, 15)).toBe(true);
  });

  it('when the admin sets "catch up to the late-payment call", then an old debt starts there and climbs every step', () => {
    const policy = { ...DEFAULT_POLICY, catchUpToStepId: 'late_payment_call' };
    expect(validatePolicy(policy).ok).toBe(true);
    expect(climb(oldDebt('business'), '2026-11-09', 60, policy).map((s) => s.step)).toEqual(['late_payment_call', 'formal_reminder', 'final_notice', 'escalation']);
  });

  it.each([
    ['escalation', 'is an escalation'],
    ['receipt_check', 'is a before-due step'],
    ['nope', 'is not a step'],
  ])('when the admin sets "catch up to %s", then the policy is refused: it %s', (stepId, why) => {
    const result = validatePolicy({ ...DEFAULT_POLICY, catchUpToStepId: stepId });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain(why);
  });

  it('when the minimum gap is not a whole number of days from 0 to 60, then the policy is refused', () => {
    for (const gap of [-1, 1.5, 61]) expect(validatePolicy({ ...DEFAULT_POLICY, minDaysBetweenSteps: gap }).ok).toBe(false);
  });

  it('for any ledger walked for four months, no overdue step comes before the one below it (beyond the first-run start), and no escalation before its prerequisite', () => {
    fc.assert(fc.property(ledgerArb, fc.integer({ min: 0, max: 300 }), (start, offset) => {
      const ledger = { ...start, history: [] };
      const audience = stepsFor(DEFAULT_POLICY.steps, ledger.profile.customerType);
      const overdueIds = audience.filter((s) => !(s.anchor === 'invoice_date' || (s.anchor === 'due_date' && s.offsetDays <= 0))).map((s) => s.id);
      const cap = overdueIds.indexOf(ledger.profile.customerType === 'consumer' ? 'fourteen_day_letter' : 'formal_reminder');
      const prerequisite = ledger.profile.customerType === 'consumer' ? 'fourteen_day_letter' : 'formal_reminder';
      const seen = new Set<string>();
      for (const { step } of climb(ledger, addDays('2026-01-01', offset), 120)) {
        const j = overdueIds.indexOf(step);
        if (j > cap) expect(seen.has(overdueIds[j - 1]!), `${step} without ${overdueIds[j - 1]}`).toBe(true);
        if (isEscalationStep(audience.find((s) => s.id === step) ?? { action: 'email', ownerRule: 'credit_controller' })) expect(seen.has(prerequisite), `${step} before ${prerequisite}`).toBe(true);
        seen.add(step);
      }
    }), { numRuns: 60 });
  });
});
