import { ACTION_KINDS, CHANNELS, type CallWindow } from '../ledger';
import { err, ok, type Result } from '../result';
import { selfServiceProblems } from './self-service-limits';
import { AUDIENCES, isEscalationStep, OFFSET_UNITS, OWNER_RULES, STEP_ANCHORS, TONES, type PolicyStep, type ReminderPolicy } from './policy';

/** Ids end up in idempotency keys and HubSpot properties: keep them plain. */
const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const CURRENCY = /^[A-Z]{3}$/;

const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => list.includes(v as T);

/** Steps a customer of this type walks through, in ladder order. */
export const stepsFor = (steps: readonly PolicyStep[], customerType: 'business' | 'consumer'): PolicyStep[] =>
  steps.filter((s) => s.appliesTo === 'all' || s.appliesTo === customerType);

/**
 * A step is "before due" when it concerns invoices that are not yet overdue (receipt check, due-date
 * reminder); every other step belongs to the overdue ladder of a customer and currency.
 */
export const isBeforeDueStep = (s: PolicyStep): boolean =>
  s.anchor === 'invoice_date' || (s.anchor === 'due_date' && s.offsetDays <= 0);

/** Checks a policy (e.g. one an admin saved) and returns every problem at once, as plain messages. */
export function validatePolicy(p: ReminderPolicy): Result<ReminderPolicy, string[]> {
  const problems: string[] = [];
  if (!ID.test(p.id)) problems.push(`policy id "${p.id}" must be lower-case letters, digits, '_' or '-'`);
  if (p.name.trim() === '') problems.push('policy name is empty');
  if (p.steps.length === 0) problems.push('policy has no steps');

  const seen = new Set<string>();
  for (const [i, s] of p.steps.entries()) problems.push(...stepProblems(s, i, seen));

  for (const audience of ['business', 'consumer'] as const) problems.push(...ladderProblems(stepsFor(p.steps, audience), audience));

  if (p.consumerRules.requireFourteenDayLetter && !stepsFor(p.steps, 'consumer').some((s) => s.legal === 'fourteen_day_letter'))
    problems.push('consumers need a step with legal "fourteen_day_letter"');
  if (!p.steps.some((s) => s.id === p.brokenPromiseStepId))
    problems.push(`brokenPromiseStepId "${p.brokenPromiseStepId}" is not a step`);
  if (!ID.test(p.failedDirectDebit.id) || seen.has(p.failedDirectDebit.id))
    problems.push(`failedDirectDebit id "${p.failedDirectDebit.id}" must be a plain id different from every step id`);
  if (!oneOf(ACTION_KINDS, p.failedDirectDebit.action)) problems.push('failedDirectDebit has an unknown action');

  problems.push(...climbProblems(p));
  if (p.selfService) problems.push(...selfServiceProblems(p.selfService));
  p.callWindows.forEach((w, i) => problems.push(...windowProblems(w, `call window ${i + 1}`)));
  p.consumerCallWindows?.forEach((w, i) => problems.push(...windowProblems(w, `consumer call window ${i + 1}`)));
  problems.push(...windowProblems({ weekday: 1, ...p.workingHours }, 'working hours'));
  for (const [currency, minor] of Object.entries(p.toleranceMinor)) {
    if (!CURRENCY.test(currency)) problems.push(`tolerance currency "${currency}" is not an ISO 4217 code`);
    if (!Number.isSafeInteger(minor) || minor < 0) problems.push(`tolerance for ${currency} must be a whole, non-negative amount`);
  }
  return problems.length === 0 ? ok(p) : err(problems);
}

