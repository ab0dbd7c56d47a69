import type { Language } from '../../domain/ledger';
import type { Money } from '../../domain/money';
import { toMajor } from '../../domain/money';

/**
 * Server-written texts of a logged outcome, in English and Dutch: the call notes and follow-up task (in the
 * HubSpot user's language) and the summary e-mail (in the customer's language). Parameters arrive raw and
 * are formatted here with Intl, so a Dutch e-mail shows "€ 1.234,56" and "24 november 2026".
 */
const LOCALE: Record<Language, string> = { en: 'en-GB', nl: 'nl-NL' };

export const fmtMoney = (m: Money, lang: Language): string =>
  new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency: m.currency }).format(toMajor(m));
export const fmtDate = (d: string, lang: Language): string =>
  new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));

const en = {
  result: { reached: 'Reached', not_reached: 'Not reached', wrong_person: 'Wrong person', voicemail: 'Voicemail left' },
  callTitle: (result: string) => `Collection call: ${result}`,
  promise: (amount: string, date: string, how: string) => `Promise to pay ${amount} on ${date}${how ? ` by ${how}` : ''}.`,
  dispute: (invoice: string, reason: string) => `Dispute on invoice ${invoice}: ${reason}.`,
  arrangement: (n: number, total: string, first: string) => `Payment arrangement requested: ${n} instalments, ${total} in total, first on ${first}.`,
  deferral: (date: string) => `Deferral granted until ${date}.`,
  newContact: 'New contact details',
  notes: 'Notes',
  task: {
    check_promise: (amount: string, date: string) => `Check the promised payment of ${amount} (due ${date})`,
    check_instalment: (amount: string, date: string) => `Check the first instalment of ${amount} (due ${date})`,
    check_deferral: (_a: string, date: string) => `Deferral ended on ${date}: follow up the open balance`,
    resolve_dispute: (invoice: string) => `Resolve the dispute on invoice ${invoice}`,
    call_again: () => 'Call again: the customer was not reached',
    find_right_person: () => 'Find the right contact for the open invoices',
  },
  taskBody: 'Logged from the Call script card. If the payment did not arrive, the next reminder run escalates the broken promise.',
  mail: {
    subject: (company: string) => `Summary of our call about the open invoices${company ? ` of ${company}` : ''}`,
    greeting: 'Hello,',
    intro: 'Thank you for the call today. As agreed, a short summary:',
    payLink: 'On your own page you can see your open invoices and pay them at once:',
    closing: 'If anything in this summary is not right, please let us know by replying to this e-mail.',
    signoff: 'Kind regards,',
  },
};

type Texts = typeof en;

const nl: Texts = {
  result: { reached: 'Bereikt', not_reached: 'Niet bereikt', wrong_person: 'Verkeerde persoon', voicemail: 'Voicemail ingesproken' },
  callTitle: (result) => `Incassogesprek: ${result}`,
  promise: (amount, date, how) => `Betalingstoezegging van ${amount}, uiterlijk ${date}${how ? `, per ${how}` : ''}.`,
  dispute: (invoice, reason) => `Geschil over factuur ${invoice}: ${reason}.`,
  arrangement: (n, total, first) => `Betalingsregeling gevraagd: ${n} termijnen, in totaal ${total}, eerste termijn op ${first}.`,
  deferral: (date) => `Uitstel van betaling verleend tot ${date}.`,
  newContact: 'Nieuwe contactgegevens',
  notes: 'Notities',
  task: {
    check_promise: (amount, date) => `Controleer de toegezegde betaling van ${amount} (uiterlijk ${date})`,
    check_instalment: (amount, date) => `Controleer de eerste termijn van ${amount} (uiterlijk ${date})`,
    check_deferral: (_a, date) => `Uitstel liep af op ${date}: volg het openstaande saldo op`,
    resolve_dispute: (invoice) => `Los het geschil over factuur ${invoice} op`,
    call_again: () => 'Opnieuw bellen: de klant was niet bereikbaar',
    find_right_person: () => 'Zoek de juiste contactpersoon voor de openstaande facturen',
  },
  taskBody: 'Vastgelegd vanuit de kaart Belscript. Is de betaling niet binnen, dan zet de volgende herinneringsronde de niet nagekomen toezegging een stap verder.',
  mail: {
    subject: (company) => `Samenvatting van ons gesprek over de openstaande facturen${company ? ` van ${company}` : ''}`,
    greeting: 'Goedendag,',
    intro: 'Dank voor het telefoongesprek van vandaag. Zoals afgesproken een korte samenvatting:',
    payLink: 'Op uw eigen pagina ziet u uw openstaande facturen en kunt u ze direct betalen:',
    closing: 'Klopt er iets niet in deze samenvatting? Laat het ons weten door op deze e-mail te antwoorden.',
    signoff: 'Met vriendelijke groet,',
  },
};

export const DISPUTE_REASON_TEXT: Record<Language, Record<string, string>> = {
  en: { not_received: 'invoice not received', wrong_amount: 'wrong amount', delivery_problem: 'problem with the delivery', quality: 'quality complaint', duplicate: 'duplicate invoice', other: 'other reason' },
  nl: { not_received: 'factuur niet ontvangen', wrong_amount: 'onjuist bedrag', delivery_problem: 'probleem met de levering', quality: 'klacht over de kwaliteit', duplicate: 'dubbele factuur', other: 'andere reden' },
};
export const METHOD_TEXT: Record<Language, Record<string, string>> = {
  en: { bank_transfer: 'bank transfer', direct_debit: 'direct debit', card: 'card', cash: 'cash', other: 'another way' },
  nl: { bank_transfer: 'bankoverschrijving', direct_debit: 'automatische incasso', card: 'kaart', cash: 'contant', other: 'een andere manier' },
};

export const outcomeTexts = (lang: Language): Texts => (lang === 'nl' ? nl : en);
