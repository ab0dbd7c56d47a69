import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalToMinor } from '../../../../src/server/ingest/ubl/ubl-amounts';
import { ublToInvoice } from '../../../../src/server/ingest/ubl/ubl-document';
import { readXmlRecords, type XmlElement } from '../../../../src/server/ingest/xml/xml-records';
import { peppolDocument, type UblOptions } from './ubl-fixtures';

async function root(xml: string): Promise<XmlElement> {
  for await (const r of readXmlRecords([xml], { isRecord: (_n, a) => a.length === 0 })) return r.element;
  throw new Error('no root');
}
const map = async (o: UblOptions = {}) => ublToInvoice(await root(peppolDocument(o)));

describe('ublToInvoice', () => {
  it('when a Peppol invoice is valid, then its payable amount, dates, currency and buyer keys become the ingest invoice', async () => {
    const r = await map({ number: 'F-1', payable: '1210.00' });
    expect(r).toEqual({ ok: true, value: expect.objectContaining({
      externalId: 'ubl:invoice:F-1', number: 'F-1', kind: 'invoice', currency: 'EUR', amountMinor: 121_000, openMinor: 121_000,
      issueDate: '2027-03-01', dueDate: '2027-03-31', directDebit: false,
      customer: { cocNumber: '12345678', vatNumber: 'NL123456789B01', name: 'Bakkerij Jansen B.V.' },
    }) });
  });

  it('when a prepaid amount is stated, then the payable amount is what is open and the document amount includes the prepayment', async () => {
    const r = await map({ payable: '1000.00', prepaid: '210.00' });
    expect(r.ok && [r.value.amountMinor, r.value.openMinor]).toEqual([121_000, 100_000]);
  });

  it('when a credit note or a negative invoice arrives, then it counts as a credit with a positive amount', async () => {
    const cn = await map({ kind: 'CreditNote', number: 'C-1', payable: '242.00' });
    expect(cn.ok && [cn.value.kind, cn.value.externalId, cn.value.amountMinor]).toEqual(['credit_note', 'ubl:credit_note:C-1', 24_200]);
    const negative = await map({ payable: '-50.00' });
    expect(negative.ok && [negative.value.kind, negative.value.amountMinor]).toEqual(['credit_note', 5000]);
  });

  it('when there is no due date, then the payment terms name the days, or else the statutory 30 days apply', async () => {
    const due = async (o: UblOptions) => { const r = await map(o); return r.ok ? r.value.dueDate : r.error; };
    expect(await due({ dueDate: null, terms: 'Payment within 14 days, 2% discount' })).toBe('2027-03-15');
    expect(await due({ dueDate: null, terms: 'Betaling binnen 8 dagen' })).toBe('2027-03-09');
    expect(await due({ dueDate: null, terms: 'Payment according to agreed payment terms' })).toBe('2027-03-31');
    expect(await due({ dueDate: null })).toBe('2027-03-31');
    expect(await due({ kind: 'CreditNote', dueDate: '2027-03-20' })).toBe('2027-03-20');
    expect(await map({ dueDate: '31-03-2027' })).toMatchObject({ ok: false, error: { rule: 'BR-CO-25', xpath: '/Invoice/cbc:DueDate' } });
  });

  it('when a business rule that matters is broken, then the refusal names the rule and the XPath', async () => {
    expect(await map({ number: '' })).toMatchObject({ ok: false, error: { rule: 'BR-02', xpath: '/Invoice/cbc:ID' } });
    expect(await map({ issueDate: '' })).toMatchObject({ ok: false, error: { rule: 'BR-03', xpath: '/Invoice/cbc:IssueDate' } });
    expect(await map({ payable: null })).toMatchObject({ ok: false, error: { rule: 'BR-15' } });
    expect(await map({ payable: '12,50' })).toMatchObject({ ok: false, error: { rule: 'BR-15' } });
    expect(await map({ buyer: null })).toMatchObject({ ok: false, error: { rule: 'BR-07', xpath: '/Invoice/cac:AccountingCustomerParty' } });
    expect(await map({ payableCurrency: 'USD' })).toMatchObject({ ok: false, error: { rule: 'BR-CL-03', xpath: '/Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount/@currencyID' } });
    expect(await map({ typeCode: '386' })).toMatchObject({ ok: false, error: { rule: 'RD-TYPE' } });
    expect(await map({ root: 'Order' })).toMatchObject({ ok: false, error: { rule: 'RD-UBL-ROOT' } });
  });

  it('when the buyer is identified by scheme, then KvK (0106), Belgian (0208), NL VAT (9944), OIN (0190) and e-mail become matching keys and GLN decides nothing', async () => {
    const keys = async (endpoint: { scheme: string; id: string }) => {
      const r = await map({ buyer: { endpoint } });
      return r.ok ? r.value.customer : r.error;
    };
    expect(await keys({ scheme: '0106', id: '11223344' })).toEqual({ cocNumber: '11223344' });
    expect(await keys({ scheme: '0208', id: '0123456749' })).toEqual({ cocNumber: '0123456749' });
    expect(await keys({ scheme: '9944', id: 'NL001234567B01' })).toEqual({ vatNumber: 'NL001234567B01' });
    expect(await keys({ scheme: '0190', id: '00000003112233440000' })).toEqual({ cocNumber: '11223344' });
    expect(await keys({ scheme: 'EM', id: 'ap@klant.nl' })).toEqual({ domain: 'ap@klant.nl' });
    expect(await keys({ scheme: '0088', id: '8712345678906' })).toMatchObject({ rule: 'BR-07' });
  });
});

describe('decimalToMinor', () => {
  it('when any amount is written as an xsd:decimal, then it reads back exactly in minor units', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (minor, digits, extraZeros) => {
      const abs = Math.abs(minor).toString().padStart(digits + 1, '0');
      const text = `${minor < 0 ? '-' : ''}${abs.slice(0, abs.length - digits)}${digits ? `.${abs.slice(-digits)}${'0'.repeat(extraZeros)}` : ''}`;
      expect(decimalToMinor(text, digits)).toEqual({ ok: true, value: minor });
    }));
  });

  it('when an amount has more decimals than the currency or is not a number, then it is refused', () => {
    expect(decimalToMinor('12.505', 2).ok).toBe(false);
    expect(decimalToMinor('1.234,56', 2).ok).toBe(false);
    expect(decimalToMinor('', 2).ok).toBe(false);
    expect(decimalToMinor('.50', 2)).toEqual({ ok: true, value: 50 });
  });
});
