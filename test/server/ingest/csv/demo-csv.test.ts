import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDemoData, generateDemoInvoicesCsv } from '../../../../src/sandbox/demo';
import { createRedisLedgerStore, type RedisLedgerStore } from '../../../../src/server/ledger/redis-ledger-store';
import { createIngestService } from '../../../../src/server/ingest/ingest-service';
import { createCsvImporter } from '../../../../src/server/ingest/csv/csv-import';
import { buildCompanyIndex } from '../../../../src/server/matching/company-index';
import { deletePrefix, testRedis, uniquePrefix } from '../../../support/redis';

const redis = testRedis();
let prefix: string;
let ledger: RedisLedgerStore;

beforeEach(() => {
  prefix = uniquePrefix('demo-csv');
  ledger = createRedisLedgerStore(redis, prefix);
});
afterEach(() => deletePrefix(redis, prefix));
afterAll(() => redis.quit());

describe('the sandbox demo export (what `npm start` imports)', () => {
  it('when imported against the demo portal companies (name and domain only), then exactly the 3 broken rows are rejected and the 3 unknown debtors wait', async () => {
    const data = generateDemoData(42);
    const csv = generateDemoInvoicesCsv(data, { asOf: '2026-11-23', seed: 42 });
    // The demo portal holds HubSpot default properties only: matching works on domain and name.
    const index = buildCompanyIndex(data.companies.map((c, i) => ({ id: String(5000 + i), name: c.name, ...(c.domain ? { domain: c.domain } : {}) })));
    const importer = createCsvImporter(createIngestService({ ledger, companyIndex: async () => index }));
    const report = await importer.importCsv([csv], { portalId: '1' });
    expect(report).toMatchObject({ received: 300, rejected: 3, unmatched: 3, created: 294 });
    expect(report.errors.map((e) => e.reason)).toEqual(expect.arrayContaining([
      'Factuurdatum: "31-02-2025" is not a calendar date',
      expect.stringContaining('"12,34,5O" is not an amount'),
      'Factuurnummer: is empty',
    ]));
    expect((await ledger.listCompanyIds('1')).length).toBe(data.companies.length);
  });
});
