import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMonth, type Month } from './support/month';

/**
 * HubSpot refuses a whole batch update (400) when one input is bad. Here a HubSpot admin removed the option
 * "current" from the risk-segment property, so the rollup of the one company with nothing overdue cannot be
 * written. The batch is split: the others reach HubSpot, the refused company is reported with HubSpot's reason
 * (settings page list, dead letter) and is written once the option is back.
 */
let m: Month;
beforeAll(async () => { m = await startMonth({ firstDay: '2027-03-01' }); }, 60_000);
afterAll(async () => { await m?.close(); });

async function riskSegmentOptions(keep: (value: string) => boolean, add: string[] = []): Promise<void> {
  const current = await m.hs.crm.properties.coreApi.getByName('companies', 'rd_risk_segment');
  const options = current.options.filter((o) => keep(o.value)).map((o) => ({ label: o.label, value: o.value, displayOrder: o.displayOrder, hidden: o.hidden }));
  await m.hs.crm.properties.coreApi.update('companies', 'rd_risk_segment', {
    options: [...options, ...add.map((value, i) => ({ label: value, value, displayOrder: 100 + i, hidden: false }))],
  });
}

describe('a rollup HubSpot refuses', () => {
  it('when HubSpot refuses one company of a batch, then the others are written, it is reported with the reason, and it is written after the fix', async () => {
    const ids = await m.createCompanies([
      { name: 'Overdue One BV', domain: 'refused1.example' }, { name: 'Overdue Two BV', domain: 'refused2.example' },
      { name: 'Punctual BV', domain: 'refused3.example' },
    ]);
    await riskSegmentOptions((v) => v !== 'current');
    await m.ingestJson('/invoices', {
      invoices: ids.map((id, i) => ({
        externalId: `REFUSED-${i}`, number: `REFUSED-${i}`, kind: 'invoice', customer: { hubspotCompanyId: id }, currency: 'EUR',
        amountMinor: 10_000 * (i + 1), issueDate: '2027-01-04', dueDate: i === 2 ? '2027-04-30' : '2027-02-03',
      })),
    });
    const [one, two, punctual] = ids as [string, string, string];
    expect(await m.rollup(one)).toMatchObject({ open: 100, overdue: 100 });
    expect(await m.rollup(two)).toMatchObject({ open: 200, overdue: 200 });
    expect((await m.rollup(punctual)).open).toBeNaN();
    expect(await m.embedded.backend.hubspot.poisoned.list(m.portalId)).toEqual([
      expect.objectContaining({ companyId: punctual, stage: 'write', reason: expect.stringMatching(/rejected 400.*current/) }),
    ]);
    const letters = (await m.embedded.backend.hubspot.deadLetters.list(m.portalId)).filter((l) => l.ref === punctual);
    expect(letters.map((l) => l.kind)).toEqual(['write-company']);
    expect((await m.embedded.backend.queues.refresh.getJobCounts('failed')).failed).toBe(0);

    // The admin puts the option back; the next pass writes the company and no longer reports it.
    await riskSegmentOptions(() => true, ['current']);
    await m.day(1);
    expect(await m.rollup(punctual)).toMatchObject({ open: 300, overdue: 0 });
    expect(await m.embedded.backend.hubspot.poisoned.list(m.portalId)).toEqual([]);
  });
});
