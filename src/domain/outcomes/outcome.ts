import type { IsoDate } from '../dates';
import type { DisputeReason, Language, PaymentMethod } from '../ledger';
import type { Money } from '../money';

export const CALL_RESULTS = ['reached', 'not_reached', 'wrong_person', 'voicemail'] as const;
export type CallResult = (typeof CALL_RESULTS)[number];

/** How a customer says they will pay (a credit note is not a way to pay a promise). */
export type PromisedMethod = Exclude<PaymentMethod, 'credit_note'>;

/** A call's outcome as the credit controller logged it: the result and what was agreed. */
export interface LoggedOutcome {
  readonly result: CallResult;
  readonly notes?: string | undefined;
  readonly promise?: { readonly date: IsoDate; readonly amount: Money; readonly method?: PromisedMethod | undefined } | undefined;
  readonly dispute?: { readonly invoiceExternalId: string; readonly reason: DisputeReason } | undefined;
  readonly arrangement?: { readonly instalments: readonly { readonly dueDate: IsoDate; readonly amount: Money }[] } | undefined;
  readonly deferral?: { readonly until: IsoDate } | undefined;
  readonly newContact?: { readonly name?: string | undefined; readonly jobTitle?: string | undefined; readonly email?: string | undefined; readonly phone?: string | undefined } | undefined;
  /** The credit controller's language: the call notes and the follow-up task are written in it. */
  readonly userLanguage: Language;
}
