import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { currencyExponent } from '../../../../src/domain/money';
import { parseAmount, parseDate, parseStatus, parseYesNo } from '../../../../src/server/ingest/csv/csv-values';
import { detectDelimiter } from '../../../../src/server/ingest/csv/csv-source';
import { recogniseHeader } from '../../../../src/server/ingest/csv/csv-layout';

describe('CSV values', () => {
  it.each([
    ['1.234,56', ',', 123456],
    ['-1.234,56', ',', -123456],
    ['1234,56', ',', 123456],
    ['1.000.000,01', ',', 100000001],
    ['0,5', ',', 50],
    ['12', ',', 1200],
    ['1.234', ',', 123400],
    ['€ 1.234,56', ',', 123456],
    ['1.234,56-', ',', -123456],
    ['(1.234,56)', ',', -123456],
    ['1,234.56', '.', 123456],
    ['1,234.56', ',', 123456],
    ['1.234,56', '.', 123456],
    ['-100.00', '.', -10000],
    ['1,234', '.', 123400],
    ['2500', '.', 250000],
  ] as const)('when the amount is %j (decimal %j), then it is %d minor units', (raw, decimal, minor) => {
    expect(parseAmount(raw, decimal)).toEqual({ ok: true, value: minor });
  });

  it.each([['12,34,5O'], ['abc'], [''], ['1,2,3'], ['12.34.5'], ['1.23,4,5'], ['1,234.567'], ['--5']])('when the amount is %j, then it is refused', (raw) => {
    expect(parseAmount(raw, ',').ok).toBe(false);
  });

  it('when an amount has more decimals than its currency, then it is refused; JPY has none', () => {
    expect(parseAmount('1,234', ',', 2)).toEqual({ ok: false, error: '"1,234" has more than 2 decimals' });
    expect(currencyExponent('JPY')).toBe(0);
    expect(parseAmount('1.234', ',', currencyExponent('JPY'))).toEqual({ ok: true, value: 1234 });
  });

  it('when any amount in minor units is written the Dutch way, then it reads back exactly', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (minor) => {
      const abs = Math.abs(minor);
      const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
      const text = `${minor < 0 ? '-' : ''}${whole},${String(abs % 100).padStart(2, '0')}`;
      expect(parseAmount(text, ',')).toEqual({ ok: true, value: minor === 0 ? 0 : minor });
    }));
  });

  it.each([
    ['31-12-2026', '2026-12-31'], ['31/12/2026', '2026-12-31'], ['2026-12-31', '2026-12-31'],
    ['1-2-2026', '2026-02-01'], ['01.02.2026', '2026-02-01'], ['29-02-2028', '2028-02-29'],
  ])('when the date is %j, then it is %s', (raw, iso) => {
    expect(parseDate(raw)).toEqual({ ok: true, value: iso });
  });

  it.each([['31-02-2025'], ['2026-13-01'], ['12/31/2026'], ['31-12-26'], ['gisteren'], ['']])('when the date is %j, then it is refused', (raw) => {
    expect(parseDate(raw).ok).toBe(false);
  });

  it.each([
    ['open', 'open'], ['Betaald', 'paid'], ['gedeeltelijk', 'partially_paid'], ['creditnota', 'credit_note'], ['betwist', 'disputed'],
    ['paid', 'paid'], ['Partially paid', 'partially_paid'], ['credit note', 'credit_note'], ['disputed', 'disputed'], ['written-off', 'written_off'],
    ['', undefined],
  ])('when the status is %j, then it is %j', (raw, status) => {
    expect(parseStatus(raw)).toEqual({ ok: true, value: status });
  });

  it('when the status word is unknown or inherited, then it is refused', () => {
    expect(parseStatus('misschien').ok).toBe(false);
    expect(parseStatus('constructor').ok).toBe(false);
  });

  it.each([['ja', true], ['Nee', false], ['yes', true], ['no', false], ['', false], ['1', true]])('when direct debit is %j, then it is %s', (raw, value) => {
    expect(parseYesNo(raw)).toEqual({ ok: true, value });
  });

  it('when the header uses ; or , (also inside quotes), then the delimiter is detected', () => {
    expect(detectDelimiter('Factuurnummer;Debiteur;Bedrag')).toBe(';');
    expect(detectDelimiter('Invoice number,Customer,Amount')).toBe(',');
    expect(detectDelimiter('"a,b,c";d;e')).toBe(';');
  });

  it('when the header is Dutch, English or neither, then the layout is recognised or refused', () => {
    const nl = 'Factuurnummer;Debiteurnummer;Debiteur;Domein;BTW-nummer;KvK-nummer;Factuurdatum;Vervaldatum;Valuta;Bedrag;Openstaand;Status;Incasso'.split(';');
    const en = 'Invoice number;Customer number;Customer;Domain;VAT number;Chamber of commerce;Invoice date;Due date;Currency;Amount;Open amount;Status;Direct debit'.split(';');
    expect(recogniseHeader(nl)).toMatchObject({ ok: true, value: { decimal: ',', dateOrder: 'dmy', ignored: [] } });
    expect(recogniseHeader(en.map((h) => h.toUpperCase()))).toMatchObject({ ok: true, value: { ignored: [] } });
    expect(recogniseHeader(['Nummer', 'Bedrag']).ok).toBe(false);
  });
});
