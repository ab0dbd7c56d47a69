import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { money } from '../../../src/domain/money';
import { invoiceFor, startHarness, type Harness } from '../hubspot/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ companies: 3 });
  const [a, b, c] = h.companyIds as [string, string, string];
  await h.ledger.upsertInvoices(h.portalId, [
    invoiceFor(a, 1, '2026-10-01', 123_456), invoiceFor(a, 2, '2026-12-20', 30_000, 'USD'),
    invoiceFor(b, 1, '2026-12-31', 50_000),
    invoiceFor(c, 1, '2026-11-10', 99_900),
  ]);
});
afterAll(async () => h.close());

const company = (id: string) => h.hub.getObject('companies', id)!.properties;

describe('CRM sync against the sandbox', () => {
  it('when syncing the first time, then the schema is created and every company gets its rollup', async () => {
    const result = await h.services.sync.syncPortal(h.portalId);
    expect(result).toMatchObject({ considered: 3, changed: 3, written: 3, writeCalls: 1 });
    expect(result.propertiesCreated).toBeGreaterThan(15);
    const a = company(h.companyIds[0]!);
    expect(a.rd_open_balance).toBe('1234.56');
    expect(a.rd_balance_currency).toBe('EUR');
    expect(a.rd_open_balance_summary).toBe('EUR 1.234,56 · USD 300,00');
    expect(a.rd_overdue_balance).toBe('1234.56');
    expect(a.rd_oldest_overdue_days).toBe('53');
    expect(a.rd_risk_segment).toBeTruthy();
    expect(company(h.companyIds[1]!).rd_overdue_balance).toBe('0');
    expect(company(h.companyIds[1]!).rd_oldest_overdue_days).toBe('0');
  });

  it('when the schema is ensured again, then nothing is created', async () => {
    const creates = h.calls(/properties.*(batch\/create|groups)$/);
    const res = await h.services.gateway.ensureSchema(h.portalId, { dunningStages: ['formal_reminder'] });
    expect(res).toEqual({ groupsCreated: [], propertiesCreated: [], propertiesUpdated: [] });
    expect(h.calls(/properties.*(batch\/create|groups)$/)).toBe(creates + 4); // the four group reads only
    expect(h.calls(/POST .*properties\/(companies|tasks|calls|notes)\/batch\/create/)).toBe(4); // companies, tasks, calls and notes, once each, ever
  });

  it('when nothing changed, then a second sync writes nothing', async () => {
    const before = h.calls(/batch\/update/);
    const result = await h.services.sync.syncPortal(h.portalId);
    expect(result).toMatchObject({ changed: 0, written: 0, writeCalls: 0 });
    expect(h.calls(/batch\/update/)).toBe(before);
  });

  it('when one invoice is paid, then only that company is written', async () => {
    const c = h.companyIds[2]!;
    const paid = { ...invoiceFor(c, 1, '2026-11-10', 99_900), open: money(0, 'EUR'), status: 'paid' as const, paidDate: '2026-11-20', sourceVersion: '2' };
    await h.ledger.upsertInvoices(h.portalId, [paid]);
    const result = await h.services.sync.syncPortal(h.portalId);
    expect(result).toMatchObject({ changed: 1, written: 1, writeCalls: 1 });
    expect(company(c).rd_open_balance).toBe('0');
    // An empty string clears a HubSpot property.
    expect(company(c).rd_open_balance_summary ?? '').toBe('');
  });
});
