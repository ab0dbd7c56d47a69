import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BankImportReport, UnappliedPaymentList } from '../../src/contracts/bank';
import { epcPayload } from '../../src/domain/payments/epc-qr';
import { isValidBetalingskenmerk } from '../../src/domain/payments/betalingskenmerk';
import { printedReference } from '../../src/domain/payments/payment-reference';
import { printReference, rfReference } from '../../src/domain/payments/rf-reference';
import { epcQrDataUrl } from '../../src/server/debtor-page/render/qr';
import { camtDocument } from '../server/ingest/bank/camt-fixtures';
import { startMonth, type Month } from './support/month';

/**
 * A customer pays online on their own page (the provider stand-in, as Mollie), the ledger has it at once; days
 * later the bank statement shows the same money — the provider's payout naming the payment, or a credit with the
 * same amount and the invoice's reference. Through POST /api/ingest/bank it is recognised, not counted twice: the
 * other open invoice of the same amount stays open, and nothing waits in the unapplied list.
 */
let m: Month;
const base = () => m.embedded.publicBaseUrl;

const bank = async (xml: string) => {
  const res = await m.upload('/bank', xml, 'application/xml');
  return { status: res.status, report: res.body as unknown as BankImportReport };
};
/** The customer pays one invoice through the provider's checkout; returns the provider's payment id. */
async function payOnline(token: string, invoice: string): Promise<string> {
  const start = await fetch(`${base()}/my/${token}/checkout`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `invoice=${invoice}` });
  expect(start.status).toBe(303);
  const back = await fetch(start.headers.get('location')!, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'outcome=paid' });
  expect((await fetch(back.headers.get('location')!, { redirect: 'manual' })).headers.get('location')).toBe(`/my/${token}?payment=paid`);
  await m.settle();
  return m.embedded.mollie.webhookCalls.at(-1)!.id;
}
const paymentsOf = async (companyId: string, invoice: string) =>
  (await m.embedded.backend.ledger.getCustomerLedger(m.portalId, companyId))!.payments.filter((p) => p.invoiceExternalId === invoice);
const unapplied = async () => ((await (await m.ingestGet('/bank/unapplied')).json()) as UnappliedPaymentList).items;

beforeAll(async () => { m = await startMonth({ firstDay: '2027-04-05' }); }, 60_000);
afterAll(async () => { await m?.close(); });

describe('a bank statement of a payment already received online', () => {
  let company: string;
  let token: string;
  let providerId: string;

  beforeAll(async () => {
    company = await m.createCompany({ name: 'Online Betaler BV', domain: 'online-betaler.example' });
    await m.invoices({ domain: 'online-betaler.example' }, [
      { id: 'ON-1', amount: 121_000, issued: '2027-02-01', due: '2027-03-03' },
      { id: 'ON-2', amount: 121_000, issued: '2027-02-10', due: '2027-03-12' },
    ]);
    token = (await m.embedded.backend.debtorLinks.ensure(m.portalId, company)).token;
    providerId = await payOnline(token, 'ON-1');
  }, 60_000);

  it('when the provider\'s payout names the payment id, then it is recognised and nothing is counted twice; the same file again changes nothing', async () => {
    expect(await paymentsOf(company, 'ON-1')).toHaveLength(1);
    expect((await m.rollup(company)).open).toBe(1210);
    const statement = camtDocument({ id: 'S-ON', entries: [{ amount: 121_000, text: `${providerId} Voorbeeld Groothandel B.V.: ON-1`, name: 'Stichting Mollie Payments', iban: 'NL10ABNA0000000001', acctSvcrRef: 'MOL-1' }] });
    const first = await bank(statement);
    expect(first).toMatchObject({ status: 200, report: { received: 1, created: 0, unmatched: 0, paidOnline: 1, rejected: 0 } });
    expect(await paymentsOf(company, 'ON-1')).toHaveLength(1);
    // The other invoice of the same amount is not taken for it.
    expect(await paymentsOf(company, 'ON-2')).toHaveLength(0);
    expect((await m.rollup(company)).open).toBe(1210);
    expect((await unapplied()).filter((u) => u.amountMinor === 121_000)).toEqual([]);

    expect((await bank(statement)).report).toMatchObject({ received: 1, created: 0, unchanged: 1, paidOnline: 0 });
    expect((await m.rollup(company)).open).toBe(1210);
  });

  it('when a statement shows the same amount with the invoice\'s RF reference (no payment id), then it is the same payment too — but a second such credit is money of its own', async () => {
    const other = await m.createCompany({ name: 'Kenmerk Online BV', domain: 'kenmerk-online.example' });
    await m.invoices({ domain: 'kenmerk-online.example' }, [{ id: 'KO-7', amount: 48_400, issued: '2027-02-01', due: '2027-03-03' }]);
    const otherToken = (await m.embedded.backend.debtorLinks.ensure(m.portalId, other)).token;
    await payOnline(otherToken, 'KO-7');
    const rf = printReference(rfReference('KO-7')!);
    const same = await bank(camtDocument({ id: 'S-KO', entries: [{ amount: 48_400, text: rf, name: 'KENMERK ONLINE BV', iban: 'NL20INGB0001234567', acctSvcrRef: 'KO-1' }] }));
    expect(same.report).toMatchObject({ created: 0, unmatched: 0, paidOnline: 1 });
    expect(await paymentsOf(other, 'KO-7')).toHaveLength(1);

    const again = await bank(camtDocument({ id: 'S-KO2', entries: [{ amount: 48_400, text: rf, name: 'KENMERK ONLINE BV', iban: 'NL20INGB0001234567', acctSvcrRef: 'KO-2' }] }));
    expect(again.report).toMatchObject({ paidOnline: 0, unmatched: 1 });
    expect((await unapplied()).some((u) => u.amountMinor === 48_400 && u.remittance === rf)).toBe(true);
    expect(await paymentsOf(other, 'KO-7')).toHaveLength(1);
  });

  it('when the customer\'s page is opened, then it lists the online payment once', async () => {
    const html = (await (await fetch(`${base()}/my/${token}?lang=en`)).text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replace(/\u00a0/g, ' ');
    expect(html.match(/€1,210\.00 for invoice ON-1/g)).toHaveLength(1);
    expect(html).toContain('Invoice ON-2');
  });
});

/** The customer pays at the provider but the webhook is late and the payer closes the tab: nothing settles it yet. */
async function payWithLateWebhook(token: string, invoice: string): Promise<{ id: string; release: () => Promise<void> }> {
  const hold = m.embedded.mollie.holdWebhooks();
  const start = await fetch(`${base()}/my/${token}/checkout`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `invoice=${invoice}` });
  const checkoutUrl = start.headers.get('location')!;
  const paid = await fetch(checkoutUrl, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'outcome=paid' });
  expect(paid.status).toBe(303);
  return { id: /\/checkout\/(tr_\w+)/.exec(checkoutUrl)![1]!, release: async () => { await hold.release(); await m.settle(); } };
}

