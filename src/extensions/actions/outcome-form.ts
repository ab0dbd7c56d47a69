import type { CallResult, CallScriptVM, OutcomeInputRaw } from '../../contracts/actions';
import { fractionDigits } from '../format';
import { addMonths } from './date-input';
import type { FormErrors } from './preferences-form';

/** The outcome form as the card edits it; amounts in major units as CurrencyInput gives them. */
export interface OutcomeForm {
  readonly result: CallResult;
  readonly contactId: string;
  readonly channel: string;
  readonly notes: string;
  readonly withPromise: boolean;
  readonly withDispute: boolean;
  readonly withArrangement: boolean;
  readonly withDeferral: boolean;
  readonly promiseDate: string;
  readonly promiseAmount?: number;
  readonly promiseMethod: string;
  readonly promiseInvoices: readonly string[];
  readonly disputeInvoice: string;
  readonly disputeReason: string;
  readonly disputeNote: string;
  readonly instalments: number;
  readonly firstInstalment: string;
  readonly arrangementTotal?: number;
  readonly deferralUntil: string;
  readonly deferralReason: string;
  readonly newName: string;
  readonly newJobTitle: string;
  readonly newEmail: string;
  readonly newPhone: string;
}

export const emptyOutcomeForm = (contactId = ''): OutcomeForm => ({
  result: 'reached', contactId, channel: 'phone', notes: '', withPromise: false, withDispute: false, withArrangement: false, withDeferral: false,
  promiseDate: '', promiseMethod: 'bank_transfer', promiseInvoices: [], disputeInvoice: '', disputeReason: 'not_received', disputeNote: '',
  instalments: 3, firstInstalment: '', deferralUntil: '', deferralReason: '', newName: '', newJobTitle: '', newEmail: '', newPhone: '',
});

/** A fresh id per submission (the server records each id once); no crypto in HubSpot's worker is assumed. */
export const newOutcomeId = (): string => `o${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;

export const toMinor = (major: number, currency: string): number => Math.round(major * 10 ** fractionDigits(currency));

/** Equal monthly instalments; the last one takes the rounding remainder so they add up exactly. */
export function splitInstalments(totalMinor: number, n: number, first: string, currency: string) {
  const base = Math.floor(totalMinor / n);
  return Array.from({ length: n }, (_, k) => ({
    dueDate: addMonths(first, k),
    amount: { minor: k === n - 1 ? totalMinor - base * (n - 1) : base, currency },
  }));
}

const trimmed = (s: string) => s.trim() || undefined;

export function inputFromOutcomeForm(f: OutcomeForm, o: { outcomeId: string; currency: string; userLanguage: 'en' | 'nl'; companyName?: string }): OutcomeInputRaw {
  const reached = f.result === 'reached';
  const contact = { name: trimmed(f.newName), jobTitle: trimmed(f.newJobTitle), email: trimmed(f.newEmail), phone: trimmed(f.newPhone) };
  const hasContact = f.result === 'wrong_person' && Object.values(contact).some(Boolean);
  return {
    outcomeId: o.outcomeId, result: f.result, channel: f.channel as OutcomeInputRaw['channel'], userLanguage: o.userLanguage,
    ...(o.companyName ? { companyName: o.companyName } : {}),
    ...(f.contactId ? { contactId: f.contactId } : {}),
    ...(trimmed(f.notes) ? { notes: f.notes.trim() } : {}),
    ...(reached && f.withPromise ? { promise: {
      date: f.promiseDate, amount: { minor: toMinor(f.promiseAmount ?? 0, o.currency), currency: o.currency },
      method: f.promiseMethod as 'bank_transfer', invoiceExternalIds: [...f.promiseInvoices],
    } } : {}),
    ...(reached && f.withDispute ? { dispute: { invoiceExternalId: f.disputeInvoice, reason: f.disputeReason as 'other', ...(trimmed(f.disputeNote) ? { note: f.disputeNote.trim() } : {}) } } : {}),
    ...(reached && f.withArrangement ? { arrangement: {
      invoiceExternalIds: [], instalments: splitInstalments(toMinor(f.arrangementTotal ?? 0, o.currency), f.instalments, f.firstInstalment, o.currency),
    } } : {}),
    ...(reached && f.withDeferral ? { deferral: { until: f.deferralUntil, ...(trimmed(f.deferralReason) ? { reason: f.deferralReason.trim() } : {}) } } : {}),
    ...(hasContact ? { newContact: Object.fromEntries(Object.entries(contact).filter(([, v]) => v)) } : {}),
  };
}

/** Checks the card can make before sending (the server checks again, against the ledger). */
export function checkOutcomeForm(f: OutcomeForm, vm: CallScriptVM, currency: string): FormErrors {
  const e: FormErrors = {};
  const add = (k: string, code: string) => { if (!e[k]) e[k] = { code, message: code }; };
  if (f.result !== 'reached') return e;
  const open = vm.open.find((m) => m.currency === currency)?.minor ?? 0;
  if (f.withPromise) {
    if (!f.promiseDate) add('promise.date', 'required');
    else if (f.promiseDate < vm.today) add('promise.date', 'date_in_past');
    const chosen = vm.invoices.filter((i) => f.promiseInvoices.includes(i.externalId)).reduce((s, i) => s + i.open.minor, 0);
    if (!f.promiseAmount || f.promiseAmount <= 0) add('promise.amount', 'required');
    else if (toMinor(f.promiseAmount, currency) > (f.promiseInvoices.length > 0 ? chosen : open)) add('promise.amount', 'amount_above_open');
  }
  if (f.withDispute && !f.disputeInvoice) add('dispute.invoiceExternalId', 'required');
  if (f.withArrangement) {
    if (!f.firstInstalment) add('arrangement.instalments.0.dueDate', 'required');
    else if (f.firstInstalment < vm.today) add('arrangement.instalments.0.dueDate', 'date_in_past');
    if (!f.arrangementTotal || f.arrangementTotal <= 0) add('arrangement.instalments', 'required');
    else if (toMinor(f.arrangementTotal, currency) > open) add('arrangement.instalments', 'amount_above_open');
  }
  if (f.withDeferral) {
    if (!f.deferralUntil) add('deferral.until', 'required');
    else if (f.deferralUntil <= vm.today) add('deferral.until', 'date_in_past');
  }
  return e;
}
