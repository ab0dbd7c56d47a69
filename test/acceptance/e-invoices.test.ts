import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBatch, peppolDocument } from '../server/ingest/ubl/ubl-fixtures';
import { startMonth, type Month } from './support/month';

/**
 * E-invoices as an accounting system sends them: Peppol BIS 3 documents to POST /api/ingest/ubl on the
 * composition `npm start` runs, checked where the credit controller looks — the company's rollup in HubSpot.
 */
let m: Month;
beforeAll(async () => { m = await startMonth({ firstDay: '2027-04-05' }); }, 60_000);
afterAll(async () => { await m?.close(); });

describe('Peppol e-invoices through POST /api/ingest/ubl', () => {
  it('when a Peppol invoice and its credit note arrive for a company known by its KvK number, then HubSpot shows the balance netted', async () => {
    const company = await m.createCompany({ name: 'Bakkerij Jansen B.V.', rd_coc_number: '12345678' });
    const invoice = await m.upload('/ubl', peppolDocument({ number: 'F2027-0001', issueDate: '2027-03-01', dueDate: '2027-03-31', payable: '1210.00' }), 'application/xml');
    expect(invoice).toMatchObject({ status: 200, body: { received: 1, created: 1, unmatched: 0, rejected: 0 } });
    expect(await m.rollup(company)).toMatchObject({ open: 1210, overdue: 1210 });

    const credit = await m.upload('/ubl', peppolDocument({ kind: 'CreditNote', number: 'C2027-0001', issueDate: '2027-04-01', payable: '242.00', billingReference: 'F2027-0001' }), 'application/xml');
    expect(credit).toMatchObject({ status: 200, body: { received: 1, created: 1, rejected: 0 } });
    expect((await m.rollup(company)).open).toBe(968);

    // The same document again changes nothing.
    const again = await m.upload('/ubl', peppolDocument({ number: 'F2027-0001', issueDate: '2027-03-01', dueDate: '2027-03-31', payable: '1210.00' }), 'application/xml');
    expect(again.body).toMatchObject({ received: 1, created: 0, unchanged: 1 });
    expect((await m.rollup(company)).open).toBe(968);
  });

  it('when a batch holds a broken document among good ones, then the good ones go in and the broken one is refused with its rule and XPath', async () => {
    const company = await m.createCompany({ name: 'Batch Groothandel B.V.', rd_vat_number: 'NL111222333B01' });
    const buyer = { name: 'Batch Groothandel B.V.', vat: 'NL111222333B01' };
    const { body, contentType } = multipartBatch([
      { name: 'a.xml', content: peppolDocument({ number: 'B-1', buyer, payable: '100.00', prepaid: '21.00' }) },
      { name: 'b.xml', content: peppolDocument({ number: 'B-2', buyer, payable: null }) },
      { name: 'c.xml', content: '<Invoice><unclosed></Invoice>' },
      { name: 'd.xml', content: peppolDocument({ number: 'B-3', buyer, payable: '50.00', dueDate: null, terms: 'Betaling binnen 30 dagen' }) },
    ]);
    const res = await m.upload('/ubl', body, contentType);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 4, created: 2, rejected: 2 });
    expect(res.body.errors).toEqual([
      expect.objectContaining({ index: 1, file: 'b.xml', rule: 'BR-15', xpath: '/Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount', externalId: 'B-2' }),
      expect.objectContaining({ index: 2, file: 'c.xml', rule: 'RD-XML' }),
    ]);
    expect((await m.rollup(company)).open).toBe(150);
  });

  it('when the body is no XML document or carries a DOCTYPE with entities, then nothing goes in', async () => {
    expect((await m.upload('/ubl', '{"invoices":[]}', 'application/json')).status).toBe(415);
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><Invoice>&lol2;</Invoice>`;
    const res = await m.upload('/ubl', laughs, 'application/xml');
    expect(res).toMatchObject({ status: 200, body: { received: 1, created: 0, rejected: 1 } });
    expect(res.body.errors[0]?.reason).toMatch(/DOCTYPE is not accepted/);
  });
});
