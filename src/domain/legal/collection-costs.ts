import { money, type CurrencyCode, type Money } from '../money';

/**
 * NL statutory extrajudicial collection costs (Besluit vergoeding voor buitengerechtelijke incassokosten,
 * "WIK staffel", since 1-7-2012), computed on the principal only (never on interest or earlier costs).
 */

/** Tiers in euro cents with their rate in basis points; the last tier is open-ended. */
const WIK_TIERS: readonly { upToMinor: number; basisPoints: number }[] = [
  { upToMinor: 250_000, basisPoints: 1_500 }, // 15% of the first €2,500
  { upToMinor: 500_000, basisPoints: 1_000 }, // 10% of the next €2,500
  { upToMinor: 1_000_000, basisPoints: 500 }, // 5% of the next €5,000
  { upToMinor: 20_000_000, basisPoints: 100 }, // 1% of the next €190,000
  { upToMinor: Number.POSITIVE_INFINITY, basisPoints: 50 }, // 0.5% of the rest
];
export const WIK_MINIMUM_MINOR = 4_000; // €40
export const WIK_MAXIMUM_MINOR = 677_500; // €6,775

export interface CostOptions {
  /** VAT to add, in basis points (2100 = 21%): only when the creditor cannot reclaim the VAT itself. */
  readonly vatBasisPoints?: number;
}

/** The Dutch standard VAT rate (21% since 2012), which collection costs carry when VAT is added. */
export const NL_STANDARD_VAT_BASIS_POINTS = 2_100;

/** The cost options of a creditor's VAT setting (the settings store's `vatOnCollectionCosts`). */
export const collectionCostOptions = (vatOnCollectionCosts: boolean): CostOptions =>
  (vatOnCollectionCosts ? { vatBasisPoints: NL_STANDARD_VAT_BASIS_POINTS } : {});

/**
 * Exact cents: every tier's share is summed as an exact fraction and rounded once, half up, to the cent;
 * then minimum and cap apply, then VAT (again rounded half up once). A principal of zero or less owes
 * nothing. The staffel is a euro rule: any other currency is a programmer error and throws.
 */
export function wikCollectionCosts(principal: Money, opts: CostOptions = {}): Money {
  if (principal.currency !== 'EUR') throw new RangeError(`WIK collection costs are defined in EUR, got ${principal.currency}`);
  if (principal.minor <= 0) return money(0, 'EUR');
  // Σ portion × basis points, in 1/10,000 cent: exact in integers for any realistic principal.
  let scaled = 0;
  let lower = 0;
  for (const tier of WIK_TIERS) {
    const portion = Math.min(principal.minor, tier.upToMinor) - lower;
    if (portion <= 0) break;
    scaled += portion * tier.basisPoints;
    lower = tier.upToMinor;
  }
  const costs = Math.min(WIK_MAXIMUM_MINOR, Math.max(WIK_MINIMUM_MINOR, roundHalfUp(scaled, 10_000)));
  const vat = opts.vatBasisPoints ?? 0;
  return money(vat > 0 ? costs + roundHalfUp(costs * vat, 10_000) : costs, 'EUR');
}

/**
 * The fixed B2B compensation for late payment (Directive 2011/7/EU art. 6; in NL art. 6:96 BW): €40,
 * owed without a reminder in commercial transactions. Only defined for EUR: a non-euro member state sets its own national equivalent, so for
 * any other currency this returns undefined and the card shows nothing rather than a guessed amount.
 */
export function b2bMinimumCompensation(currency: CurrencyCode): Money | undefined {
  return currency === 'EUR' ? money(WIK_MINIMUM_MINOR, 'EUR') : undefined;
}

/**
 * What a business owes for collecting its overdue invoices: the WIK scale on their total principal (the Dutch
 * default between businesses, HR 10-7-2015), but never less than the fixed €40 for each invoice paid late —
 * the directive's compensation is owed per commercial transaction (CJEU 20-10-2022, C-585/20). Euro only.
 */
export function b2bCollectionCosts(principals: readonly Money[], opts: CostOptions = {}): Money | undefined {
  return b2bCollectionCharge(principals, opts)?.costs;
}

/**
 * b2bCollectionCosts with the basis it used: VAT is in the figure only when the scale wins — the fixed €40 per
 * invoice is a compensation, not a service, and carries no VAT.
 */
export function b2bCollectionCharge(principals: readonly Money[], opts: CostOptions = {}): { readonly costs: Money; readonly basis: 'scale' | 'per_invoice' } | undefined {
  const owed = principals.filter((p) => p.minor > 0);
  if (owed.length === 0 || owed.some((p) => p.currency !== 'EUR')) return undefined;
  const scale = wikCollectionCosts(money(owed.reduce((n, p) => n + p.minor, 0), 'EUR'), opts);
  const perInvoice = owed.length * WIK_MINIMUM_MINOR;
  return scale.minor >= perInvoice ? { costs: scale, basis: 'scale' } : { costs: money(perInvoice, 'EUR'), basis: 'per_invoice' };
}

/** Integer division of a non-negative `n` by `d`, rounding halves up. */
export const roundHalfUp = (n: number, d: number): number => Math.floor((n * 2 + d) / (2 * d));
