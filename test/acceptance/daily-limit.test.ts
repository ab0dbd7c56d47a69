import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeptForLaterVM, PreferencesVM } from '../../src/contracts/actions';
import type { SyncHealthVM } from '../../src/contracts/operations';
import { CALL_ASSOC } from '../../src/server/hubspot/engagements';
import { PREF, WRITE_KEY } from '../../src/server/hubspot/crm-schema';
import { startMonth, type Month } from './support/month';

/**
 * HubSpot's daily limit spent for the portal (429 DAILY), as the user meets it through the composition npm start
 * runs: card writes are saved and answered 202 with when they go to HubSpot, what lives only in the app (a
 * promise, the preferences) counts at once, the settings page says the portal is paused with N writes waiting,
 * /metrics counts it — and once the reset has passed, every kept write is in HubSpot exactly once, even where a
 * resume died after HubSpot wrote (its call is there already) or HubSpot's answer got lost.
 * The reset is real time, as HubSpot's is; this portal's comes a few seconds after the limit is hit.
 */
const RESET_MS = 10_000;
let m: Month;
/** Every line the backend logs, as JSON. */
const logged: string[] = [];
beforeAll(async () => {
  const log = pino({ level: 'info', base: undefined }, { write: (line: string) => { logged.push(line); } });
  m = await startMonth({ firstDay: '2027-03-01', msUntilDailyReset: () => RESET_MS, log });
}, 60_000);
afterAll(async () => { await m?.close(); });

const EUR = (minor: number) => ({ minor, currency: 'EUR' });
const outcome = (company: string, body: Record<string, unknown>) =>
  m.signedFetch('POST', `/api/cards/outcomes?portalId=${m.portalId}&companyId=${company}`, body);
const health = async (): Promise<SyncHealthVM> =>
  (await (await m.signedFetch('GET', `/api/admin/sync-health?portalId=${m.portalId}&userId=${m.embedded.hubspot.adminUserId}`)).json()) as SyncHealthVM;
