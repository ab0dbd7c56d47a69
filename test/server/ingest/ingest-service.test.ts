import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRedisLedgerStore, type RedisLedgerStore } from '../../../src/server/ledger/redis-ledger-store';
import { createIngestService, type IngestService } from '../../../src/server/ingest/ingest-service';
import { buildCompanyIndex, type CompanyIndex } from '../../../src/server/matching/company-index';
import { deletePrefix, testRedis, uniquePrefix } from '../../support/redis';

const redis = testRedis();
let prefix: string;
let ledger: RedisLedgerStore;
let index: CompanyIndex;
let ingest: IngestService;

const jansen = { id: '101', name: 'Bakkerij Jansen B.V.', domain: 'jansen.nl', vatNumber: 'NL111111111B01', customerNumber: 'D-1' };
const invoice = (overrides: Record<string, unknown> = {}) => ({
  externalId: 'inv-1', number: 'F-1', customer: { vatNumber: 'NL111111111B01' }, currency: 'EUR',
  amountMinor: 100_000, issueDate: '2026-10-01', dueDate: '2026-10-31', version: '1', ...overrides,
});

beforeEach(() => {
  prefix = uniquePrefix('ingest');
  ledger = createRedisLedgerStore(redis, prefix);
  index = buildCompanyIndex([jansen]);
  ingest = createIngestService({ ledger, companyIndex: async () => index, now: () => new Date('2026-11-23T15:00:00.000Z') });
});
afterEach(() => deletePrefix(redis, prefix));
afterAll(() => redis.quit());

describe('ingest service', () => {
  it('when a batch has bad items, then the good ones go in and each bad one is reported by index', async () => {
    const report = await ingest.ingestInvoices('1', [
      invoice(),
      invoice({ externalId: 'inv-2', issueDate: '2026-02-31' }),
      invoice({ externalId: 'inv-3', isAdmin: true }),
      invoice({ externalId: 'inv-4', kind: 'credit_note', amountMinor: 20_000 }),
      'not an object',
    ]);
    expect(report).toMatchObject({ received: 5, created: 2, updated: 0, unchanged: 0, unmatched: 0, rejected: 3 });
    expect(report.errors).toEqual([
      { index: 1, externalId: 'inv-2', reason: 'issueDate: is not a calendar date' },
      { index: 2, externalId: 'inv-3', reason: expect.stringContaining('isAdmin') },
      { index: 4, reason: expect.any(String) },
    ]);
    const stored = await ledger.getCustomerLedger('1', '101');
    expect(stored?.invoices.map((i) => [i.externalId, i.kind, i.status, i.open.minor])).toEqual([
      ['inv-1', 'invoice', 'open', 100_000],
      ['inv-4', 'credit_note', 'open', 20_000],
    ]);
  });

  it('when the same data is sent twice, then nothing changes; a newer version updates', async () => {
    await ingest.ingestInvoices('1', [invoice()]);
    await ledger.takeDirtyCompanies('1');
    expect(await ingest.ingestInvoices('1', [invoice()])).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(await ledger.takeDirtyCompanies('1')).toEqual([]);
    expect(await ingest.ingestInvoices('1', [invoice({ version: '2', openMinor: 0, paidDate: '2026-11-01' })])).toMatchObject({ updated: 1 });
    expect((await ledger.getCustomerLedger('1', '101'))?.invoices[0]).toMatchObject({ status: 'paid', paidDate: '2026-11-01', sourceVersion: '2' });
  });

  it('when the company is unknown, then the document waits with a reason and is filed once resolved', async () => {
    const report = await ingest.ingestInvoices('1', [invoice({ externalId: 'x-1', customer: { name: 'Onbekend B.V.' } })]);
    expect(report).toMatchObject({ created: 0, unmatched: 1 });
    const list = await ingest.listUnmatched('1', { offset: 0, limit: 10 });
    expect(list).toEqual({ total: 1, items: [{ externalId: 'x-1', kind: 'invoice', customer: { name: 'Onbekend B.V.' }, reason: 'no company with this name', receivedAt: '2026-11-23T15:00:00.000Z', number: 'F-1', currency: 'EUR', amountMinor: 100_000 }] });

    await expect(ingest.resolveUnmatched('1', 'x-1', '999')).rejects.toMatchObject({ httpStatus: 422 });
    expect((await ingest.listUnmatched('1', { offset: 0, limit: 10 })).total).toBe(1);
    expect(await ingest.resolveUnmatched('1', 'x-1', '101')).toEqual({ created: 1, updated: 0, unchanged: 0 });
    await expect(ingest.resolveUnmatched('1', 'x-1', '101')).rejects.toMatchObject({ httpStatus: 404 });
    expect((await ingest.listUnmatched('1', { offset: 0, limit: 10 })).total).toBe(0);

    // Sending it again keeps it with the company a person chose: it does not go back to the list.
    expect(await ingest.ingestInvoices('1', [invoice({ externalId: 'x-1', customer: { name: 'Onbekend B.V.' } })])).toMatchObject({ unchanged: 1, unmatched: 0 });
  });

  it('when an unmatched document matches on a later delivery, then it leaves the list', async () => {
    await ingest.ingestInvoices('1', [invoice({ externalId: 'x-2', customer: { domain: 'nieuw.nl' } })]);
    index = buildCompanyIndex([jansen, { id: '102', domain: 'www.nieuw.nl' }]);
    expect(await ingest.ingestInvoices('1', [invoice({ externalId: 'x-2', customer: { domain: 'nieuw.nl' } })])).toMatchObject({ created: 1, unmatched: 0 });
    expect((await ingest.listUnmatched('1', { offset: 0, limit: 10 })).total).toBe(0);
  });

  it('when companies cannot be listed, then everything waits unmatched', async () => {
    const blind = createIngestService({ ledger, companyIndex: async () => undefined });
    expect(await blind.ingestInvoices('1', [invoice()])).toMatchObject({ unmatched: 1, created: 0 });
    expect((await ledger.listUnmatched('1')).items[0]?.reason).toBe('HubSpot companies are not available for matching');
  });

  it('when payments arrive, then they are filed under their invoice company and reduce the open amount', async () => {
    await ingest.ingestInvoices('1', [invoice()]);
    const report = await ingest.ingestPayments('1', [
      { externalId: 'pay-1', invoiceExternalId: 'inv-1', currency: 'EUR', amountMinor: 100_000, date: '2026-11-05' },
      { externalId: 'pay-2', currency: 'EUR', amountMinor: 5_000, date: '2026-11-05', customer: { name: 'Nobody' } },
      { externalId: 'pay-3', currency: 'EUR', amountMinor: -5, date: '2026-11-05', invoiceExternalId: 'inv-1' },
    ]);
    expect(report).toMatchObject({ received: 3, created: 1, unmatched: 1, rejected: 1, errors: [{ index: 2, externalId: 'pay-3' }] });
    expect((await ledger.getCustomerLedger('1', '101'))?.invoices[0]).toMatchObject({ status: 'paid', paidDate: '2026-11-05', open: { minor: 0 } });
    expect(await ingest.resolveUnmatched('1', 'pay-2', '101')).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect((await ledger.getCustomerLedger('1', '101'))?.payments).toHaveLength(2);
  });
});
