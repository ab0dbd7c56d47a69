import type { ReviewReason } from '../../domain/debtor-page/self-service';
import { formatMoney } from '../../domain/i18n/format';
import type { Language } from '../../domain/ledger';
import type { Money } from '../../domain/money';

/** Notes and tasks the debtor page writes into HubSpot, in the creditor's language (the people reading them). */
export function selfServiceTexts(lang: Language) {
  const money = (m: Money) => formatMoney(m, lang);
  const reason = (r: ReviewReason): string => {
    switch (r.code) {
      case 'deferral_too_long': return lang === 'nl' ? `langer dan ${r.maxDays} dagen uitstel` : `more than ${r.maxDays} days' deferral`;
      case 'too_many_terms': return lang === 'nl' ? `meer dan ${r.maxTerms} termijnen` : `more than ${r.maxTerms} terms`;
      case 'instalment_too_small': return lang === 'nl' ? `termijnen onder ${money({ minor: r.minMinor, currency: 'EUR' })}` : `instalments below ${money({ minor: r.minMinor, currency: 'EUR' })}`;
      case 'first_term_too_late': return lang === 'nl' ? `eerste termijn later dan ${r.maxDays} dagen` : `first term later than ${r.maxDays} days`;
      case 'arrangement_running': return lang === 'nl' ? 'er loopt al een betalingsregeling' : 'an arrangement is already running';
    }
  };
  const why = (reasons: readonly ReviewReason[]) => reasons.map(reason).join('; ');
  const schedule = (xs: readonly { dueDate: string; amount: Money }[]) => xs.map((x) => `${x.dueDate}: ${money(x.amount)}`).join('\n');
  return lang === 'nl' ? {
    prefix: 'Via de debiteurenpagina',
    deferralApproved: (number: string, until: string) => `Via de debiteurenpagina: uitstel voor factuur ${number} tot ${until} (binnen de limiet, direct toegekend).`,
    deferralTask: (number: string) => `Uitstelverzoek factuur ${number} beoordelen`,
    deferralTaskBody: (number: string, until: string, reasons: readonly ReviewReason[]) => `De klant vraagt via de debiteurenpagina uitstel voor factuur ${number} tot ${until}. Buiten de limiet: ${why(reasons)}.`,
    arrangementApproved: (xs: readonly { dueDate: string; amount: Money }[]) => `Via de debiteurenpagina: betalingsregeling afgesproken (binnen de limieten, direct toegekend):\n${schedule(xs)}`,
    arrangementTask: 'Voorstel betalingsregeling beoordelen',
    arrangementTaskBody: (xs: readonly { dueDate: string; amount: Money }[], reasons: readonly ReviewReason[]) => `De klant stelt via de debiteurenpagina een betalingsregeling voor. Buiten de limieten: ${why(reasons)}.\n${schedule(xs)}`,
    disputeNote: (number: string, r: string, message: string) => `Via de debiteurenpagina: factuur ${number} betwist (${r}). ${message}`.trim(),
    disputeTask: (number: string) => `Geschil over factuur ${number} behandelen`,
    emailNote: (email: string) => `Via de debiteurenpagina: nieuw e-mailadres voor de crediteurenadministratie: ${email}`,
    emailTask: 'E-mailadres crediteurenadministratie bijwerken',
  } : {
    prefix: 'Through the debtor page',
    deferralApproved: (number: string, until: string) => `Through the debtor page: invoice ${number} deferred to ${until} (within the limit, granted at once).`,
    deferralTask: (number: string) => `Review deferral request for invoice ${number}`,
    deferralTaskBody: (number: string, until: string, reasons: readonly ReviewReason[]) => `The customer asks through the debtor page to defer invoice ${number} to ${until}. Outside the limit: ${why(reasons)}.`,
    arrangementApproved: (xs: readonly { dueDate: string; amount: Money }[]) => `Through the debtor page: payment arrangement agreed (within the limits, granted at once):\n${schedule(xs)}`,
    arrangementTask: 'Review proposed payment arrangement',
    arrangementTaskBody: (xs: readonly { dueDate: string; amount: Money }[], reasons: readonly ReviewReason[]) => `The customer proposes a payment arrangement through the debtor page. Outside the limits: ${why(reasons)}.\n${schedule(xs)}`,
    disputeNote: (number: string, r: string, message: string) => `Through the debtor page: invoice ${number} disputed (${r}). ${message}`.trim(),
    disputeTask: (number: string) => `Handle the dispute about invoice ${number}`,
    emailNote: (email: string) => `Through the debtor page: new accounts-payable e-mail address: ${email}`,
    emailTask: 'Update the accounts-payable e-mail address',
  };
}
