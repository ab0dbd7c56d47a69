import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peppolDocument } from '../server/ingest/ubl/ubl-fixtures';
import { startMonth, type Month } from './support/month';

/**
 * An e-invoice that carries its own PDF (Peppol: AdditionalDocumentReference/Attachment, base64) arrives through
 * POST /api/ingest/ubl; the customer's page offers exactly that PDF for download, and only to that customer.
 */
let m: Month;
let company: string;
let other: string;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const withPdf = (xml: string, pdf: Buffer, mime = 'application/pdf') => xml.replace('<cac:AccountingSupplierParty>',
  `<cac:AdditionalDocumentReference><cbc:ID>PDF-1</cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="${mime}" filename="invoice.pdf">${pdf.toString('base64')}</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference><cac:AccountingSupplierParty>`);
const text = async (res: Response) => (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  m = await startMonth({ firstDay: '2027-04-05' });
  company = await m.createCompany({ name: 'Pdf Ontvanger B.V.', rd_coc_number: '11223344' });
  other = await m.createCompany({ name: 'Andere Ontvanger B.V.', rd_coc_number: '55667788' });
  const buyer = { name: 'Pdf Ontvanger B.V.', kvk: '11223344' };
  for (const doc of [
    withPdf(peppolDocument({ number: 'PDF-2027-1', issueDate: '2027-03-01', dueDate: '2027-03-31', payable: '1210.00', buyer }), PDF),
    peppolDocument({ number: 'PDF-2027-2', issueDate: '2027-03-02', dueDate: '2027-04-01', payable: '100.00', buyer }),
    withPdf(peppolDocument({ number: 'PDF-2027-3', issueDate: '2027-03-03', dueDate: '2027-04-02', payable: '50.00', buyer }), Buffer.from('not a pdf'), 'application/pdf'),
    withPdf(peppolDocument({ number: 'ANDER-1', issueDate: '2027-03-01', dueDate: '2027-03-31', payable: '99.00', buyer: { name: 'Andere Ontvanger B.V.', kvk: '55667788' } }), PDF),
  ]) expect((await m.upload('/ubl', doc, 'application/xml')).body).toMatchObject({ created: 1, rejected: 0 });
}, 90_000);
afterAll(async () => { await m?.close(); });

describe('an invoice\'s own PDF on the debtor page', () => {
  it('when the source embedded a PDF, then the page links it and the download is that PDF; other invoices have no link', async () => {
    const link = (await m.embedded.backend.debtorLinks.ensure(m.portalId, company)).token;
    const base = `${m.embedded.publicBaseUrl}/my/${link}`;
    const body = await text(await fetch(`${base}?lang=en`));
    expect(body).toContain('Download invoice PDF-2027-1 (PDF)');
    expect(body).not.toContain('Download invoice PDF-2027-2');
    expect(body).not.toContain('Download invoice PDF-2027-3');
    expect(await text(await fetch(base))).toContain('Factuur PDF-2027-1 downloaden (pdf)');

    const res = await fetch(`${base}/invoices/${encodeURIComponent('ubl:invoice:PDF-2027-1')}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="PDF-2027-1.pdf"');
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await fetch(`${base}/invoices/${encodeURIComponent('ubl:invoice:PDF-2027-2')}/pdf`)).status).toBe(404);
  });

  it('when one customer asks for another customer\'s PDF, or a tampered link asks for any, then the answer is the neutral 404', async () => {
    const link = (await m.embedded.backend.debtorLinks.ensure(m.portalId, company)).token;
    const otherLink = (await m.embedded.backend.debtorLinks.ensure(m.portalId, other)).token;
    const own = `invoices/${encodeURIComponent('ubl:invoice:ANDER-1')}/pdf`;
    expect((await fetch(`${m.embedded.publicBaseUrl}/my/${otherLink}/${own}`)).status).toBe(200);
    const foreign = await fetch(`${m.embedded.publicBaseUrl}/my/${link}/${own}`);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain('Andere');
    const tampered = `${link.slice(0, -1)}${link.endsWith('A') ? 'B' : 'A'}`;
    expect((await fetch(`${m.embedded.publicBaseUrl}/my/${tampered}/invoices/${encodeURIComponent('ubl:invoice:PDF-2027-1')}/pdf`)).status).toBe(404);
  });
});
