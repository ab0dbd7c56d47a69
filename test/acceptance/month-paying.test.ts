import { expect } from 'vitest';
import { dutchCsv, mentions, type Month } from './support/month';
import { monthInTheLife } from './support/story';

/**
 * Eight weeks of one portal, from Monday 1 March 2027: invoices go out, customers pay, pay late, pay in part,
 * get credited, promise, dispute and agree to instalments. Everything reaches HubSpot by the continuous sync and
 * the 07:00 daily pass; the credit controller works in HubSpot and with the cards.
 */
const EUR = (minor: number) => ({ minor, currency: 'EUR' });
const ladderSteps = async (m: Month, company: string) => (await m.openTasks(company)).filter((t) => !t.actionKey?.startsWith('fu-'));

monthInTheLife('A month of invoices and payments', { firstDay: '2027-03-01', days: 40 }, (scenario) => {
  scenario('Invoices issued and paid on time: a receipt check, a due-date reminder, then nothing', (s) => {
    let c = '';
    s.on(1, 'Bakkerij Jansen is a customer in HubSpot; the accounting export (CSV) brings invoice F-1001 of €1,210, due in 14 days', async (m) => {
      c = await m.createCompany({ name: 'Bakkerij Jansen BV', domain: 'bakkerij-jansen.example' });
      const report = await m.csv(dutchCsv([{ number: 'F-1001', name: 'Bakkerij Jansen BV', domain: 'bakkerij-jansen.example', issued: m.date(1), due: '2027-03-15', amount: '1.210,00' }]));
      expect(report).toMatchObject({ received: 1, created: 1, unmatched: 0, rejected: 0 });
    });
    s.then(1, 'HubSpot shows €1,210 open, nothing overdue, and no task yet', async (m) => {
      expect(await m.rollup(c)).toMatchObject({ open: 1210, overdue: 0 });
      expect(await m.tasks(c)).toEqual([]);
    });
    s.then(4, 'three business days later: a call to check the invoice arrived, for the credit controller', async (m) => {
      const [task, ...more] = await m.openTasks(c);
      expect(more).toEqual([]);
      expect(task).toMatchObject({ step: 'receipt_check', type: 'CALL', ownerId: m.creditControllerOwnerId });
      expect(mentions(task!.subject, 121_000)).toBe(true);
    });
    s.on(4, 'she calls: it arrived; she marks the task done', async (m) => m.completeTask((await m.openTasks(c))[0]!.id));
    s.then(11, 'on the due date: a short reminder by e-mail', async (m) => {
      expect((await m.openTasks(c)).map((t) => [t.step, t.type])).toEqual([['due_date_reminder', 'EMAIL']]);
    });
    s.on(11, 'that afternoon the bank file says €1,210 came in', async (m) => {
      m.at(15);
      expect(await m.payment('F-1001', 121_000, m.date(11))).toMatchObject({ created: 1 });
    });
    s.then(11, 'the rollup is back to zero and the reminder task is completed by itself', async (m) => {
      expect(await m.rollup(c)).toMatchObject({ open: 0, overdue: 0 });
      expect(await m.openTasks(c)).toEqual([]);
    });
    s.throughout(12, 40, 'nothing more happens: no new task', async (m) => {
      expect((await m.tasks(c)).map((t) => t.step)).toEqual(['receipt_check', 'due_date_reminder']);
    });
  });

  scenario('A late payer climbs the ladder one step at a time, up to the account owner', (s) => {
    let c = '';
    let owner = '';
    const done: string[] = [];
    const step = (day: number, id: string, text: string, stage?: string) => {
      s.then(day, text, async (m) => {
        expect((await m.openTasks(c)).map((t) => t.step)).toEqual([id]);
        expect((await m.tasks(c)).map((t) => t.step)).toEqual([...done, id]);
        if (stage) expect((await m.rollup(c)).stage).toBe(stage);
      });
      s.on(day, 'the credit controller does it and marks it done', async (m) => {
        await m.completeTask((await m.openTasks(c))[0]!.id);
        done.push(id);
      });
    };
    s.on(1, 'Drukkerij De Vries (account owner: a sales rep) gets invoice F-2001 of €2,420, due in a week', async (m) => {
      owner = (await m.owners()).find((o) => o !== m.creditControllerOwnerId)!;
      c = await m.createCompany({ name: 'Drukkerij De Vries BV', domain: 'drukkerij-devries.example', hubspot_owner_id: owner });
      await m.invoices({ domain: 'drukkerij-devries.example' }, [{ id: 'F-2001', amount: 242_000, issued: m.date(1), due: m.date(6) }]);
    });
    step(4, 'receipt_check', 'a receipt-check call');
    step(6, 'due_date_reminder', 'on the due date, the reminder e-mail');
    s.then(7, 'the day after: overdue, but no call yet', async (m) => {
      expect(await m.rollup(c)).toMatchObject({ overdue: 2420, oldestOverdueDays: 1 });
      expect(await m.openTasks(c)).toEqual([]);
    });
    step(8, 'late_payment_call', 'two business days late: a call to ask why', 'late_payment_call');
    s.throughout(9, 15, 'between steps nothing new is planned', async (m) => expect(await m.openTasks(c)).toEqual([]));
    step(16, 'formal_reminder', 'two weeks late: the formal reminder', 'formal_reminder');
    step(25, 'final_notice', 'four weeks late: the final notice by letter (a business customer)', 'final_notice');
    s.then(38, 'six and a half weeks late: escalation, to the account owner', async (m) => {
      const [task, ...more] = await m.openTasks(c);
      expect(more).toEqual([]);
      expect(task).toMatchObject({ step: 'escalation', ownerId: owner });
      expect(await m.rollup(c)).toMatchObject({ stage: 'escalation', overdue: 2420 });
    });
  });

  scenario('A partial payment: the open task follows what is still owed', (s) => {
    let c = '';
    let callId = '';
    s.on(1, 'Installatiebedrijf Smit owes invoice F-3001 of €2,000, a week overdue', async (m) => {
      c = await m.createCompany({ name: 'Installatiebedrijf Smit BV', domain: 'smit-installatie.example' });
      await m.invoices({ domain: 'smit-installatie.example' }, [{ id: 'F-3001', amount: 200_000, issued: '2027-02-01', due: '2027-02-22' }]);
    });
    s.then(1, 'a call about the €2,000', async (m) => {
      const [task] = await ladderSteps(m, c);
      expect(task).toMatchObject({ step: 'late_payment_call' });
      expect(mentions(task!.subject, 200_000)).toBe(true);
      callId = task!.id;
    });
    s.on(2, '€800 of it comes in', async (m) => m.payment('F-3001', 80_000, m.date(2)));
    s.then(2, 'HubSpot shows €1,200 open, and the same task now asks for €1,200 (no second task)', async (m) => {
      expect(await m.rollup(c)).toMatchObject({ open: 1200, overdue: 1200 });
      const tasks = await m.tasks(c);
      expect(tasks.map((t) => t.id)).toEqual([callId]);
      expect(mentions(tasks[0]!.subject, 120_000)).toBe(true);
    });
    s.then(6, 'two weeks late: the formal reminder, for the €1,200', async (m) => {
      const formal = (await m.openTasks(c)).find((t) => t.step === 'formal_reminder');
      expect(formal && mentions(formal.subject, 120_000)).toBe(true);
    });
    s.on(7, 'the remaining €1,200 comes in', async (m) => m.payment('F-3001', 120_000, m.date(7)));
    s.then(7, 'nothing is owed and every task is completed', async (m) => {
      expect(await m.rollup(c)).toMatchObject({ open: 0, overdue: 0 });
      expect(await m.openTasks(c)).toEqual([]);
    });
    s.throughout(8, 40, 'and nothing new is planned', async (m) => expect((await m.tasks(c)).length).toBe(2));
  });

  scenario('A credit note nets an invoice: the chase stops', (s) => {
    let c = '';
    s.on(1, 'Tuincentrum Groen owes invoice F-4001 of €1,000, a week overdue', async (m) => {
      c = await m.createCompany({ name: 'Tuincentrum Groen BV', domain: 'tuincentrum-groen.example' });
      await m.invoices({ domain: 'tuincentrum-groen.example' }, [{ id: 'F-4001', amount: 100_000, issued: '2027-02-01', due: '2027-02-22' }]);
    });
    s.then(1, 'a call about the €1,000', async (m) => expect((await m.openTasks(c)).map((t) => t.step)).toEqual(['late_payment_call']));
    s.on(3, 'the goods were returned: accounting books credit note C-4001 of €1,000', async (m) => {
      expect(await m.invoices({ domain: 'tuincentrum-groen.example' }, [{ id: 'C-4001', kind: 'credit_note', amount: 100_000, issued: m.date(3), due: m.date(3) }])).toMatchObject({ created: 1 });
    });
    // A credit note is never late by its own due date, and it nets what is overdue: zero the day it is booked.
    s.then(3, 'HubSpot shows nothing owed or overdue and the call is completed by itself', async (m) => {
      expect(await m.rollup(c)).toMatchObject({ open: 0, overdue: 0 });
      expect(await m.openTasks(c)).toEqual([]);
    });
    s.throughout(4, 40, 'nothing is owed or overdue, and nothing new is planned', async (m) => {
      expect(await m.rollup(c)).toMatchObject({ open: 0, overdue: 0 });
      expect((await m.tasks(c)).length).toBe(1);
    });
  });

  scenario('A payment arrangement on track, then missed: the ladder resumes for what is left', (s) => {
    let c = '';
    s.on(1, 'Bouwbedrijf Arends owes invoice F-5001 of €3,000, two weeks overdue', async (m) => {
      c = await m.createCompany({ name: 'Bouwbedrijf Arends BV', domain: 'arends-bouw.example' });
      await m.invoices({ domain: 'arends-bouw.example' }, [{ id: 'F-5001', amount: 300_000, issued: '2027-02-01', due: '2027-02-15' }]);
    });
    s.then(1, 'the formal reminder is due', async (m) => expect((await m.openTasks(c)).map((t) => t.step)).toEqual(['formal_reminder']));
    s.on(1, 'the credit controller calls instead: three instalments of €1,000 (5, 12 and 19 March), logged on the Call script card', async (m) => {
      const res = await m.logOutcome(c, { result: 'reached', arrangement: { instalments: [5, 10, 15].map((d) => ({ dueDate: m.date(d), amount: EUR(100_000) })) } });
      expect(res.status).toBe(201);
      expect(res.body.followUp).toMatchObject({ kind: 'check_instalment' });
      expect(await m.engagements(c, 'calls')).toContain(res.body.callId);
    });
    s.then(1, 'the reminder is completed and the customer is paused', async (m) => {
      expect(await ladderSteps(m, c)).toEqual([]);
      expect((await m.rollup(c)).stage).toBe('paused');
    });
    s.on(5, 'the first €1,000 comes in on time', async (m) => m.payment('F-5001', 100_000, m.date(5), 'F-5001-i1'));
    s.throughout(5, 10, 'the arrangement is on track: €2,000 open, still paused, no reminder', async (m) => {
      expect(await m.rollup(c)).toMatchObject({ open: 2000, stage: 'paused' });
      expect(await ladderSteps(m, c)).toEqual([]);
    });
    s.then(11, 'the second instalment did not come: the pause ends and a reminder goes out for the €2,000', async (m) => {
      const tasks = await ladderSteps(m, c);
      expect(tasks).toHaveLength(1);
      expect(mentions(tasks[0]!.subject, 200_000)).toBe(true);
      expect((await m.rollup(c)).stage).not.toBe('paused');
    });
  });

  scenario('A promise to pay, kept', (s) => {
    let c = '';
    s.on(1, 'Kaashandel Visser owes invoice F-6001 of €800, a week overdue', async (m) => {
      c = await m.createCompany({ name: 'Kaashandel Visser', domain: 'kaashandel-visser.example' });
      await m.invoices({ domain: 'kaashandel-visser.example' }, [{ id: 'F-6001', amount: 80_000, issued: '2027-02-01', due: '2027-02-22' }]);
    });
    s.on(2, 'the credit controller calls: they promise to pay the €800 by Monday 8 March', async (m) => {
      const res = await m.logOutcome(c, { result: 'reached', promise: { date: m.date(6), amount: EUR(80_000) } });
      expect(res.body.followUp).toMatchObject({ kind: 'check_promise' });
      expect(await m.engagements(c, 'calls')).toContain(res.body.callId);
    });
    s.then(2, 'HubSpot shows the promise date, the call task is completed and a promise check is planned', async (m) => {
      expect(await m.rollup(c)).toMatchObject({ promiseDate: m.date(6), stage: 'paused' });
      expect((await m.openTasks(c)).map((t) => t.step)).toEqual(['check_promise']);
      expect((await m.receivables(c)).promises.map((p) => p.status)).toEqual(['open']);
    });
    s.on(5, 'the €800 comes in', async (m) => m.payment('F-6001', 80_000, m.date(5)));
    s.then(5, 'nothing is owed; the promise is kept, so no card shows it as open any more', async (m) => {
      expect(await m.rollup(c)).toMatchObject({ open: 0, overdue: 0, promiseDate: '' });
      expect((await m.receivables(c)).promises).toEqual([]);
      expect((await m.paymentStatus(c)).openPromise).toBeNull();
    });
    s.throughout(6, 40, 'no reminder follows', async (m) => expect(await ladderSteps(m, c)).toEqual([]));
  });

  scenario('A promise broken: the ladder goes on, firmer, to escalation', (s) => {
    let c = '';
    s.on(1, 'Autobedrijf Bakker owes invoice F-7001 of €900, a week overdue', async (m) => {
      c = await m.createCompany({ name: 'Autobedrijf Bakker BV', domain: 'autobedrijf-bakker.example' });
      await m.invoices({ domain: 'autobedrijf-bakker.example' }, [{ id: 'F-7001', amount: 90_000, issued: '2027-02-01', due: '2027-02-22' }]);
    });
    s.on(2, 'they promise on the phone to pay the €900 by Monday 8 March', async (m) => {
      expect((await m.logOutcome(c, { result: 'reached', promise: { date: m.date(6), amount: EUR(90_000) } })).status).toBe(201);
    });
    s.throughout(2, 6, 'until the promised date nobody chases them', async (m) => expect(await ladderSteps(m, c)).toEqual([]));
    s.then(8, 'nothing came: the promise is broken and a formal reminder goes out, urgent', async (m) => {
      expect((await m.receivables(c)).promises.map((p) => p.status)).toEqual(['broken']);
      const tasks = await ladderSteps(m, c);
      expect(tasks.map((t) => [t.step, t.priority])).toEqual([['formal_reminder', 'HIGH']]);
    });
    s.then(16, 'four weeks late: the final notice', async (m) => expect((await ladderSteps(m, c)).map((t) => t.step)).toContain('final_notice'));
    s.then(28, 'six and a half weeks late: escalation', async (m) => {
      expect((await ladderSteps(m, c)).map((t) => t.step)).toContain('escalation');
      expect((await m.rollup(c)).stage).toBe('escalation');
    });
  });

  scenario('A dispute on one of three invoices pauses only that one', (s) => {
    let c = '';
    s.on(1, 'Hotel De Zon owes F-8001 (€100), F-8002 (€200) and F-8003 (€300), a week overdue', async (m) => {
      c = await m.createCompany({ name: 'Hotel De Zon BV', domain: 'hotel-dezon.example' });
      await m.invoices({ domain: 'hotel-dezon.example' }, [
        { id: 'F-8001', amount: 10_000, issued: '2027-02-01', due: '2027-02-22' },
        { id: 'F-8002', amount: 20_000, issued: '2027-02-01', due: '2027-02-22' },
        { id: 'F-8003', amount: 30_000, issued: '2027-02-01', due: '2027-02-22' },
      ]);
    });
    s.then(1, 'one call about all three, €600', async (m) => {
      const [task] = await ladderSteps(m, c);
      expect(mentions(task!.subject, 60_000)).toBe(true);
    });
    s.on(2, 'on the phone they dispute F-8002: the amount is wrong', async (m) => {
      const res = await m.logOutcome(c, { result: 'reached', dispute: { invoiceExternalId: 'F-8002', reason: 'wrong_amount' } });
      expect(res.body.followUp).toMatchObject({ kind: 'resolve_dispute' });
    });
    s.then(2, 'the open call is now about €400 (F-8001 and F-8003); the card shows F-8002 disputed; €600 is still open', async (m) => {
      const [task] = await ladderSteps(m, c);
      expect(mentions(task!.subject, 40_000)).toBe(true);
      expect(await m.rollup(c)).toMatchObject({ open: 600 });
      const rows = (await m.receivables(c)).invoices.items;
      expect(rows.find((r) => r.number === 'F-8002')?.tags).toContain('disputed');
      expect(rows.find((r) => r.number === 'F-8001')?.tags).not.toContain('disputed');
    });
    s.then(6, 'two weeks late: the formal reminder names F-8001 and F-8003, not F-8002', async (m) => {
      const formal = (await ladderSteps(m, c)).find((t) => t.step === 'formal_reminder')!;
      expect(mentions(formal.subject, 40_000)).toBe(true);
      expect(formal.body).toContain('F-8001');
      expect(formal.body).toContain('F-8003');
      expect(formal.body).not.toContain('F-8002');
    });
    s.on(10, 'F-8001 and F-8003 are paid', async (m) => {
      await m.payment('F-8001', 10_000, m.date(10));
      await m.payment('F-8003', 30_000, m.date(10));
    });
    s.throughout(10, 40, 'only the disputed €200 is open and nobody is chasing it', async (m) => {
      expect(await m.rollup(c)).toMatchObject({ open: 200 });
      expect(await ladderSteps(m, c)).toEqual([]);
    });
  });
});
