import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dutchCsv, startMonth, type Month } from './support/month';

/**
 * Every row of an uploaded export is accounted for in the report (POST /api/ingest/csv with the portal's key):
 * a broken quote costs its own line, not the rows after it; a row repeated in the file is reported, not lost in
 * the counts. received = created + updated + unchanged + unmatched + rejected + duplicates.
 */
let m: Month;
beforeAll(async () => { m = await startMonth({ firstDay: '2027-03-01' }); }, 60_000);
afterAll(async () => { await m?.close(); });

const rows = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({
  number: `${prefix}-${i + 1}`, name: 'Kwekerij Bloem BV', domain: 'kwekerij-bloem.example', issued: '2027-02-01', due: '2027-03-03', amount: `${100 + i},00`,
}));
const accounted = (r: { created: number; updated: number; unchanged: number; unmatched: number; rejected: number; duplicates?: number }) =>
  r.created + r.updated + r.unchanged + r.unmatched + r.rejected + (r.duplicates ?? 0);

describe('the CSV report', () => {
  it('when a row has a quote that never closes, then that row is reported at its line and the rows after it go in', async () => {
    const c = await m.createCompany({ name: 'Kwekerij Bloem BV', domain: 'kwekerij-bloem.example' });
    const lines = dutchCsv(rows('Q', 5)).split('\n');
    lines[3] = lines[3]!.replace('Kwekerij Bloem BV', '"Kwekerij Bloem BV'); // line 4 of the file: the third row
    const report = await m.csv(lines.join('\n'));

    expect(report).toMatchObject({ received: 5, created: 4, rejected: 1 });
    expect(report.errors).toEqual([{ line: 4, reason: expect.stringContaining('unterminated quote') }]);
    expect(accounted(report)).toBe(report.received);
    expect((await m.receivables(c)).invoices.items.map((r) => r.number).sort()).toEqual(['Q-1', 'Q-2', 'Q-4', 'Q-5']);
  });

  it('when the same invoice appears twice in one upload, then the later row counts and the earlier one is reported with its line', async () => {
    const [first, second] = rows('D', 2);
    const report = await m.csv(dutchCsv([first!, { ...first!, amount: '250,00' }, second!]));

    expect(report).toMatchObject({ received: 3, created: 2, duplicates: 1, rejected: 0 });
    expect(report.duplicateRows).toEqual([{ line: 2, externalId: 'D-1', reason: 'the same invoice as line 3, which replaces it' }]);
    expect(accounted(report)).toBe(report.received);
  });

  it('when the header itself has a quote that never closes, then the file is refused as a whole, saying so', async () => {
    const res = await m.postIngest('/csv', `"Factuurnummer;Bedrag\nF-1;10,00\n`, 'text/csv');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'unreadable_csv_header', message: expect.stringContaining('line 1') });
  });
});
