import type { KeptForLaterVM } from '../../contracts/actions';
import { isGatewayError } from '../hubspot/gateway-error';
import { PortalParkedError } from '../rate/rate-budget';

/** How long until the portal's HubSpot budget returns, when the error says HubSpot's daily limit is spent. */
export function parkedForMs(err: unknown): number | undefined {
  if (err instanceof PortalParkedError) return err.waitMs;
  return isGatewayError(err) && err.verdict.kind === 'park' ? err.verdict.delayMs : undefined;
}

/**
 * A card write whose Redis part is stored and whose HubSpot part waits for the daily limit's reset (parked-writes.ts):
 * not a failure, so the route answers 202 with when it will be sent.
 */
export class KeptForLater extends Error {
  constructor(readonly appliesAfter: Date) {
    super(`kept until HubSpot's daily limit resets at ${appliesAfter.toISOString()}`);
    this.name = 'KeptForLater';
  }
}

/** The reset as a real-time instant (the park counts in real milliseconds, like HubSpot's own limit). */
export const keptForLater = (parkedMs: number): KeptForLater => new KeptForLater(new Date(Date.now() + parkedMs));

/** The 202 body the card shows ("saved — sent to HubSpot after …"). */
export const keptForLaterAnswer = (kept: KeptForLater): KeptForLaterVM => ({
  code: 'saved_until_hubspot_reset', appliesAfter: kept.appliesAfter.toISOString(),
  message: 'Saved. HubSpot\'s daily API limit for this account is used up; the change is sent to HubSpot after it resets.',
});
