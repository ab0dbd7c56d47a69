import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CsvDateRefusal } from '../../../../src/contracts/ingest';
import { createCsvImporter, type CsvImporter } from '../../../../src/server/ingest/csv/csv-import';
import { createDateOrderGate, MAX_HELD_ROWS, slashDateEvidence } from '../../../../src/server/ingest/csv/csv-dates';
import { createIngestService } from '../../../../src/server/ingest/ingest-service';
import { createRedisLedgerStore, type RedisLedgerStore } from '../../../../src/server/ledger/redis-ledger-store';
import { buildCompanyIndex } from '../../../../src/server/matching/company-index';
import { deletePrefix, testRedis, uniquePrefix } from '../../../support/redis';

const redis = testRedis();
let prefix: string;
let ledger: RedisLedgerStore;
let importer: CsvImporter;

beforeEach(() => {
  prefix = uniquePrefix('csv-dates');
  ledger = createRedisLedgerStore(redis, prefix);
  const index = buildCompanyIndex([{ id: '301', name: 'Acme Corp', domain: 'acme.example' }]);
  importer = createCsvImporter(createIngestService({ ledger, companyIndex: async () => index }));
});
afterEach(() => deletePrefix(redis, prefix));
afterAll(() => redis.quit());

const HEADER = 'Invoice number,Customer,Invoice date,Due date,Amount';
const file = (rows: readonly string[]) => [`${HEADER}\n${rows.join('\n')}\n`];

describe('slash dates of a CSV export', () => {
  it('when every slash date fits both orders and nothing declares one, then the file is refused naming the column and examples, and nothing goes in', async () => {
    const refused = importer.importCsv(file(['A-1,Acme Corp,03/04/2026,05/06/2026,10.00', 'A-2,Acme Corp,04/04/2026,06/06/2026,20.00']), { portalId: '1' });
    await expect(refused).rejects.toMatchObject({ httpStatus: 400, code: 'ambiguous_csv_dates' });
    const error = (await refused.catch((e: unknown) => e)) as { details: unknown; message: string };
    const details = CsvDateRefusal.parse(error.details);
    expect(details).toMatchObject({ column: 'Invoice date', examples: ['03/04/2026', '04/04/2026'], reading: 'either', accepted: ['dmy', 'mdy', 'ymd'] });
    expect(error.message).toContain('?dateFormat=dmy');
    expect(await ledger.listCompanyIds('1')).toEqual([]);
  });

  it('when the caller says mdy, then the same file goes in month first; dmy day first', async () => {
    const rows = ['A-1,Acme Corp,03/04/2026,05/06/2026,10.00'];
    expect(await importer.importCsv(file(rows), { portalId: '1', dateOrder: 'mdy' })).toMatchObject({ created: 1, rejected: 0 });
    expect((await ledger.getCustomerLedger('1', '301'))?.invoices[0]).toMatchObject({ issueDate: '2026-03-04', dueDate: '2026-05-06' });
    expect(await importer.importCsv(file(['A-2,Acme Corp,03/04/2026,05/06/2026,10.00']), { portalId: '1', dateOrder: 'dmy' })).toMatchObject({ created: 1 });
    expect((await ledger.getCustomerLedger('1', '301'))?.invoices.find((i) => i.number === 'A-2')).toMatchObject({ issueDate: '2026-04-03', dueDate: '2026-06-05' });
  });

  it('when a later row shows a day above 12, then the file is day first and every row goes in, the held ones too', async () => {
    const report = await importer.importCsv(file(['A-1,Acme Corp,03/04/2026,05/04/2026,10.00', 'A-2,Acme Corp,20/04/2026,20/05/2026,20.00']), { portalId: '1' });
    expect(report).toMatchObject({ received: 2, created: 2, rejected: 0 });
    expect((await ledger.getCustomerLedger('1', '301'))?.invoices.find((i) => i.number === 'A-1')).toMatchObject({ issueDate: '2026-04-03' });
  });

  it('when the dates only fit month first and nothing says US, then the file is refused, not read as American', async () => {
    const refused = importer.importCsv(file(['A-1,Acme Corp,12/31/2026,01/30/2027,10.00']), { portalId: '1' });
    await expect(refused).rejects.toMatchObject({ code: 'ambiguous_csv_dates', details: { reading: 'month_first', column: 'Invoice date', examples: ['12/31/2026'] } });
    expect(await importer.importCsv(file(['A-1,Acme Corp,12/31/2026,01/30/2027,10.00']), { portalId: '1', dateOrder: 'mdy' })).toMatchObject({ created: 1 });
  });

  it('when the dates are ISO or written with dashes, then nothing is ambiguous (as before)', async () => {
    expect(await importer.importCsv(file(['A-1,Acme Corp,2026-03-04,2026-04-03,10.00', 'A-2,Acme Corp,03-04-2026,03-05-2026,10.00']), { portalId: '1' })).toMatchObject({ created: 2 });
    expect((await ledger.getCustomerLedger('1', '301'))?.invoices.find((i) => i.number === 'A-2')).toMatchObject({ issueDate: '2026-04-03' });
  });

  it('when a Dutch header names the dates, then the layout says day first and 03/04/2026 is the 3rd of April', async () => {
    const report = await importer.importCsv(['Factuurnummer;Debiteur;Factuurdatum;Vervaldatum;Bedrag\nF-1;Acme Corp;03/04/2026;03/05/2026;10,00\n'], { portalId: '1' });
    expect(report).toMatchObject({ created: 1 });
    expect((await ledger.getCustomerLedger('1', '301'))?.invoices[0]).toMatchObject({ issueDate: '2026-04-03' });
  });

  it('for any two numbers up to 12, a slash date is "either"; a first above 12 is day first, a second above 12 month first', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 31 }), (a, b) => {
      const evidence = slashDateEvidence(`${String(a).padStart(2, '0')}/${b}/2026`);
      if (a <= 12 && b <= 12) return evidence === 'either';
      if (a > 12 && b <= 12) return evidence === 'day_first';
      if (b > 12 && a <= 12) return evidence === 'month_first';
      return evidence === 'none';
    }));
  });

  it('the gate keeps file order and loses no row: whatever the dates, the rows released are all rows pushed, in order, or the file is refused', () => {
    const date = fc.oneof(fc.constant('2026-01-02'), fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 })).map(([d, m]) => `${d}/${m}/2026`));
    fc.assert(fc.property(fc.array(date, { minLength: 1, maxLength: 40 }), (dates) => {
      const gate = createDateOrderGate<number>(undefined);
      const out: number[] = [];
      for (const [i, value] of dates.entries()) {
        const step = gate.push({ item: i, dates: [{ column: 'd', value }] });
        if (!step.ok) return true;
        out.push(...step.value);
      }
      const end = gate.end();
      if (!end.ok) return out.length === 0;
      out.push(...end.value);
      return out.length === dates.length && out.every((v, i) => v === i);
    }));
  });

  it('a file with no slash date in its first rows is not held without end', () => {
    const gate = createDateOrderGate<number>(undefined);
    let released = 0;
    for (let i = 0; i < MAX_HELD_ROWS; i++) {
      const step = gate.push({ item: i, dates: [{ column: 'd', value: '2026-01-02' }] });
      if (step.ok) released += step.value.length;
    }
    expect(released).toBe(MAX_HELD_ROWS);
    expect(gate.order).toBe('dmy');
  });
});
