import { addDays, type IsoDate } from '../dates';
import type { CustomerLedger, Invoice } from '../ledger';
import { daysPastDue, isOverdueInvoice } from '../measures/aging';
import { totalsByCurrency, type Money } from '../money';
import { isDisputeOpen } from '../holds';
import { b2bCollectionCharge, wikCollectionCosts, type CostOptions } from './collection-costs';
import { STATUTORY_INTEREST_RATES, statutoryInterest, type InterestKind } from './interest';

/** What a claim has added to the principal by `asOf`: statutory interest to date, and the collection costs owed. */
export interface ClaimCharges {
  /** Wettelijke handelsrente (business) or wettelijke rente (consumer). */
  readonly kind: InterestKind;
  /** The overdue, undisputed principal claimed, per currency (sorted). */
  readonly principal: readonly Money[];
  /** Per currency, sorted; each overdue, undisputed invoice from the day after its due date. Empty when none accrues. */
  readonly interest: readonly Money[];
  /**
   * The collection costs (EUR only): a business owes the WIK scale on its overdue principal, at least €40 per
   * invoice; a consumer the scale, and only once the 14-day letter's term has passed (`costsChargeable`).
   */
  readonly collectionCosts?: Money;
  /** The VAT included in `collectionCosts` (2100 = 21%): set only when the figure holds VAT (never the €40 per business invoice). */
  readonly collectionCostsVatBasisPoints?: number;
  /** Whether the costs may be charged now (always for a business with an overdue invoice). */
  readonly costsChargeable: boolean;
}

const FIRST_RATE_DAY: Record<InterestKind, IsoDate> = {
  commercial: STATUTORY_INTEREST_RATES.filter((r) => r.kind === 'commercial').map((r) => r.validFrom).sort()[0]!,
  consumer: STATUTORY_INTEREST_RATES.filter((r) => r.kind === 'consumer').map((r) => r.validFrom).sort()[0]!,
};

export const interestKindOf = (ledger: CustomerLedger): InterestKind => (ledger.profile.customerType === 'consumer' ? 'consumer' : 'commercial');

/** Statutory interest on an invoice's open amount from the day after its due date up to `asOf` (zero before that). */
export function invoiceInterest(inv: Invoice, asOf: IsoDate, kind: InterestKind): Money {
  if (inv.kind !== 'invoice' || daysPastDue(inv, asOf) <= 0) return { minor: 0, currency: inv.open.currency };
  // Before the rate table starts there is no figure to show: interest runs from the table's first day instead.
  const from = inv.dueDate < FIRST_RATE_DAY[kind] ? addDays(FIRST_RATE_DAY[kind], -1) : inv.dueDate;
  return statutoryInterest({ principal: inv.open, from, to: asOf, kind });
}

/**
 * The one computation of interest and costs the final notice, the cards and the debtor page show. A disputed
 * invoice accrues nothing here (it is not being claimed). `costsChargeable` comes from the caller for a consumer
 * (collectionCostsChargeable: the 14-day letter sent and its term passed); a business owes them once overdue.
 */
export function claimCharges(input: { ledger: CustomerLedger; asOf: IsoDate; costs?: CostOptions; consumerCostsChargeable?: boolean; invoiceExternalIds?: readonly string[] }): ClaimCharges {
  const { ledger, asOf } = input;
  const kind = interestKindOf(ledger);
  const disputed = new Set(ledger.disputes.filter((d) => isDisputeOpen(d, asOf)).map((d) => d.invoiceExternalId));
  const only = input.invoiceExternalIds ? new Set(input.invoiceExternalIds) : undefined;
  const claimed = ledger.invoices.filter((i) => isOverdueInvoice(i, asOf) && !disputed.has(i.externalId) && (!only || only.has(i.externalId)));
  const interest = totalsByCurrency(claimed.map((i) => invoiceInterest(i, asOf, kind))).filter((m) => m.minor > 0)
    .sort((a, b) => (a.currency < b.currency ? -1 : 1));
  const euro = claimed.filter((i) => i.open.currency === 'EUR').map((i) => i.open);
  const b2b = euro.length > 0 && kind === 'commercial' ? b2bCollectionCharge(euro, input.costs) : undefined;
  const costs = euro.length === 0 ? undefined
    : kind === 'commercial' ? b2b?.costs
      : wikCollectionCosts({ minor: euro.reduce((n, m) => n + m.minor, 0), currency: 'EUR' }, input.costs);
  const vat = input.costs?.vatBasisPoints && (kind === 'consumer' || b2b?.basis === 'scale') ? input.costs.vatBasisPoints : undefined;
  const costsChargeable = costs !== undefined && (kind === 'commercial' || input.consumerCostsChargeable === true);
  const principal = totalsByCurrency(claimed.map((i) => i.open)).sort((a, b) => (a.currency < b.currency ? -1 : 1));
  return { kind, principal, interest, ...(costs && costs.minor > 0 ? { collectionCosts: costs, ...(vat ? { collectionCostsVatBasisPoints: vat } : {}) } : {}), costsChargeable };
}
