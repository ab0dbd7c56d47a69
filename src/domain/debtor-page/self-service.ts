import { addDays, daysBetween, type IsoDate } from '../dates';
import type { Money } from '../money';
import type { SelfServiceLimits } from '../policy/self-service-limits';
import { paySelection, type PayLine } from './pay-selection';
import type { DebtorStanding } from './standing';

export type ReviewReason =
  | { readonly code: 'deferral_too_long'; readonly maxDays: number }
  | { readonly code: 'too_many_terms'; readonly maxTerms: number }
  | { readonly code: 'instalment_too_small'; readonly minMinor: number }
  | { readonly code: 'first_term_too_late'; readonly maxDays: number }
  | { readonly code: 'arrangement_running' };

export type Refusal = 'unknown_invoice' | 'not_payable' | 'nothing_overdue' | 'date_not_ahead';

export type DeferralDecision =
  | { readonly kind: 'approved'; readonly line: PayLine; readonly until: IsoDate }
  | { readonly kind: 'review'; readonly line: PayLine; readonly until: IsoDate; readonly reasons: readonly ReviewReason[] }
  | { readonly kind: 'refused'; readonly reason: Refusal };

export function decideDeferral(standing: DebtorStanding, invoiceExternalId: string, until: IsoDate, limits: SelfServiceLimits): DeferralDecision {
  const sel = paySelection(standing, invoiceExternalId);
  if (sel.kind === 'nothing') return { kind: 'refused', reason: sel.reason };
  const line = sel.lines[0]!;
  const inv = standing.invoices.find((i) => i.externalId === invoiceExternalId)!;
  // A deferral moves the date the customer pays by: counted from today, or from the due date when that is later.
  const from = inv.dueDate > standing.asOf ? inv.dueDate : standing.asOf;
  if (until <= from) return { kind: 'refused', reason: 'date_not_ahead' };
  return daysBetween(from, until) <= limits.maxDeferralDays
    ? { kind: 'approved', line, until }
    : { kind: 'review', line, until, reasons: [{ code: 'deferral_too_long', maxDays: limits.maxDeferralDays }] };
}

export type ArrangementDecision =
  | { readonly kind: 'approved' | 'review'; readonly lines: readonly PayLine[]; readonly instalments: readonly { readonly dueDate: IsoDate; readonly amount: Money }[]; readonly reasons: readonly ReviewReason[] }
  | { readonly kind: 'refused'; readonly reason: Refusal };

/** The same day `n` months later, on the month's last day when it has fewer days (31 Jan → 28/29 Feb). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const firstOf = (months: number): IsoDate => {
    const year = y + Math.floor((m - 1 + months) / 12);
    const month = (((m - 1 + months) % 12) + 12) % 12 + 1;
    return `${year}-${String(month).padStart(2, '0')}-01`;
  };
  const first = firstOf(n);
  return addDays(first, Math.min(d, daysBetween(first, firstOf(n + 1))) - 1);
}

/**
 * A payment arrangement for everything overdue (not disputed): `terms` monthly instalments from `firstDate`,
 * equal in cents with the remainder on the last one.
 */
export function decideArrangement(standing: DebtorStanding, terms: number, firstDate: IsoDate, limits: SelfServiceLimits): ArrangementDecision {
  const sel = paySelection(standing);
  if (sel.kind === 'nothing') return { kind: 'refused', reason: sel.reason };
  if (firstDate < standing.asOf) return { kind: 'refused', reason: 'date_not_ahead' };
  const base = Math.floor(sel.total.minor / terms);
  const instalments = Array.from({ length: terms }, (_, i) => ({
    dueDate: addMonths(firstDate, i),
    amount: { minor: i === terms - 1 ? sel.total.minor - base * (terms - 1) : base, currency: sel.total.currency },
  }));
  const reasons: ReviewReason[] = [];
  if (standing.arrangements.length > 0) reasons.push({ code: 'arrangement_running' });
  if (terms > limits.maxTerms) reasons.push({ code: 'too_many_terms', maxTerms: limits.maxTerms });
  if (base < limits.minInstalmentMinor) reasons.push({ code: 'instalment_too_small', minMinor: limits.minInstalmentMinor });
  if (daysBetween(standing.asOf, firstDate) > limits.maxFirstTermDays) reasons.push({ code: 'first_term_too_late', maxDays: limits.maxFirstTermDays });
  return { kind: reasons.length === 0 ? 'approved' : 'review', lines: sel.lines, instalments, reasons };
}
