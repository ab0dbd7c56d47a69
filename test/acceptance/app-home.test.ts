import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallListVM } from '../../src/contracts/home';
import { startMonth, type Month } from './support/month';

/**
 * The app home as a credit controller meets it, through the composition npm start runs and requests signed like
 * hubspot.fetch: today's call list ranked across the portal with names, reasons and the planned contact, "mine"
 * against "everyone", filters and paging, the day's progress after a logged call, and the portal's KPIs.
 */
let m: Month;
let me: string;
let mine: string;
let theirs: string;
let disputed: string;

const list = async (query: string): Promise<CallListVM> => {
  const res = await m.signedFetch('GET', `/api/home/call-list?portalId=${m.portalId}&${query}`);
  if (res.status !== 200) throw new Error(`call list: ${res.status} ${await res.text()}`);
  return (await res.json()) as CallListVM;
};
const ids = (vm: CallListVM) => vm.items.map((e) => e.companyId);

beforeAll(async () => {
  m = await startMonth({ firstDay: '2027-03-01' });
  me = m.embedded.hubspot.adminUserId!;
  const other = (await m.owners()).find((o) => o !== m.creditControllerOwnerId)!;
  mine = await m.createCompany({ name: 'Bakkerij De Korenbloem', domain: 'korenbloem.example', hubspot_owner_id: m.creditControllerOwnerId });
  theirs = await m.createCompany({ name: 'Fietsen Jansen', domain: 'jansen.example', hubspot_owner_id: other });
  disputed = await m.createCompany({ name: 'Drukkerij Punt', domain: 'punt.example', hubspot_owner_id: m.creditControllerOwnerId });
  await m.invoices({ domain: 'korenbloem.example' }, [{ id: 'KOR-1', amount: 1_800_000, issued: '2027-01-01', due: '2027-01-14' }]);
  await m.invoices({ domain: 'jansen.example' }, [{ id: 'JAN-1', amount: 90_000, issued: '2027-01-20', due: '2027-02-19' }]);
  // The accounting system marks the invoice disputed: the customer waits for the dispute, not for a call.
  await m.invoices({ domain: 'punt.example' }, [{ id: 'PUN-1', amount: 250_000, issued: '2027-01-10', due: '2027-02-09' }], { status: 'disputed' });
}, 120_000);
afterAll(async () => { await m?.close(); });

describe('the app home call list', () => {
  it('when the credit controller opens the app home, then everyone\'s overdue customers are ranked with names, reasons, plan and owner', async () => {
    // HubSpot appends appId to every hubspot.fetch URL.
    const vm = await list(`userId=${me}&scope=all&appId=1234567`);
    const ours = vm.items.filter((e) => [mine, theirs, disputed].includes(e.companyId));
    // €18,000 for 46 days first; the disputed customer waits below everyone who can be chased.
    expect(ours.map((e) => e.companyId)).toEqual([mine, theirs, disputed]);
    const first = ours[0]!;
    expect(first).toMatchObject({
      name: 'Bakkerij De Korenbloem', segment: 'standard', status: 'open', ownerId: m.creditControllerOwnerId,
      recordUrl: `https://app.hubspot.com/contacts/${m.portalId}/record/0-2/${mine}`,
      overdue: [{ minor: 1_800_000, currency: 'EUR' }],
    });
    // The owner's name as HubSpot's owners API gives it; the score as a priority of today's list (top = 100).
    expect(first.ownerName).toEqual(expect.stringMatching(/\S+ \S+/));
    expect(first.priority).toBeGreaterThan(ours[1]!.priority);
    expect(vm.items[0]!.priority).toBe(100);
    expect(first.reasons[0]).toMatchObject({ code: 'overdue_money_days', params: { overdueMinor: 1_800_000, oldestDaysPastDue: 46 } });
    expect(first.planned).toMatchObject({ action: expect.any(String), channel: expect.any(String), dueAt: expect.stringMatching(/^2027-03-01T/) });
    expect(ours[2]).toMatchObject({ segment: 'deprioritised', reasons: expect.arrayContaining([{ code: 'dispute_open', params: { count: 1 } }]) });
    const eur = vm.kpis.find((k) => k.currency === 'EUR')!;
    expect(eur.overdue.minor).toBeGreaterThanOrEqual(1_800_000 + 90_000 + 250_000);
    expect(eur.dso).toBeGreaterThan(eur.bestPossibleDso);
    expect(vm.trend.at(-1)).toMatchObject({ date: '2027-03-01' });
  });

  it('when the credit controller picks "mine", a segment or a page, then the server filters and pages', async () => {
    const own = await list(`userId=${me}&scope=mine&pageSize=100`);
    expect(ids(own)).toContain(mine);
    expect(ids(own)).not.toContain(theirs);
    expect(own.items.every((e) => e.ownerId === m.creditControllerOwnerId)).toBe(true);
    expect(ids(await list(`scope=all&segment=deprioritised&pageSize=100`))).toContain(disputed);
    expect(ids(await list(`scope=all&segment=deprioritised&pageSize=100`))).not.toContain(mine);
    const firstPage = await list('scope=all&pageSize=1');
    const second = await list('scope=all&pageSize=1&page=2');
    expect(firstPage.pageCount).toBe(firstPage.total);
    expect(ids(second)).not.toEqual(ids(firstPage));
    expect(ids(await list('scope=all&sort=name&pageSize=100'))).toEqual([...ids(await list('scope=all&sort=name&pageSize=100'))]);
  });

  it('when a call is logged for the first customer, then it counts as done in today\'s progress', async () => {
    const before = await list(`userId=${me}&scope=mine`);
    const res = await m.logOutcome(mine, { result: 'reached', notes: 'Betaalt vrijdag' });
    expect(res.status).toBeLessThan(300);
    const after = await list(`userId=${me}&scope=mine`);
    expect(after.progress.done).toBe(before.progress.done + 1);
    expect(after.items.find((e) => e.companyId === mine)?.status).toBe('done');
  });

  it('when the query is wrong or unsigned, then the answer is a 4xx with a reason', async () => {
    const bad = await m.signedFetch('GET', `/api/home/call-list?portalId=${m.portalId}&scope=everybody`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'invalid_request' });
    const noUser = await m.signedFetch('GET', `/api/home/call-list?portalId=${m.portalId}&scope=mine`);
    expect(noUser.status).toBe(400);
    expect(await noUser.json()).toMatchObject({ code: 'user_required' });
    const unsigned = await fetch(`${m.embedded.publicBaseUrl}/api/home/call-list?portalId=${m.portalId}`);
    expect(unsigned.status).toBe(401);
  });
});
