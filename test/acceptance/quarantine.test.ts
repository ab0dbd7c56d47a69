import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreferencesVM } from '../../src/contracts/actions';
import { keysMatching } from '../../src/server/infra/redis-scan';
import { dailySchedulerId } from '../../src/server/jobs/queues';
import { uninstallApp } from '../../src/sandbox/oauth';
import { testRedis } from '../support/redis';
import { startMonth, type Month } from './support/month';

/**
 * A token refresh answered with invalid_grant (the user uninstalled the app in HubSpot, or revoked its access by
 * mistake) sets the portal aside instead of deleting it: promises, disputes, preferences and call history exist
 * nowhere else. Driven from the outside: OAuth installs through /oauth, the uninstall in HubSpot's account
 * (the sandbox), data through the ingest API and the signed cards.
 */
let m: Month;
let redis: Redis;
beforeAll(async () => { m = await startMonth({ firstDay: '2027-03-01' }); redis = testRedis(); }, 60_000);
afterAll(async () => { await m?.close(); });

const EUR = (minor: number) => ({ minor, currency: 'EUR' });

/** The marketplace install flow for the demo account: the backend then holds OAuth tokens that must be refreshed. */
async function installThroughOAuth(): Promise<number> {
  const start = await fetch(`${m.embedded.publicBaseUrl}/oauth/install`, { redirect: 'manual' });
  const authorize = new URL(start.headers.get('location')!);
  authorize.searchParams.set('portalId', m.portalId);
  const approved = await fetch(authorize, { redirect: 'manual' });
  return (await fetch(approved.headers.get('location')!, { redirect: 'manual' })).status;
}

const portalKeys = () => keysMatching(redis, `${m.prefix}:p:${m.portalId}:*`);
const quarantined = async () => (await m.embedded.backend.operate.quarantine.get(m.portalId)) !== undefined;
const schedulers = async () => (await m.embedded.backend.queues.scheduling.getJobSchedulers()).map((s) => s.key);
const requestsSoFar = async () => Object.values(await m.requestCounts()).reduce((n, byStatus) => n + Object.values(byStatus).reduce((a, b) => a + b, 0), 0);
const preferences = async (c: string) => (await (await m.signedFetch('GET', `/api/cards/preferences?portalId=${m.portalId}&companyId=${c}`)).json()) as PreferencesVM;

/** The accounting system sends an invoice (without waiting for a sync: a quarantined portal never settles). */
const sendInvoice = async (id: string, amountMinor: number) => (await m.postIngest('/invoices', JSON.stringify({ invoices: [{
  externalId: id, number: id, kind: 'invoice', customer: { domain: 'quarantine-bv.example' }, currency: 'EUR', amountMinor, issueDate: m.date(1), dueDate: m.date(20),
}] }))).status;

/** The user removes the app in HubSpot; the next thing the backend sends HubSpot finds out (401, then invalid_grant). */
async function uninstallInHubSpot(invoiceId: string): Promise<void> {
  expect(uninstallApp(m.embedded.hubspot.sandbox.state, Number(m.portalId), m.embedded.hubspot.clientId)).toBeGreaterThan(0);
  expect(await sendInvoice(invoiceId, 5_000)).toBe(200);
  // The quarantine writes its record first and removes the portal's registry entry last: wait for the whole of it.
  await m.waitFor(async () => (await quarantined()) && (await m.embedded.backend.hubspot.portals.get(m.portalId)) === undefined, 20_000);
}

describe('a refresh answered with invalid_grant', () => {
  let c = '';
  let cardBefore: Awaited<ReturnType<Month['receivables']>>;
  let prefsBefore: PreferencesVM;

  it('when the app loses access, then the portal stops syncing and planning, and its promises, disputes, preferences and history are kept', async () => {
    expect(await installThroughOAuth()).toBe(200);
    c = await m.createCompany({ name: 'Quarantine BV', domain: 'quarantine-bv.example' });
    await m.invoices({ domain: 'quarantine-bv.example' }, [
      { id: 'Q-1', amount: 100_000, issued: '2027-01-04', due: '2027-02-01' },
      { id: 'Q-2', amount: 40_000, issued: '2027-01-11', due: '2027-02-08' },
    ]);
    expect((await m.logOutcome(c, { result: 'reached', promise: { date: m.date(5), amount: EUR(100_000), invoiceExternalIds: ['Q-1'] } })).status).toBe(201);
    expect((await m.logOutcome(c, { result: 'reached', dispute: { invoiceExternalId: 'Q-2', reason: 'wrong_amount' } })).status).toBe(201);
    expect(await m.savePreferences(c, { channels: ['email', 'phone'], callWindows: [], language: 'en', customerType: 'business', pauses: [] })).toBe(200);
    cardBefore = await m.receivables(c);
    prefsBefore = await preferences(c);
    expect(cardBefore.promises).toHaveLength(1);
    expect(cardBefore.disputes).toHaveLength(1);
    expect(prefsBefore.responses.some((r) => r.attempts > 0)).toBe(true);

    await uninstallInHubSpot('Q-3');

    expect(await m.embedded.backend.hubspot.portals.get(m.portalId)).toBeUndefined();
    expect(await schedulers()).not.toContain(dailySchedulerId(m.portalId));
    // Nothing more reaches HubSpot for it, whatever arrives meanwhile (the accounting system keeps sending).
    const requests = await requestsSoFar();
    expect(await sendInvoice('Q-4', 7_000)).toBe(200);
    await new Promise((r) => setTimeout(r, 2500)); // more than two sweeps of the month harness
    expect(await requestsSoFar()).toBe(requests);
    expect((await portalKeys()).length).toBeGreaterThan(5);
  }, 60_000);

  it('when the app is installed again within the retention period, then everything is back and the portal syncs again', async () => {
    m.embedded.time.advance({ days: 29 });
    expect(await installThroughOAuth()).toBe(200);
    await m.settle();

    expect(await quarantined()).toBe(false);
    expect(await schedulers()).toContain(dailySchedulerId(m.portalId));
    const card = await m.receivables(c);
    expect(card.promises.map((p) => p.id)).toEqual(cardBefore.promises.map((p) => p.id));
    expect(card.disputes.map((d) => d.invoiceNumber)).toEqual(cardBefore.disputes.map((d) => d.invoiceNumber));
    const prefs = await preferences(c);
    expect(prefs.preferences).toEqual(prefsBefore.preferences);
    expect(prefs.responses).toEqual(prefsBefore.responses);
    // What arrived while it was set aside reaches HubSpot now: Q-1..Q-4 open.
    expect((await m.rollup(c)).open).toBe((100_000 + 40_000 + 5_000 + 7_000) / 100);
  }, 60_000);

  it('when the retention period passes without a reinstall, then the portal and all its data are deleted', async () => {
    await uninstallInHubSpot('Q-5');
    m.embedded.time.advance({ days: 29 });
    await new Promise((r) => setTimeout(r, 2500));
    expect((await portalKeys()).length).toBeGreaterThan(5);

    m.embedded.time.advance({ days: 2 });
    await m.waitFor(async () => (await portalKeys()).length === 0, 20_000);
    expect(await quarantined()).toBe(false);
    expect(await m.embedded.backend.hubspot.portals.get(m.portalId)).toBeUndefined();
  }, 60_000);
});
