import { expect } from 'vitest';
import { dutchCsv, mentions, type Month } from './support/month';
import { monthInTheLife } from './support/story';

/**
 * Eight weeks of one portal, from Monday 1 March 2027, where people change things in HubSpot: a company that
 * appears after its invoices, a duplicate merged away, a new account owner, a customer who opts out, and a
 * consumer who gets the statutory 14-day letter. HubSpot tells the backend by webhooks (signed, batched and
 * retried by the local HubSpot as HubSpot does); nobody tells it anything else.
 */
const ladderTasks = async (m: Month, company: string) => (await m.openTasks(company)).filter((t) => !t.actionKey?.startsWith('fu-'));

monthInTheLife('A month of changes in HubSpot', { firstDay: '2027-03-01', days: 40 }, (scenario) => {
  scenario('A company created in HubSpot after its invoices arrived is matched by itself', (s) => {
    let c = '';
    s.on(1, 'the export brings two invoices for Nieuw Bedrijf, which nobody has put in HubSpot yet', async (m) => {
      const report = await m.csv(dutchCsv([
        { number: 'F-9001', name: 'Nieuw Bedrijf BV', domain: 'nieuwbedrijf.example', issued: '2027-02-01', due: '2027-02-15', amount: '400,00' },
        { number: 'F-9002', name: 'Nieuw Bedrijf BV', domain: 'nieuwbedrijf.example', issued: '2027-02-10', due: '2027-03-10', amount: '600,00' },
      ]));
      expect(report).toMatchObject({ received: 2, created: 0, unmatched: 2, rejected: 0 });
    });
    s.throughout(1, 2, 'both wait in the unmatched list; nothing is lost', async (m) => {
      const waiting = (await m.unmatched()).items.map((i) => i.externalId);
      expect(waiting).toEqual(expect.arrayContaining(['F-9001', 'F-9002']));
    });
    s.on(3, 'a sales rep creates the company in HubSpot, with its website domain', async (m) => {
      c = await m.createCompany({ name: 'Nieuw Bedrijf BV', domain: 'nieuwbedrijf.example' });
    });
    s.then(3, 'both invoices are filed under it by themselves; HubSpot shows its €1,000 and the overdue one is being chased', async (m) => {
      expect((await m.unmatched()).items.map((i) => i.externalId)).not.toContain('F-9001');
      expect((await m.unmatched()).items.map((i) => i.externalId)).not.toContain('F-9002');
      expect(await m.rollup(c)).toMatchObject({ open: 1000, overdue: 400 });
      expect((await ladderTasks(m, c)).some((t) => t.body.includes('F-9001'))).toBe(true);
    });
  });

  scenario('Two companies merged in HubSpot: one customer, one ladder', (s) => {
    let keep = '';
    let dupe = '';
    s.on(1, 'Fusie Techniek is in HubSpot twice, and each record has an invoice a week overdue (€500 and €700)', async (m) => {
      keep = await m.createCompany({ name: 'Fusie Techniek BV', domain: 'fusie-techniek.example' });
      dupe = await m.createCompany({ name: 'Fusie Techniek B.V.', domain: 'fusietechniek-oud.example' });
      await m.invoices({ hubspotCompanyId: keep }, [{ id: 'F-1101', amount: 50_000, issued: '2027-02-01', due: '2027-02-22' }]);
      await m.invoices({ hubspotCompanyId: dupe }, [{ id: 'F-1102', amount: 70_000, issued: '2027-02-01', due: '2027-02-22' }]);
    });
    s.then(1, 'each record has its own call task', async (m) => {
      expect((await ladderTasks(m, keep)).length).toBe(1);
      expect((await ladderTasks(m, dupe)).length).toBe(1);
    });
    s.on(3, 'someone merges the duplicate into Fusie Techniek BV', async (m) => m.mergeCompanies(keep, dupe));
    s.then(3, 'HubSpot shows €1,200 on the surviving company; its card lists both invoices; the duplicate has none', async (m) => {
      expect(await m.rollup(keep)).toMatchObject({ open: 1200, overdue: 1200 });
      expect((await m.receivables(keep)).invoices.items.map((i) => i.number).sort()).toEqual(['F-1101', 'F-1102']);
      expect((await m.signedFetch('GET', `/api/cards/receivables?portalId=${m.portalId}&companyId=${dupe}`)).status).toBe(404);
    });
    s.then(6, 'two weeks late: one formal reminder, for the whole €1,200, on the surviving company', async (m) => {
      const formal = (await ladderTasks(m, keep)).filter((t) => t.step === 'formal_reminder');
      expect(formal).toHaveLength(1);
      expect(mentions(formal[0]!.subject, 120_000)).toBe(true);
    });
    s.on(8, 'the customer pays both invoices', async (m) => {
      await m.payment('F-1101', 50_000, m.date(8));
      await m.payment('F-1102', 70_000, m.date(8));
    });
    s.throughout(8, 40, 'nothing is owed and no task is open, the moved ones included', async (m) => {
      expect(await m.rollup(keep)).toMatchObject({ open: 0, overdue: 0 });
      expect(await ladderTasks(m, keep)).toEqual([]);
    });
  });

  scenario('The account owner changes: the escalation follows the new owner', (s) => {
    let c = '';
    let first = '';
    let second = '';
    s.on(1, 'Groothandel Peters (account owner: a sales rep) has invoice F-1201 of €5,000, due today', async (m) => {
      const reps = (await m.owners()).filter((o) => o !== m.creditControllerOwnerId);
      first = reps[0]!;
      second = reps[1]!;
      c = await m.createCompany({ name: 'Groothandel Peters BV', domain: 'groothandel-peters.example', hubspot_owner_id: first });
      await m.invoices({ domain: 'groothandel-peters.example' }, [{ id: 'F-1201', amount: 500_000, issued: '2027-02-15', due: m.date(1) }]);
    });
    s.then(3, 'the late-payment call goes to the credit controller', async (m) => {
      expect((await ladderTasks(m, c)).find((t) => t.step === 'late_payment_call')?.ownerId).toBe(m.creditControllerOwnerId);
    });
    s.then(34, 'six and a half weeks late: the escalation goes to the account owner', async (m) => {
      expect((await ladderTasks(m, c)).find((t) => t.step === 'escalation')?.ownerId).toBe(first);
    });
    s.on(35, 'the account moves to another sales rep in HubSpot', async (m) => m.updateCompany(c, { hubspot_owner_id: second }));
    s.then(35, 'the open escalation is now the new owner\'s; the credit controller keeps hers', async (m) => {
      const tasks = await ladderTasks(m, c);
      expect(tasks.find((t) => t.step === 'escalation')?.ownerId).toBe(second);
      expect(tasks.filter((t) => t.step !== 'escalation').every((t) => t.ownerId === m.creditControllerOwnerId)).toBe(true);
    });
  });

  scenario('A customer opts out: every reminder stops', (s) => {
    let c = '';
    s.on(1, 'Stichting Vrijwilligers owes invoice F-1301 of €700, two weeks overdue', async (m) => {
      c = await m.createCompany({ name: 'Stichting Vrijwilligers', domain: 'stichting-vrijwilligers.example' });
      await m.invoices({ domain: 'stichting-vrijwilligers.example' }, [{ id: 'F-1301', amount: 70_000, issued: '2027-02-01', due: '2027-02-15' }]);
    });
    s.then(1, 'the formal reminder is due', async (m) => expect((await ladderTasks(m, c)).map((t) => t.step)).toEqual(['formal_reminder']));
    s.on(3, 'their lawyer asks that reminders stop; the Contact preferences card records the opt-out', async (m) => {
      expect(await m.savePreferences(c, { channels: ['email'], callWindows: [], language: 'nl', customerType: 'business', optOut: { reason: 'legal' }, pauses: [] })).toBe(200);
    });
    s.throughout(3, 40, 'HubSpot shows the opt-out and the €700, and no reminder task is open', async (m) => {
      expect(await m.rollup(c)).toMatchObject({ optOut: 'true', open: 700, stage: 'paused' });
      expect(await ladderTasks(m, c)).toEqual([]);
    });
  });

  scenario('A consumer reaches the 14-day letter, and nothing follows before its pay-by date', (s) => {
    let c = '';
    let payBy = '';
    let letterTasks = 0;
    s.on(1, 'J. de Groot, a consumer, owes invoice F-1401 of €250, two weeks overdue', async (m) => {
      c = await m.createCompany({ name: 'J. de Groot', domain: 'jdegroot.example' });
      await m.invoices({ domain: 'jdegroot.example' }, [{ id: 'F-1401', amount: 25_000, issued: '2027-02-01', due: '2027-02-15' }]);
      expect(await m.savePreferences(c, { channels: ['email', 'phone'], callWindows: [], language: 'nl', customerType: 'consumer', pauses: [] })).toBe(200);
    });
    s.throughout(1, 10, 'no costs may be charged and no letter is due yet', async (m) => {
      expect((await ladderTasks(m, c)).map((t) => t.step)).not.toContain('fourteen_day_letter');
      expect((await m.tasks(c)).map((t) => t.step)).not.toContain('escalation');
    });
    s.then(11, 'four weeks late: the statutory 14-day letter, with the exact collection costs (€40 on €250)', async (m) => {
      const letter = (await ladderTasks(m, c)).find((t) => t.step === 'fourteen_day_letter');
      expect(letter).toBeDefined();
      expect(mentions(letter!.body, 4000)).toBe(true);
      const script = await m.callScript(c);
      expect(script.fourteenDayLetter?.costsIfUnpaid).toEqual({ minor: 4000, currency: 'EUR' });
    });
    s.on(11, 'the credit controller sends the letter and marks the task done', async (m) => {
      const letter = (await ladderTasks(m, c)).find((t) => t.step === 'fourteen_day_letter')!;
      await m.completeTask(letter.id);
      payBy = (await m.callScript(c)).fourteenDayLetter?.payBy ?? '';
      expect(payBy > m.date(11)).toBe(true);
      letterTasks = (await m.tasks(c)).length;
    });
    s.throughout(12, 40, 'until the pay-by date has passed, nothing further is planned; after it, escalation may follow', async (m) => {
      const today = m.date(m.currentDay());
      if (today <= payBy) expect((await m.tasks(c)).length).toBe(letterTasks);
    });
    s.then(40, 'by now the pay-by date is long past and the claim has been escalated', async (m) => {
      const escalation = (await m.tasks(c)).find((t) => t.step === 'escalation');
      expect(escalation).toBeDefined();
      expect(escalation!.dueAt.slice(0, 10) > payBy).toBe(true);
    });
  });
});
