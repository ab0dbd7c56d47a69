/**
 * What a customer may arrange on their own page without a person deciding: a deferral of one invoice up to
 * `maxDeferralDays`, or a payment arrangement of the overdue balance in at most `maxTerms` monthly terms of at
 * least `minInstalmentMinor`, starting within `maxFirstTermDays`. Part of the portal's reminder policy (the
 * settings page), since it is the same credit policy that decides how long a customer may wait.
 */
export interface SelfServiceLimits {
  readonly maxDeferralDays: number;
  readonly maxTerms: number;
  readonly minInstalmentMinor: number;
  readonly maxFirstTermDays: number;
}

export const DEFAULT_SELF_SERVICE_LIMITS: SelfServiceLimits = { maxDeferralDays: 14, maxTerms: 6, minInstalmentMinor: 5_000, maxFirstTermDays: 30 };

/** The policy's limits, or the product's defaults for a policy saved before it had any. */
export const selfServiceLimitsOf = (policy: { readonly selfService?: SelfServiceLimits }): SelfServiceLimits => policy.selfService ?? DEFAULT_SELF_SERVICE_LIMITS;

const RANGES: Record<keyof SelfServiceLimits, readonly [number, number]> = {
  maxDeferralDays: [0, 365], maxTerms: [1, 60], minInstalmentMinor: [0, 100_000_000], maxFirstTermDays: [0, 365],
};

/** Every limit out of its range, as plain messages (whole numbers; 0 deferral days: every deferral is a request). */
export function selfServiceProblems(limits: SelfServiceLimits): string[] {
  return (Object.keys(RANGES) as (keyof SelfServiceLimits)[]).flatMap((k) => {
    const v = limits[k];
    const [min, max] = RANGES[k];
    return Number.isSafeInteger(v) && v >= min && v <= max ? [] : [`selfService.${k} must be a whole number from ${min} to ${max}`];
  });
}