function stepProblems(s: PolicyStep, i: number, seen: Set<string>): string[] {
  const at = `step ${i + 1} ("${s.id}")`;
  const out: string[] = [];
  if (!ID.test(s.id)) out.push(`${at}: id must be lower-case letters, digits, '_' or '-'`);
  if (seen.has(s.id)) out.push(`${at}: duplicate step id`);
  seen.add(s.id);
  if (!oneOf(STEP_ANCHORS, s.anchor)) out.push(`${at}: unknown anchor`);
  if (!oneOf(OFFSET_UNITS, s.offsetIn)) out.push(`${at}: unknown offset unit`);
  if (!Number.isInteger(s.offsetDays)) out.push(`${at}: offsetDays must be a whole number`);
  if (s.anchor === 'previous_step' && s.offsetDays < 1) out.push(`${at}: a step after the previous step needs an offset of at least 1 day`);
  if (!oneOf(ACTION_KINDS, s.action)) out.push(`${at}: unknown action`);
  if (!oneOf(TONES, s.tone)) out.push(`${at}: unknown tone`);
  if (!oneOf(OWNER_RULES, s.ownerRule)) out.push(`${at}: unknown owner rule`);
  if (!oneOf(AUDIENCES, s.appliesTo)) out.push(`${at}: unknown audience`);
  if (s.channelPreference === 'customer' && (s.allowedChannels ?? []).length === 0)
    out.push(`${at}: a step using the customer's channel needs allowedChannels`);
  if ((s.allowedChannels ?? []).some((c) => !oneOf(CHANNELS, c))) out.push(`${at}: unknown channel in allowedChannels`);
  if (s.legal === 'fourteen_day_letter' && (s.appliesTo !== 'consumer' || s.action !== 'letter'))
    out.push(`${at}: the 14-day letter is a letter to consumers only`);
  return out;
}

/** Per audience: previous_step never first, and the before-due steps come before the overdue ladder. */
function ladderProblems(steps: readonly PolicyStep[], audience: string): string[] {
  const out: string[] = [];
  if (steps[0]?.anchor === 'previous_step') out.push(`${audience}: the first step "${steps[0].id}" cannot follow a previous step`);
  let overdueSeen = false;
  let lastDueOffset = -Infinity;
  for (const [i, s] of steps.entries()) {
    if (s.anchor === 'previous_step' && i > 0 && isBeforeDueStep(steps[i - 1]!))
      out.push(`${audience}: "${s.id}" cannot follow a before-due step`);
    if (isBeforeDueStep(s) && overdueSeen) out.push(`${audience}: before-due step "${s.id}" comes after the overdue ladder started`);
    if (!isBeforeDueStep(s)) overdueSeen = true;
    if (s.anchor === 'due_date') {
      if (s.offsetDays < lastDueOffset) out.push(`${audience}: "${s.id}" comes earlier than the step before it`);
      lastDueOffset = s.offsetDays;
    }
  }
  return out;
}

function windowProblems(w: CallWindow, what: string): string[] {
  const okHours = Number.isInteger(w.fromHour) && Number.isInteger(w.toHour) && w.fromHour >= 0 && w.toHour <= 24 && w.fromHour < w.toHour;
  const okDay = Number.isInteger(w.weekday) && w.weekday >= 1 && w.weekday <= 7;
  return okHours && okDay ? [] : [`${what}: needs a weekday 1–7 and hours 0 ≤ from < to ≤ 24`];
}

/** The admin's climb settings: a catch-up step that exists, is in the overdue ladder and is no escalation. */
function climbProblems(p: ReminderPolicy): string[] {
  const out: string[] = [];
  const gap = p.minDaysBetweenSteps;
  if (gap !== undefined && (!Number.isInteger(gap) || gap < 0 || gap > 60)) out.push('minDaysBetweenSteps must be a whole number of days from 0 to 60');
  if (p.catchUpToStepId !== undefined) {
    const step = p.steps.find((s) => s.id === p.catchUpToStepId);
    if (!step) out.push(`catchUpToStepId "${p.catchUpToStepId}" is not a step`);
    else if (isBeforeDueStep(step)) out.push(`catchUpToStepId "${step.id}" is a before-due step, not a step of the overdue ladder`);
    else if (isEscalationStep(step)) out.push(`catchUpToStepId "${step.id}" is an escalation: escalation needs the step before it done first`);
  }
  return out;
}
