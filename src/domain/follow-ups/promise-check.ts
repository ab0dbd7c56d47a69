import type { IsoDate } from '../dates';
import { formatDate, formatMoney } from '../i18n/format';
import { render, type Message } from '../i18n/message';
import type { CustomerLedger, Language, PromiseToPay } from '../ledger';
import { promiseKeptOn } from '../promises';

/**
 * The promise-check follow-up ("did they pay by the promised date?") answers itself once the money is in:
 * a promise kept in full ends its check, with a note saying so. A promise not (yet) kept leaves the check
 * to the credit controller; escalating a broken one is the engine's job.
 */
export type PromiseCheck =
  | { readonly kind: 'open' }
  | { readonly kind: 'kept'; readonly keptOn: IsoDate; readonly note: string };

export const PROMISE_CHECK_MESSAGES = {
  en: {
    kept: 'Promise kept: {amount}, promised by {promisedDate} at the latest, was paid in full on {keptOn}. The promise check is closed.',
  },
  nl: {
    kept: 'Toezegging nagekomen: {amount}, toegezegd uiterlijk {promisedDate}, is op {keptOn} volledig betaald. De controle van de toezegging is afgesloten.',
  },
} as const satisfies Record<Language, Record<string, Message>>;

/** Whether the check of promise `p` is done on `asOf`, and the note for HubSpot's timeline in `language` (the portal's). */
export function promiseCheck(p: PromiseToPay, ledger: CustomerLedger, asOf: IsoDate, language: Language): PromiseCheck {
  const keptOn = promiseKeptOn(p, ledger, asOf);
  if (keptOn === undefined) return { kind: 'open' };
  const note = render(language, PROMISE_CHECK_MESSAGES[language].kept, {
    amount: formatMoney(p.amount, language), promisedDate: formatDate(p.promisedDate, language), keptOn: formatDate(keptOn, language),
  }, 'kept');
  return { kind: 'kept', keptOn, note };
}
