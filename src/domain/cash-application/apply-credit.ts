import type { IsoDate } from '../dates';
import type { CompanyId } from '../ledger';
import { money, type Money } from '../money';
import { compactReference, isValidRfReference } from '../payments/rf-reference';

/** An open invoice as cash application sees it. */
export interface OpenItem {
  readonly externalId: string;
  readonly companyId: CompanyId;
  readonly number: string;
  readonly open: Money;
  readonly dueDate: IsoDate;
  readonly paymentReference?: string;
}

/** Money that came in, as the bank describes it. */
export interface IncomingCredit {
  readonly amount: Money;
  readonly reference?: string;
  readonly remittance: string;
  readonly counterpartyName?: string;
  readonly counterpartyIban?: string;
}

/** Who paid before from this account or under this name (learned from earlier applications). */
export interface KnownPayers {
  readonly companyByIban: (iban: string) => CompanyId | undefined;
  readonly companyByName: (name: string) => CompanyId | undefined;
}

export interface Allocation {
  readonly invoiceExternalId: string;
  readonly companyId: CompanyId;
  readonly amount: Money;
}

export const APPLIED_BY = ['reference', 'invoice_number', 'amount_and_payer'] as const;
export type AppliedBy = (typeof APPLIED_BY)[number];

export const UNAPPLIED_REASONS = ['no_match', 'several_companies', 'amount_matches_no_single_invoice'] as const;
export type UnappliedReason = (typeof UNAPPLIED_REASONS)[number];

export type CashDecision =
  | { readonly kind: 'applied'; readonly by: AppliedBy; readonly companyId: CompanyId; readonly allocations: readonly Allocation[];
      /** What is left after every named invoice is paid in full: an overpayment, waiting to be applied by a person. */
      readonly remainder: Money }
  | { readonly kind: 'unapplied'; readonly reason: UnappliedReason; readonly companyId?: CompanyId };

/** Open items by reference, number and company; `settle` takes what was applied off, so one file never pays an invoice twice. */
export interface OpenItemIndex {
  readonly items: Map<string, OpenItem>;
  readonly byReference: ReadonlyMap<string, readonly string[]>;
  readonly byNumber: ReadonlyMap<string, readonly string[]>;
  /** Numbers as an RF reference carries them (separators gone): the debtor page puts `RF..<number>` on a transfer. */
  readonly byRfBody: ReadonlyMap<string, readonly string[]>;
  readonly byCompany: ReadonlyMap<CompanyId, readonly string[]>;
}

const compact = (s: string): string => s.replace(/[\s.]/g, '').toUpperCase();

function push<K>(map: Map<K, string[]>, key: K, id: string): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

export function indexOpenItems(openItems: Iterable<OpenItem>): OpenItemIndex {
  const items = new Map<string, OpenItem>();
  const byReference = new Map<string, string[]>();
  const byNumber = new Map<string, string[]>();
  const byRfBody = new Map<string, string[]>();
  const byCompany = new Map<CompanyId, string[]>();
  for (const item of openItems) {
    if (item.open.minor <= 0) continue;
    items.set(item.externalId, item);
    if (item.paymentReference) push(byReference, compact(item.paymentReference), item.externalId);
    push(byNumber, item.number.trim().toUpperCase(), item.externalId);
    push(byRfBody, compactReference(item.number), item.externalId);
    push(byCompany, item.companyId, item.externalId);
  }
  return { items, byReference, byNumber, byRfBody, byCompany };
}

/** Takes applied amounts off the open items (the index is the working copy of one import). */
export function settle(index: OpenItemIndex, allocations: readonly Allocation[]): void {
  for (const a of allocations) {
    const item = index.items.get(a.invoiceExternalId);
    if (item) index.items.set(a.invoiceExternalId, { ...item, open: money(Math.max(0, item.open.minor - a.amount.minor), item.open.currency) });
  }
}

/** Digit runs as people print references (`5000 0567 8901 2345`, `RF18 5390 0754 7034`), compacted. */
function referencesIn(text: string): string[] {
  return [...text.matchAll(/\b(?:RF\d{2}[\s]?[A-Z0-9 ]{1,25}|\d[\d .]{5,}\d)\b/gi)].map((m) => compact(m[0]));
}

