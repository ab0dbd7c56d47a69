import { Client } from '@hubspot/api-client';
import { startMonth, type Month } from '../../acceptance/support/month';

/**
 * startMonth with the backend's HubSpot clients as production runs them. The api-client keeps its retry
 * decorators in a process-wide singleton that the most recently built Client sets, and attaches them to an API
 * object when it is first used (reference §4.10): the month's own client (3 attempts) would make the backend's
 * later API objects retry 5xx and 429 by themselves, unseen by its write-once protocol, and soak up the very
 * faults a scenario injects. A client built without retries after it puts the backend's own behaviour back.
 */
export async function startChaosMonth(opts: Parameters<typeof startMonth>[0]): Promise<Month> {
  const m = await startMonth(opts);
  void new Client({ numberOfApiCallRetries: 0 });
  return m;
}
