import type { Client } from '@hubspot/api-client';
import { z } from 'zod';
import type { AccountDetails } from './gateway';

/** The part of HubSpot's PortalInformationResponse the app uses (account-info v3; every field is required there). */
const PortalInformation = z.object({
  timeZone: z.string().min(1).refine((tz) => { try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; } }, 'unknown time zone'),
  companyCurrency: z.string().regex(/^[A-Z]{3}$/),
});

/**
 * `GET /account-info/v3/details` through the api-client's `apiRequest` (api-client 13 has no account-info API).
 * `apiRequest` resolves on any status, so a failure is rethrown in the shape the api-client's own APIs throw
 * (`code` = status, `body`), which the retry policy classifies like every other call.
 */
export async function readAccountDetails(client: Client): Promise<AccountDetails> {
  const res = await client.apiRequest({ method: 'GET', path: '/account-info/v3/details' });
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status} from account-info`), { code: res.status, body });
  const info = PortalInformation.parse(body);
  // HubSpot names legacy aliases (US/Eastern); the canonical name (America/New_York) keys calendars and schedulers.
  const timeZone = new Intl.DateTimeFormat('en', { timeZone: info.timeZone }).resolvedOptions().timeZone;
  return { timeZone, currency: info.companyCurrency };
}
