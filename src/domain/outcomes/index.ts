export { CALL_RESULTS, type CallResult, type LoggedOutcome } from './outcome';
export { callNotes, outcomeText, summaryEmail } from './outcome-text';
export { FOLLOW_UP_KINDS, followUpFor, type FollowUpKind, type FollowUpPlan } from './follow-up';
export { EN as OUTCOME_TEXT_EN, NL as OUTCOME_TEXT_NL, type OutcomeMessageKey } from './messages';
