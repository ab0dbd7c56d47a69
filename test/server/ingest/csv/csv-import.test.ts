import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRedisLedgerStore, type RedisLedgerStore } from '../../../../src/server/ledger/redis-ledger-store';
import { createIngestService } from '../../../../src/server/ingest/ingest-service';
import { createCsvImporter, type CsvImporter } from '../../../../src/server/ingest/csv/csv-import';
import { buildCompanyIndex } from '../../../../src/server/matching/company-index';
import { deletePrefix, testRedis, uniquePrefix } from '../../../support/redis';

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/csv/${name}`, import.meta.url));
export const FIXTURE_COMPANIES = [
  { id: '201', name: 'Bakkerij Jansen B.V.', domain: 'jansen.nl', vatNumber: 'NL111111111B01', cocNumber: '11111111', customerNumber: 'D-1001' },
  { id: '202', name: 'Garage De Vries; Zonen', domain: 'devries.nl', vatNumber: 'NL222222222B01', customerNumber: 'D-1002' },
  { id: '203', name: 'Müller & Co GmbH', domain: 'mueller.de', vatNumber: 'DE123456789' },
];

const redis = testRedis();
let prefix: string;
let ledger: RedisLedgerStore;
let clock: Date;
let importer: CsvImporter;

beforeEach(() => {
  prefix = uniquePrefix('csv');
  ledger = createRedisLedgerStore(redis, prefix);
  clock = new Date('2026-11-23T15:00:00.000Z');
  const index = buildCompanyIndex(FIXTURE_COMPANIES);
  const ingest = createIngestService({ ledger, companyIndex: async () => index, now: () => clock });
  importer = createCsvImporter(ingest, () => clock);
});
afterEach(() => deletePrefix(redis, prefix));
afterAll(() => redis.quit());

describe('CSV import', () => {
  it('when a Dutch export has broken rows, then the good rows go in and each bad one is reported by line', async () => {
    const report = await importer.importCsv(createReadStream(fixture('dutch-export.csv')), { portalId: '1' });
    expect(report).toMatchObject({ received: 13, created: 6, updated: 0, unchanged: 0, unmatched: 2, rejected: 5 });
    expect(report.errors).toEqual([
      { line: 6, externalId: '2026-0005', reason: 'Factuurdatum: "31-02-2026" is not a calendar date' },
      { line: 7, externalId: '2026-0006', reason: 'Bedrag: "12,34,5O" is not an amount; Openstaand: "12,34,5O" is not an amount' },
      { line: 8, reason: 'Factuurnummer: is empty' },
      { line: 9, externalId: '2026-0007', reason: 'expected 13 columns, found 9' },
      { line: 15, externalId: '2026-0012', reason: expect.stringMatching(/^Status: "misschien" is not a known status/) },
    ]);
    const jansen = await ledger.getCustomerLedger('1', '201');
    expect(jansen?.invoices.map((i) => [i.number, i.kind, i.status, i.amount.minor, i.open.minor, i.directDebit])).toEqual([
      ['2026-0001', 'invoice', 'open', 123456, 123456, false],
      ['2026-0003', 'credit_note', 'open', 25000, 25000, false],
      ['2026-0011', 'invoice', 'disputed', 45000, 45000, false],
    ]);
    const deVries = await ledger.getCustomerLedger('1', '202');
    expect(deVries?.invoices.map((i) => [i.number, i.status, i.open.minor, i.dueDate, i.paymentTermDays])).toEqual([
      ['2026-0002', 'partially_paid', 250000, '2026-10-15', 30],
      ['2026-0009', 'open', 7550, '2026-11-05', 30],
    ]);
    expect((await ledger.getCustomerLedger('1', '203'))?.invoices[0]).toMatchObject({ status: 'paid', open: { minor: 0 }, directDebit: true });
    const unmatched = await ledger.listUnmatched('1');
    expect(unmatched.items.map((d) => [d.externalId, d.customer.name])).toEqual([['2026-0004', 'Onbekend Bedrijf B.V.'], ['2026-0010', 'Nergens Bekend; Handel']]);
  });

  it('when the same file is imported twice, then nothing changes; an updated export updates only what changed', async () => {
    await importer.importCsv(createReadStream(fixture('dutch-export.csv')), { portalId: '1' });
    await ledger.takeDirtyCompanies('1');
    clock = new Date('2026-11-24T09:00:00.000Z');
    const again = await importer.importCsv(createReadStream(fixture('dutch-export.csv')), { portalId: '1' });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 6, unmatched: 2, rejected: 5 });
    expect(await ledger.takeDirtyCompanies('1')).toEqual([]);
    expect((await ledger.listUnmatched('1')).total).toBe(2);

    const text = await readFile(fixture('dutch-export.csv'), 'utf8');
    const paid = text.replace('EUR;1.234,56;1.234,56;open;nee', 'EUR;1.234,56;0,00;betaald;nee');
    clock = new Date('2026-11-25T09:00:00.000Z');
    expect(await importer.importCsv([paid], { portalId: '1' })).toMatchObject({ created: 0, updated: 1, unchanged: 5 });
    expect((await ledger.getCustomerLedger('1', '201'))?.invoices[0]).toMatchObject({ number: '2026-0001', status: 'paid', open: { minor: 0 } });
    expect(await ledger.takeDirtyCompanies('1')).toEqual(['201']);
  });

  it('when the export calls an invoice betwist, then a dispute opens on that invoice only; a later export without it resolves it', async () => {
    await importer.importCsv(createReadStream(fixture('dutch-export.csv')), { portalId: '1' });
    const jansen = await ledger.getCustomerLedger('1', '201');
    expect(jansen?.disputes).toEqual([{ id: 'src:2026-0011', companyId: '201', invoiceExternalId: '2026-0011', reason: 'other', note: 'disputed in the accounting system', openedOn: '2026-11-23' }]);
    const text = (await readFile(fixture('dutch-export.csv'), 'utf8')).split('\n').map((l) => (l.startsWith('2026-0011;') ? l.replace(';betwist;', ';open;') : l)).join('\n');
    clock = new Date('2026-11-30T09:00:00.000Z');
    await importer.importCsv([text], { portalId: '1' });
    expect((await ledger.getCustomerLedger('1', '201'))?.disputes).toEqual([expect.objectContaining({ id: 'src:2026-0011', resolvedOn: '2026-11-30' })]);
  });

  it('when the file arrives one byte at a time, then the result is the same (chunk boundaries in CRLF, UTF-8 and quotes)', async () => {
    const bytes = await readFile(fixture('dutch-export.csv'));
    async function* trickle() { for (const b of bytes) yield Buffer.from([b]); }
    const report = await importer.importCsv(trickle(), { portalId: '1' });
    expect(report).toMatchObject({ created: 6, unmatched: 2, rejected: 5 });
    expect(report.errors.map((e) => e.line)).toEqual([6, 7, 8, 9, 15]);
    expect((await ledger.getCustomerLedger('1', '203'))?.invoices).toHaveLength(1);
  });

  it('when an English export uses commas, then it is read with decimal points', async () => {
    // Its `01/09/2026` could be either order: the caller says day first (?dateFormat=dmy).
    const report = await importer.importCsv(createReadStream(fixture('english-export.csv')), { portalId: '1', batchSize: 2, dateOrder: 'dmy' });
    expect(report).toMatchObject({ received: 4, created: 2, unmatched: 1, rejected: 1, errors: [{ line: 5, externalId: 'INV-103', reason: 'Amount: "abc" is not an amount' }] });
    expect((await ledger.getCustomerLedger('1', '201'))?.invoices[0]).toMatchObject({ amount: { minor: 123456, currency: 'EUR' } });
    expect((await ledger.getCustomerLedger('1', '203'))?.invoices[0]).toMatchObject({ status: 'partially_paid', amount: { minor: 250000, currency: 'USD' }, open: { minor: 50000 } });
    expect((await ledger.listUnmatched('1')).items[0]).toMatchObject({ externalId: 'INV-102', kind: 'credit_note' });
  });

  it('when a custom mapping names the columns, then any header works; a header it does not fit is refused', async () => {
    const csv = 'Nr,Klant-ID,Datum,Vervalt,Totaal\nA-1,203,2026-10-01,2026-10-31,10.00\n';
    const mapping = { columns: { number: 'Nr', hubspotCompanyId: 'Klant-ID', issueDate: 'Datum', dueDate: 'Vervalt', amount: 'Totaal' }, defaultCurrency: 'EUR' };
    expect(await importer.importCsv([csv], { portalId: '1', mapping })).toMatchObject({ created: 1 });
    expect((await ledger.getCustomerLedger('1', '203'))?.invoices[0]).toMatchObject({ externalId: 'A-1', amount: { minor: 1000 } });
    await expect(importer.importCsv(['Nummer;Bedrag\n1;2\n'], { portalId: '1' })).rejects.toMatchObject({ httpStatus: 400, code: 'unknown_csv_layout', message: expect.stringMatching(/^Line 1: the header is not an export layout we can read on our own: no column for the invoice date/) });
    await expect(importer.importCsv(['Nr;Totaal\n'], { portalId: '1', mapping })).rejects.toMatchObject({ httpStatus: 400, message: expect.stringContaining('"Klant-ID"') });
  });

  it('when matching is off, then every valid row waits in the unmatched list', async () => {
    const report = await importer.importCsv(createReadStream(fixture('english-export.csv')), { portalId: '1', noMatch: true, dateOrder: 'dmy' });
    expect(report).toMatchObject({ created: 0, unmatched: 3 });
    expect(await ledger.listCompanyIds('1')).toEqual([]);
  });
});
