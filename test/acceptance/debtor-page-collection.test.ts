import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMonth, type Month } from './support/month';

/**
 * An invoice the creditor handed to a collection agency (status `in_collection` from the accounting system) is
 * still owed, but to be settled with the agency: the customer's page says so in their language and offers no
 * way to pay it here — no pay link, no QR, no reference, and it is not part of "pay everything overdue".
 */
let m: Month;
let token: string;
const base = () => m.embedded.publicBaseUrl;
const text = async (res: Response) => (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replace(/\u00a0/g, ' ');
/** The invoice's own list item on the page. */
const itemOf = (html: string, number: string) => html.split('<li class="invoice">').find((li) => li.includes(`${number}</h3>`))!;

beforeAll(async () => {
  m = await startMonth({ firstDay: '2027-04-05' });
  const company = await m.createCompany({ name: 'Incasso Klant BV', domain: 'incasso-klant.example' });
  await m.invoices({ domain: 'incasso-klant.example' }, [{ id: 'IK-1', amount: 50_000, issued: '2027-01-01', due: '2027-01-31' }], { status: 'in_collection' });
  await m.invoices({ domain: 'incasso-klant.example' }, [{ id: 'IK-2', amount: 20_000, issued: '2027-02-01', due: '2027-03-03' }]);
  token = (await m.embedded.backend.debtorLinks.ensure(m.portalId, company)).token;
}, 60_000);
afterAll(async () => { await m?.close(); });

describe('an invoice at the collection agency on the debtor page', () => {
  it('when the customer opens the page, then it shows the invoice as with the agency, in Dutch and English, with nothing to pay it here', async () => {
    for (const [lang, says] of [['nl', 'Bij het incassobureau — neem contact op met het incassobureau'], ['en', 'At the collection agency — contact them']] as const) {
      const raw = await (await fetch(`${base()}/my/${token}?lang=${lang}`)).text();
      const agency = itemOf(raw, 'IK-1');
      expect(agency).toContain(says);
      expect(agency).not.toContain('/pay?invoice=');
      expect(agency).not.toContain('data-testid="reference-');
      // The other, ordinary overdue invoice is offered as before.
      expect(itemOf(raw, 'IK-2')).toContain('/pay?invoice=IK-2');
    }
  });

  it('when the customer tries to pay it directly, then there is no pay page (no QR) for it', async () => {
    const pay = await fetch(`${base()}/my/${token}/pay?invoice=IK-1&lang=en`, { redirect: 'manual' });
    expect(pay.status).toBe(303);
    const checkout = await fetch(`${base()}/my/${token}/checkout`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'invoice=IK-1' });
    expect(checkout.headers.get('location')).not.toContain(m.embedded.mollie.url);
  });

  it('when the customer pays everything overdue, then only the ordinary invoice is in it', async () => {
    const overview = await text(await fetch(`${base()}/my/${token}?lang=en`));
    expect(overview).toContain('Pay everything overdue (€200.00)');
    const raw = await (await fetch(`${base()}/my/${token}/pay?lang=en`)).text();
    const body = raw.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replace(/\u00a0/g, ' ');
    expect(body).toContain('€200.00');
    expect(body).not.toContain('€700.00');
    expect(body).toContain('IK-2');
    expect(body).not.toContain('IK-1');
  });
});
