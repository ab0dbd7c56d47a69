import { addDays, type IsoDate } from './dates';
import type { CustomerLedger, Invoice } from './ledger';
import { isOpenInvoice, isOpenReceivable, signedOpen } from './measures/aging';
import { totalsByCurrency, type CurrencyCode } from './money';
import { isArrangementOnTrack, isDisputeOpen, isOptOutActive } from './holds';
import { DEFAULT_PROMISE_GRACE_DAYS, promiseDeadline, promiseStatus } from './promises';

/**
 * Why chasing is on hold. Pauses stack: each has its own scope and (where known) its own end.
 * Invoice-level: dispute, direct_debit, in_collection, and promise/arrangement that list invoices.
 * Customer-level: opt_out, manual, promise/arrangement covering the balance (no invoice list);
 * below_tolerance holds one currency of the customer.
 */
export type ActivePause =
  | { kind: 'dispute'; invoiceExternalId: string; disputeId: string; until?: IsoDate }
  | { kind: 'promise'; promiseId: string; until: IsoDate; invoiceExternalIds: readonly string[] }
  | { kind: 'arrangement'; arrangementId: string; invoiceExternalIds: readonly string[] }
  | { kind: 'direct_debit'; invoiceExternalId: string; until: IsoDate }
  /** Handed to a collection agency (the source's status): they chase it, we send no reminders of our own. */
  | { kind: 'in_collection'; invoiceExternalId: string }
  | { kind: 'opt_out'; until?: IsoDate }
  | { kind: 'manual'; until: IsoDate; reason: string }
  | { kind: 'below_tolerance'; currency: CurrencyCode };

export type ActivePauseKind = ActivePause['kind'];

export interface PauseOptions {
  /** Per currency, in minor units: a positive open balance below it is not worth chasing. */
  readonly toleranceMinor?: Readonly<Record<CurrencyCode, number>>;
  /** Grace after a promised date / instalment date before it counts as broken (default 1). */
  readonly promiseGraceDays?: number;
  /**
   * Days after the due date during which a direct-debit invoice waits for the collection (default 14).
   * Past that, with the invoice still open and no failure reported, it is chased like any other.
   */
  readonly directDebitGraceDays?: number;
}

export function activePauses(ledger: CustomerLedger, asOf: IsoDate, opts: PauseOptions = {}): ActivePause[] {
  const grace = opts.promiseGraceDays ?? DEFAULT_PROMISE_GRACE_DAYS;
  const pauses: ActivePause[] = [];
  for (const d of ledger.disputes) {
    if (isDisputeOpen(d, asOf)) pauses.push({ kind: 'dispute', invoiceExternalId: d.invoiceExternalId, disputeId: d.id });
  }
  for (const p of ledger.promises) {
    if (p.madeOn <= asOf && promiseStatus(p, ledger, asOf, grace) === 'open') {
      pauses.push({ kind: 'promise', promiseId: p.id, until: promiseDeadline(p, grace), invoiceExternalIds: p.invoiceExternalIds });
    }
  }
  for (const a of ledger.arrangements) {
    if (isArrangementOnTrack(a, ledger, asOf, grace)) {
      pauses.push({ kind: 'arrangement', arrangementId: a.id, invoiceExternalIds: a.invoiceExternalIds });
    }
  }
  pauses.push(...directDebitPauses(ledger, asOf, opts.directDebitGraceDays ?? 14));
  for (const inv of ledger.invoices) {
    if (inv.status === 'in_collection' && isOpenInvoice(inv)) pauses.push({ kind: 'in_collection', invoiceExternalId: inv.externalId });
  }
  const optOut = ledger.profile.optOut;
  if (optOut && isOptOutActive(optOut, asOf)) {
    pauses.push(optOut.until === undefined ? { kind: 'opt_out' } : { kind: 'opt_out', until: optOut.until });
  }
  for (const m of ledger.profile.pauses) {
    if (m.from <= asOf && m.until >= asOf) pauses.push({ kind: 'manual', until: m.until, reason: m.reason });
  }
  pauses.push(...tolerancePauses(ledger.invoices, opts.toleranceMinor ?? {}));
  return pauses;
}

/** The invoice waits for its direct debit while a mandate is active and no collection of it has failed. */
function directDebitPauses(ledger: CustomerLedger, asOf: IsoDate, graceDays: number): ActivePause[] {
  const mandateActive =
    // Without mandate records, trust the invoice's own flag (the source says it is collected by debit).
    ledger.mandates.length === 0 ||
    ledger.mandates.some((m) => m.signedOn <= asOf && (m.revokedOn === undefined || m.revokedOn > asOf));
  if (!mandateActive) return [];
  return ledger.invoices
    .filter((inv) => inv.directDebit && isOpenInvoice(inv))
    .filter((inv) => !ledger.failedCollections.some((f) => f.invoiceExternalId === inv.externalId && f.date <= asOf))
    .map((inv) => ({ kind: 'direct_debit' as const, invoiceExternalId: inv.externalId, until: addDays(inv.dueDate, graceDays) }))
    .filter((p) => p.until >= asOf);
}

/** A currency whose whole open balance (credit notes netted) is below its tolerance is left alone. */
function tolerancePauses(invoices: readonly Invoice[], tolerance: Readonly<Record<CurrencyCode, number>>): ActivePause[] {
  return totalsByCurrency(invoices.filter(isOpenReceivable).map(signedOpen))
    .filter((balance) => tolerance[balance.currency] !== undefined && balance.minor < tolerance[balance.currency]!)
    .sort((a, b) => (a.currency < b.currency ? -1 : 1))
    .map(({ currency }) => ({ kind: 'below_tolerance' as const, currency }));
}

const coversWholeCustomer = (p: ActivePause): boolean =>
  p.kind === 'opt_out' || p.kind === 'manual' || ((p.kind === 'promise' || p.kind === 'arrangement') && p.invoiceExternalIds.length === 0);

/**
 * Is the customer on hold as a whole? With a currency, a below-tolerance pause of that currency counts too
 * (the customer's other currencies are still chased).
 */
export function isCustomerPaused(pauses: readonly ActivePause[], currency?: CurrencyCode): boolean {
  return pauses.some((p) => coversWholeCustomer(p) || (p.kind === 'below_tolerance' && p.currency === currency));
}

/** The invoices a pause names; none for a pause of the whole customer or of a currency. */
export function pausedInvoiceIds(p: ActivePause): readonly string[] {
  switch (p.kind) {
    case 'dispute':
    case 'direct_debit':
    case 'in_collection':
      return [p.invoiceExternalId];
    case 'promise':
    case 'arrangement':
      return p.invoiceExternalIds;
    default:
      return [];
  }
}

/** Is this invoice on hold, by a pause of its own or one covering the whole customer (or its currency)? */
export function isInvoicePaused(invoice: Invoice, pauses: readonly ActivePause[]): boolean {
  return isCustomerPaused(pauses, invoice.open.currency) || pauses.some((p) => pausedInvoiceIds(p).includes(invoice.externalId));
}

/** The pauses that hold this invoice (for reasons shown to the user). */
export const pausesFor = (invoice: Invoice, pauses: readonly ActivePause[]): ActivePause[] =>
  pauses.filter((p) => isInvoicePaused(invoice, [p]));
