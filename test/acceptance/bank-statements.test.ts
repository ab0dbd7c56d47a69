import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BankImportReport, UnappliedPaymentList } from '../../src/contracts/bank';
import { betalingskenmerk } from '../../src/domain/payments/betalingskenmerk';
import { camtDocument } from '../server/ingest/bank/camt-fixtures';
import { startMonth, type Month } from './support/month';

/**
 * Cash application as the credit controller meets it: the bank's camt.053 / camt.054 files to POST
 * /api/ingest/bank on the composition `npm start` runs, checked in HubSpot (rollups, tasks) and in the
 * unapplied-payments list.
 */
let m: Month;
beforeAll(async () => { m = await startMonth({ firstDay: '2027-04-05' }); }, 60_000);
afterAll(async () => { await m?.close(); });

const bank = async (xml: string) => {
  const res = await m.upload('/bank', xml, 'application/xml');
  return { status: res.status, report: res.body as unknown as BankImportReport };
};

describe('bank statements through POST /api/ingest/bank', () => {
  it('when a camt.053 pays an overdue invoice by its betalingskenmerk, then HubSpot shows it zeroed and its reminder task completed; the same statement again changes nothing', async () => {
    const kenmerk = betalingskenmerk('000000000004711');
    const company = await m.createCompany({ name: 'Kenmerk B.V.', domain: 'kenmerk.example' });
    await m.invoices({ domain: 'kenmerk.example' }, [{ id: 'K-1', amount: 121_000, issued: '2027-02-01', due: '2027-03-03' }], { paymentReference: kenmerk });
    expect(await m.rollup(company)).toMatchObject({ open: 1210, overdue: 1210 });
    expect((await m.openTasks(company)).length).toBeGreaterThan(0);

    const statement = camtDocument({ entries: [{ amount: 121_000, reference: kenmerk, name: 'KENMERK BV', iban: 'NL02RABO0123456789', acctSvcrRef: 'BANK-1' }] });
    const first = await bank(statement);
    expect(first).toMatchObject({ status: 200, report: { received: 1, created: 1, unmatched: 0, applied: { reference: 1 }, statements: [{ id: 'S1', message: 'camt.053', version: '001.02', reconciled: true }] } });
    expect(await m.rollup(company)).toMatchObject({ open: 0, overdue: 0 });
    expect(await m.openTasks(company)).toEqual([]);
    expect((await m.tasks(company)).some((t) => t.status === 'COMPLETED')).toBe(true);

    const again = await bank(statement);
    expect(again.report).toMatchObject({ received: 1, created: 0, unchanged: 1, unmatched: 0 });
    expect(await m.rollup(company)).toMatchObject({ open: 0 });
  });

  it('when credits name invoice numbers, pay part of one, or come again from an account that paid before, then each lands on the right invoices (camt.053 v08)', async () => {
    const combined = await m.createCompany({ name: 'Combi Handel B.V.', domain: 'combi.example' });
    await m.invoices({ domain: 'combi.example' }, [
      { id: 'C-101', amount: 50_000, issued: '2027-03-01', due: '2027-03-31' },
      { id: 'C-102', amount: 30_000, issued: '2027-03-02', due: '2027-04-01' },
    ]);
    const partial = await m.createCompany({ name: 'Deels B.V.', domain: 'deels.example' });
    await m.invoices({ domain: 'deels.example' }, [{ id: 'D-7', amount: 100_000, issued: '2027-03-01', due: '2027-03-31' }], { paymentReference: 'RF18539007547034' });

    const { report } = await bank(camtDocument({ version: '08', id: 'S2', entries: [
      { amount: 80_000, text: 'Facturen C-101, C-102', name: 'Combi Handel', acctSvcrRef: 'B2-1' },
      { amount: 40_000, reference: 'RF18539007547034', name: 'Deels BV', iban: 'NL44RABO0123459876', acctSvcrRef: 'B2-2' },
    ] }));
    expect(report).toMatchObject({ created: 2, applied: { invoice_number: 1, reference: 1 }, statements: [{ version: '001.08', reconciled: true }] });
    expect((await m.rollup(combined)).open).toBe(0);
    expect((await m.rollup(partial)).open).toBe(600);

    // The rest, a week later, without any reference: the account paid Deels' invoice before and the amount is exact.
    const later = await bank(camtDocument({ version: '04', id: 'S3', entries: [{ amount: 60_000, iban: 'NL44RABO0123459876', text: 'betaling', acctSvcrRef: 'B3-1' }] }));
    expect(later.report).toMatchObject({ created: 1, applied: { amount_and_payer: 1 } });
    expect((await m.rollup(partial)).open).toBe(0);
  });

  it('when a credit matches nothing, then it waits in the unapplied list until a person applies it; an unbalanced statement is reported, not refused', async () => {
    const company = await m.createCompany({ name: 'Later Toegewezen B.V.', domain: 'toegewezen.example' });
    await m.invoices({ domain: 'toegewezen.example' }, [{ id: 'T-1', amount: 9_900, issued: '2027-03-01', due: '2027-03-31' }]);
    const { status, report } = await bank(camtDocument({ id: 'S4', opening: 0, closing: 12_345, entries: [{ amount: 9_900, text: 'zie mail', name: 'Onbekend', acctSvcrRef: 'B4-1' }] }));
    expect(status).toBe(200);
    expect(report).toMatchObject({ created: 0, unmatched: 1, statements: [{ id: 'S4', reconciled: false, differenceMinor: 9_900 - 12_345 }] });

    const list = (await (await m.ingestGet('/bank/unapplied')).json()) as UnappliedPaymentList;
    const waiting = list.items.find((i) => i.remittance === 'zie mail');
    expect(waiting).toMatchObject({ amountMinor: 9_900, currency: 'EUR', reason: 'no_match', counterpartyName: 'Onbekend' });

    const resolved = await m.upload(`/bank/unapplied/${waiting!.id}/resolve`, JSON.stringify({ invoiceExternalIds: ['T-1'] }), 'application/json');
    expect(resolved.status).toBe(200);
    expect((await m.rollup(company)).open).toBe(0);
    const after = (await (await m.ingestGet('/bank/unapplied')).json()) as UnappliedPaymentList;
    expect(after.items.map((i) => i.id)).not.toContain(waiting!.id);
    // Resolving it twice finds nothing to resolve.
    expect((await m.upload(`/bank/unapplied/${waiting!.id}/resolve`, JSON.stringify({ invoiceExternalIds: ['T-1'] }), 'application/json')).status).toBe(404);
  });

  it('when a camt.054 reports a direct debit returned for insufficient funds (AM04), then it is recorded as a failed collection of that invoice', async () => {
    await m.createCompany({ name: 'Incasso B.V.', domain: 'incasso.example' });
    await m.invoices({ domain: 'incasso.example' }, [{ id: 'DD-1', amount: 25_000, issued: '2027-03-20', due: '2027-04-03' }], { directDebit: true });
    const returned = camtDocument({ message: '054', id: 'N1', entries: [{ amount: 25_000, debit: true, endToEndId: 'DD-1', returnReason: 'AM04', acctSvcrRef: 'RET-1' }] });
    const { report } = await bank(returned);
    expect(report).toMatchObject({ directDebitReturns: 1, rejected: 0, statements: [{ message: 'camt.054' }] });
    expect((await bank(returned)).report).toMatchObject({ directDebitReturns: 1, rejected: 0 });
  });

  it('when the file is not a bank statement, then it is refused and nothing goes in', async () => {
    expect((await bank('<Document xmlns="urn:example"><Stmt><Ntry/></Stmt></Document>')).status).toBe(422);
    expect((await bank('<Document><unclosed>')).status).toBe(400);
    expect((await m.upload('/bank', '{}', 'application/json')).status).toBe(415);
  });
});
