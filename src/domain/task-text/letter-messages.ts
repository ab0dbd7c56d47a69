import type { Message } from '../i18n/message';

/**
 * The 14-day letter (veertiendagenbrief, art. 6:96 lid 6 BW) as the customer reads it, one table per language
 * with the same keys. What the law asks of it: the demand, a term of 14 days that starts the day after receipt,
 * the consequence of not paying, and the exact collection costs (with VAT when the creditor charges it).
 */
export const LETTER_EN = {
  'letter.heading': 'Letter to the customer ({language}) — send it by post or e-mail, then mark this task complete on the day it goes out: Receivables Desk counts the 14 days from that day.',
  'letter.missing_creditor': 'Your company details (legal name, IBAN) are not in the settings yet: add them before sending this letter.',
  'letter.date_unsent': 'Date: the day this letter is sent',
  'letter.date': 'Date: {date}',
  'letter.subject': 'Subject: final reminder before collection costs are charged',
  'letter.salutation': 'Dear Sir or Madam,',
  'letter.intro': { count: 'count', one: 'According to our records, the following invoice has not been paid, although its payment term has passed:', other: 'According to our records, the following {count} invoices have not been paid, although their payment term has passed:' },
  'letter.invoice': '- invoice {number} of {issueDate}, due {dueDate}: {open}',
  'letter.total': 'Total outstanding: {total}',
  'letter.demand_unsent': 'We ask you to pay {total} within 14 days, counted from the day after you receive this letter.',
  'letter.demand_dated': 'We ask you to pay {total} by {payBy} at the latest: that is 14 days after the day you receive this letter.',
  'letter.consequence': 'If you do not pay within this term, we will charge you collection costs of {costs}, calculated on the Dutch statutory scale for extrajudicial collection costs, and we may also claim the statutory interest.',
  'letter.consequence_vat': 'If you do not pay within this term, we will charge you collection costs of {costs} including {vat} VAT, calculated on the Dutch statutory scale for extrajudicial collection costs, and we may also claim the statutory interest.',
  'letter.pay_transfer': 'Please transfer the amount to {iban} in the name of {legalName}, quoting {references}.',
  'letter.pay_link': 'Or pay online straight away: {payLink}',
  'letter.already_paid': 'If you have paid in the meantime, please disregard this letter.',
  'letter.questions': 'If you have a question about an invoice, or cannot pay the full amount at once, please contact us: we will gladly look for a solution with you.',
  'letter.questions_email': 'If you have a question about an invoice, or cannot pay the full amount at once, please contact us at {email}: we will gladly look for a solution with you.',
  'letter.closing': 'Yours faithfully,',
  'letter.coc': 'Chamber of Commerce (KvK) {coc}',
  'letter.vat_number': 'VAT {vat}',
  'letter.language.en': 'in English',
  'letter.language.nl': 'in Dutch',
  'letter.sent_note': '14-day letter sent on {sentOn}. Deemed received on {receivedOn}; the 14-day term runs up to and including {payBy}. Unpaid after that day, the collection costs of {costs} the letter states are owed.',
} as const satisfies Record<string, Message>;

export type LetterMessageKey = keyof typeof LETTER_EN;

export const LETTER_NL: Record<LetterMessageKey, Message> = {
  'letter.heading': 'Brief aan de klant ({language}) — verstuur hem per post of e-mail en rond deze taak af op de dag dat hij de deur uitgaat: Receivables Desk telt de 14 dagen vanaf die dag.',
  'letter.missing_creditor': 'Uw bedrijfsgegevens (statutaire naam, IBAN) staan nog niet in de instellingen: vul ze aan voordat u deze brief verstuurt.',
  'letter.date_unsent': 'Datum: de dag van verzending',
  'letter.date': 'Datum: {date}',
  'letter.subject': 'Betreft: laatste herinnering voordat er incassokosten volgen',
  'letter.salutation': 'Geachte heer, mevrouw,',
  'letter.intro': { count: 'count', one: 'Volgens onze administratie is de volgende factuur nog niet betaald, terwijl de betaaltermijn is verstreken:', other: 'Volgens onze administratie zijn de volgende {count} facturen nog niet betaald, terwijl de betaaltermijn is verstreken:' },
  'letter.invoice': '- factuur {number} van {issueDate}, vervallen op {dueDate}: {open}',
  'letter.total': 'Totaal openstaand: {total}',
  'letter.demand_unsent': 'Wij verzoeken u {total} te betalen binnen 14 dagen, te rekenen vanaf de dag na ontvangst van deze brief.',
  'letter.demand_dated': 'Wij verzoeken u {total} uiterlijk {payBy} te betalen: dat is 14 dagen na de dag waarop u deze brief ontvangt.',
  'letter.consequence': 'Betaalt u niet binnen deze termijn, dan brengen wij u incassokosten van {costs} in rekening, berekend volgens het Besluit vergoeding voor buitengerechtelijke incassokosten, en kunnen wij daarnaast de wettelijke rente vorderen.',
  'letter.consequence_vat': 'Betaalt u niet binnen deze termijn, dan brengen wij u incassokosten van {costs} inclusief {vat} btw in rekening, berekend volgens het Besluit vergoeding voor buitengerechtelijke incassokosten, en kunnen wij daarnaast de wettelijke rente vorderen.',
  'letter.pay_transfer': 'U kunt het bedrag overmaken naar {iban} ten name van {legalName}, onder vermelding van {references}.',
  'letter.pay_link': 'Of betaal direct online: {payLink}',
  'letter.already_paid': 'Heeft u inmiddels betaald, dan kunt u deze brief als niet verzonden beschouwen.',
  'letter.questions': 'Heeft u een vraag over een factuur, of kunt u het bedrag niet in één keer betalen, neem dan contact met ons op: wij zoeken graag samen met u naar een oplossing.',
  'letter.questions_email': 'Heeft u een vraag over een factuur, of kunt u het bedrag niet in één keer betalen, neem dan contact met ons op via {email}: wij zoeken graag samen met u naar een oplossing.',
  'letter.closing': 'Met vriendelijke groet,',
  'letter.coc': 'KvK {coc}',
  'letter.vat_number': 'btw-nummer {vat}',
  'letter.language.en': 'in het Engels',
  'letter.language.nl': 'in het Nederlands',
  'letter.sent_note': 'Veertiendagenbrief verstuurd op {sentOn}. Geacht ontvangen op {receivedOn}; de termijn van 14 dagen loopt tot en met {payBy}. Is er na die dag niet betaald, dan zijn de incassokosten van {costs} verschuldigd die de brief noemt.',
};

export const LETTER_MESSAGES = { en: LETTER_EN as Record<LetterMessageKey, Message>, nl: LETTER_NL } as const;
