// The policy engine's public surface. `Reason` is re-exported as `PolicyReason`: prioritisation has its own.
export * from './policy';
export {
  REASON_CODES,
  type ReasonCode,
  type Reason as PolicyReason,
  type PlannedAction,
  type PauseSummary,
  type LadderPosition,
  type PlanResult,
} from './plan';
export { planActions, type PlanInput } from './engine';
export { validatePolicy, stepsFor, isBeforeDueStep } from './validate-policy';
export { actionKey, fnv1a64Hex, type ActionKeyParts } from './action-key';
