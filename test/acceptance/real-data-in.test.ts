import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BankImportReport, UnappliedPaymentList } from '../../src/contracts/bank';
import { CsvDateRefusal } from '../../src/contracts/ingest';
import type { PortalSettingsVM } from '../../src/contracts/settings';
import { isValidBetalingskenmerk } from '../../src/domain/payments/betalingskenmerk';
import { isValidRfReference } from '../../src/domain/payments/rf-reference';
import { camtDocument } from '../server/ingest/bank/camt-fixtures';
import { peppolDocument } from '../server/ingest/ubl/ubl-fixtures';
import { startMonth, type Month } from './support/month';

/**
 * Real data as a new customer brings it, through the composition `npm start` runs: exports whose dates could be
 * read two ways, accounting statuses that must change what we do, one invoice arriving as CSV and as e-invoice,
 * payment references the bank quotes back, and two bank statements posted at the same moment.
 */
let m: Month;
beforeAll(async () => { m = await startMonth({ firstDay: '2027-04-05' }); }, 60_000);
afterAll(async () => { await m?.close(); });

const compact = (printed: string | undefined) => (printed ?? '').replace(/\s/g, '');
const rowOf = async (companyId: string, number: string) => (await m.receivables(companyId)).invoices.items.find((i) => i.number === number);

