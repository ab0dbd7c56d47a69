import { dateInZone, type IsoDate } from '../dates';
import { fourteenDayLetter, letterSentOn } from '../legal/fourteen-day-letter';
import { wikCollectionCosts } from '../legal/collection-costs';
import type { ActionRecord, CustomerLedger, Dispute, FailedCollection, Invoice, PromiseToPay } from '../ledger';
import { daysPastDue, isOpenInvoice, isOverdueInvoice } from '../measures/aging';
import { paymentBehaviour, type PaymentBehaviour } from '../measures/behaviour';
import { totalsByCurrency, type Money } from '../money';
import { DEFAULT_POLICY, type ReminderPolicy, type Tone } from '../policy/policy';
import { isDisputeOpen } from '../holds';
import { promiseStatus } from '../promises';
import type { CallScript, CallScriptInput, Persona } from './types';

/** What the script is built from: the ledger read once, as of one day. */
export interface CallFacts {
  readonly persona: Persona;
  readonly tone: Tone;
  readonly policy: ReminderPolicy;
  /** Overdue and not disputed: what the call asks for. */
  readonly overdue: readonly Invoice[];
  /** Per currency (sorted); the open totals when nothing is overdue yet (a receipt-check call). */
  readonly amounts: readonly Money[];
  /** Open, undisputed invoices (what a receipt-check call is about when nothing is overdue). */
  readonly openCount: number;
  readonly oldestDaysPastDue: number;
  readonly openDisputes: readonly Dispute[];
  readonly brokenPromise?: PromiseToPay;
  readonly behaviour: PaymentBehaviour;
  /** Earlier contacts up to `asOf`, oldest first. */
  readonly contacts: readonly ActionRecord[];
  readonly lastFailure?: FailedCollection;
  readonly fourteenDayLetter?: CallScript['fourteenDayLetter'];
  readonly dateOf: (r: ActionRecord) => IsoDate;
}

const byDate = <T>(date: (x: T) => string, id: (x: T) => string) => (a: T, b: T): number =>
  date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0;

export function gatherFacts(input: CallScriptInput): CallFacts {
  const { ledger, asOf } = input;
  const policy = input.policy ?? DEFAULT_POLICY;
  const dateOf = (r: ActionRecord): IsoDate => (input.calendar ? dateInZone(r.doneAt, input.calendar.timeZone) : r.doneAt.slice(0, 10));
  const openDisputes = ledger.disputes
    .filter((d) => isDisputeOpen(d, asOf))
    .sort(byDate((d) => d.openedOn, (d) => d.id));
  const disputed = new Set(openDisputes.map((d) => d.invoiceExternalId));
  const overdue = ledger.invoices
    .filter((i) => isOverdueInvoice(i, asOf) && !disputed.has(i.externalId))
    .sort(byDate((i) => i.dueDate, (i) => i.externalId));
  const open = ledger.invoices.filter((i) => isOpenInvoice(i) && !disputed.has(i.externalId));
  const amounts = totalsByCurrency((overdue.length > 0 ? overdue : open).map((i) => i.open)).sort((a, b) => (a.currency < b.currency ? -1 : 1));
  const behaviour = paymentBehaviour(ledger, asOf);
  const brokenPromise = latestBrokenPromise(ledger, asOf);
  const persona: Persona = brokenPromise ? 'broken_promise' : behaviour.habitualLatePayer ? 'habitual_late_payer' : 'good_payer';
  const lastFailure = [...ledger.failedCollections].filter((f) => f.date <= asOf).sort(byDate((f) => f.date, (f) => f.id)).at(-1);
  return {
    persona,
    tone: persona === 'good_payer' ? 'friendly' : 'firm',
    policy,
    overdue,
    amounts,
    openCount: open.length,
    oldestDaysPastDue: overdue[0] ? daysPastDue(overdue[0], asOf) : 0,
    openDisputes,
    ...(brokenPromise ? { brokenPromise } : {}),
    behaviour,
    contacts: ledger.history.filter((r) => dateOf(r) <= asOf).sort(byDate((r) => r.doneAt, (r) => r.key)),
    ...(lastFailure ? { lastFailure } : {}),
    ...letterFacts(input, policy, amounts),
    dateOf,
  };
}

/** The most recent promise, if it was broken: an older broken one followed by a newer promise is history. */
function latestBrokenPromise(ledger: CustomerLedger, asOf: IsoDate): PromiseToPay | undefined {
  const latest = ledger.promises.filter((p) => p.madeOn <= asOf).sort(byDate((p) => p.madeOn, (p) => p.id)).at(-1);
  return latest && promiseStatus(latest, ledger, asOf) === 'broken' ? latest : undefined;
}

/**
 * Consumers in EUR only: the 14-day letter must state the exact WIK costs (with VAT when the creditor adds it). Once the letter went out (a
 * recorded step with the legal flag), its pay-by date is known too (with a calendar).
 */
function letterFacts(
  input: CallScriptInput, policy: ReminderPolicy, amounts: readonly Money[],
): { fourteenDayLetter?: CallScript['fourteenDayLetter'] } {
  const principal = amounts.find((m) => m.currency === 'EUR');
  if (input.ledger.profile.customerType !== 'consumer' || !principal || principal.minor <= 0) return {};
  const letterSteps = new Set(policy.steps.filter((s) => s.legal === 'fourteen_day_letter').map((s) => s.id));
  // Sent is the day its task was completed (or the day it was recorded as sent), never the day its task was made.
  const sent = input.ledger.history.filter((r) => r.stepId !== undefined && letterSteps.has(r.stepId))
    .map((r) => letterSentOn(r, input.calendar?.timeZone ?? 'UTC')).filter((d): d is IsoDate => d !== undefined && d <= input.asOf).sort().at(-1);
  const costsIfUnpaid = wikCollectionCosts(principal, input.costs);
  const vat = input.costs?.vatBasisPoints ? { vatBasisPoints: input.costs.vatBasisPoints } : {};
  if (!sent) return { fourteenDayLetter: { costsIfUnpaid, ...vat } };
  const payBy = input.calendar ? fourteenDayLetter({ sentOn: sent, cal: input.calendar, principal }).statedPayBy : undefined;
  return { fourteenDayLetter: { costsIfUnpaid, ...vat, sentOn: sent, ...(payBy ? { payBy } : {}) } };
}
