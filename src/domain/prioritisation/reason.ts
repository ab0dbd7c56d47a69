import type { IsoDate } from '../dates';
import type { CurrencyCode } from '../money';
import type { RelationshipTier } from '../ledger';

/**
 * A fact behind a customer's risk score, as data: the UI translates `code` and fills in `params`. A union,
 * so every reader sees exactly the parameters its code carries (a card once read `promisedDate` from a
 * reason that carried `until`, and crashed).
 */
export type Reason =
  | { readonly code: 'overdue_money_days'; readonly params: { readonly currency: CurrencyCode; readonly overdueMinor: number; readonly moneyDaysMinor: number; readonly oldestDaysPastDue: number } }
  | { readonly code: 'broken_promise'; readonly params: { readonly count: number } }
  | { readonly code: 'failed_direct_debit'; readonly params: { readonly count: number } }
  | { readonly code: 'worsening'; readonly params: Readonly<Record<string, never>> }
  | { readonly code: 'habitual_late'; readonly params: { readonly weightedDaysLate: number } }
  | { readonly code: 'relationship_value'; readonly params: { readonly tier: RelationshipTier } }
  | { readonly code: 'dispute_open'; readonly params: { readonly count: number } }
  | { readonly code: 'promise_not_due'; readonly params: { readonly promiseId: string; readonly promisedDate: IsoDate } }
  | { readonly code: 'arrangement_on_track'; readonly params: { readonly arrangementId: string } };

export type ReasonCode = Reason['code'];
