import type { CompanyId } from '../ledger';
import type { Money } from '../money';
import { rfReference } from '../payments/rf-reference';
import type { IncomingCredit } from './apply-credit';

/** A payment the provider (Mollie) already reported paid, and so already in the ledger. */
export interface PaidOnline {
  /** The provider's payment id (`tr_…`). */
  readonly providerPaymentId: string;
  readonly companyId: CompanyId;
  readonly amount: Money;
  /** The invoices it paid: their numbers and the structured reference the source gave them, if any. */
  readonly invoices: readonly { readonly number: string; readonly paymentReference?: string }[];
  /** The bank credit already recognised as this payment; another credit is then money of its own. */
  readonly bankedBy?: string;
}

export type PaidOnlineMatch = { readonly providerPaymentId: string; readonly by: 'provider_id' | 'amount_and_reference' };

const compact = (s: string): string => s.replace(/[\s.]/g, '').toUpperCase();

/**
 * Whether a bank credit is a payment the provider already reported — the provider's payout or the payer's own
 * bank showing the same money a second time — so it must not be counted again. Strongest evidence first: the
 * provider's payment id in the reference or remittance; else the exact amount together with a reference or
 * invoice number of the invoices it paid (the RF reference the debtor page offers, the source's own reference,
 * the number). A payment already recognised in another credit is not matched again: a second credit is a
 * second payment and goes through cash application like any other.
 */
export function paidOnlineMatch(credit: IncomingCredit & { readonly key: string }, paid: readonly PaidOnline[]): PaidOnlineMatch | undefined {
  const open = paid.filter((p) => p.bankedBy === undefined || p.bankedBy === credit.key);
  const text = `${credit.reference ?? ''} ${credit.remittance}`;
  const ids = new Set(text.match(/\btr_[A-Za-z0-9]+/g) ?? []);
  const byId = open.find((p) => ids.has(p.providerPaymentId));
  if (byId) return { providerPaymentId: byId.providerPaymentId, by: 'provider_id' };

  // Words of the text, and RF references as people print them (`RF18 5390 0754 7034`), compacted.
  const printedRf = [...text.matchAll(/\bRF\d{2}(?: ?[A-Z0-9]{1,4}){1,7}\b/gi)].map((m) => m[0]);
  const said = new Set([credit.reference ?? '', ...printedRf, ...text.split(/[\s,;:/]+/)].map(compact).filter((t) => t.length >= 3));
  const named = (p: PaidOnline) => p.invoices.some((i) =>
    [i.number, i.paymentReference, rfReference(i.number)].some((r) => r !== undefined && said.has(compact(r))));
  const byAmount = open.find((p) => p.amount.minor === credit.amount.minor && p.amount.currency === credit.amount.currency && named(p));
  return byAmount ? { providerPaymentId: byAmount.providerPaymentId, by: 'amount_and_reference' } : undefined;
}

/** A bank credit already imported (applied to invoices, or waiting unapplied), as a later provider payment looks for it. */
export interface BankedCredit extends IncomingCredit {
  readonly key: string;
  /** Whether cash application put it on invoices (its payments are in the ledger) or it waits in the unapplied list. */
  readonly applied: boolean;
  /** The provider payment recognised as this credit; another provider payment is then money of its own. */
  readonly claimedBy?: string;
}

export type BankedCreditMatch = { readonly creditKey: string; readonly applied: boolean; readonly by: PaidOnlineMatch['by'] };

/**
 * The same rule the other way round, for a statement that came before the provider's webhook: which imported bank
 * credit is this provider payment's money. A credit is this payment exactly when `paidOnlineMatch` would have
 * recognised it had the payment come first; the provider's id beats amount and reference, and a credit claimed by
 * another provider payment is not taken again.
 */
export function bankedCreditOf(paid: PaidOnline, credits: readonly BankedCredit[]): BankedCreditMatch | undefined {
  const candidate = { ...paid, bankedBy: undefined };
  const matches = credits
    .filter((c) => c.claimedBy === undefined || c.claimedBy === paid.providerPaymentId)
    .flatMap((c) => { const m = paidOnlineMatch(c, [candidate]); return m ? [{ creditKey: c.key, applied: c.applied, by: m.by }] : []; });
  return matches.find((m) => m.by === 'provider_id') ?? matches[0];
}
