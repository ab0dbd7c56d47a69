import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetriedVM, SyncHealthVM } from '../../src/contracts/operations';
import { invoiceFor } from '../server/hubspot/harness';
import { startMonth, type Month } from './support/month';

/**
 * The settings page's sync health as an admin meets it, through the composition npm start runs and requests
 * signed like hubspot.fetch: the last run, the daily run, the queues, today's HubSpot calls against the budget,
 * and the dead letters — a failure retried by an admin lands in HubSpot, a discarded one is gone. The sweep is
 * switched off here, so nothing but the retry can run the failed work again.
 */
let m: Month;
let admin: string;
beforeAll(async () => {
  m = await startMonth({ firstDay: '2027-03-01', sweepEveryMs: 3_600_000 });
  admin = m.embedded.hubspot.adminUserId!;
}, 60_000);
afterAll(async () => { await m?.close(); });

const health = async (userId = admin): Promise<SyncHealthVM> => {
  const res = await m.signedFetch('GET', `/api/admin/sync-health?portalId=${m.portalId}&userId=${userId}`);
  expect(res.status).toBe(200);
  return (await res.json()) as SyncHealthVM;
};
const letterPath = (id: string, userId: string, retry: boolean) => `/api/admin/dead-letters/${id}${retry ? '/retry' : ''}?portalId=${m.portalId}&userId=${userId}`;

describe('sync health on the settings page', () => {
  it('when the portal has synced, then it shows the last run, the next daily run, the queues and today\'s HubSpot calls against the budget', async () => {
    const company = await m.createCompany({ name: 'Gezond Bedrijf BV', domain: 'gezond.example' });
    await m.invoices({ domain: 'gezond.example' }, [{ id: 'GZ-1', amount: 50_000, issued: '2027-01-04', due: '2027-02-03' }]);
    expect((await m.openTasks(company)).length).toBeGreaterThan(0);
    const h = await health();
    expect(h).toMatchObject({ portalId: m.portalId, timeZone: 'Europe/Amsterdam', currency: 'EUR', canAct: true, pendingCompanies: 0, deadLetters: { total: 0, items: [] } });
    // The last run is the company's (a follow-up run after HubSpot's own webhooks may find nothing left to write).
    expect(h.lastRun).toMatchObject({ companies: 1, at: m.today().toISOString(), tasksRejected: 0 });
    expect(h.dailyRun.at).toBe('07:00');
    expect(Date.parse(h.dailyRun.next!)).toBeGreaterThan(Date.now());
    expect(h.queues.map((q) => q.name).sort()).toEqual(['refresh', 'scheduling', 'sync', 'webhooks']);
    // A marketplace app has no daily limit, only HubSpot's 110 per 10 seconds; every call so far is counted.
    expect(h.hubspotCalls).toMatchObject({ rateLimited: 0, dailyLimit: null, per10Seconds: 110 });
    expect(h.hubspotCalls.used).toBeGreaterThan(3);
    expect((await health('31337')).canAct).toBe(false);
  });

  it('when HubSpot refuses the run\'s task creation for good, then a dead letter says why; retried by an admin, the task lands in HubSpot', async () => {
    const company = await m.createCompany({ name: 'Later Betaler BV', domain: 'later.example' });
    await m.fault({ pathPattern: '^/crm/v3/objects/tasks/batch/create$', method: 'POST', kind: 'status', status: 400, count: 1 });
    await m.ingestJson('/invoices', { invoices: [{ externalId: 'LB-1', number: 'LB-1', kind: 'invoice', customer: { domain: 'later.example' }, currency: 'EUR', amountMinor: 80_000, issueDate: '2027-01-04', dueDate: '2027-02-03' }] }, { settle: false });
    let letters: SyncHealthVM['deadLetters']['items'] = [];
    await m.waitFor(async () => (letters = (await health()).deadLetters.items).length > 0, 30_000);
    expect(letters[0]).toMatchObject({ source: 'job', kind: 'refresh-portal', reason: expect.stringContaining('rejected 400') });
    // Nothing runs it again by itself: no task in HubSpot, the company waits.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await m.openTasks(company)).toEqual([]);
    expect((await health()).pendingCompanies).toBe(1);

    expect((await m.signedFetch('POST', letterPath(letters[0]!.id, '31337', true))).status).toBe(403);
    expect((await m.signedFetch('POST', letterPath('0'.repeat(24), admin, true))).status).toBe(404);
    const retried = await m.signedFetch('POST', letterPath(letters[0]!.id, admin, true));
    expect(retried.status).toBe(202);
    expect((await retried.json()) as RetriedVM).toEqual({ id: letters[0]!.id, retried: 'job' });
    await m.settle();
    expect((await m.openTasks(company)).length).toBeGreaterThan(0);
    expect(await m.rollup(company)).toMatchObject({ open: 800, overdue: 800 });
    const after = await health();
    expect(after.deadLetters.total).toBe(0);
    expect(after.queues.find((q) => q.name === 'refresh')!.failed).toBe(0);
  });

  it('when a company cannot be processed, then an admin may discard its letters, and a retry that fails again writes a new one', async () => {
    const bad = await m.createCompany({ name: 'Kapot BV', domain: 'kapot.example' });
    await m.embedded.backend.ledger.upsertInvoices(m.portalId, [{ ...invoiceFor(bad, 2, '2027-02-30', 20_000), externalId: 'KAPOT-1', sourceVersion: '0' }]);
    await m.settle();
    const letters = (await health()).deadLetters.items.filter((l) => l.companyId === bad);
    expect(letters.map((l) => l.kind).sort()).toEqual(['scheduling-company', 'sync-company']);
    const [first, second] = letters;

    expect((await m.signedFetch('DELETE', letterPath(first!.id, '31337', false))).status).toBe(403);
    expect((await m.signedFetch('DELETE', letterPath(first!.id, admin, false))).status).toBe(204);
    expect((await m.signedFetch('DELETE', letterPath(first!.id, admin, false))).status).toBe(404);

    expect((await m.signedFetch('POST', letterPath(second!.id, admin, true))).status).toBe(202);
    await m.settle();
    const now = (await health()).deadLetters.items.filter((l) => l.companyId === bad);
    expect(now).toHaveLength(1);
    expect(now[0]).toMatchObject({ kind: second!.kind, reason: expect.stringContaining('2027-02-30') });
    expect(now[0]!.id).not.toBe(second!.id);
  });

  it('when a request is not signed or names a bad letter id, then it is refused before anything happens', async () => {
    expect((await fetch(`${m.embedded.publicBaseUrl}/api/admin/sync-health?portalId=${m.portalId}`)).status).toBe(401);
    const bad = await m.signedFetch('POST', letterPath('not-an-id', admin, true));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'invalid_request' });
    expect((await m.signedFetch('GET', '/api/admin/sync-health?portalId=424242')).status).toBe(404);
  });
});
