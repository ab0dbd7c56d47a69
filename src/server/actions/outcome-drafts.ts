import type { OutcomeInput } from '../../contracts/actions';
import { addBusinessDays } from '../../domain/calendar';
import type { IsoDate } from '../../domain/dates';
import type { BusinessCalendar, CustomerLedger, Language } from '../../domain/ledger';
import type { Money } from '../../domain/money';
import type { TaskPriority, TaskType } from '../../domain/policy/task-kind';
import { DISPUTE_REASON_TEXT, METHOD_TEXT, fmtDate, fmtMoney, outcomeTexts } from './outcome-texts';

const invoiceNumber = (ledger: CustomerLedger, externalId: string): string =>
  ledger.invoices.find((i) => i.externalId === externalId)?.number ?? externalId;

/** One sentence per agreement, in `lang`: the call notes and the summary e-mail share them. */
export function agreementLines(input: OutcomeInput, ledger: CustomerLedger, lang: Language): string[] {
  const t = outcomeTexts(lang);
  const lines: string[] = [];
  const p = input.promise;
  if (p) lines.push(t.promise(fmtMoney(p.amount, lang), fmtDate(p.date, lang), p.method ? METHOD_TEXT[lang][p.method] ?? '' : ''));
  const a = input.arrangement;
  if (a && a.instalments[0]) {
    const total: Money = { minor: a.instalments.reduce((s, x) => s + x.amount.minor, 0), currency: a.instalments[0].amount.currency };
    lines.push(t.arrangement(a.instalments.length, fmtMoney(total, lang), fmtDate(a.instalments[0].dueDate, lang)));
  }
  if (input.dispute) lines.push(t.dispute(invoiceNumber(ledger, input.dispute.invoiceExternalId), DISPUTE_REASON_TEXT[lang][input.dispute.reason] ?? input.dispute.reason));
  if (input.deferral) lines.push(t.deferral(fmtDate(input.deferral.until, lang)));
  return lines;
}

/** The call's notes on the timeline (HubSpot user's language). Contact details go to HubSpot only, never to logs. */
export function callNotes(input: OutcomeInput, ledger: CustomerLedger): { title: string; body: string } {
  const lang = input.userLanguage;
  const t = outcomeTexts(lang);
  const parts = [t.result[input.result], ...agreementLines(input, ledger, lang)];
  const c = input.newContact;
  if (c && Object.values(c).some(Boolean)) parts.push(`${t.newContact}: ${[c.name, c.jobTitle, c.email, c.phone].filter(Boolean).join(', ')}`);
  if (input.notes) parts.push(`${t.notes}: ${input.notes}`);
  return { title: t.callTitle(t.result[input.result]), body: parts.join('\n') };
}

export type FollowUpKind = 'check_promise' | 'check_instalment' | 'check_deferral' | 'resolve_dispute' | 'call_again' | 'find_right_person';

export interface FollowUpPlan {
  readonly kind: FollowUpKind;
  readonly dueOn: IsoDate;
  readonly type: TaskType;
  readonly priority: TaskPriority;
  readonly subject: string;
  readonly body: string;
}

/**
 * One follow-up per outcome, the most binding agreement first. A promise is checked the business day after its
 * date (the seeds: "zorg ervoor dat de klant zich hieraan houdt"); escalating a broken one is the engine's job
 * on the next scheduling run, so no escalation task is created here.
 */
export function followUpFor(input: OutcomeInput, ledger: CustomerLedger, asOf: IsoDate, cal: BusinessCalendar): FollowUpPlan | null {
  const lang = input.userLanguage;
  const t = outcomeTexts(lang);
  const plan = (kind: FollowUpKind, dueOn: IsoDate, subject: string, type: TaskType = 'todo', priority: TaskPriority = 'medium'): FollowUpPlan =>
    ({ kind, dueOn, type, priority, subject, body: t.taskBody });
  const first = input.arrangement?.instalments[0];
  if (input.promise) {
    const p = input.promise;
    return plan('check_promise', addBusinessDays(p.date, 1, cal), t.task.check_promise(fmtMoney(p.amount, lang), fmtDate(p.date, lang)), 'todo', 'high');
  }
  if (first) return plan('check_instalment', addBusinessDays(first.dueDate, 1, cal), t.task.check_instalment(fmtMoney(first.amount, lang), fmtDate(first.dueDate, lang)), 'todo', 'high');
  if (input.deferral) return plan('check_deferral', addBusinessDays(input.deferral.until, 1, cal), t.task.check_deferral('', fmtDate(input.deferral.until, lang)));
  if (input.dispute) return plan('resolve_dispute', addBusinessDays(asOf, 2, cal), t.task.resolve_dispute(invoiceNumber(ledger, input.dispute.invoiceExternalId)));
  if (input.result === 'not_reached' || input.result === 'voicemail') return plan('call_again', addBusinessDays(asOf, 1, cal), t.task.call_again(), 'call');
  if (input.result === 'wrong_person') return plan('find_right_person', addBusinessDays(asOf, 1, cal), t.task.find_right_person());
  return null;
}

/**
 * The e-mail that confirms the agreements to the contact, in the customer's language; none when nothing was agreed.
 * With the customer's own page, the agreements can be kept there at once: pay, or see the arrangement.
 */
export function summaryEmail(input: OutcomeInput, ledger: CustomerLedger, companyName: string | undefined, payLink?: string): { language: Language; subject: string; body: string } | null {
  const lang = ledger.profile.language;
  const lines = agreementLines(input, ledger, lang);
  if (input.result !== 'reached' || lines.length === 0) return null;
  const m = outcomeTexts(lang).mail;
  const link = payLink ? ['', m.payLink, payLink] : [];
  const body = [m.greeting, '', m.intro, '', ...lines.map((l) => `- ${l}`), ...link, '', m.closing, '', m.signoff].join('\n');
  return { language: lang, subject: m.subject(companyName ?? ''), body };
}
