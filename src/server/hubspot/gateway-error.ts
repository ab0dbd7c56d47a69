import type { Verdict } from './retry-policy';

/**
 * What the gateway throws after its own retries gave up: the verdict travels with it so the job layer can
 * pick the BullMQ backoff (retry), park the portal, or dead-letter (permanent). Never carries a token.
 */
export class GatewayError extends Error {
  /**
   * `detail`: HubSpot's own message, truncated — for dead letters and the settings page, never for logs (it can
   * echo property values).
   */
  constructor(readonly operation: string, readonly verdict: Verdict, readonly status: number | undefined, readonly detail?: string) {
    super(`HubSpot ${operation} failed: ${verdict.reason}`);
    this.name = 'GatewayError';
  }
}

export const isGatewayError = (err: unknown): err is GatewayError => err instanceof GatewayError;
