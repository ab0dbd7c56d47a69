import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REQUIRED_FIELDS, type CsvField } from '../../../../src/server/ingest/csv/csv-fields';
import { createCsvImporter, type CsvImporter } from '../../../../src/server/ingest/csv/csv-import';
import { recogniseHeader } from '../../../../src/server/ingest/csv/csv-layout';
import { CSV_PRESETS, detectPreset } from '../../../../src/server/ingest/csv/csv-presets';
import { normaliseHeader } from '../../../../src/server/ingest/csv/header-names';
import { createIngestService } from '../../../../src/server/ingest/ingest-service';
import { createRedisLedgerStore, type RedisLedgerStore } from '../../../../src/server/ledger/redis-ledger-store';
import { buildCompanyIndex } from '../../../../src/server/matching/company-index';
import { deletePrefix, testRedis, uniquePrefix } from '../../../support/redis';

const redis = testRedis();
let prefix: string;
let ledger: RedisLedgerStore;
let importer: CsvImporter;

beforeEach(() => {
  prefix = uniquePrefix('csv-presets');
  ledger = createRedisLedgerStore(redis, prefix);
  const index = buildCompanyIndex([{ id: '401', name: 'Northwind Traders Ltd', domain: 'northwind.example' }]);
  importer = createCsvImporter(createIngestService({ ledger, companyIndex: async () => index }));
});
afterEach(() => deletePrefix(redis, prefix));
afterAll(() => redis.quit());

/** A header of the preset's first name per field: what an export of that package would carry. */
const headerOf = (columns: Partial<Record<CsvField, readonly string[]>>, pick = 0) =>
  Object.values(columns).map((names) => names[Math.min(pick, names.length - 1)]!);

describe('CSV presets of accounting packages', () => {
  it.each(CSV_PRESETS.map((p) => [p.id, p] as const))('%s: a header of its own names is recognised as that package, with every required field and a customer placed', (_id, preset) => {
    const header = headerOf(preset.columns);
    if (preset.signature.length) expect(detectPreset(header)?.id).toBe(preset.id);
    const layout = recogniseHeader(header, preset);
    expect(layout.ok).toBe(true);
    if (!layout.ok) return;
    expect(layout.value.recognisedBy).toBe(`preset:${preset.id}`);
    for (const f of REQUIRED_FIELDS) expect(layout.value.columns[f], f).toBeDefined();
    for (const [field, names] of Object.entries(preset.columns)) expect(layout.value.names[field as CsvField]).toBe(names[0]);
  });

  it('no preset names one header under two fields, and every signature name is one of its own column names', () => {
    for (const preset of CSV_PRESETS) {
      const all = Object.values(preset.columns).flat().map(normaliseHeader);
      expect(new Set(all).size, preset.id).toBe(all.length);
      for (const s of preset.signature) expect(all, `${preset.id}: ${s}`).toContain(normaliseHeader(s));
    }
  });

  it('when a Xero invoice export comes in, then it is read as Xero (decimal point, amount due as the open amount) without being told', async () => {
    const csv = [
      '*ContactName,EmailAddress,*InvoiceNumber,Reference,*InvoiceDate,*DueDate,Total,TaxTotal,InvoiceAmountPaid,InvoiceAmountDue,Description,Currency,Type,Status',
      'Northwind Traders Ltd,ap@northwind.example,INV-0042,PO 7,2026-03-02,2026-04-01,"1,210.00",210.00,210.00,"1,000.00",Consulting,EUR,Sales invoice,Awaiting Payment',
    ].join('\n');
    const report = await importer.importCsv([`${csv}\n`], { portalId: '1' });
    expect(report).toMatchObject({ created: 1, rejected: 0, layout: { recognisedBy: 'preset:xero', columns: { number: '*InvoiceNumber', openAmount: 'InvoiceAmountDue', amount: 'Total' } } });
    expect((await ledger.getCustomerLedger('1', '401'))?.invoices[0]).toMatchObject({ amount: { minor: 121_000 }, open: { minor: 100_000 }, status: 'partially_paid' });
  });

  it('when ?preset=quickbooks-us is given, then 12/31/2026 is read month first; an unknown preset is refused naming the known ones', async () => {
    const csv = 'Date,Num,Customer,Due Date,Amount,Open Balance\n12/01/2026,1001,Northwind Traders Ltd,12/31/2026,500.00,500.00\n';
    expect(await importer.importCsv([csv], { portalId: '1', preset: 'quickbooks-us' })).toMatchObject({ created: 1, layout: { recognisedBy: 'preset:quickbooks-us' } });
    expect((await ledger.getCustomerLedger('1', '401'))?.invoices[0]).toMatchObject({ issueDate: '2026-12-01', dueDate: '2026-12-31' });
    await expect(importer.importCsv([csv], { portalId: '1', preset: 'sage-50' })).rejects.toMatchObject({ httpStatus: 400, code: 'unknown_csv_preset', message: expect.stringContaining('exact-online') });
  });

  it('when the QuickBooks export is read by its header alone, then its month-first dates are refused rather than guessed', async () => {
    const csv = 'Date,Num,Customer,Due Date,Amount,Open Balance\n12/01/2026,1001,Northwind Traders Ltd,12/31/2026,500.00,500.00\n';
    await expect(importer.importCsv([csv], { portalId: '1' })).rejects.toMatchObject({ code: 'ambiguous_csv_dates', details: { reading: 'month_first', column: 'Due Date' } });
  });
});
