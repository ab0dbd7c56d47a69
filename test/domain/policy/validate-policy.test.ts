import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type PolicyStep, type ReminderPolicy } from '../../../src/domain/policy/policy';
import { validatePolicy } from '../../../src/domain/policy/validate-policy';

const steps = DEFAULT_POLICY.steps;
const withSteps = (s: readonly PolicyStep[]): ReminderPolicy => ({ ...DEFAULT_POLICY, steps: s });
const escalation = steps.at(-1)!;

const cases: { name: string; policy: ReminderPolicy; problem: RegExp }[] = [
  { name: 'when two steps share an id, then it is refused', policy: withSteps([...steps, { ...escalation }]), problem: /duplicate step id/ },
  { name: 'when the first step follows a previous step, then it is refused',
    policy: withSteps([{ ...steps[0]!, anchor: 'previous_step' }, ...steps.slice(1)]), problem: /first step .* cannot follow/ },
  { name: 'when a step follows the previous one with no gap, then it is refused',
    policy: withSteps([...steps.slice(0, -1), { ...escalation, anchor: 'previous_step', offsetDays: 0 }]), problem: /at least 1 day/ },
  { name: 'when a step id has a colon (unsafe in keys), then it is refused', policy: withSteps([...steps.slice(0, -1), { ...escalation, id: 'esc:1' }]), problem: /lower-case/ },
  { name: "when a step uses the customer's channel without allowed channels, then it is refused",
    policy: withSteps([...steps.slice(0, -1), { ...escalation, channelPreference: 'customer' }]), problem: /needs allowedChannels/ },
  { name: 'when the 14-day letter is for businesses, then it is refused',
    policy: withSteps(steps.map((s) => (s.legal ? { ...s, appliesTo: 'business' as const } : s))), problem: /consumers only/ },
  { name: 'when consumers have no 14-day letter but the rule requires one, then it is refused',
    policy: withSteps(steps.filter((s) => !s.legal)), problem: /consumers need a step/ },
  { name: 'when a due-date step comes earlier than the step before it, then it is refused',
    policy: withSteps([steps[0]!, steps[1]!, steps[3]!, steps[2]!, ...steps.slice(4)]), problem: /comes earlier/ },
  { name: 'when a before-due step comes after the overdue ladder started, then it is refused',
    policy: withSteps([...steps, { ...steps[1]!, id: 'late_due_reminder' }]), problem: /before-due step/ },
  { name: 'when a call window ends before it starts, then it is refused',
    policy: { ...DEFAULT_POLICY, callWindows: [{ weekday: 2, fromHour: 17, toHour: 9 }] }, problem: /call window 1/ },
  { name: 'when a tolerance is negative, then it is refused', policy: { ...DEFAULT_POLICY, toleranceMinor: { EUR: -1 } }, problem: /non-negative/ },
  { name: 'when the broken-promise step does not exist, then it is refused', policy: { ...DEFAULT_POLICY, brokenPromiseStepId: 'nope' }, problem: /brokenPromiseStepId/ },
  { name: 'when the failed-debit follow-up reuses a step id, then it is refused',
    policy: { ...DEFAULT_POLICY, failedDirectDebit: { ...DEFAULT_POLICY.failedDirectDebit, id: 'escalation' } }, problem: /failedDirectDebit id/ },
];

describe('validatePolicy', () => {
  it('when self-service limits are saved, then whole numbers in range pass and every one out of range is named', () => {
    const limits = { maxDeferralDays: 0, maxTerms: 12, minInstalmentMinor: 0, maxFirstTermDays: 60 };
    expect(validatePolicy({ ...DEFAULT_POLICY, selfService: limits }).ok).toBe(true);
    const bad = validatePolicy({ ...DEFAULT_POLICY, selfService: { maxDeferralDays: -1, maxTerms: 0, minInstalmentMinor: 1.5, maxFirstTermDays: 400 } });
    expect(bad.ok ? [] : bad.error).toEqual([
      'selfService.maxDeferralDays must be a whole number from 0 to 365', 'selfService.maxTerms must be a whole number from 1 to 60',
      'selfService.minInstalmentMinor must be a whole number from 0 to 100000000', 'selfService.maxFirstTermDays must be a whole number from 0 to 365',
    ]);
  });

  it('when the default policy is checked, then it is valid', () => {
    expect(validatePolicy(DEFAULT_POLICY)).toEqual({ ok: true, value: DEFAULT_POLICY });
  });

  it.each(cases)('$name', ({ policy, problem }) => {
    const result = validatePolicy(policy);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.some((m) => problem.test(m))).toBe(true);
  });

  it('when several things are wrong, then every problem is reported at once', () => {
    const result = validatePolicy({ ...DEFAULT_POLICY, name: ' ', toleranceMinor: { eur: 10 } });
    expect(result.ok ? [] : result.error).toEqual(['policy name is empty', 'tolerance currency "eur" is not an ISO 4217 code']);
  });
});