const metric = async (line: RegExp): Promise<number> => {
  const text = await (await fetch(`${m.embedded.publicBaseUrl}/metrics`)).text();
  const found = text.split('\n').find((l) => line.test(l));
  return found ? Number(found.split(' ').at(-1)) : NaN;
};
/** What HubSpot holds under a write key, counted: every object the app creates carries its own. */
async function byWriteKey(company: string, type: 'calls' | 'tasks'): Promise<Map<string, number>> {
  const keys = type === 'tasks' ? (await m.tasks(company)).map((t) => t.actionKey ?? '')
    : await Promise.all((await m.engagements(company, 'calls')).map(async (id) => (await m.hs.crm.objects.calls.basicApi.getById(id, [WRITE_KEY])).properties[WRITE_KEY] ?? ''));
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

describe('the daily limit', () => {
  it('when HubSpot answers 429 DAILY, then card writes are saved and answered 202, and after the reset each is in HubSpot once', async () => {
    const company = await m.createCompany({ name: 'Daily BV', domain: 'daily.example' });
    await m.invoices({ hubspotCompanyId: company }, [{ id: 'DAILY-1', amount: 10_000, issued: '2027-01-04', due: '2027-02-03' }]);
    const before = await m.receivables(company);
    expect(before.promises).toHaveLength(0);
    const tasksBefore = (await m.tasks(company)).length;

    // HubSpot's daily limit is spent at the first call of an outcome: the portal is parked until the reset.
    await m.fault({ pathPattern: 'objects/calls', kind: 'status', status: 429, policyName: 'DAILY', count: 1 });
    const first = await outcome(company, { outcomeId: 'daily-one', result: 'not_reached' });
    expect(first.status).toBe(202);
    const kept = (await first.json()) as KeptForLaterVM;
    expect(kept.code).toBe('saved_until_hubspot_reset');
    expect(Date.parse(kept.appliesAfter)).toBeGreaterThan(Date.now());

    // Later writes meet the park without calling HubSpot; their Redis part counts at once.
    const promised = await outcome(company, { outcomeId: 'daily-two', result: 'reached', promise: { date: m.date(5), amount: EUR(10_000), invoiceExternalIds: ['DAILY-1'] } });
    expect(promised.status).toBe(202);
    const prefs = await m.signedFetch('PUT', `/api/cards/preferences?portalId=${m.portalId}&companyId=${company}`,
      { channels: ['email', 'phone'], callWindows: [], language: 'nl', customerType: 'business', pauses: [] });
    expect(prefs.status).toBe(202);
    // The card's retry of the first outcome (same id) is kept once, not twice.
    expect((await outcome(company, { outcomeId: 'daily-one', result: 'not_reached' })).status).toBe(202);
    // A newly named contact cannot be checked against HubSpot now: not saved, try again after the reset.
    const unchecked = await m.signedFetch('PUT', `/api/cards/preferences?portalId=${m.portalId}&companyId=${company}`,
      { channels: ['post'], accountsPayableContactId: '424242', callWindows: [], language: 'en', customerType: 'business', pauses: [] });
    expect(unchecked.status).toBe(503);
    expect(Number(unchecked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await unchecked.json()).toMatchObject({ code: 'hubspot_daily_limit' });
    // A refused write is still refused at once: nothing invalid is kept.
    expect((await outcome(company, { outcomeId: 'daily-three', result: 'reached', promise: { date: '2027-01-01', amount: EUR(10_000) } })).status).toBe(422);

    expect((await m.receivables(company)).promises).toHaveLength(1);
    const savedPrefs = (await (await m.signedFetch('GET', `/api/cards/preferences?portalId=${m.portalId}&companyId=${company}`)).json()) as PreferencesVM;
    expect(savedPrefs.preferences.channels).toEqual(['email', 'phone']);

    const parked = await health();
    expect(parked.dailyLimitPause.waitingWrites).toBe(3);
    expect(Date.parse(parked.dailyLimitPause.until!)).toBeGreaterThan(Date.now());
    expect(await metric(/^rd_hubspot_parked_portals /)).toBe(1);
    expect(await metric(new RegExp(`^rd_parked_writes\\{portal="${m.portalId}"\\} `))).toBe(3);

    // A resume that died after HubSpot created the first outcome's call (before noting it) left this behind.
    await m.hs.crm.objects.calls.basicApi.create({
      properties: { hs_timestamp: new Date().toISOString(), hs_call_title: 'left by a dead resume', [WRITE_KEY]: `call-${company}-daily-one` },
      associations: [{ to: { id: company }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: CALL_ASSOC.callToCompany }] }],
    } as never);
    // And the first task the backend creates after the reset is written by HubSpot but its answer never arrives.
    await m.fault({ pathPattern: '^/crm/v3/objects/tasks/batch/create$', method: 'POST', kind: 'lose_answer', count: 1 });
    expect((await m.engagements(company, 'calls'))).toHaveLength(1);

    // The reset passes: the sweep applies the kept writes and the portal is resumed.
    await m.waitFor(async () => { const h = await health(); return h.dailyLimitPause.until === null && h.dailyLimitPause.waitingWrites === 0; }, 40_000);
    await m.settle();

    // Both faults were met (the lost answer by the first task create after the reset).
    expect(JSON.parse(await (await fetch(`${m.embedded.hubspot.sandbox.url}/_sandbox/faults`)).text())).toEqual({ results: [] });
    const calls = await byWriteKey(company, 'calls');
    expect(Object.fromEntries(calls)).toEqual({ [`call-${company}-daily-one`]: 1, [`call-${company}-daily-two`]: 1 });
    const tasks = await byWriteKey(company, 'tasks');
    expect(tasks.get('fu-daily-one')).toBe(1);
    expect(tasks.get('fu-daily-two')).toBe(1);
    expect([...tasks.values()].every((n) => n === 1)).toBe(true);
    expect(tasks.size).toBeGreaterThanOrEqual(tasksBefore + 2);
    const props = (await m.hs.crm.companies.basicApi.getById(company, [PREF.channels, PREF.language])).properties;
    expect(props).toMatchObject({ [PREF.channels]: 'email;phone', [PREF.language]: 'nl' });

    // The outcome's answer is the resume's: submitting it again now records nothing new.
    const again = await outcome(company, { outcomeId: 'daily-one', result: 'not_reached' });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ outcomeId: 'daily-one', duplicate: true });
    expect(await metric(/^rd_hubspot_parked_portals /)).toBe(0);
    expect(await metric(new RegExp(`^rd_parked_writes\\{portal="${m.portalId}"\\} `))).toBe(0);
    expect((await health()).dailyLimitPause).toEqual({ until: null, waitingWrites: 0 });

    // One line when the portal was parked and one when it resumed, with ids and times only.
    const lines = logged.map((l) => JSON.parse(l) as { msg: string }).filter((l) => /^portal (parked|resumed)/.test(l.msg));
    expect(lines.map((l) => l.msg)).toEqual(['portal parked: HubSpot daily limit reached', 'portal resumed: HubSpot daily limit reset']);
    expect(lines[0]).toMatchObject({ portalId: m.portalId, until: expect.any(String) });
    expect(lines[1]).toMatchObject({ portalId: m.portalId, applied: 3 });
    expect(logged.join('\n')).not.toMatch(/Daily BV|daily\.example/);
  }, 120_000);
});
