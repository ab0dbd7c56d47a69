import { Client } from '@hubspot/api-client';
import type { PortalRegistry } from '../portals/portal-registry';
import type { TokenStore } from '../portals/token-store';
import type { UsageCounters } from '../operations/usage';
import type { BudgetKind, RateBudget } from '../rate/rate-budget';
import { GatewayError } from './gateway-error';
import { errorHeaders, rateLimitOf, type HeaderLookup } from './rate-limit-headers';
import { classify, httpStatusOf, hubspotMessage } from './retry-policy';

export interface CallerDeps {
  readonly portals: PortalRegistry;
  readonly tokens: TokenStore;
  readonly budget: RateBudget;
  /** Attempts per call inside the gateway before the job layer takes over (BullMQ attempts/backoff). */
  readonly maxAttempts?: number;
  readonly log?: { warn(obj: object, msg: string): void };
  /** Counts every call and 429 per portal (metrics, today's budget on the settings page). */
  readonly usage?: Pick<UsageCounters, 'hubspotCall' | 'add'>;
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * How long until HubSpot's daily limit resets for a portal in this zone (default: its next midnight). Real time,
   * like the rest of the rate budget; only tests shorten it, so that they can see the reset pass.
   */
  readonly msUntilDailyReset?: (timeZone: string) => number;
}

/**
 * For a write that must not happen twice (a create): after an attempt whose answer may have been lost once
 * HubSpot wrote, `recover` looks up what that attempt wrote before `fn` runs again. It resolves the call's
 * result when everything was written, or undefined to let `fn` write what is still missing.
 */
export interface WriteOnce<T> { readonly recover: () => Promise<T | undefined> }

/**
 * What a call hands the answer's headers to, when it can see them: in api-client 13 the generated APIs hide them on
 * success (HubSpot/hubspot-api-nodejs#686; calls made through `apiRequest` see them), their errors carry them.
 */
export type AnswerHeaders = (header: HeaderLookup) => void;

export type CallPortal = <T>(portalId: string, operation: string, kind: BudgetKind, fn: (client: Client, answered: AnswerHeaders) => Promise<T>, once?: WriteOnce<T>) => Promise<T>;

/**
 * Runs one HubSpot call for a portal: books the shared rate budget first, then calls through a per-portal
 * Client, retrying what the retry policy calls transient. The SDK's own retries are off and every Client is
 * built with identical settings: its retry decorators are a process-wide singleton (reference §4.10).
 */
export function createPortalCaller(deps: CallerDeps): { call: CallPortal; callCount: () => number } {
  const maxAttempts = deps.maxAttempts ?? 5;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const clients = new Map<string, { token: string; basePath: string; client: Client }>();
  let calls = 0;

  const clientFor = (portalId: string, token: string, basePath: string): Client => {
    const cached = clients.get(portalId);
    if (cached && cached.token === token && cached.basePath === basePath) return cached.client;
    const client = new Client({ accessToken: token, basePath, numberOfApiCallRetries: 0 });
    clients.set(portalId, { token, basePath, client });
    return client;
  };

  const call: CallPortal = async (portalId, operation, kind, fn, once) => {
    const portal = await deps.portals.require(portalId);
    let unsure = false;
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      if (once && unsure) {
        const written = await once.recover();
        if (written !== undefined) return written;
        unsure = false;
      }
      // The token first: once admitted, a call goes out at once, so HubSpot counts it about when the budget did.
      const token = await deps.tokens.getAccessToken(portalId);
      const admittedAt = await deps.budget.acquire(portalId, kind, portal.tier);
      const client = clientFor(portalId, token, portal.basePath);
      // Counting must never fail the call it counts; nor must learning from the headers.
      const count = (rateLimited: boolean) => deps.usage?.hubspotCall(portalId, portal.timeZone, rateLimited).catch(() => undefined);
      const observe = async (header: HeaderLookup) => {
        const answer = kind === 'standard' ? rateLimitOf(header) : undefined;
        if (answer) await deps.budget.observe(portalId, answer, admittedAt).catch(() => undefined);
      };
      try {
        calls++;
        let headers: HeaderLookup | undefined;
        const result = await fn(client, (h) => { headers = h; });
        await deps.budget.answered(portalId, kind, admittedAt).catch(() => undefined);
        if (headers) await observe(headers);
        await count(false);
        return result;
      } catch (err) {
        await deps.budget.answered(portalId, kind, admittedAt).catch(() => undefined);
        const status = httpStatusOf(err);
        await count(status === 429);
        // The headers say the portal's true limit (a 429: the tier was configured too high) and what else spends it.
        await observe(errorHeaders(err));
        // A 401 before the token's time (access revoked, the app uninstalled): one refresh tells which. A refused
        // refresh quarantines the portal and ends the call (hubspot/oauth-install.ts); a new token is tried once.
        if (status === 401 && !renewed && await deps.tokens.expire(portalId, token)) { renewed = true; continue; }
        const verdict = classify(err, attempt, { timeZone: portal.timeZone, ...(deps.msUntilDailyReset ? { msUntilDailyReset: deps.msUntilDailyReset } : {}) });
        // Only the verdict and status are logged: HubSpot error bodies can echo property values.
        deps.log?.warn({ portalId, operation, status, attempt, verdict: verdict.kind, reason: verdict.reason }, 'hubspot call failed');
        if (verdict.kind === 'retry' && verdict.blockPortal) await deps.budget.block(portalId, kind, verdict.delayMs);
        if (verdict.kind === 'park') {
          const parked = await deps.budget.park(portalId, verdict.delayMs);
          // One line per park (the call that parked it), none for the calls that meet the park afterwards.
          if (parked.newly) deps.log?.warn({ portalId, until: new Date(parked.untilMs).toISOString() }, 'portal parked: HubSpot daily limit reached');
        }
        if (verdict.kind !== 'retry' || attempt >= maxAttempts) throw new GatewayError(operation, verdict, status, hubspotMessage(err));
        unsure = verdict.unsure === true;
        // After a blocking 429 the budget itself makes everyone wait; sleeping too would waste the window.
        if (!verdict.blockPortal) await sleep(verdict.delayMs);
      }
    }
  };
  return { call, callCount: () => calls };
}
