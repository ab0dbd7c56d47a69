import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMonth, type Month } from './support/month';

/**
 * HubSpot did the write but its answer never reached the backend (the sandbox closes the connection after
 * handling the request, as a dropping proxy would). Whatever the backend created — reminder tasks, a logged
 * call and its follow-up task, a note from the debtor page — exists exactly once, and rollups hold the right values.
 */
let m: Month;
beforeAll(async () => { m = await startMonth({ firstDay: '2027-03-01' }); }, 60_000);
afterAll(async () => { await m?.close(); });

const EUR = (minor: number) => ({ minor, currency: 'EUR' });
const duplicates = (keys: readonly (string | undefined)[]) => keys.length - new Set(keys).size;

/** Every fault injected so far has fired (really lost an answer), none is left waiting. */
async function faultsLeft(): Promise<number> {
  return ((await (await fetch(`${m.embedded.hubspot.sandbox.url}/_sandbox/faults`)).json()) as { results: unknown[] }).results.length;
}

describe('lost answers', () => {
  it('when the answer to a batch of reminder tasks and to a rollup write is lost, then every task exists once and every rollup is right', async () => {
    const ids = await m.createCompanies(Array.from({ length: 6 }, (_, i) => ({ name: `Lost Answer ${i} BV`, domain: `lost${i}.example` })));
    // HubSpot applies the rollups and creates the tasks, but both answers are lost.
    await m.fault({ pathPattern: 'companies/batch/update$', method: 'POST', kind: 'lose_answer', count: 1 });
    await m.fault({ pathPattern: 'tasks/batch/create$', method: 'POST', kind: 'lose_answer', count: 1 });
    await m.ingestJson('/invoices', {
      invoices: ids.map((id, i) => ({
        externalId: `LOST-${i}`, number: `LOST-${i}`, kind: 'invoice', customer: { hubspotCompanyId: id }, currency: 'EUR',
        amountMinor: 10_000 * (i + 1), issueDate: '2027-01-04', dueDate: '2027-02-03',
      })),
    });
    expect(await faultsLeft()).toBe(0);
    for (const [i, id] of ids.entries()) expect(await m.rollup(id)).toMatchObject({ open: 100 * (i + 1), overdue: 100 * (i + 1) });
    const tasks = (await Promise.all(ids.map((id) => m.tasks(id)))).flat();
    for (const id of ids) expect((await m.openTasks(id)).length, id).toBeGreaterThan(0);
    expect(duplicates(tasks.map((t) => t.actionKey))).toBe(0);
    expect(await m.embedded.backend.hubspot.deadLetters.list(m.portalId)).toEqual([]);
  });

  it('when the answers to a logged call and to its follow-up task are lost, then the card gets its answer and HubSpot has one call and one task', async () => {
    const company = await m.createCompany({ name: 'Lost Call BV', domain: 'lostcall.example' });
    await m.invoices({ hubspotCompanyId: company }, [{ id: 'LOSTCALL-1', amount: 80_000, issued: '2027-01-04', due: '2027-02-03' }]);
    await m.fault({ pathPattern: '/crm/v3/objects/calls$', method: 'POST', kind: 'lose_answer', count: 1 });
    await m.fault({ pathPattern: 'tasks/batch/create$', method: 'POST', kind: 'lose_answer', count: 1 });
    const res = await m.logOutcome(company, { result: 'reached', promise: { date: m.date(6), amount: EUR(80_000) } });
    expect(res.status).toBe(201);
    expect(await faultsLeft()).toBe(0);
    expect(await m.engagements(company, 'calls')).toEqual([res.body.callId]);
    const followUps = (await m.tasks(company)).filter((t) => t.step === 'check_promise');
    expect(followUps.map((t) => t.id)).toEqual([(res.body.followUp as { taskId: string }).taskId]);
  });

  it('when even the look-up after a lost answer fails, then the card says so, and its retry finds the call HubSpot refused to create twice', async () => {
    const company = await m.createCompany({ name: 'Lost Twice BV', domain: 'losttwice.example' });
    await m.invoices({ hubspotCompanyId: company }, [{ id: 'LOSTTWICE-1', amount: 50_000, issued: '2027-01-04', due: '2027-02-03' }]);
    await m.fault({ pathPattern: '/crm/v3/objects/calls$', method: 'POST', kind: 'lose_answer', count: 1 });
    await m.fault({ pathPattern: '/crm/v3/objects/calls/batch/read$', kind: 'status', status: 503, count: 5 });
    const outcome = { outcomeId: 'lost-twice-1', result: 'not_reached' };
    const first = await m.logOutcome(company, outcome);
    expect(first.status).toBeGreaterThanOrEqual(500);
    expect(first.body).toHaveProperty('code');
    const again = await m.logOutcome(company, outcome);
    expect(again.status).toBe(201);
    expect(await faultsLeft()).toBe(0);
    expect(await m.engagements(company, 'calls')).toEqual([again.body.callId]);
    expect((await m.tasks(company)).filter((t) => t.step === 'call_again')).toHaveLength(1);
  });

  it('when the answer to a debtor-page note is lost, then the customer sees the outcome and HubSpot has one note', async () => {
    const company = await m.createCompany({ name: 'Lost Note BV', domain: 'lostnote.example' });
    await m.invoices({ hubspotCompanyId: company }, [{ id: 'LOSTNOTE-1', amount: 45_000, issued: '2027-02-18', due: '2027-03-20' }]);
    const url = (await m.paymentStatus(company)).debtorPageUrl!;
    await m.fault({ pathPattern: '/crm/v3/objects/notes$', method: 'POST', kind: 'lose_answer', count: 1 });
    const res = await fetch(`${url}/arrange?lang=en`, {
      method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ kind: 'deferral', submission: 'lost-note-submission-1', invoice: 'LOSTNOTE-1', until: '2027-03-30' }).toString(),
    });
    expect([res.status, res.headers.get('location')]).toEqual([303, `${new URL(url).pathname}?lang=en&done=deferral_approved`]);
    await m.settle();
    expect(await faultsLeft()).toBe(0);
    expect(await m.engagements(company, 'notes')).toHaveLength(1);
  });
});
