import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceFor } from '../server/hubspot/harness';
import { startMonth, type Month } from './support/month';

/**
 * One company's ledger holds a record no pass can process — here an invoice due on 30 February, the kind of
 * record a release before the strict boundaries let in. The rest of the portal must go on: its rollups and
 * tasks reach HubSpot, the bad company is set aside with its reason (for the settings page and the dead
 * letters), and once the record is corrected through the ingest API the company is processed again.
 */
let m: Month;
beforeAll(async () => { m = await startMonth({ firstDay: '2027-03-01' }); }, 60_000);
afterAll(async () => { await m?.close(); });

describe('a poisoned company', () => {
  it('when one company of the portal cannot be processed, then the others are synced and planned, it is reported, and it is processed again after a fix', async () => {
    const [bad, good] = await m.createCompanies([{ name: 'Poison BV', domain: 'poison.example' }, { name: 'Healthy BV', domain: 'healthy.example' }]);
    await m.invoices({ hubspotCompanyId: bad! }, [{ id: 'POISON-1', amount: 10_000, issued: '2027-01-04', due: '2027-02-03' }]);
    // The record as an older release stored it: straight into the backend's ledger, past today's boundaries.
    await m.embedded.backend.ledger.upsertInvoices(m.portalId, [{ ...invoiceFor(bad!, 2, '2027-02-30', 20_000), externalId: 'POISON-2', sourceVersion: '0' }]);
    await m.settle();
    expect(await m.embedded.backend.hubspot.poisoned.list(m.portalId)).toEqual(expect.arrayContaining([
      expect.objectContaining({ companyId: bad, stage: 'scheduling', reason: expect.stringContaining('not a calendar date: 2027-02-30') }),
      expect.objectContaining({ companyId: bad, stage: 'sync' }),
    ]));

    // Its card says what is wrong instead of failing.
    const card = await m.signedFetch('GET', `/api/cards/receivables?portalId=${m.portalId}&companyId=${bad}`);
    expect([card.status, ((await card.json()) as { code: string }).code]).toEqual([422, 'ledger_unprocessable']);

    // The rest of the portal goes on: a new invoice of another company reaches HubSpot as usual.
    await m.invoices({ hubspotCompanyId: good! }, [{ id: 'HEALTHY-1', amount: 121_000, issued: '2027-01-04', due: '2027-02-03' }]);
    expect(await m.rollup(good!)).toMatchObject({ open: 1210, overdue: 1210 });
    expect((await m.openTasks(good!)).length).toBeGreaterThan(0);
    expect((await m.embedded.backend.queues.refresh.getJobCounts('failed')).failed).toBe(0);
    const letters = await m.embedded.backend.hubspot.deadLetters.list(m.portalId);
    expect(letters.filter((l) => l.ref === bad).map((l) => l.kind).sort()).toEqual(['scheduling-company', 'sync-company']);

    // The accounting system sends the invoice again, correctly: the company is processed and no longer reported.
    await m.invoices({ hubspotCompanyId: bad! }, [{ id: 'POISON-2', amount: 20_000, issued: '2027-01-04', due: '2027-02-28' }]);
    expect(await m.embedded.backend.hubspot.poisoned.list(m.portalId)).toEqual([]);
    expect(await m.rollup(bad!)).toMatchObject({ open: 300, overdue: 300 });
    expect((await m.receivables(bad!)).companyId).toBe(bad);
    // Reported once, not once per run.
    expect((await m.embedded.backend.hubspot.deadLetters.list(m.portalId)).filter((l) => l.ref === bad)).toHaveLength(2);
  });
});
