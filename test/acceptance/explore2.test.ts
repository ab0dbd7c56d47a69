import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMonth, type Month } from './support/month';

let m: Month;
beforeAll(async () => { m = await startMonth({ firstDay: '2027-03-01' }); }, 60_000);
afterAll(async () => { await m?.close(); });

const show = async (label: string, id: string) => {
  const tasks = await m.tasks(id);
  console.log(label, m.date(m.currentDay()), JSON.stringify(await m.rollup(id)), '\n   ', tasks.map((x) => `${x.step}/${x.type}/${x.status}/${x.dueAt.slice(0, 10)}/${/EUR [0-9.,]+/.exec(x.subject)?.[0]}/o${x.ownerId}/${x.actionKey}`).join(' | '));
};

it('explore', async () => {
  await m.day(1);
  const ontime = await m.createCompany({ name: 'OnTime BV', domain: 'ontime.example' });
  const late = await m.createCompany({ name: 'Late BV', domain: 'late.example' });
  const part = await m.createCompany({ name: 'Part BV', domain: 'part.example' });
  const credit = await m.createCompany({ name: 'Credit BV', domain: 'credit.example' });
  const kept = await m.createCompany({ name: 'Kept BV', domain: 'kept.example' });
  const broken = await m.createCompany({ name: 'Broken BV', domain: 'broken.example' });
  const disp = await m.createCompany({ name: 'Disp BV', domain: 'disp.example' });
  await m.invoices({ domain: 'ontime.example' }, [{ id: 'OT-1', amount: 121_000, issued: m.date(1), due: '2027-03-15' }]);
  await m.invoices({ domain: 'late.example' }, [{ id: 'LA-1', amount: 121_000, issued: m.date(1), due: '2027-03-08' }]);
  await m.invoices({ domain: 'part.example' }, [{ id: 'PA-1', amount: 200_000, issued: '2027-02-01', due: '2027-02-22' }]);
  await m.invoices({ domain: 'credit.example' }, [{ id: 'CR-1', amount: 100_000, issued: '2027-02-01', due: '2027-02-22' }]);
  await m.invoices({ domain: 'kept.example' }, [{ id: 'KE-1', amount: 80_000, issued: '2027-02-01', due: '2027-02-22' }]);
  await m.invoices({ domain: 'broken.example' }, [{ id: 'BR-1', amount: 90_000, issued: '2027-02-01', due: '2027-02-22' }]);
  await m.invoices({ domain: 'disp.example' }, [
    { id: 'DI-1', amount: 10_000, issued: '2027-02-01', due: '2027-02-22' },
    { id: 'DI-2', amount: 20_000, issued: '2027-02-01', due: '2027-02-22' },
    { id: 'DI-3', amount: 30_000, issued: '2027-02-01', due: '2027-02-22' }]);
  const all = [['OT', ontime], ['LA', late], ['PA', part], ['CR', credit], ['KE', kept], ['BR', broken], ['DI', disp]] as const;
  for (const [n, id] of all) await show(`d1 ${n}`, id);
  for (let day = 2; day <= 40; day++) {
    await m.day(day);
    if (day === 2) {
      await m.payment('PA-1', 80_000, m.date(day));
      await m.invoices({ domain: 'credit.example' }, [{ id: 'CR-C1', kind: 'credit_note', amount: 40_000, issued: m.date(day), due: m.date(day) }]);
      console.log('kept', JSON.stringify((await m.logOutcome(kept, { result: 'reached', promise: { date: m.date(6), amount: { minor: 80_000, currency: 'EUR' } } })).body).slice(0, 300));
      console.log('broken', JSON.stringify((await m.logOutcome(broken, { result: 'reached', promise: { date: m.date(6), amount: { minor: 90_000, currency: 'EUR' } } })).body).slice(0, 300));
      console.log('disp', JSON.stringify((await m.logOutcome(disp, { result: 'reached', dispute: { invoiceExternalId: 'DI-2', reason: 'wrong_amount' } })).body).slice(0, 300));
    }
    if (day === 5) await m.payment('KE-1', 80_000, m.date(day));
    if (day === 11) await m.payment('OT-1', 121_000, m.date(day));
    if ([2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 20, 25, 30, 35, 40].includes(day)) for (const [n, id] of all) await show(`d${day} ${n}`, id);
  }
  const r = await m.receivables(disp);
  console.log(JSON.stringify(r).slice(0, 1500));
  expect(true).toBe(true);
}, 300_000);
