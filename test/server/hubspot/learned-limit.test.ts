import { afterEach, describe, expect, it } from 'vitest';
import { invoiceFor, startHarness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

const timeout = (ms: number) => new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), ms));

describe("the rate budget learns the portal's limit from HubSpot's answer", () => {
  it('when the portal is registered as a marketplace install (110) but HubSpot allows 100, then one 429 teaches the budget: the call lands after the window and the next window admits 100, not 110', async () => {
    // The sandbox answers as HubSpot does for the tier it runs at, X-HubSpot-RateLimit-Max included.
    h = await startHarness({ tier: 'private-starter', validate: false });
    const harness = h;
    for (let i = 0; i < 101; i++) await harness.services.gateway.listOwners(harness.portalId);
    expect(harness.calls(undefined, 429)).toBe(1);
    expect(harness.calls(/^GET \/crm\/v3\/owners/, 200)).toBe(101);

    // The retried call opened a new window: 99 more fit in it, the 100th does not (a marketplace budget would admit it).
    for (let i = 0; i < 99; i++) await harness.services.budget.acquire(harness.portalId, 'standard', 'marketplace');
    const next = harness.services.budget.acquire(harness.portalId, 'standard', 'marketplace');
    next.catch(() => undefined); // still waiting when the harness closes its Redis connection
    expect(await Promise.race([next.then(() => 'admitted' as const), timeout(500)])).toBe('waiting');
  }, 30_000);

  it('when HubSpot allows 100 and 40 calls this budget never admitted spent the window, then the rollup write\'s ordinary answer teaches both, before any 429: the window admits what is left', async () => {
    h = await startHarness({ tier: 'private-starter', validate: false, companies: 1 });
    const harness = h;
    await harness.ledger.upsertInvoices(harness.portalId, [invoiceFor(harness.companyIds[0]!, 1, '2026-11-01')]);
    const token = await harness.services.tokens.getAccessToken(harness.portalId);
    for (let i = 0; i < 40; i++) {
      const res = await fetch(`${harness.sandbox.url}/crm/v3/owners`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
    }
    // The schema calls, then one rollup write: its answer says Max 100 and Remaining 100 − 40 − the sync's calls.
    expect(await harness.services.sync.syncPortal(harness.portalId)).toMatchObject({ written: 1, writeCalls: 1 });
    const synced = harness.calls() - 40;
    expect(harness.calls(undefined, 429)).toBe(0);

    for (let i = 0; i < 100 - 40 - synced; i++) await harness.services.budget.acquire(harness.portalId, 'standard', 'marketplace');
    const next = harness.services.budget.acquire(harness.portalId, 'standard', 'marketplace');
    next.catch(() => undefined); // still waiting when the harness closes its Redis connection
    expect(await Promise.race([next.then(() => 'admitted' as const), timeout(500)])).toBe('waiting');
  }, 30_000);
});
