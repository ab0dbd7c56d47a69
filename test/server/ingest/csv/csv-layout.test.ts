import { describe, expect, it } from 'vitest';
import { CsvHeaderRefusal } from '../../../../src/contracts/ingest';
import { layoutFromMapping, recogniseHeader } from '../../../../src/server/ingest/csv/csv-layout';
import { fieldOf, normaliseHeader, SYNONYMS } from '../../../../src/server/ingest/csv/header-names';

const split = (line: string) => line.split(line.includes(';') ? ';' : ',');

describe('CSV header recognition', () => {
  it('when the plain Dutch export of the issue comes in, then every field is placed and Omschrijving is left alone', () => {
    const header = split('Factuurnummer;Debiteur;KvK;BTW-nummer;Factuurdatum;Vervaldatum;Bedrag;Openstaand;Valuta;Omschrijving');
    const layout = recogniseHeader(header);
    expect(layout).toMatchObject({ ok: true, value: {
      recognisedBy: 'header', decimal: ',', dateOrder: 'dmy', ignored: ['Omschrijving'],
      names: { number: 'Factuurnummer', customerName: 'Debiteur', cocNumber: 'KvK', vatNumber: 'BTW-nummer', issueDate: 'Factuurdatum', dueDate: 'Vervaldatum', amount: 'Bedrag', openAmount: 'Openstaand', currency: 'Valuta' },
      columns: { number: 0, customerName: 1, cocNumber: 2, vatNumber: 3, issueDate: 4, dueDate: 5, amount: 6, openAmount: 7, currency: 8 },
    } });
  });

  it.each([
    ['Factuurnummer', 'factuur nr'], ['factuur nr.', 'factuur nr'], ['FACTUUR-NR', 'factuur nr'], ['Factuurnr', 'factuur nr'],
    ['Invoice No.', 'invoice nr'], ['Invoice #', 'invoice nr'], ['InvoiceNumber', 'invoice nr'], ['\uFEFF Invoice  number ', 'invoice nr'],
    ['Fälligkeitsdatum', 'falligkeitsdatum'], ['Débiteur', 'debiteur'], ['BTW-nummer', 'btw nr'], ['KvK-nummer', 'kvk nr'], ['Ust-IdNr.', 'ust id nr'],
  ])('when a header says %j, then it reads as %j', (raw, normalised) => {
    expect(normaliseHeader(raw)).toBe(normalised);
  });

  it('when the synonym table is read, then no name stands for two fields', () => {
    const owner = new Map<string, string>();
    for (const [field, names] of Object.entries(SYNONYMS)) {
      for (const n of names) {
        const key = normaliseHeader(n);
        expect(owner.get(key) ?? field, `"${n}" is under ${owner.get(key)} and ${field}`).toBe(field);
        owner.set(key, field);
        expect(fieldOf(key)?.field).toBe(field);
      }
    }
  });

  it('when an English header in another spelling comes in, then it is read too (only required fields and one customer key)', () => {
    expect(recogniseHeader(['Invoice No.', 'Client', 'Date', 'Due Date', 'Total'])).toMatchObject({
      ok: true, value: { columns: { number: 0, customerName: 1, issueDate: 2, dueDate: 3, amount: 4 }, ignored: [] },
    });
    // English names say nothing about the date order: it is left to the file's dates.
    expect(recogniseHeader(['Invoice No.', 'Client', 'Date', 'Due Date', 'Total'])).not.toMatchObject({ value: { dateOrder: expect.anything() } });
  });

  it('when required fields are missing, then the refusal names the columns found, the fields not placed, and proposes a mapping', () => {
    const result = recogniseHeader(['Nummer', 'Klant', 'Bedrag', 'Notitie']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('unknown_csv_layout');
    expect(result.error.message).toContain('no column for the invoice date (issueDate), the due date (dueDate)');
    expect(result.error.message).toContain('Columns found: "Nummer", "Klant", "Bedrag", "Notitie"');
    expect(CsvHeaderRefusal.parse(result.error.details)).toEqual({
      columnsFound: ['Nummer', 'Klant', 'Bedrag', 'Notitie'],
      placed: { number: 'Nummer', customerName: 'Klant', amount: 'Bedrag' },
      unplaced: ['issueDate', 'dueDate'],
      ambiguous: [],
      proposedMapping: { columns: { number: 'Nummer', customerName: 'Klant', amount: 'Bedrag', issueDate: '<the column with the invoice date>', dueDate: '<the column with the due date>' } },
    });
  });

  it('when no column names the customer, then it is refused: the rows could never be matched', () => {
    const result = recogniseHeader(['Factuurnummer', 'Factuurdatum', 'Vervaldatum', 'Bedrag']);
    expect(result).toMatchObject({ ok: false, error: { details: { unplaced: ['customer'] } } });
  });

  it('when two columns could hold the same field, then it is refused as ambiguous instead of picking one', () => {
    const result = recogniseHeader(['Factuurnummer', 'Debiteur', 'Factuurdatum', 'Vervaldatum', 'Bedrag', 'Bedrag']);
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('both "Bedrag", "Bedrag" could be the invoice amount (amount)'), details: { ambiguous: [{ field: 'amount', columns: ['Bedrag', 'Bedrag'] }] } } });
    // A more specific name wins over a vaguer one: no ambiguity.
    expect(recogniseHeader(['Factuurnummer', 'Debiteur', 'Factuurdatum', 'Vervaldatum', 'Bedrag', 'Openstaand', 'Saldo'])).toMatchObject({ ok: true, value: { names: { openAmount: 'Openstaand' }, ignored: ['Saldo'] } });
  });

  it('when a custom mapping names a column the header lacks, then it is refused naming it and the columns found', () => {
    const mapping = { columns: { number: 'Nr', issueDate: 'Datum', dueDate: 'Vervalt', amount: 'Som', customerName: 'Wie' }, defaultCurrency: 'EUR' };
    expect(layoutFromMapping(mapping, ['NR', 'datum', 'Som', 'Wie'])).toMatchObject({ ok: false, error: { code: 'csv_mapping_mismatch', message: expect.stringContaining('"Vervalt"') } });
    expect(layoutFromMapping(mapping, ['NR', 'datum', 'vervalt', 'Som', 'Wie', 'Extra'])).toMatchObject({ ok: true, value: { recognisedBy: 'mapping', columns: { number: 0, dueDate: 2 }, ignored: ['Extra'] } });
  });
});
