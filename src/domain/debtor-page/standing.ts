import { daysBetween, type IsoDate } from '../dates';
import type { CustomerLedger, Invoice, Language } from '../ledger';
import type { CostOptions } from '../legal/collection-costs';
import { claimCharges, invoiceInterest } from '../legal/claim-charges';
import type { InterestKind } from '../legal/interest';
import { daysPastDue, isOpenReceivable, isOverdueInvoice, overdueByCurrency } from '../measures/aging';
import { totalsByCurrency, type Money } from '../money';
import { isArrangementOnTrack, isDisputeOpen } from '../holds';
import type { LadderPosition } from '../policy/plan';
import type { PolicyStep, ReminderPolicy } from '../policy/policy';
import { promiseStatus } from '../promises';

/**
 * What the customer sees on their own page (the mijn-omgeving): the same figures the cards and letters use —
 * open and overdue per currency, statutory interest to date, the WIK collection costs of the scale — and where
 * they stand on the ladder. Pure: the ladder position is planned by the caller with the portal's calendar.
 */

/** `in_collection`: handed to a collection agency — the customer deals with the agency, not with this page. */
export const DEBTOR_INVOICE_STATUSES = ['open', 'due_soon', 'overdue', 'disputed', 'in_arrangement', 'deferred', 'in_collection'] as const;
export type DebtorInvoiceStatus = (typeof DEBTOR_INVOICE_STATUSES)[number];

/** "Due soon": within this many days of the due date. */
export const DUE_SOON_DAYS = 7;

export interface DebtorInvoice {
  readonly externalId: string;
  readonly number: string;
  readonly kind: Invoice['kind'];
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly amount: Money;
  readonly open: Money;
  readonly status: DebtorInvoiceStatus;
  readonly daysOverdue: number;
  /** Statutory interest on the open amount from the day after the due date up to today (zero when not overdue or disputed). */
  readonly interest: Money;
  /** The date a deferral (a promise made on the page or to credit control) moved it to. */
  readonly deferredTo?: IsoDate;
  /** The reference stored on the invoice (betalingskenmerk, RF or the source's payment id): what the customer quotes. */
  readonly paymentReference?: string;
}

export type StepState = 'done' | 'current' | 'next' | 'later';

export interface DebtorStep {
  readonly stepId: string;
  readonly action: PolicyStep['action'];
  readonly state: StepState;
  /** The day the next step is planned (only for `next`). */
  readonly on?: IsoDate;
  /** Taking this step means collection costs (WIK scale) are charged if still unpaid. */
  readonly chargesCosts: boolean;
}

export interface DebtorStanding {
  readonly asOf: IsoDate;
  readonly language: Language;
  /** Open documents, oldest due first (credit notes count against the balance). */
  readonly invoices: readonly DebtorInvoice[];
  readonly totals: { readonly open: readonly Money[]; readonly overdue: readonly Money[]; readonly interest: readonly Money[] };
  /**
   * The collection costs on the overdue EUR principal (not disputed) as the final notice and the letters compute
   * them (claimCharges: the WIK scale, for a business at least €40 per invoice, VAT added when the creditor charges
   * it): what the later steps charge.
   */
  readonly collectionCosts?: Money;
  /** The VAT included in `collectionCosts`, in basis points (2100 = 21%), when the creditor charges VAT on them. */
  readonly collectionCostsVatBasisPoints?: number;
  /** The ladder as the customer's type walks it, with the position marked. */
  readonly steps: readonly DebtorStep[];
  /** The next planned reminder, whichever invoice it is for. */
  readonly next?: { readonly stepId: string; readonly on: IsoDate };
  readonly paused: boolean;
  readonly payments: readonly { readonly date: IsoDate; readonly amount: Money; readonly invoiceNumber?: string }[];
  readonly arrangements: readonly { readonly id: string; readonly agreedOn: IsoDate; readonly instalments: readonly { readonly dueDate: IsoDate; readonly amount: Money }[] }[];
}

/** Steps whose letter or hand-over is where the scale's collection costs come in (sommatie, 14-day letter, escalation). */
const chargesCosts = (step: PolicyStep): boolean => step.legal === 'fourteen_day_letter' || step.action === 'letter' || step.action === 'escalation';

