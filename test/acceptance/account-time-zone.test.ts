import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalSettingsVM } from '../../src/contracts/settings';
import { dateInZone, isoWeekday } from '../../src/domain/dates';
import { dailySchedulerId } from '../../src/server/jobs/queues';
import { startMonth, type Month } from './support/month';

/**
 * A portal whose HubSpot account runs in New York: the app takes the time zone and currency from HubSpot's
 * account-info API (at install and before every daily pass), so its reminder tasks fall inside the policy's
 * windows in New York, the daily run is at 07:00 New York time, and a zone changed in HubSpot is followed.
 */
const NY = 'America/New_York';
let m: Month;
beforeAll(async () => { m = await startMonth({ firstDay: '2027-03-01', account: { timeZone: NY, currency: 'USD' } }); }, 60_000);
afterAll(async () => { await m?.close(); });

const localTime = (instant: string, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: 'numeric', minute: 'numeric' }).formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return get('hour') + get('minute') / 60;
};

describe('the portal time zone from HubSpot account-info', () => {
  it('when the account is in New York, then its calendar, daily run and reminder tasks are in New York time', async () => {
    const portal = await m.embedded.backend.hubspot.portals.require(m.portalId);
    expect(portal).toMatchObject({ timeZone: NY, currency: 'USD' });
    expect(m.calendar.timeZone).toBe(NY);
    expect((await m.embedded.backend.queues.scheduling.getJobScheduler(dailySchedulerId(m.portalId)))?.tz).toBe(NY);

    const company = await m.createCompany({ name: 'Hudson Supplies Inc', domain: 'hudson.example' });
    await m.invoices({ domain: 'hudson.example' }, [{ id: 'NY-1', amount: 250_000, issued: '2027-01-04', due: '2027-02-03' }]);
    const tasks = await m.openTasks(company);
    expect(tasks.length).toBeGreaterThan(0);
    const { policy } = (await (await m.signedFetch('GET', `/api/settings?portalId=${m.portalId}`)).json()) as PortalSettingsVM;
    for (const task of tasks) {
      const day = isoWeekday(dateInZone(task.dueAt, NY));
      const hour = localTime(task.dueAt, NY);
      const windows = task.type === 'CALL' ? policy.callWindows.filter((w) => w.weekday === day) : [policy.workingHours];
      expect(windows.some((w) => hour >= w.fromHour && hour < w.toHour), `${task.step} due ${task.dueAt} = ${hour}h in New York`).toBe(true);
    }
    // It is 08:00 in New York (14:00 in Amsterdam): planned in Amsterdam time, the first task would be due at once,
    // before any New York window opens — here it waits for the window, today.
    expect(tasks.map((t) => dateInZone(t.dueAt, NY))).toContain('2027-03-01');
    expect(Math.min(...tasks.map((t) => localTime(t.dueAt, NY)))).toBeGreaterThan(8);
  });

  it('when the account moves to another zone in HubSpot, then the next daily pass follows it', async () => {
    const res = await fetch(`${m.embedded.hubspot.sandbox.url}/_sandbox/portals/${m.portalId}/settings`, {
      method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ timeZone: 'US/Pacific', currency: 'CAD' }),
    });
    expect(res.status).toBe(200);
    await m.day(2);
    // HubSpot's legacy alias becomes the canonical zone name.
    expect(await m.embedded.backend.hubspot.portals.require(m.portalId)).toMatchObject({ timeZone: 'America/Los_Angeles', currency: 'CAD' });
    expect((await m.embedded.backend.calendarFor(m.portalId)).timeZone).toBe('America/Los_Angeles');
    expect((await m.embedded.backend.queues.scheduling.getJobScheduler(dailySchedulerId(m.portalId)))?.tz).toBe('America/Los_Angeles');
  });
});
