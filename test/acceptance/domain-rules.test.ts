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
});