/** Words that could be invoice numbers (`F2027-0001`, `2027/114`), stripped of surrounding punctuation. */
function tokensIn(text: string): string[] {
  return text.split(/[\s,;]+/).map((t) => t.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '').toUpperCase()).filter((t) => t.length >= 3);
}

/**
 * Decides where one incoming credit goes, strongest evidence first: (1) the structured reference (a
 * betalingskenmerk or RF quoted as `CdtrRefInf`, or found in the remittance text) equal to an invoice's payment
 * reference — or its number, also inside a valid RF built from it (the debtor page's transfers); (2) invoice numbers in the remittance text; (3) an exact amount from an account or
 * name that paid this customer before: one open invoice of exactly that amount, or all its open invoices
 * together. The invoices found are paid oldest due first, each at most its open amount (a partial payment pays
 * part of one; a combined payment several); an overpayment leaves a remainder. Evidence that points at several
 * companies decides nothing. Pure: the caller brings the open items and the payers it knows.
 */
export function applyCredit(credit: IncomingCredit, index: OpenItemIndex, payers: KnownPayers): CashDecision {
  const sameCurrency = (ids: readonly string[] | undefined): OpenItem[] =>
    (ids ?? []).map((id) => index.items.get(id)).filter((i): i is OpenItem => i !== undefined && i.open.minor > 0 && i.open.currency === credit.amount.currency);
  const structured = [...(credit.reference ? [compact(credit.reference)] : []), ...referencesIn(credit.remittance)];
  const byRef = unique(structured.flatMap((r) => [
    ...sameCurrency(index.byReference.get(r)), ...sameCurrency(index.byNumber.get(r)),
    ...(isValidRfReference(r) ? sameCurrency(index.byRfBody.get(r.slice(4))) : []),
  ]));
  if (byRef.length) return allocate(credit.amount, byRef, 'reference');
  const byNumber = unique(tokensIn(`${credit.reference ?? ''} ${credit.remittance}`).flatMap((t) => sameCurrency(index.byNumber.get(t))));
  if (byNumber.length) return allocate(credit.amount, byNumber, 'invoice_number');

  const payer = (credit.counterpartyIban && payers.companyByIban(credit.counterpartyIban)) || (credit.counterpartyName && payers.companyByName(credit.counterpartyName)) || undefined;
  if (!payer) return { kind: 'unapplied', reason: 'no_match' };
  const open = sameCurrency(index.byCompany.get(payer));
  const exact = open.filter((i) => i.open.minor === credit.amount.minor);
  if (exact.length === 1) return allocate(credit.amount, exact, 'amount_and_payer');
  const total = open.reduce((s, i) => s + i.open.minor, 0);
  if (open.length > 1 && total === credit.amount.minor) return allocate(credit.amount, open, 'amount_and_payer');
  return { kind: 'unapplied', reason: 'amount_matches_no_single_invoice', companyId: payer };
}

function unique(items: readonly OpenItem[]): OpenItem[] {
  return [...new Map(items.map((i) => [i.externalId, i])).values()];
}

function allocate(amount: Money, items: readonly OpenItem[], by: AppliedBy): CashDecision {
  const companies = new Set(items.map((i) => i.companyId));
  if (companies.size > 1) return { kind: 'unapplied', reason: 'several_companies' };
  const companyId = items[0]!.companyId;
  return { kind: 'applied', by, companyId, ...allocateOldestFirst(amount, items) };
}

/** Pays the items oldest due first, each at most its open amount; what is left over is the remainder. */
export function allocateOldestFirst(amount: Money, items: readonly OpenItem[]): { allocations: Allocation[]; remainder: Money } {
  let left = amount.minor;
  const allocations: Allocation[] = [];
  for (const item of [...items].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number < b.number ? -1 : 1))) {
    if (left <= 0) break;
    const part = Math.min(left, item.open.minor);
    if (part <= 0) continue;
    allocations.push({ invoiceExternalId: item.externalId, companyId: item.companyId, amount: money(part, amount.currency) });
    left -= part;
  }
  return { allocations, remainder: money(left, amount.currency) };
}
