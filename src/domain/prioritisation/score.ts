import { daysBetween, type IsoDate } from '../dates';
import type { CompanyId, CustomerLedger, Invoice } from '../ledger';
import { daysPastDue, isOverdueInvoice } from '../measures/aging';
import { paymentBehaviour, type BehaviourOptions } from '../measures/behaviour';
import { weightOf, type RankingRates } from '../measures/weights';
import { promiseStatus, DEFAULT_PROMISE_GRACE_DAYS } from '../promises';
import type { CurrencyCode } from '../money';

import type { Reason } from './reason';
import { waitingCover } from './waiting';

export type { Reason } from './reason';

/** 'standard': overdue, but none of the three worklist segments applies. */
export type Segment = 'at_risk' | 'low_hanging_fruit' | 'deprioritised' | 'current' | 'standard';

export interface CustomerScore {
  readonly companyId: CompanyId;
  readonly score: number;
  readonly segment: Segment;
  readonly reasons: readonly Reason[];
}

export interface ScoreOptions {
  /** Major-unit value per currency for combining currencies; missing = 1:1 (see RankingRates). */
  readonly rates?: RankingRates;
  readonly behaviour?: BehaviourOptions;
  readonly promiseGraceDays?: number;
  /** Broken promises and failed debits older than these many days no longer count (180 / 60). */
  readonly brokenPromiseLookbackDays?: number;
  readonly failedDebitLookbackDays?: number;
  /** Low-hanging fruit: collectable overdue at most this (major units after rates, default 2,500)… */
  readonly smallOverdueMajor?: number;
  /** …and nothing overdue longer than this many days (default 30). */
  readonly recentOverdueDays?: number;
  /** At risk from this many days past due on (default 61, the 61–90 bucket). */
  readonly atRiskDays?: number;
}

/** Multipliers on the base; chosen so that one strong signal moves a customer about one "rank" up. */
export const SCORE_WEIGHTS = {
  brokenPromise: 1.5,
  failedDirectDebit: 1.5,
  worsening: 1.25,
  habitualLate: 1.25,
  keyTier: 1.2,
  smallTier: 0.9,
  /** De-prioritised customers keep their order among themselves but drop below the rest. */
  deprioritised: 0.1,
} as const;

/**
 * Base = overdue money-days: Σ open × days past due (major units × rate) over the overdue invoices that can
 * be chased (not disputed, promised or arranged); credit notes are not overdue and do not count. Signals
 * multiply it. When nothing overdue can be chased, the customer is de-prioritised and scored on all its
 * overdue money-days × 0.1, so such customers still order among themselves, below the rest.
 */
export function scoreCustomer(ledger: CustomerLedger, asOf: IsoDate, opts: ScoreOptions = {}): CustomerScore {
  const rates = opts.rates ?? {};
  const grace = opts.promiseGraceDays ?? DEFAULT_PROMISE_GRACE_DAYS;
  const reasons: Reason[] = [];
  const overdue = ledger.invoices.filter((i) => isOverdueInvoice(i, asOf));
  if (overdue.length === 0) return { companyId: ledger.companyId, score: 0, segment: 'current', reasons };

  const { chaseable, reasons: waiting } = waitingCover(ledger, asOf, overdue, grace);
  const deprioritised = chaseable.length === 0;
  reasons.push(...moneyDayReasons(overdue, asOf));
  const moneyDays = (items: readonly Invoice[]) => items.reduce((s, i) => s + weightOf(i.open, rates) * daysPastDue(i, asOf), 0);
  const base = deprioritised ? moneyDays(overdue) * SCORE_WEIGHTS.deprioritised : moneyDays(chaseable);
  const maxDays = Math.max(0, ...chaseable.map((i) => daysPastDue(i, asOf)));

  let factor = 1;
  const signal = (applies: boolean, weight: number, reason: Reason) => {
    if (!applies) return;
    factor *= weight;
    reasons.push(reason);
  };
  const statuses = ledger.promises.map((p) => ({ p, status: promiseStatus(p, ledger, asOf, grace) }));
  const brokenRecently = statuses.filter(
    ({ p, status }) => status === 'broken' && daysBetween(p.promisedDate, asOf) <= (opts.brokenPromiseLookbackDays ?? 180),
  );
  signal(brokenRecently.length > 0, SCORE_WEIGHTS.brokenPromise, { code: 'broken_promise', params: { count: brokenRecently.length } });
  const openIds = new Set(overdue.map((i) => i.externalId));
  const failed = ledger.failedCollections.filter(
    (f) => f.date <= asOf && openIds.has(f.invoiceExternalId) && daysBetween(f.date, asOf) <= (opts.failedDebitLookbackDays ?? 60),
  );
  signal(failed.length > 0, SCORE_WEIGHTS.failedDirectDebit, { code: 'failed_direct_debit', params: { count: failed.length } });
  const behaviour = paymentBehaviour(ledger, asOf, { ...opts.behaviour, rates, promiseGraceDays: grace });
  signal(behaviour.trend === 'worsening', SCORE_WEIGHTS.worsening, { code: 'worsening', params: {} });
  signal(behaviour.habitualLatePayer, SCORE_WEIGHTS.habitualLate, {
    code: 'habitual_late',
    params: { weightedDaysLate: Math.round(behaviour.weightedAverageDaysLate ?? 0) },
  });
  const tier = ledger.profile.relationshipTier;
  signal(tier === 'key', SCORE_WEIGHTS.keyTier, { code: 'relationship_value', params: { tier } });
  signal(tier === 'small', SCORE_WEIGHTS.smallTier, { code: 'relationship_value', params: { tier } });

  reasons.push(...waiting);
  const score = base * factor;
  const chaseableMajor = chaseable.reduce((s, i) => s + weightOf(i.open, rates), 0);
  const segment: Segment = deprioritised
    ? 'deprioritised'
    : brokenRecently.length > 0 || maxDays >= (opts.atRiskDays ?? 61) || (behaviour.trend === 'worsening' && behaviour.habitualLatePayer)
      ? 'at_risk'
      : chaseableMajor <= (opts.smallOverdueMajor ?? 2_500) && !behaviour.habitualLatePayer && maxDays <= (opts.recentOverdueDays ?? 30)
        ? 'low_hanging_fruit'
        : 'standard';
  return { companyId: ledger.companyId, score, segment, reasons };
}

/** One reason per currency: how much is overdue, for how long, and its money-days (minor units × days). */
function moneyDayReasons(overdue: readonly Invoice[], asOf: IsoDate): Reason[] {
  const perCurrency = new Map<CurrencyCode, { minor: number; moneyDays: number; maxDays: number }>();
  for (const i of overdue) {
    const days = daysPastDue(i, asOf);
    const row = perCurrency.get(i.open.currency) ?? { minor: 0, moneyDays: 0, maxDays: 0 };
    perCurrency.set(i.open.currency, {
      minor: row.minor + i.open.minor,
      moneyDays: row.moneyDays + i.open.minor * days,
      maxDays: Math.max(row.maxDays, days),
    });
  }
  return [...perCurrency.keys()].sort().map((currency) => {
    const r = perCurrency.get(currency)!;
    return { code: 'overdue_money_days', params: { currency, overdueMinor: r.minor, moneyDaysMinor: r.moneyDays, oldestDaysPastDue: r.maxDays } };
  });
}

/** Highest score first; equal scores by company id, so the worklist order never depends on input order. */
export function rankCustomers(scores: readonly CustomerScore[]): CustomerScore[] {
  return [...scores].sort((a, b) => b.score - a.score || (a.companyId < b.companyId ? -1 : a.companyId > b.companyId ? 1 : 0));
}