export function debtorStanding(input: {
  ledger: CustomerLedger;
  asOf: IsoDate;
  policy: ReminderPolicy;
  position: LadderPosition;
  /** The portal's calendar day of the next step (the caller converts the planned instant in the portal's zone). */
  nextOn?: IsoDate;
  /** The creditor's cost options (VAT on collection costs), as the letters get them. */
  costs?: CostOptions;
}): DebtorStanding {
  const { ledger, asOf, policy, position } = input;
  const kind: InterestKind = ledger.profile.customerType === 'consumer' ? 'consumer' : 'commercial';
  const disputed = new Set(ledger.disputes.filter((d) => isDisputeOpen(d, asOf)).map((d) => d.invoiceExternalId));
  const overdueIds = ledger.invoices.filter((i) => isOverdueInvoice(i, asOf)).map((i) => i.externalId);
  const covered = (ids: readonly string[]) => (ids.length > 0 ? ids : overdueIds);
  const arranged = new Set(ledger.arrangements
    .filter((a) => isArrangementOnTrack(a, ledger, asOf)).flatMap((a) => covered(a.invoiceExternalIds)));
  const deferredTo = new Map<string, IsoDate>();
  for (const p of ledger.promises) {
    if (p.madeOn > asOf || promiseStatus(p, ledger, asOf) !== 'open') continue;
    for (const id of covered(p.invoiceExternalIds)) if ((deferredTo.get(id) ?? '') < p.promisedDate) deferredTo.set(id, p.promisedDate);
  }

  const statusOf = (inv: Invoice, days: number): DebtorInvoiceStatus => {
    if (inv.status === 'in_collection') return 'in_collection';
    if (disputed.has(inv.externalId)) return 'disputed';
    if (arranged.has(inv.externalId)) return 'in_arrangement';
    if (deferredTo.has(inv.externalId)) return 'deferred';
    if (days > 0) return 'overdue';
    return daysBetween(asOf, inv.dueDate) <= DUE_SOON_DAYS ? 'due_soon' : 'open';
  };

  const invoices = ledger.invoices.filter(isOpenReceivable)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number < b.number ? -1 : 1))
    .map((inv): DebtorInvoice => {
      const days = inv.kind === 'invoice' ? daysPastDue(inv, asOf) : 0;
      const status = inv.kind === 'credit_note' ? 'open' : statusOf(inv, days);
      // The agency states its own claim (interest included): showing ours beside it would be a second, different figure.
      const accrues = inv.kind === 'invoice' && days > 0 && status !== 'disputed' && status !== 'in_collection';
      const deferral = deferredTo.get(inv.externalId);
      return {
        externalId: inv.externalId, number: inv.number, kind: inv.kind, issueDate: inv.issueDate, dueDate: inv.dueDate,
        amount: inv.amount, open: inv.open, status, daysOverdue: days,
        interest: accrues ? invoiceInterest(inv, asOf, kind) : { minor: 0, currency: inv.open.currency },
        ...(deferral ? { deferredTo: deferral } : {}),
        ...(inv.paymentReference ? { paymentReference: inv.paymentReference } : {}),
      };
    });

  const signed = (i: DebtorInvoice): Money => (i.kind === 'credit_note' ? { minor: -i.open.minor, currency: i.open.currency } : i.open);
  // VAT is in the figure only where the scale applies: the fixed €40 per business invoice is compensation, not a service.
  const { collectionCosts, collectionCostsVatBasisPoints: vat } = claimCharges({ ledger, asOf, ...(input.costs ? { costs: input.costs } : {}) });
  const byCurrency = (list: readonly Money[]) => totalsByCurrency(list).sort((a, b) => (a.currency < b.currency ? -1 : 1));
  return {
    asOf,
    language: ledger.profile.language,
    invoices,
    totals: {
      open: byCurrency(invoices.map(signed)),
      overdue: overdueByCurrency(ledger.invoices, asOf).filter((m) => m.minor > 0),
      interest: byCurrency(invoices.map((i) => i.interest)).filter((m) => m.minor > 0),
    },
    ...(collectionCosts ? { collectionCosts, ...(vat ? { collectionCostsVatBasisPoints: vat } : {}) } : {}),
    steps: ladderSteps(policy, ledger.profile.customerType, position, input.nextOn),
    ...(position.next && input.nextOn ? { next: { stepId: position.next.stepId, on: input.nextOn } } : {}),
    paused: position.paused.length > 0,
    payments: [...ledger.payments].filter((p) => p.date <= asOf)
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)).slice(0, 20)
      .map((p) => {
        const number = ledger.invoices.find((i) => i.externalId === p.invoiceExternalId)?.number;
        return { date: p.date, amount: p.amount, ...(number ? { invoiceNumber: number } : {}) };
      }),
    arrangements: ledger.arrangements.filter((a) => isArrangementOnTrack(a, ledger, asOf))
      .map((a) => ({ id: a.id, agreedOn: a.agreedOn, instalments: a.instalments.map((i) => ({ dueDate: i.dueDate, amount: i.amount })) })),
  };
}

function ladderSteps(policy: ReminderPolicy, customerType: 'business' | 'consumer', position: LadderPosition, nextOn?: IsoDate): DebtorStep[] {
  const steps = policy.steps.filter((s) => s.appliesTo === 'all' || s.appliesTo === customerType);
  const currentIndex = steps.findIndex((s) => s.id === position.currentStepId);
  const nextIndex = position.next ? steps.findIndex((s) => s.id === position.next!.stepId) : -1;
  return steps.map((s, i): DebtorStep => {
    // The ladder runs forward: a step before the current one is done; the next planned step is "next" only
    // when it lies ahead (a newer invoice's early reminder is named in the sentence under the ladder instead).
    const state: StepState = i === currentIndex ? 'current' : i < currentIndex ? 'done' : i === nextIndex ? 'next' : 'later';
    return { stepId: s.id, action: s.action, state, chargesCosts: chargesCosts(s), ...(state === 'next' && nextOn ? { on: nextOn } : {}) };
  });
}
