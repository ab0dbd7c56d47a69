import type { CurrencyCode, Money } from '../money';
import { toMajor } from '../money';

/**
 * Value of one major unit of each currency in a common unit, for weighting and ranking only (never for
 * amounts shown as money). The domain has no FX source: a missing currency counts 1:1, which is only
 * right for single-currency customers/portfolios; pass real rates when currencies are mixed.
 */
export type RankingRates = Readonly<Record<CurrencyCode, number>>;

export const weightOf = (m: Money, rates: RankingRates = {}): number => toMajor(m) * (rates[m.currency] ?? 1);
