import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dutchCsv, mentions, startMonth, type Month } from './support/month';

/**
 * The daily pass passes over a company nothing of which changed since its last planning, and plans again
 * every company something did change for: its ledger, the day, the owner in HubSpot (month-hubspot.test.ts), the policy (settings.test.ts).
 * Driven from the outside: the real composition, the ingest API, HubSpot through the api-client. The second pass of a morning is what a restarted worker or the continuous loop does.
 */
const taskWrites = async (m: Month): Promise<number> => {
  const counts = await m.requestCounts();
  return Object.entries(counts).filter(([route]) => /tasks/.test(route) && !/^GET/.test(route))
    .reduce((n, [, byStatus]) => n + Object.values(byStatus).reduce((a, b) => a + b, 0), 0);
};
const schedulingOf = async (m: Month) => {
  const results = await m.embedded.time.runDailyPass({ timeoutMs: 60_000 });
  await m.settle();
  return results.map((r) => r.scheduling).find((s) => s !== undefined)!;
};

describe('planning again only what changed', () => {
  let m: Month;
  const companies: string[] = [];
  beforeAll(async () => {
    m = await startMonth({ firstDay: '2027-03-01' });
    await m.day(1);
    for (let i = 0; i < 3; i++) {
      companies.push(await m.createCompany({ name: `Replan ${i} BV`, domain: `replan${i}.example` }));
    }
    await m.csv(dutchCsv(companies.map((_, i) => ({
      number: `R-${i}`, name: `Replan ${i} BV`, domain: `replan${i}.example`, issued: '2027-01-04', due: '2027-02-01', amount: '1.000,00',
    }))));
    await m.settle();
  }, 120_000);
  afterAll(async () => m?.close());

  it('when the pass runs again the same morning with nothing changed, then it passes every company over and writes nothing to HubSpot', async () => {
    await schedulingOf(m);
    for (const c of companies) expect(await m.openTasks(c)).toHaveLength(1);
    const writes = await taskWrites(m);
    const again = await schedulingOf(m);
    expect(again.unchanged).toBe(again.companies);
    expect(again.planned).toBe(0);
    expect(await taskWrites(m)).toBe(writes);
  });

  it('when one customer pays part the same day, then only that company is planned again and its task shows what is still owed', async () => {
    await m.payment('R-1', 40_000, m.date(1));
    const [task] = await m.openTasks(companies[1]!);
    expect(mentions(`${task!.subject} ${task!.body}`, 60_000)).toBe(true);
    const again = await schedulingOf(m);
    expect(again.unchanged).toBe(again.companies);
    for (const i of [0, 2]) {
      const [other] = await m.openTasks(companies[i]!);
      expect(mentions(`${other!.subject} ${other!.body}`, 100_000)).toBe(true);
    }
  });

  it('when a new overdue invoice is booked the same day for a company with an open reminder, then that reminder takes it up: the invoice, the new total and count', async () => {
    const [before] = await m.openTasks(companies[2]!);
    expect(`${before!.subject} ${before!.body}`).not.toContain('R-2b');
    await m.invoices({ domain: 'replan2.example' }, [{ id: 'R-2b', amount: 50_000, issued: '2027-01-11', due: '2027-02-10' }]);
    expect((await m.rollup(companies[2]!)).overdue).toBe(1_500);
    const open = await m.openTasks(companies[2]!);
    expect(open).toHaveLength(1); // still one contact that day: the same task, rewritten
    expect(open[0]!.id).toBe(before!.id);
    const text = `${open[0]!.subject} ${open[0]!.body}`;
    expect(text).toContain('R-2b');
    expect(text).toContain('R-2');
    expect(mentions(open[0]!.subject, 150_000)).toBe(true);
    expect(mentions(open[0]!.subject, 100_000)).toBe(false);
  });

  it('when the next morning comes, then every company is planned for the new day, and passed over on a second pass', async () => {
    m.embedded.time.set(`${m.date(2)}T07:00:00.000Z`);
    const morning = await schedulingOf(m);
    expect(morning.unchanged).toBe(0);
    const again = await schedulingOf(m);
    expect(again.unchanged).toBe(again.companies);
  });
});
