import { expect } from 'vitest';
import { dutchCsv, mentions, type Month } from './support/month';
import { monthInTheLife } from './support/story';

/**
 * A bad day at HubSpot in an otherwise ordinary fortnight: in the middle of Tuesday's bank run HubSpot answers
 * 429 again and again (its secondly and ten-secondly limits) and 502 now and then, and the backend's workers are
 * restarted (a deploy) while the portal's refresh is under way. Nothing may be lost and nothing doubled.
 */
const CUSTOMERS = 30;
const name = (i: number) => `Klant ${String(i).padStart(2, '0')} BV`;
const invoice = (i: number) => `S-${String(i).padStart(4, '0')}`;
const amount = (i: number) => 100_000 + i * 1_000;
/** Customers 0–14 pay in full on Tuesday, 15–24 pay €300, 25–29 pay nothing. */
const paid = (i: number) => (i < 15 ? amount(i) : i < 25 ? 30_000 : 0);

const count429 = (counts: Record<string, Record<string, number>>) => Object.values(counts).reduce((n, byStatus) => n + (byStatus['429'] ?? 0), 0);

monthInTheLife('A fortnight with a bad day at HubSpot', { firstDay: '2027-03-01', days: 10 }, (scenario) => {
  scenario('A HubSpot 429 storm and a worker restart in the middle of a day: nothing lost, nothing duplicated', (s) => {
    let ids: string[] = [];
    let before429 = 0;
    const each = async (m: Month, check: (i: number, company: string) => Promise<void>) => {
      for (const [i, company] of ids.entries()) await check(i, company);
    };
    s.on(1, `${CUSTOMERS} customers are imported into HubSpot; the export brings one invoice each, a week overdue`, async (m) => {
      ids = await m.createCompanies(Array.from({ length: CUSTOMERS }, (_, i) => ({ name: name(i), domain: `klant-${i}.example` })));
      const report = await m.csv(dutchCsv(ids.map((_, i) => ({
        number: invoice(i), name: name(i), domain: `klant-${i}.example`, issued: '2027-02-01', due: '2027-02-22', amount: (amount(i) / 100).toFixed(2).replace('.', ','),
      }))));
      expect(report).toMatchObject({ received: CUSTOMERS, created: CUSTOMERS, unmatched: 0 });
    });
    s.then(1, 'every customer has its rollup and one call task', async (m) => {
      await each(m, async (i, c) => {
        expect((await m.rollup(c)).open).toBe(amount(i) / 100);
        expect((await m.openTasks(c)).map((t) => t.step)).toEqual(['late_payment_call']);
      });
    });
    s.on(2, 'at 10:00 HubSpot starts refusing: 12 secondly 429s, a ten-secondly 429 and two 502s on the writes — then the bank file arrives', async (m) => {
      m.at(10);
      before429 = count429(await m.requestCounts());
      await m.fault({ pathPattern: '/crm/v3/objects/(companies|tasks)/batch/(update|create)$', kind: 'status', status: 429, policyName: 'SECONDLY', count: 12 });
      await m.fault({ pathPattern: '/crm/v3/objects/companies/batch/update$', kind: 'status', status: 429, policyName: 'TEN_SECONDLY_ROLLING', count: 1 });
      await m.fault({ pathPattern: '/crm/v3/objects/tasks/batch/update$', kind: 'status', status: 502, count: 2 });
      const report = await m.payments(ids.map((_, i) => ({ invoiceId: invoice(i), amountMinor: paid(i), date: m.date(2) })).filter((p) => p.amountMinor > 0), { settle: false });
      expect(report).toMatchObject({ received: 25, created: 25 });
    });
    s.on(2, 'while the portal\'s refresh is running, the workers are restarted (a deploy)', async (m) => {
      await m.waitFor(async () => (await m.embedded.backend.queues.refresh.getActiveCount()) > 0, 20_000);
      await m.restartWorkers();
      await m.settle();
    });
    s.then(2, 'HubSpot did refuse, and still every rollup is right: paid ones zero, partial ones what is left', async (m) => {
      expect(count429(await m.requestCounts()) - before429).toBeGreaterThanOrEqual(13);
      await each(m, async (i, c) => expect((await m.rollup(c)).open).toBe((amount(i) - paid(i)) / 100));
    });
    s.then(2, 'paid customers have no open task; the others have their one call, asking for what is still owed', async (m) => {
      await each(m, async (i, c) => {
        const open = await m.openTasks(c);
        if (paid(i) === amount(i)) expect(open).toEqual([]);
        else {
          expect(open).toHaveLength(1);
          expect(mentions(open[0]!.subject, amount(i) - paid(i))).toBe(true);
        }
      });
    });
    s.then(6, 'two weeks late: exactly one formal reminder for each customer who still owes, none for the others', async (m) => {
      await each(m, async (i, c) => {
        const formal = (await m.tasks(c)).filter((t) => t.step === 'formal_reminder');
        expect(formal).toHaveLength(paid(i) === amount(i) ? 0 : 1);
      });
    });
  });
});
