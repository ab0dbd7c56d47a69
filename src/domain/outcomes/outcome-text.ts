import { formatLongDate, formatMoney } from '../i18n/format';
import { render, type Params } from '../i18n/message';
import type { CustomerLedger, Language } from '../ledger';
import type { Money } from '../money';
import { EN, NL, type OutcomeMessageKey } from './messages';
import type { LoggedOutcome } from './outcome';

const TABLES = { en: EN, nl: NL } as const;

/** The outcome text of `key` in `language`, placeholders filled and the plural form chosen for the reader's language. */
export const outcomeText = (language: Language, key: OutcomeMessageKey, params: Params = {}): string =>
  render(language, TABLES[language][key], params, key);

const invoiceNumber = (ledger: CustomerLedger, externalId: string): string =>
  ledger.invoices.find((i) => i.externalId === externalId)?.number ?? externalId;

/** One sentence per agreement, in `lang`: the call notes and the summary e-mail share them. */
export function agreementLines(outcome: LoggedOutcome, ledger: CustomerLedger, lang: Language): string[] {
  const lines: string[] = [];
  const p = outcome.promise;
  if (p) {
    const params = { amount: formatMoney(p.amount, lang), date: formatLongDate(p.date, lang) };
    lines.push(p.method ? outcomeText(lang, 'agreement.promise_method', { ...params, method: outcomeText(lang, `method.${p.method}`) }) : outcomeText(lang, 'agreement.promise', params));
  }
  const instalments = outcome.arrangement?.instalments ?? [];
  const first = instalments[0];
  if (first) {
    const total: Money = { minor: instalments.reduce((s, x) => s + x.amount.minor, 0), currency: first.amount.currency };
    lines.push(outcomeText(lang, 'agreement.arrangement', { count: instalments.length, total: formatMoney(total, lang), first: formatLongDate(first.dueDate, lang) }));
  }
  const d = outcome.dispute;
  if (d) lines.push(outcomeText(lang, 'agreement.dispute', { invoice: invoiceNumber(ledger, d.invoiceExternalId), reason: outcomeText(lang, `dispute.${d.reason}`) }));
  if (outcome.deferral) lines.push(outcomeText(lang, 'agreement.deferral', { date: formatLongDate(outcome.deferral.until, lang) }));
  return lines;
}

/** The call's notes on the timeline, in the credit controller's language. */
export function callNotes(outcome: LoggedOutcome, ledger: CustomerLedger): { title: string; body: string } {
  const lang = outcome.userLanguage;
  const result = outcomeText(lang, `result.${outcome.result}`);
  const parts = [result, ...agreementLines(outcome, ledger, lang)];
  const c = outcome.newContact;
  const details = c ? [c.name, c.jobTitle, c.email, c.phone].filter(Boolean).join(', ') : '';
  if (details) parts.push(outcomeText(lang, 'call.new_contact', { details }));
  if (outcome.notes) parts.push(outcomeText(lang, 'call.notes', { notes: outcome.notes }));
  return { title: outcomeText(lang, 'call.title', { result }), body: parts.join('\n') };
}

/**
 * The e-mail that confirms the agreements to the contact, in the customer's language; none when nothing was
 * agreed. With the customer's own page, the agreements can be kept there at once: pay, or see the arrangement.
 */
export function summaryEmail(
  outcome: LoggedOutcome, ledger: CustomerLedger, companyName: string | undefined, payLink?: string,
): { language: Language; subject: string; body: string } | null {
  const lang = ledger.profile.language;
  const lines = agreementLines(outcome, ledger, lang);
  if (outcome.result !== 'reached' || lines.length === 0) return null;
  const t = (key: OutcomeMessageKey) => outcomeText(lang, key);
  const link = payLink ? ['', t('mail.pay_link'), payLink] : [];
  const body = [t('mail.greeting'), '', t('mail.intro'), '', ...lines.map((l) => `- ${l}`), ...link, '', t('mail.closing'), '', t('mail.signoff')].join('\n');
  const subject = companyName ? outcomeText(lang, 'mail.subject_company', { company: companyName }) : t('mail.subject');
  return { language: lang, subject, body };
}
