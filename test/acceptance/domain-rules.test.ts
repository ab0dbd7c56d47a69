import { expect } from 'vitest';
import { dateInZone } from '../../src/domain/dates';
import { mentions, type HubSpotTask } from './support/month';
import { monthInTheLife } from './support/story';

/** The invoice lines of one heading of a task body ("Overdue:" / "Vervallen:" …) up to the next blank or heading. */
function section(task: HubSpotTask, headings: readonly string[]): string[] | undefined {
  const lines = task.body.split('\n');
  const at = lines.findIndex((l) => headings.includes(l));
  if (at < 0) return undefined;
  const rest = lines.slice(at + 1);
  const end = rest.findIndex((l) => !l.startsWith('- '));
  return (end < 0 ? rest : rest.slice(0, end)).map((l) => l.slice(2).split(':')[0]!);
}
const OVERDUE = ['Overdue:', 'Vervallen:'];
const DUE_SOON = ['Due soon:', 'Binnenkort te betalen:'];

/**
 * The rules the domain owns, as a credit controller meets them in HubSpot and on the cards: credit notes are
 * never late and net what is overdue; a task's invoices are grouped as the one-contact planner grouped them,
 * as of the day of the contact.
 */
monthInTheLife('The domain owns the rules', { firstDay: '2027-03-01', days: 6 }, (scenario) => {
  scenario('An old credit note is not overdue, and it nets the overdue total', (s) => {
    let c = '';
    s.on(1, 'Fietsenmaker Bos owes F-9101 (€1,000, ten days late) and has credit note C-9101 (€300) whose own due date passed in January', async (m) => {
      c = await m.createCompany({ name: 'Fietsenmaker Bos', domain: 'fietsenmaker-bos.example' });
      await m.invoices({ domain: 'fietsenmaker-bos.example' }, [
        { id: 'F-9101', amount: 100_000, issued: '2027-01-20', due: '2027-02-19' },
        { id: 'C-9101', kind: 'credit_note', amount: 30_000, issued: '2027-01-05', due: '2027-01-19' },
      ]);
    });
    s.then(1, 'HubSpot shows €700 open and €700 overdue (the credit nets the late invoice)', async (m) => {
      expect(await m.rollup(c)).toMatchObject({ open: 700, overdue: 700, oldestOverdueDays: 10 });
    });
    s.then(1, 'the Receivables card: €700 overdue, the credit note is not tagged overdue, and the late ranges hold only the invoice', async (m) => {
      const vm = await m.receivables(c);
      expect(vm.totals.overdue).toEqual([{ minor: 70_000, currency: 'EUR' }]);
      const credit = vm.invoices.items.find((r) => r.number === 'C-9101')!;
      expect(credit.tags).not.toContain('overdue');
      expect(credit.daysOverdue).toBe(0);
      const late = vm.aging[0]!.buckets.filter((b) => b.id !== 'current').reduce((sum, b) => sum + b.amount.minor, 0);
      expect(late).toBe(100_000);
    });
    s.then(1, 'the Payment status card says €700 overdue', async (m) => {
      expect((await m.paymentStatus(c)).overdue).toEqual([{ minor: 70_000, currency: 'EUR' }]);
    });
    s.then(1, 'the reminder task names the credit note the customer may set off, and the balance of €700', async (m) => {
      const [task] = await m.openTasks(c);
      expect(task!.body).toContain('C-9101');
      expect(mentions(task!.body, 30_000)).toBe(true);
      expect(mentions(task!.body, 70_000)).toBe(true);
    });
  });

  scenario('A credit note larger than what is late: nothing is overdue', (s) => {
    let c = '';
    s.on(1, 'Bloemist Roos owes F-9201 (€200, ten days late) and has an old credit note C-9201 of €500', async (m) => {
      c = await m.createCompany({ name: 'Bloemist Roos', domain: 'bloemist-roos.example' });
      await m.invoices({ domain: 'bloemist-roos.example' }, [
        { id: 'F-9201', amount: 20_000, issued: '2027-01-20', due: '2027-02-19' },
        { id: 'C-9201', kind: 'credit_note', amount: 50_000, issued: '2027-01-05', due: '2027-01-19' },
      ]);
    });
    s.then(1, 'HubSpot shows nothing overdue, and neither card does', async (m) => {
      expect((await m.rollup(c)).overdue).toBe(0);
      expect((await m.receivables(c)).totals.overdue).toEqual([]);
      expect((await m.paymentStatus(c)).overdue).toEqual([]);
    });
  });

  scenario('Friday evening: the task for Monday groups an invoice due on Sunday as overdue, as the planner does', (s) => {
    let c = '';
    s.on(5, 'at 19:00 on Friday 5 March, Garage Smits is sent F-9301 (due Sunday 7 March) and still owes F-9300 (due 19 February)', async (m) => {
      m.at(19);
      c = await m.createCompany({ name: 'Garage Smits', domain: 'garage-smits.example' });
      await m.invoices({ domain: 'garage-smits.example' }, [
        { id: 'F-9300', amount: 40_000, issued: '2027-01-20', due: '2027-02-19' },
        { id: 'F-9301', amount: 15_000, issued: '2027-02-05', due: '2027-03-07' },
      ]);
    });
    s.then(5, 'one task, due Monday 8 March, for €550: both invoices under "overdue", oldest first, nothing under "due soon"', async (m) => {
      const tasks = await m.openTasks(c);
      expect(tasks).toHaveLength(1);
      const [task] = tasks;
      expect(dateInZone(task!.dueAt, 'Europe/Amsterdam')).toBe('2027-03-08');
      expect(mentions(task!.subject, 55_000)).toBe(true);
      expect(section(task!, OVERDUE)).toEqual(['F-9300', 'F-9301']);
      expect(section(task!, DUE_SOON)).toBeUndefined();
    });
  });

  scenario('A promise kept: its check is completed in HubSpot by itself, with a note saying so', (s) => {
    let c = '';
    let checkId = '';
    s.on(1, 'Drogisterij Maas owes F-9401 (€640, a week late); on the phone they promise to pay it by Friday 5 March', async (m) => {
      c = await m.createCompany({ name: 'Drogisterij Maas', domain: 'drogisterij-maas.example' });
      await m.invoices({ domain: 'drogisterij-maas.example' }, [{ id: 'F-9401', amount: 64_000, issued: '2027-01-22', due: '2027-02-22' }]);
      const res = await m.logOutcome(c, { result: 'reached', promise: { date: m.date(5), amount: { minor: 64_000, currency: 'EUR' } } });
      expect(res.status).toBe(201);
      checkId = (res.body.followUp as { taskId: string }).taskId;
    });
    s.then(1, 'the promise check is open in HubSpot', async (m) => {
      expect((await m.openTasks(c)).map((t) => [t.id, t.step])).toEqual([[checkId, 'check_promise']]);
    });
    s.on(2, 'half of it comes in', async (m) => m.payment('F-9401', 32_000, m.date(2)));
    s.then(2, 'not kept yet: the check stays open and nothing is noted', async (m) => {
      expect((await m.openTasks(c)).map((t) => t.id)).toEqual([checkId]);
      expect((await m.noteBodies(c)).filter((b) => /Promise kept|Toezegging nagekomen/.test(b))).toEqual([]);
    });
    s.on(3, 'the rest comes in, two days before the promised date', async (m) => m.payment('F-9401', 32_000, m.date(3)));
    s.then(3, 'the check is completed in HubSpot and the timeline says the promise was kept in full, and when', async (m) => {
      const check = (await m.tasks(c)).find((t) => t.id === checkId)!;
      expect(check.status).toBe('COMPLETED');
      const kept = (await m.noteBodies(c)).filter((b) => /Promise kept|Toezegging nagekomen/.test(b));
      expect(kept).toHaveLength(1);
      expect(mentions(kept[0]!, 64_000)).toBe(true);
      expect(kept[0]).toMatch(/3 (Mar|mrt) 2027/);
    });
    s.throughout(4, 6, 'and it stays that way: no second note, nothing reopened', async (m) => {
      expect((await m.noteBodies(c)).filter((b) => /Promise kept|Toezegging nagekomen/.test(b))).toHaveLength(1);
      expect(await m.openTasks(c)).toEqual([]);
    });
  });

  scenario('A promise not kept in full: the check stays for the credit controller', (s) => {
    let c = '';
    s.on(1, 'Slagerij Peters owes F-9501 (€500, a week late) and promises it by Wednesday 3 March; only €200 comes in', async (m) => {
      c = await m.createCompany({ name: 'Slagerij Peters', domain: 'slagerij-peters.example' });
      await m.invoices({ domain: 'slagerij-peters.example' }, [{ id: 'F-9501', amount: 50_000, issued: '2027-01-22', due: '2027-02-22' }]);
      expect((await m.logOutcome(c, { result: 'reached', promise: { date: m.date(3), amount: { minor: 50_000, currency: 'EUR' } } })).status).toBe(201);
      await m.payment('F-9501', 20_000, m.date(1));
    });
    s.throughout(1, 6, 'the promise check is never closed by the app', async (m) => {
      expect((await m.openTasks(c)).map((t) => t.step)).toContain('check_promise');
      expect((await m.noteBodies(c)).filter((b) => /Promise kept|Toezegging nagekomen/.test(b))).toEqual([]);
    });
  });
});
