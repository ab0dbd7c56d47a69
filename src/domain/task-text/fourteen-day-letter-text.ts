import type { IsoDate } from '../dates';
import { formatDate, formatLongDate, formatMoney, formatPercent } from '../i18n/format';
import { render, type Params } from '../i18n/message';
import type { Invoice, Language } from '../ledger';
import type { Money } from '../money';
import { LETTER_MESSAGES, type LetterMessageKey } from './letter-messages';

/** The creditor as a letter signs it (the settings store's company details). */
export interface LetterCreditor {
  readonly legalName: string;
  readonly iban: string;
  readonly bic?: string;
  readonly cocNumber?: string;
  readonly vatNumber?: string;
  readonly supportEmail?: string;
}

export interface FourteenDayLetterTextInput {
  /** The customer's language: the letter is theirs to read. */
  readonly language: Language;
  /** The overdue invoices the letter demands, in the order it lists them. */
  readonly invoices: readonly Invoice[];
  readonly total: Money;
  /** The exact WIK costs owed if the term passes unpaid, VAT included when `vatBasisPoints` is set. */
  readonly costsIfUnpaid: Money;
  readonly vatBasisPoints?: number;
  /** Absent until an admin saved the company details: the letter then lacks its bank details and signature. */
  readonly creditor?: LetterCreditor;
  /**
   * Once the letter went out: the day it was sent and the term's end counted from it. Before that the letter
   * states the term the way the law allows without a date: 14 days from the day after receipt.
   */
  readonly sent?: { readonly on: IsoDate; readonly payBy: IsoDate };
  /** The customer's own payment link, when there is one (lane 16 fills it in). */
  readonly payLink?: string;
}

const l = (lang: Language, key: LetterMessageKey, params: Params = {}): string => render(lang, LETTER_MESSAGES[lang][key], params, key);

/** The complete letter, line by line, ready to print on letterhead or paste into an e-mail. */
export function fourteenDayLetterText(input: FourteenDayLetterTextInput): string[] {
  const { language: lang, creditor: c } = input;
  const total = formatMoney(input.total, lang);
  const costs = formatMoney(input.costsIfUnpaid, lang);
  const vat = input.vatBasisPoints ?? 0;
  const references = input.invoices.map((i) => i.number).join(', ');
  const footer = c && [c.legalName, c.cocNumber ? l(lang, 'letter.coc', { coc: c.cocNumber }) : '', c.vatNumber ? l(lang, 'letter.vat_number', { vat: c.vatNumber }) : '', `IBAN ${c.iban}`]
    .filter(Boolean).join(' · ');
  return [
    input.sent ? l(lang, 'letter.date', { date: formatLongDate(input.sent.on, lang) }) : l(lang, 'letter.date_unsent'),
    l(lang, 'letter.subject'),
    '',
    l(lang, 'letter.salutation'),
    '',
    l(lang, 'letter.intro', { count: input.invoices.length }),
    ...input.invoices.map((i) => l(lang, 'letter.invoice', {
      number: i.number, issueDate: formatDate(i.issueDate, lang), dueDate: formatDate(i.dueDate, lang), open: formatMoney(i.open, lang),
    })),
    l(lang, 'letter.total', { total }),
    '',
    input.sent ? l(lang, 'letter.demand_dated', { total, payBy: formatLongDate(input.sent.payBy, lang) }) : l(lang, 'letter.demand_unsent', { total }),
    vat > 0 ? l(lang, 'letter.consequence_vat', { costs, vat: formatPercent(vat, lang) }) : l(lang, 'letter.consequence', { costs }),
    '',
    ...(c ? [l(lang, 'letter.pay_transfer', { iban: c.iban, legalName: c.legalName, references })] : []),
    ...(input.payLink ? [l(lang, 'letter.pay_link', { payLink: input.payLink })] : []),
    l(lang, 'letter.already_paid'),
    c?.supportEmail ? l(lang, 'letter.questions_email', { email: c.supportEmail }) : l(lang, 'letter.questions'),
    '',
    l(lang, 'letter.closing'),
    ...(c && footer ? [c.legalName, footer] : []),
  ];
}

/** The line above the letter in a task: which language it is in and what to do with it (in the reader's language). */
export const letterHeading = (reader: Language, letterLanguage: Language): string =>
  l(reader, 'letter.heading', { language: l(reader, `letter.language.${letterLanguage}`) });

export const missingCreditorWarning = (reader: Language): string => l(reader, 'letter.missing_creditor');

/** The note on the company once the letter went out: when, when the customer is deemed to have it, when its term ends, what it costs after. */
export function letterSentNote(reader: Language, f: { sentOn: IsoDate; deemedReceivedOn: IsoDate; payBy: IsoDate; costs: Money }): string {
  return l(reader, 'letter.sent_note', {
    sentOn: formatLongDate(f.sentOn, reader), receivedOn: formatLongDate(f.deemedReceivedOn, reader), payBy: formatLongDate(f.payBy, reader), costs: formatMoney(f.costs, reader),
  });
}
