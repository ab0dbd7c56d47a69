import type { BehaviourVM, ChargesVM, DisputeVM, MoneyVM, PromiseVM, RiskVM } from '../../contracts/cards';
import { addDays, type IsoDate } from '../../domain/dates';
import { isDisputeOpen } from '../../domain/holds';
import type { BusinessCalendar, CustomerLedger } from '../../domain/ledger';
import { claimCharges } from '../../domain/legal/claim-charges';
import type { CostOptions } from '../../domain/legal/collection-costs';
import { consumerLetterTermPassed } from '../../domain/legal/consumer-costs';
import { paymentBehaviour } from '../../domain/measures/behaviour';
import type { Money } from '../../domain/money';
import type { ReminderPolicy } from '../../domain/policy/policy';
import { scoreCustomer } from '../../domain/prioritisation/score';
import { promiseStatus, type PromiseStatus } from '../../domain/promises';

/** Broken promises older than this are history, not news (the same lookback the score uses). */
export const BROKEN_PROMISE_LOOKBACK_DAYS = 180;

export const moneyVM = (m: Money): MoneyVM => ({ minor: m.minor, currency: m.currency });

export function behaviourVM(ledger: CustomerLedger, asOf: IsoDate): BehaviourVM {
  const b = paymentBehaviour(ledger, asOf);
  const round1 = (n: number | undefined) => (n === undefined ? null : Math.round(n * 10) / 10);
  return {
    averageDaysLate: round1(b.averageDaysLate),
    weightedAverageDaysLate: round1(b.weightedAverageDaysLate),
    onTimeShare: b.onTimeShare ?? null,
    trend: b.trend,
    habitualLatePayer: b.habitualLatePayer,
  };
}

export function riskVM(ledger: CustomerLedger, asOf: IsoDate): RiskVM {
  const s = scoreCustomer(ledger, asOf);
  return { score: Math.round(s.score * 100) / 100, segment: s.segment, reasons: s.reasons.slice(0, 20) };
}

/** Promises that matter now: open ones and recently broken ones, soonest/most recent first. */
export function relevantPromises(ledger: CustomerLedger, asOf: IsoDate): PromiseVM[] {
  const since = addDays(asOf, -BROKEN_PROMISE_LOOKBACK_DAYS);
  return ledger.promises
    .filter((p) => p.madeOn <= asOf)
    .map((p) => ({ p, status: promiseStatus(p, ledger, asOf) as PromiseStatus }))
    .filter(({ p, status }) => status === 'open' || (status === 'broken' && p.promisedDate >= since))
    .sort((a, b) => (a.p.promisedDate < b.p.promisedDate ? 1 : a.p.promisedDate > b.p.promisedDate ? -1 : 0))
    .slice(0, 50)
    .map(({ p, status }) => ({ id: p.id, promisedDate: p.promisedDate, amount: moneyVM(p.amount), status }));
}

export function openDisputes(ledger: CustomerLedger, asOf: IsoDate): DisputeVM[] {
  const numbers = new Map(ledger.invoices.map((i) => [i.externalId, i.number]));
  return ledger.disputes
    .filter((d) => isDisputeOpen(d, asOf))
    .sort((a, b) => (a.openedOn < b.openedOn ? -1 : a.openedOn > b.openedOn ? 1 : 0))
    .slice(0, 50)
    .map((d) => ({ id: d.id, invoiceNumber: numbers.get(d.invoiceExternalId) ?? null, reason: d.reason, openedOn: d.openedOn }));
}

/** What the charges depend on besides the ledger: the portal's calendar and policy, and the creditor's VAT setting. */
export interface ChargesContext {
  readonly calendar?: BusinessCalendar | undefined;
  readonly policy?: ReminderPolicy | undefined;
  readonly costs?: CostOptions | undefined;
}

/**
 * Interest to date and the collection costs, computed as the final notice computes them (claim-charges.ts).
 * Without the portal's calendar nobody can tell whether a consumer's 14-day term has passed: then not yet.
 */
export function chargesVM(ledger: CustomerLedger, asOf: IsoDate, legal: ChargesContext = {}): ChargesVM {
  const { calendar, policy, costs = {} } = legal;
  const consumerCostsChargeable = calendar !== undefined && consumerLetterTermPassed(ledger, asOf, calendar, policy);
  const c = claimCharges({ ledger, asOf, consumerCostsChargeable, costs });
  return {
    interestKind: c.kind,
    principal: c.principal.map(moneyVM),
    interest: c.interest.map(moneyVM),
    collectionCosts: c.collectionCosts ? moneyVM(c.collectionCosts) : null,
    costsChargeable: c.costsChargeable,
    ...(c.collectionCostsVatBasisPoints ? { vatBasisPoints: c.collectionCostsVatBasisPoints } : {}),
  };
}