describe('real exports, e-invoices and bank files', () => {
  it('when an English export writes 03/02/2027 and nothing says the order, then it is refused naming the column; with ?dateFormat=dmy it goes in', async () => {
    const company = await m.createCompany({ name: 'Harbour Supplies Ltd', domain: 'harbour.example' });
    const csv = 'Invoice number,Customer,Website,Invoice date,Due date,Amount\nH-1,Harbour Supplies Ltd,harbour.example,03/02/2027,05/03/2027,250.00\n';
    const refused = await m.postIngest('/csv', csv, 'text/csv');
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { code: string; details: unknown };
    expect(body.code).toBe('ambiguous_csv_dates');
    expect(CsvDateRefusal.parse(body.details)).toMatchObject({ column: 'Invoice date', examples: ['03/02/2027'] });
    expect((await m.rollup(company)).open).toBeNaN();

    const accepted = await m.postIngest('/csv?dateFormat=dmy', csv, 'text/csv');
    expect(accepted.status).toBe(200);
    await m.settle();
    expect(await m.rollup(company)).toMatchObject({ open: 250, overdue: 250 });
    expect(await rowOf(company, 'H-1')).toMatchObject({ issueDate: '2027-02-03', dueDate: '2027-03-05' });
  });

  it('when the export says one of two overdue invoices is at the collection agency, then the card shows it so and our reminder names only the other', async () => {
    const company = await m.createCompany({ name: 'Tegelhandel Vos B.V.', domain: 'vos-tegels.example' });
    await m.csv([
      'Factuurnr;Klantnaam;Website;Factuurdatum;Vervaldatum;Bedrag;Status',
      'V-10;Tegelhandel Vos B.V.;vos-tegels.example;05-01-2027;04-02-2027;600,00;open',
      'V-11;Tegelhandel Vos B.V.;vos-tegels.example;05-01-2027;04-02-2027;1.500,00;Uit handen gegeven',
    ].join('\n'));
    expect((await rowOf(company, 'V-11'))?.tags).toContain('in_collection');
    expect((await rowOf(company, 'V-10'))?.tags).not.toContain('in_collection');
    const tasks = await m.openTasks(company);
    expect(tasks.length).toBeGreaterThan(0);
    for (const t of tasks) {
      expect(`${t.subject}\n${t.body}`).toContain('V-10');
      expect(`${t.subject}\n${t.body}`).not.toContain('V-11');
    }
    expect((await m.rollup(company)).overdue).toBe(2100);
  });

  it('when the same invoice comes as a CSV row and as its Peppol e-invoice, then HubSpot counts it once', async () => {
    const company = await m.createCompany({ name: 'Drukkerij Kort B.V.', rd_coc_number: '24681357' });
    await m.csv('Factuurnummer;Debiteur;KvK;Factuurdatum;Vervaldatum;Bedrag\nK2027-0100;Drukkerij Kort B.V.;24681357;01-03-2027;31-03-2027;1.210,00\n');
    const buyer = { name: 'Drukkerij Kort B.V.', endpoint: { scheme: '0106', id: '24681357' }, kvk: '24681357', vat: 'NL246813570B01' };
    const ubl = await m.upload('/ubl', peppolDocument({ number: 'K2027-0100', issueDate: '2027-03-01', dueDate: '2027-03-31', payable: '1210.00', buyer }), 'application/xml');
    expect(ubl).toMatchObject({ status: 200, body: { created: 0, rejected: 0 } });
    expect(await m.rollup(company)).toMatchObject({ open: 1210, overdue: 1210 });
    expect((await m.receivables(company)).invoices.total).toBe(1);
  });

  it('when the company chose RF references, then an invoice without one gets a valid RF on the card, and a camt credit quoting it pays it', async () => {
    const admin = m.embedded.hubspot.adminUserId!;
    const path = `/api/settings?portalId=${m.portalId}&userId=${admin}`;
    const current = (await (await m.signedFetch('GET', path)).json()) as PortalSettingsVM;
    expect(current.paymentReferences).toBe('betalingskenmerk');
    const saved = await m.signedFetch('PATCH', path, { version: current.version, paymentReferences: 'rf' });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as PortalSettingsVM).paymentReferences).toBe('rf');

    const company = await m.createCompany({ name: 'Referentie B.V.', domain: 'referentie.example' });
    await m.invoices({ domain: 'referentie.example' }, [{ id: 'R-2027-9', amount: 48_400, issued: '2027-02-01', due: '2027-03-03' }]);
    const reference = compact((await rowOf(company, 'R-2027-9'))?.paymentReference);
    expect(isValidRfReference(reference)).toBe(true);

    const res = await m.upload('/bank', camtDocument({ id: 'RF-1', entries: [{ amount: 48_400, reference, name: 'REFERENTIE BV', acctSvcrRef: 'RF-1-1' }] }), 'application/xml');
    expect((res.body as unknown as BankImportReport).applied.reference).toBe(1);
    expect(await m.rollup(company)).toMatchObject({ open: 0, overdue: 0 });
    await m.signedFetch('PATCH', path, { version: current.version + 1, paymentReferences: 'betalingskenmerk' });
  });

  it('when two bank statements paying the same invoice by its betalingskenmerk are posted at the same moment, then it is paid once and the other credit waits', async () => {
    const company = await m.createCompany({ name: 'Dubbel Betaald B.V.', domain: 'dubbel.example' });
    await m.invoices({ domain: 'dubbel.example' }, [{ id: 'DB-1', amount: 99_500, issued: '2027-02-01', due: '2027-03-03' }]);
    const kenmerk = compact((await rowOf(company, 'DB-1'))?.paymentReference);
    expect(isValidBetalingskenmerk(kenmerk) && kenmerk.length === 16).toBe(true);

    const statement = (id: string) => camtDocument({ id, entries: [{ amount: 99_500, reference: kenmerk, name: 'DUBBEL BV', acctSvcrRef: `${id}-1` }] });
    const answers = await Promise.all([m.postIngest('/bank', statement('DUP-A'), 'application/xml'), m.postIngest('/bank', statement('DUP-B'), 'application/xml')]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const reports = (await Promise.all(answers.map((a) => a.json()))) as BankImportReport[];
    expect(reports.map((r) => r.applied.reference).sort()).toEqual([0, 1]);
    await m.settle();
    expect((await m.rollup(company)).open).toBe(0);
    const waiting = (await (await m.ingestGet('/bank/unapplied')).json()) as UnappliedPaymentList;
    expect(waiting.items.filter((u) => u.reference === kenmerk)).toHaveLength(1);
  });
});
