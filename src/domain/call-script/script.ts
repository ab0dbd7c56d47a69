import { stepsFor } from '../policy/validate-policy';
import type { PolicyStep } from '../policy/policy';
import { gatherFacts, type CallFacts } from './facts';
import { daysText, formatAmounts, formatDate, formatMoney, formatPercent, text } from './format';
import type { MessageKey } from './messages';
import { preparation as preparationOf } from './preparation';
import type { CallScript, CallScriptInput, ExcuseAnswer, FollowUpStep, Goal } from './types';
import { EXCUSES_FOR } from './types';

/** Days within which a late payer (or one who broke a promise) is asked to pay: short, so it is followed up soon. */
const FIRM_TERM_DAYS = 7;

/**
 * A structured call script for one customer, in English or Dutch, from the facts in the ledger: what to check
 * before calling, how to open, the three goals (when, how much, how), answers to the usual excuses, how to
 * close and what to do afterwards. Content differs for a good payer, a habitual late payer, a customer who
 * broke a promise, and a consumer (who hears about the 14-day letter and its costs only when that applies).
 */
export function buildCallScript(input: CallScriptInput): CallScript {
  const facts = gatherFacts(input);
  const lang = input.language;
  const customerType = input.ledger.profile.customerType;
  return {
    language: lang,
    persona: facts.persona,
    customerType,
    tone: facts.tone,
    preparation: preparationOf(input, facts),
    opening: opening(input, facts),
    goals: goals(input, facts),
    excuses: EXCUSES_FOR[customerType].map((id): ExcuseAnswer => ({
      id,
      excuse: text(lang, `excuse.${id}`),
      answer: text(lang, id === 'no_money' && customerType === 'consumer' ? 'answer.no_money.consumer' : `answer.${id}`),
    })),
    closing: closing(input, facts),
    followUp: followUp(input, facts),
    ...(facts.fourteenDayLetter ? { fourteenDayLetter: facts.fourteenDayLetter } : {}),
  };
}

/** Who calls, from where, a check that the right person is on the line, then the reason for the call. */
function opening(input: CallScriptInput, facts: CallFacts): string {
  const lang = input.language;
  const type = input.ledger.profile.customerType;
  const greeting = text(lang, 'opening.greeting', {
    caller: input.callerName ?? text(lang, 'opening.caller_default'),
    us: input.ourName ? text(lang, 'opening.us_named', { name: input.ourName }) : text(lang, 'opening.us_default'),
  });
  const check = input.contactName ? text(lang, 'opening.check.named', { contact: input.contactName }) : text(lang, `opening.check.${type}`);
  const beforeDue = facts.overdue.length === 0 && facts.persona !== 'broken_promise';
  const key: MessageKey = beforeDue ? `opening.${type}.receipt_check` : `opening.${type}.${facts.persona}`;
  const p = facts.brokenPromise;
  const reason = text(lang, key, {
    company: input.companyName ?? text(lang, 'opening.company_default'),
    count: Math.max(beforeDue ? facts.openCount : facts.overdue.length, 1),
    amount: formatAmounts(facts.amounts, lang),
    days: daysText(lang, facts.oldestDaysPastDue),
    madeOn: p ? formatDate(p.madeOn, lang) : '',
    promised: p ? formatMoney(p.amount, lang) : '',
    promisedDate: p ? formatDate(p.promisedDate, lang) : '',
  });
  return [greeting, check, reason].join(' ');
}

function goals(input: CallScriptInput, facts: CallFacts): Goal[] {
  const lang = input.language;
  const firm = facts.persona !== 'good_payer';
  const amounts = formatAmounts(facts.amounts, lang);
  return [
    { id: 'when', text: firm ? text(lang, 'goal.when.firm', { days: daysText(lang, FIRM_TERM_DAYS) }) : text(lang, 'goal.when') },
    { id: 'how_much', text: text(lang, facts.overdue.length === 0 ? 'goal.how_much.before_due' : 'goal.how_much', { amounts }), proposed: facts.amounts },
    { id: 'how', text: text(lang, 'goal.how') },
  ];
}

function closing(input: CallScriptInput, facts: CallFacts): string[] {
  const lang = input.language;
  const lines = [text(lang, 'closing.summary'), text(lang, 'closing.confirm')];
  const letter = facts.fourteenDayLetter;
  if (letter) {
    const amount = formatMoney(letter.costsIfUnpaid, lang);
    const costs = letter.vatBasisPoints ? text(lang, 'costs.incl_vat', { amount, vat: formatPercent(letter.vatBasisPoints, lang) }) : amount;
    lines.push(letter.payBy ? text(lang, 'closing.fourteen_day_letter.sent', { payBy: formatDate(letter.payBy, lang), costs }) : text(lang, 'closing.fourteen_day_letter', { costs }));
  } else if (facts.persona !== 'good_payer') {
    lines.push(text(lang, 'closing.consequences', { consequence: text(lang, consequenceOf(nextStep(input, facts))) }));
  }
  return lines;
}

/** The ladder's next stronger step after the last one recorded. */
function nextStep(input: CallScriptInput, facts: CallFacts): PolicyStep | undefined {
  const steps = stepsFor(facts.policy.steps, input.ledger.profile.customerType);
  const done = facts.contacts.map((r) => steps.findIndex((s) => s.id === r.stepId)).filter((i) => i >= 0);
  const after = done.length > 0 ? Math.max(...done) + 1 : steps.findIndex((s) => s.id === facts.policy.brokenPromiseStepId);
  return steps[after];
}

/** A step is named by what it brings the customer (aanmaning, sommatie, costs, the agency), never by its channel. */
function consequenceOf(step: PolicyStep | undefined): MessageKey {
  if (!step) return 'next.step';
  if (step.legal === 'fourteen_day_letter') return 'next.fourteen_day_letter';
  if (step.action === 'escalation') return 'next.escalation';
  if (step.id === 'formal_reminder') return 'next.formal_reminder';
  if (step.id === 'final_notice') return 'next.final_notice';
  return 'next.step';
}

function followUp(input: CallScriptInput, facts: CallFacts): FollowUpStep[] {
  const lang = input.language;
  const steps: FollowUpStep[] = [
    { id: 'summary_email', text: text(lang, 'follow_up.summary_email') },
    { id: 'record', text: text(lang, 'follow_up.record') },
    { id: 'check_promise', text: text(lang, 'follow_up.check_promise') },
  ];
  if (facts.persona === 'broken_promise') steps.push({ id: 'inform_owner', text: text(lang, 'follow_up.inform_owner') });
  return steps;
}