describe('a bank statement that comes before the provider\'s webhook of the same payment', () => {
  it('when the statement was applied to the invoice and the webhook comes later, then the provider payment is recognised as the same money: counted once, also on a repeated webhook', async () => {
    const company = await m.createCompany({ name: 'Trage Webhook BV', domain: 'trage-webhook.example' });
    await m.invoices({ domain: 'trage-webhook.example' }, [
      { id: 'TW-1', amount: 96_800, issued: '2027-02-01', due: '2027-03-03' },
      { id: 'TW-2', amount: 96_800, issued: '2027-02-10', due: '2027-03-12' },
    ]);
    const token = (await m.embedded.backend.debtorLinks.ensure(m.portalId, company)).token;
    const late = await payWithLateWebhook(token, 'TW-1');
    await m.settle();
    expect(await paymentsOf(company, 'TW-1')).toHaveLength(0);

    const statement = camtDocument({ id: 'S-TW', entries: [{ amount: 96_800, text: `${late.id} Voorbeeld Groothandel B.V.: TW-1`, name: 'Stichting Mollie Payments', iban: 'NL10ABNA0000000001', acctSvcrRef: 'TW-BANK-1' }] });
    expect((await bank(statement)).report).toMatchObject({ created: 1, unmatched: 0, paidOnline: 0 });
    expect(await paymentsOf(company, 'TW-1')).toHaveLength(1);

    await late.release();
    expect(m.embedded.mollie.webhookCalls.filter((c) => c.id === late.id).map((c) => c.status)).toEqual([200]);
    expect(await paymentsOf(company, 'TW-1')).toHaveLength(1);
    expect(await paymentsOf(company, 'TW-2')).toHaveLength(0);
    expect((await m.rollup(company)).open).toBe(968);

    expect(await m.embedded.mollie.redeliver(late.id)).toBe(200);
    await m.settle();
    expect(await paymentsOf(company, 'TW-1')).toHaveLength(1);
    expect((await m.rollup(company)).open).toBe(968);
    // A later statement of the same money (the payout after the payer's own transfer was seen) is not the provider's either.
    const payout = camtDocument({ id: 'S-TW2', entries: [{ amount: 96_800, text: `${late.id} payout`, name: 'Stichting Mollie Payments', iban: 'NL10ABNA0000000001', acctSvcrRef: 'TW-BANK-2' }] });
    expect((await bank(payout)).report).toMatchObject({ paidOnline: 0 });
  });

  it('when the statement named only the payment id and waited as unapplied, then the late webhook pays the invoice once and the waiting credit is gone', async () => {
    const company = await m.createCompany({ name: 'Alleen Kenmerk BV', domain: 'alleen-kenmerk.example' });
    await m.invoices({ domain: 'alleen-kenmerk.example' }, [{ id: 'AK-3', amount: 30_250, issued: '2027-02-01', due: '2027-03-03' }]);
    const token = (await m.embedded.backend.debtorLinks.ensure(m.portalId, company)).token;
    const late = await payWithLateWebhook(token, 'AK-3');
    const statement = camtDocument({ id: 'S-AK', entries: [{ amount: 30_250, text: late.id, name: 'Stichting Mollie Payments', iban: 'NL10ABNA0000000001', acctSvcrRef: 'AK-BANK-1' }] });
    expect((await bank(statement)).report).toMatchObject({ created: 0, unmatched: 1 });
    expect((await unapplied()).some((u) => u.remittance === late.id)).toBe(true);

    await late.release();
    expect(await paymentsOf(company, 'AK-3')).toHaveLength(1);
    expect((await m.rollup(company)).open).toBe(0);
    expect((await unapplied()).some((u) => u.remittance === late.id)).toBe(false);
  });
});

