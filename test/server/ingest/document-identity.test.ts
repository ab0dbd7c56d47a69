import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentKey } from '../../../src/domain/document-identity';
import { createCsvImporter } from '../../../src/server/ingest/csv/csv-import';
import { createIngestService } from '../../../src/server/ingest/ingest-service';
import { createUblImporter } from '../../../src/server/ingest/ubl/ubl-import';
import { createRedisLedgerStore, type RedisLedgerStore } from '../../../src/server/ledger/redis-ledger-store';
import { buildCompanyIndex } from '../../../src/server/matching/company-index';
import { deletePrefix, testRedis, uniquePrefix } from '../../support/redis';
import { peppolDocument } from './ubl/ubl-fixtures';

const redis = testRedis();
let prefix: string;
let ledger: RedisLedgerStore;
let csv: ReturnType<typeof createCsvImporter>;
let ubl: ReturnType<typeof createUblImporter>;
let clock: Date;

beforeEach(() => {
  prefix = uniquePrefix('doc-id');
  ledger = createRedisLedgerStore(redis, prefix);
  clock = new Date('2027-03-02T09:00:00.000Z');
  const index = buildCompanyIndex([
    { id: '501', name: 'Bakkerij Jansen B.V.', cocNumber: '12345678', vatNumber: 'NL123456789B01' },
    { id: '502', name: 'Slagerij De Boer B.V.', cocNumber: '87650000' },
  ]);
  const ingest = createIngestService({ ledger, companyIndex: async () => index, now: () => clock });
  csv = createCsvImporter(ingest, () => clock);
  ubl = createUblImporter(ingest, () => clock);
});
afterEach(() => deletePrefix(redis, prefix));
afterAll(() => redis.quit());

const files = (...docs: string[]) => (async function* () { for (const d of docs) yield { content: (async function* () { yield d; })() }; })();
const jansenCsv = (number: string) => [`Factuurnummer;Debiteur;KvK;Factuurdatum;Vervaldatum;Bedrag\n${number};Bakkerij Jansen B.V.;12345678;01-03-2027;31-03-2027;1.210,00\n`];
const invoicesOf = async (companyId: string) => (await ledger.getCustomerLedger('1', companyId))?.invoices ?? [];

describe('one invoice through CSV and through UBL', () => {
  it('when the CSV export and then the Peppol e-invoice of F2027-0001 arrive, then it is one invoice, counted once', async () => {
    expect(await csv.importCsv(jansenCsv('F2027-0001'), { portalId: '1' })).toMatchObject({ created: 1 });
    clock = new Date('2027-03-02T10:00:00.000Z');
    const report = await ubl.importUbl(files(peppolDocument({ number: 'F2027-0001', payable: '1210.00' })), { portalId: '1' });
    expect(report).toMatchObject({ created: 0, unmatched: 0 });
    expect(report.updated + report.unchanged).toBe(1);
    expect((await invoicesOf('501')).map((i) => [i.externalId, i.open.minor])).toEqual([['F2027-0001', 121_000]]);
  });

  it('when the e-invoice comes first and the export later (a number retyped in lower case), then still one, under the e-invoice\'s id', async () => {
    await ubl.importUbl(files(peppolDocument({ number: 'F2027-0002', payable: '1210.00' })), { portalId: '1' });
    clock = new Date('2027-03-02T10:00:00.000Z');
    expect(await csv.importCsv(jansenCsv('f2027-0002'), { portalId: '1' })).toMatchObject({ created: 0 });
    expect((await invoicesOf('501')).map((i) => i.externalId)).toEqual(['ubl:invoice:F2027-0002']);
  });

  it('when the same number belongs to another customer or is a credit note, then they stay separate documents', async () => {
    await csv.importCsv(jansenCsv('77'), { portalId: '1' });
    await csv.importCsv(['Factuurnummer;Debiteur;KvK;Factuurdatum;Vervaldatum;Bedrag\nX-77;Slagerij De Boer B.V.;87650000;01-03-2027;31-03-2027;10,00\n'], { portalId: '1' });
    await ubl.importUbl(files(peppolDocument({ kind: 'CreditNote', number: '77', payable: '100.00' })), { portalId: '1' });
    expect((await invoicesOf('501')).map((i) => i.kind).sort()).toEqual(['credit_note', 'invoice']);
    expect(await invoicesOf('502')).toHaveLength(1);
  });

  it('the rule: same company, kind and number (case and spaces aside) is one document', () => {
    expect(documentKey({ companyId: '1', kind: 'invoice', number: ' f2027 0001' })).toBe(documentKey({ companyId: '1', kind: 'invoice', number: 'F20270001' }));
    expect(documentKey({ companyId: '1', kind: 'invoice', number: 'F-1' })).not.toBe(documentKey({ companyId: '1', kind: 'credit_note', number: 'F-1' }));
    expect(documentKey({ companyId: '1', kind: 'invoice', number: 'F-1' })).not.toBe(documentKey({ companyId: '2', kind: 'invoice', number: 'F-1' }));
  });
});
