import { expect } from 'vitest';
import { CsvHeaderRefusal } from '../../src/contracts/ingest';
import { monthInTheLife } from './support/story';

/**
 * The accounting exports people actually have, sent to the ingest API of the running composition as a new user
 * would send them: a plain Dutch export with only the columns it happens to have, and a header that cannot be
 * read on its own, which is refused with what was found and a mapping to start from.
 */
monthInTheLife('Accounting exports as they come', { firstDay: '2027-03-01', days: 2 }, (scenario) => {
  scenario('A plain Dutch export — no Domein, Status or Incasso column — goes in and reaches HubSpot', (s) => {
    let c = '';
    s.on(1, 'Installatiebedrijf Peters is in HubSpot (KvK 12345678); the export holds one invoice of €1.234,56', async (m) => {
      c = await m.createCompany({ name: 'Installatiebedrijf Peters BV', domain: 'peters-installatie.example', rd_coc_number: '12345678' });
      const csv = [
        'Factuurnummer;Debiteur;KvK;BTW-nummer;Factuurdatum;Vervaldatum;Bedrag;Openstaand;Valuta;Omschrijving',
        `P-2027-001;Installatiebedrijf Peters BV;12345678;NL123456789B01;01-03-2027;31-03-2027;1.234,56;1.234,56;EUR;"Onderhoud cv-ketel; maart"`,
      ].join('\r\n');
      const report = await m.csv(`\uFEFF${csv}\r\n`);
      expect(report).toMatchObject({ received: 1, created: 1, unmatched: 0, rejected: 0 });
      expect(report.layout).toEqual({
        recognisedBy: 'header',
        columns: { number: 'Factuurnummer', customerName: 'Debiteur', cocNumber: 'KvK', vatNumber: 'BTW-nummer', issueDate: 'Factuurdatum', dueDate: 'Vervaldatum', amount: 'Bedrag', openAmount: 'Openstaand', currency: 'Valuta' },
        ignored: ['Omschrijving'],
      });
    });
    s.then(1, 'HubSpot shows €1,234.56 open on that company, nothing overdue', async (m) => {
      expect(await m.rollup(c)).toMatchObject({ open: 1234.56, overdue: 0 });
    });
  });

  scenario('An export that calls one of two overdue invoices "betwist": a dispute on that invoice only, the other is still chased', (s) => {
    let c = '';
    s.on(1, 'Hoveniersbedrijf Groen has two invoices overdue since February; the export says F-501 is disputed', async (m) => {
      c = await m.createCompany({ name: 'Hoveniersbedrijf Groen BV', domain: 'groen-hoveniers.example' });
      const csv = [
        'Factuurnr;Klantnaam;Website;Factuurdatum;Vervaldatum;Bedrag;Openstaand;Status',
        'F-500;Hoveniersbedrijf Groen BV;groen-hoveniers.example;05-01-2027;04-02-2027;600,00;600,00;open',
        'F-501;Hoveniersbedrijf Groen BV;groen-hoveniers.example;05-01-2027;04-02-2027;1.500,00;1.500,00;Betwist',
      ].join('\n');
      expect(await m.csv(`${csv}\n`)).toMatchObject({ created: 2, rejected: 0 });
    });
    s.then(1, 'the card shows F-501 as disputed; the reminder covers F-500 alone; HubSpot still shows both as overdue', async (m) => {
      const card = await m.receivables(c);
      expect(card.invoices.items.map((i) => [i.number, i.tags.includes('disputed')])).toEqual(expect.arrayContaining([['F-500', false], ['F-501', true]]));
      expect(card.disputes).toHaveLength(1);
      const tasks = await m.openTasks(c);
      expect(tasks.length).toBeGreaterThan(0);
      for (const t of tasks) {
        expect(`${t.subject}\n${t.body}`).toContain('F-500');
        expect(`${t.subject}\n${t.body}`).not.toContain('F-501');
      }
      expect((await m.rollup(c)).overdue).toBe(2100);
    });
  });

  scenario('A header it cannot place is refused with the columns found, the fields missing and a mapping — and nothing goes in', (s) => {
    let c = '';
    s.on(1, 'Bouwbedrijf Smit is in HubSpot; its export names the dates in its own words', async (m) => {
      c = await m.createCompany({ name: 'Bouwbedrijf Smit BV', domain: 'smit-bouw.example' });
      const res = await m.postIngest('/csv', 'Nummer;Klant;Gemaakt op;Te betalen voor;Bedrag\nS-1;Bouwbedrijf Smit BV;01-03-2027;31-03-2027;500,00\n', 'text/csv');
      expect(res.status).toBe(400);
      const body = (await res.json()) as { code: string; message: string; details: unknown };
      expect(body.code).toBe('unknown_csv_layout');
      expect(body.message).toContain('no column for the invoice date (issueDate), the due date (dueDate)');
      expect(CsvHeaderRefusal.parse(body.details)).toMatchObject({
        columnsFound: ['Nummer', 'Klant', 'Gemaakt op', 'Te betalen voor', 'Bedrag'],
        unplaced: ['issueDate', 'dueDate'],
        proposedMapping: { columns: { number: 'Nummer', customerName: 'Klant', amount: 'Bedrag' } },
      });
    });
    s.then(1, 'nothing reached the ledger or HubSpot', async (m) => {
      expect((await m.rollup(c)).open).toBeNaN();
      expect((await m.unmatched()).items.filter((i) => i.externalId === 'S-1')).toEqual([]);
    });
    s.on(2, 'with the proposed mapping filled in, the same file goes in', async (m) => {
      const mapping = { columns: { number: 'Nummer', customerName: 'Klant', issueDate: 'Gemaakt op', dueDate: 'Te betalen voor', amount: 'Bedrag' } };
      const res = await m.postIngest(`/csv?mapping=${encodeURIComponent(JSON.stringify(mapping))}`, 'Nummer;Klant;Gemaakt op;Te betalen voor;Bedrag\nS-1;Bouwbedrijf Smit BV;01-03-2027;31-03-2027;500,00\n', 'text/csv');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ created: 1, layout: { recognisedBy: 'mapping' } });
      await m.settle();
      expect((await m.rollup(c)).open).toBe(500);
    });
  });
});