/** What the pay page offers to copy, by the field's test id. */
const copied = (html: string, id: string): string | undefined => new RegExp(`data-testid="${id}"[^>]*|value="([^"]*)"[^>]*data-testid="${id}"`).exec(html)?.[1];
const storedReferences = async (companyId: string) => new Map((await m.embedded.backend.ledger.getCustomerLedger(m.portalId, companyId))!.invoices.map((i) => [i.externalId, i.paymentReference]));

describe('the invoice\'s own payment reference on the page, in the QR and on the bank statement', () => {
  it('when an invoice was given a betalingskenmerk at ingest, then the page and the QR quote exactly it, and a camt.053 credit quoting what the page says pays that invoice', async () => {
    const company = await m.createCompany({ name: 'Kenmerk Betaler BV', domain: 'kenmerk-betaler.example' });
    await m.invoices({ domain: 'kenmerk-betaler.example' }, [
      { id: 'KB-1', amount: 60_500, issued: '2027-02-01', due: '2027-03-03' },
      { id: 'KB-2', amount: 60_500, issued: '2027-02-10', due: '2027-03-12' },
    ]);
    const reference = (await storedReferences(company)).get('KB-1')!;
    expect(isValidBetalingskenmerk(reference)).toBe(true);
    const token = (await m.embedded.backend.debtorLinks.ensure(m.portalId, company)).token;

    const overview = await (await fetch(`${base()}/my/${token}?lang=nl`)).text();
    expect(overview).toContain(`<dd data-testid="reference-KB-1">${printedReference(reference)}</dd>`);
    const pay = await (await fetch(`${base()}/my/${token}/pay?invoice=KB-1&lang=nl`)).text();
    const quoted = copied(pay, 'pay-reference')!;
    expect(quoted).toBe(printedReference(reference));
    expect(pay).not.toContain(printReference(rfReference('KB-1')!));
    // The QR is exactly the EPC069-12 transfer with that reference as its structured reference.
    const payload = epcPayload({ beneficiaryName: copied(pay, 'pay-name')!, iban: copied(pay, 'pay-iban')!, ...(copied(pay, 'pay-bic') ? { bic: copied(pay, 'pay-bic')! } : {}), amount: { minor: 60_500, currency: 'EUR' }, reference: reference.replace(/\s/g, '') });
    expect(payload.ok).toBe(true);
    expect(pay).toContain(`<img src="${await epcQrDataUrl(payload.ok ? payload.value : '')}"`);

    const report = await bank(camtDocument({ id: 'S-KB', entries: [{ amount: 60_500, reference: quoted, name: 'KENMERK BETALER BV', iban: 'NL30RABO0123456789', acctSvcrRef: 'KB-BANK-1' }] }));
    expect(report).toMatchObject({ status: 200, report: { received: 1, created: 1, unmatched: 0 } });
    expect(await paymentsOf(company, 'KB-1')).toHaveLength(1);
    expect(await paymentsOf(company, 'KB-2')).toHaveLength(0);
    expect((await m.rollup(company)).open).toBe(605);
  });

  it('when everything overdue is paid in one transfer, then its text lists each invoice\'s reference and the statement quoting it pays each in full', async () => {
    const company = await m.createCompany({ name: 'Alles Tegelijk BV', domain: 'alles-tegelijk.example' });
    await m.invoices({ domain: 'alles-tegelijk.example' }, [
      { id: 'AT-1', amount: 10_000, issued: '2027-01-20', due: '2027-02-19' },
      { id: 'AT-2', amount: 25_000, issued: '2027-02-01', due: '2027-03-03' },
    ]);
    const refs = await storedReferences(company);
    const token = (await m.embedded.backend.debtorLinks.ensure(m.portalId, company)).token;
    const pay = await (await fetch(`${base()}/my/${token}/pay?lang=en`)).text();
    const text = copied(pay, 'pay-text')!;
    expect(text).toBe(`${refs.get('AT-1')}, ${refs.get('AT-2')}`);
    expect(copied(pay, 'pay-reference')).toBeUndefined();

    const report = await bank(camtDocument({ id: 'S-AT', entries: [{ amount: 35_000, text, name: 'ALLES TEGELIJK BV', iban: 'NL40RABO0123456780', acctSvcrRef: 'AT-BANK-1' }] }));
    expect(report.report).toMatchObject({ received: 1, created: 1, unmatched: 0 });
    expect((await paymentsOf(company, 'AT-1')).map((p) => p.amount.minor)).toEqual([10_000]);
    expect((await paymentsOf(company, 'AT-2')).map((p) => p.amount.minor)).toEqual([25_000]);
    expect((await m.rollup(company)).open).toBe(0);
  });
});
