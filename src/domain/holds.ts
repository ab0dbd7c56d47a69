import type { IsoDate } from './dates';
import type { ContactProfile, CustomerLedger, Dispute, PaymentArrangement } from './ledger';
import { arrangementStatus, DEFAULT_PROMISE_GRACE_DAYS } from './promises';

/**
 * The three states that hold chasing, each decided here once, so the pauses, cards, rollup and debtor page
 * never disagree about whether a customer is in a dispute, an arrangement or an opt-out.
 */

/** Opened on or before `asOf` and not resolved by then. */
export const isDisputeOpen = (d: Dispute, asOf: IsoDate): boolean =>
  d.openedOn <= asOf && (d.resolvedOn === undefined || d.resolvedOn > asOf);

/** Agreed on or before `asOf` and neither broken, completed nor cancelled by then. */
export const isArrangementOnTrack = (a: PaymentArrangement, ledger: CustomerLedger, asOf: IsoDate, graceDays = DEFAULT_PROMISE_GRACE_DAYS): boolean =>
  a.agreedOn <= asOf && arrangementStatus(a, ledger, asOf, graceDays) === 'on_track';

/** The customer asked not to be chased, from `since` up to and including `until` (open-ended without one). */
export const isOptOutActive = (optOut: ContactProfile['optOut'], asOf: IsoDate): boolean =>
  optOut !== undefined && optOut.since <= asOf && (optOut.until === undefined || optOut.until >= asOf);
