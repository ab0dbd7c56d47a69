import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentions, startMonth, type Month } from './support/month';

/**
 * HubSpot refuses a whole batch update (400) when one input is bad — here one task of three (the sandbox refuses
 * every batch that carries it). Task rewrites and completions are split like the rollups: the other tasks are
 * rewritten and completed, the refused one is reported with its company (dead letter) and done after the fix.
 */
let m: Month;
beforeAll(async () => { m = await startMonth({ firstDay: '2027-03-01' }); }, 60_000);
afterAll(async () => { await m?.close(); });

const letters = async (kind: string) => (await m.embedded.backend.hubspot.deadLetters.list(m.portalId)).filter((l) => l.kind === kind);

describe('a task HubSpot refuses', () => {
  it('when HubSpot refuses one task of a batch, then the other tasks are rewritten and completed, it is reported, and it is done after the fix', async () => {
    const ids = await m.createCompanies([1, 2, 3].map((n) => ({ name: `Taakweigering ${n} BV`, domain: `refused-task${n}.example` })));
    await m.ingestJson('/invoices', {
      invoices: ids.map((id, i) => ({
        externalId: `RT-${i}`, number: `RT-${i}`, kind: 'invoice', customer: { hubspotCompanyId: id }, currency: 'EUR',
        amountMinor: 100_000 * (i + 1), issueDate: '2027-01-04', dueDate: '2027-02-03',
      })),
    });
    const open = await Promise.all(ids.map((id) => m.openTasks(id)));
    open.forEach((tasks) => expect(tasks).toHaveLength(1));
    const [refused, ...others] = open.map((tasks) => tasks[0]!);
    await m.fault({ pathPattern: '^/crm/v3/objects/tasks/batch/update$', kind: 'status', status: 400, inputId: refused!.id, count: 10_000 });

    // Half of each invoice is paid: every task's text should now name what is still open.
    await m.payments(ids.map((_, i) => ({ invoiceId: `RT-${i}`, amountMinor: 50_000 * (i + 1), date: m.date(1) })));
    const rewritten = await Promise.all(ids.map(async (id) => (await m.openTasks(id))[0]!));
    expect(mentions(rewritten[0]!.subject, 50_000)).toBe(false);
    expect(mentions(rewritten[1]!.subject, 100_000)).toBe(true);
    expect(mentions(rewritten[2]!.subject, 150_000)).toBe(true);
    expect((await letters('update-task')).map((l) => [l.ref, l.companyId])).toContainEqual([refused!.id, ids[0]]);

    // Then everything is paid: the tasks are no longer needed.
    await m.payments(ids.map((_, i) => ({ invoiceId: `RT-${i}`, amountMinor: 50_000 * (i + 1), date: m.date(1), id: `rest-${i}` })));
    expect((await m.openTasks(ids[0]!)).map((t) => t.id)).toEqual([refused!.id]);
    for (const [n, t] of others.entries()) expect((await m.tasks(ids[n + 1]!)).find((x) => x.id === t.id)?.status).toBe('COMPLETED');
    expect((await letters('complete-task')).map((l) => [l.ref, l.companyId])).toContainEqual([refused!.id, ids[0]]);
    expect((await m.embedded.backend.queues.scheduling.getJobCounts('failed')).failed).toBe(0);

    // The cause is fixed (the fault cleared): the next pass completes it too.
    await fetch(`${m.embedded.hubspot.sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
    await m.day(2);
    expect(await m.openTasks(ids[0]!)).toEqual([]);
  }, 90_000);
});
