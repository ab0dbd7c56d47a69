import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statutoryInterest } from '../../src/domain/legal/interest';
import { wikCollectionCosts } from '../../src/domain/legal/collection-costs';
import { printReference, rfReference } from '../../src/domain/payments/rf-reference';
import { launchBrowser, openPage, seriousA11yViolations } from '../support/browser';
import { startMonth, type Month } from './support/month';

/**
 * The debtor's own page as a customer meets it: a link opened in a browser (no JavaScript needed), served by the
 * composition npm start runs, showing exactly that customer's open invoices, where they stand on the ladder and the
 * figures the cards and letters use — in Dutch and English. Any link that opens nothing gets one neutral page.
 */
let m: Month;
let company: string;
let link: string;

const text = async (res: Response) => (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const page = (token: string, query = '', headers: Record<string, string> = {}) =>
  fetch(`${m.embedded.publicBaseUrl}/my/${token}${query}`, { headers });

beforeAll(async () => {
  m = await startMonth({ firstDay: '2027-03-01' });
  company = await m.createCompany({ name: 'Bakkerij De Korenaar BV', domain: 'korenaar.example' });
  await m.createCompany({ name: 'Andere Klant BV', domain: 'andere-klant.example' });
  await m.invoices({ domain: 'korenaar.example' }, [
    { id: 'KOR-1', amount: 121_000, issued: '2027-01-01', due: '2027-01-30' },
    { id: 'KOR-2', amount: 50_000, issued: '2027-02-20', due: '2027-03-22' },
  ]);
  await m.invoices({ domain: 'andere-klant.example' }, [{ id: 'AND-1', amount: 99_999, issued: '2027-01-01', due: '2027-01-30' }]);
  link = (await m.embedded.backend.debtorLinks.ensure(m.portalId, company)).token;
}, 120_000);
afterAll(async () => { await m?.close(); });

describe('the debtor page', () => {
  it('when the customer opens their link, then they see their open invoices, the overdue one with its interest, the phase and the costs, in Dutch', async () => {
    const res = await page(link);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const body = await text(res);
    expect(body).toContain('Uw facturen bij Voorbeeld Groothandel B.V.');
    expect(body).toContain('2 openstaande facturen');
    expect(body).toContain('Factuur KOR-1');
    expect(body).toContain('Factuur KOR-2');
    expect(body).toContain('30 dagen over de vervaldatum');
    // Nothing of the other customer.
    expect(body).not.toContain('AND-1');
    expect(body).not.toContain('999,99');
    // The same figures the cards and letters use: the domain's statutory interest and WIK scale.
    const interest = statutoryInterest({ principal: { minor: 121_000, currency: 'EUR' }, from: '2027-01-30', to: '2027-03-01', kind: 'commercial' });
    const euro = (minor: number) => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(minor / 100).replace(/\s/g, ' ');
    const normalised = body.replace(/\u00a0/g, ' ');
    expect(interest.minor).toBeGreaterThan(0);
    expect(normalised).toContain(`Wettelijke rente tot vandaag ${euro(interest.minor)}`);
    expect(normalised).toContain(`incassokosten van ${euro(wikCollectionCosts({ minor: 121_000, currency: 'EUR' }).minor)}`);
    expect(body).toContain('Waar u staat');
    expect(body).toMatch(/Volgende stap: .+ op \d+ \w+ 2027\./);
  });

  it('when the customer switches to English, then the same page is in English', async () => {
    const body = await text(await page(link, '?lang=en'));
    expect(body).toContain('Your invoices with Voorbeeld Groothandel B.V.');
    expect(body).toContain('2 open invoices');
    expect(body).toContain('30 days overdue');
    expect(body).toMatch(/Next: .+ on \d+ \w+ 2027\./);
    expect(body).toContain('Nederlands');
  });

  it('when a payment arrives through the ingest API, then the page shows it received and the invoice gone', async () => {
    await m.payment('KOR-2', 50_000, '2027-03-01');
    const body = await text(await page(link, '?lang=en'));
    expect(body).toContain('1 open invoice');
    expect(body).not.toContain('Invoice KOR-2');
    expect(body.replace(/\u00a0/g, ' ')).toMatch(/1 March 2027: €500\.00 for invoice KOR-2/);
  });

  it('when a link is tampered with, unknown or malformed, then the answer is one neutral 404 page that names no one', async () => {
    const flipped = link.slice(0, -1) + (link.endsWith('A') ? 'B' : 'A');
    const answers = await Promise.all([flipped, `${m.portalId}.${'x'.repeat(43)}`, 'nonsense', `999.${link.split('.')[1]}`].map(async (t) => {
      const res = await page(t);
      return { status: res.status, body: await res.text() };
    }));
    for (const a of answers) {
      expect(a.status).toBe(404);
      expect(a.body).toBe(answers[0]!.body);
      expect(a.body).toContain('Deze link werkt niet');
      expect(a.body).not.toContain('Voorbeeld Groothandel');
      expect(a.body).not.toContain('Korenaar');
    }
  });

  it('when the link is rotated, then the old one gets the neutral page and the new one works; when revoked, neither', async () => {
    const links = m.embedded.backend.debtorLinks;
    const rotated = (await links.rotate(m.portalId, company)).token;
    expect((await page(link)).status).toBe(404);
    expect((await page(rotated)).status).toBe(200);
    expect((await links.ensure(m.portalId, company)).token).toBe(rotated);
    await links.revoke(m.portalId, company);
    expect((await page(rotated)).status).toBe(404);
    link = (await links.ensure(m.portalId, company)).token;
    expect((await page(link)).status).toBe(200);
  });

  it('when someone keeps guessing links, then after 20 misses their address gets 429, even for a valid link, and others do not', async () => {
    const guesser = { 'X-Forwarded-For': '203.0.113.7' };
    for (let i = 0; i < 20; i++) expect((await page(`${m.portalId}.${String(i).padStart(43, 'g')}`, '', guesser)).status).toBe(404);
    const blocked = await page(link, '', guesser);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await page(link, '', { 'X-Forwarded-For': '203.0.113.8' })).status).toBe(200);
  });

  it('when a browser opens the page on a phone, then it renders without scripts, in both languages, and axe finds no serious violations', async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });
      const { page: tab, errors } = await openPage(context);
      await tab.goto(`${m.embedded.publicBaseUrl}/my/${link}`);
      expect(await tab.locator('h1').textContent()).toBe('Uw facturen bij Voorbeeld Groothandel B.V.');
      expect(await tab.getByTestId('invoices').locator('li').count()).toBe(1);
      await tab.getByRole('link', { name: 'English' }).click();
      expect(await tab.locator('html').getAttribute('lang')).toBe('en');
      expect(await tab.locator('h1').textContent()).toBe('Your invoices with Voorbeeld Groothandel B.V.');
      await context.close();
      // axe runs as a script of its own: a context with JavaScript, the page itself still has none.
      const scanning = await browser.newContext({ viewport: { width: 375, height: 740 } });
      const { page: scan } = await openPage(scanning);
      for (const lang of ['nl', 'en']) {
        await scan.goto(`${m.embedded.publicBaseUrl}/my/${link}?lang=${lang}`);
        expect(await seriousA11yViolations(scan)).toEqual([]);
      }
      await scan.goto(`${m.embedded.publicBaseUrl}/my/not-a-link`);
      expect(await seriousA11yViolations(scan)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('when the customer opens "pay" for an invoice, then they get the EPC QR, the IBAN and the RF reference to copy, and the online checkout', async () => {
    const pay = await fetch(`${m.embedded.publicBaseUrl}/my/${link}/pay?invoice=KOR-1&lang=en`);
    expect(pay.status).toBe(200);
    const raw = await pay.text();
    expect(raw).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" width="240" height="240" alt="QR code for your banking app: a transfer of €1,210.00 to Voorbeeld Groothandel B.V."/);
    expect(raw).toContain('value="NL91 ABNA 0417 1643 00"');
    expect(raw).toContain(`value="${printReference(rfReference('KOR-1')!)}"`);
    expect(raw).toContain('value="1210.00"');
    expect(raw).toContain('Pay €1,210.00 online — iDEAL | Wero, card, Bancontact');
    // Another customer's invoice, or an unknown one, is nothing to pay here: back to the overview.
    const foreign = await fetch(`${m.embedded.publicBaseUrl}/my/${link}/pay?invoice=AND-1`, { redirect: 'manual' });
    expect(foreign.status).toBe(303);
  });

  it('when an online payment fails, then the page says so and the invoice stays open', async () => {
    const base = m.embedded.publicBaseUrl;
    const start = await fetch(`${base}/my/${link}/checkout`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'invoice=KOR-1' });
    expect(start.status).toBe(303);
    const checkoutUrl = start.headers.get('location')!;
    expect(checkoutUrl.startsWith(m.embedded.mollie.url)).toBe(true);
    const back = await fetch(checkoutUrl, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'outcome=failed' });
    expect(back.headers.get('location')).toBe(`${base}/my/${link}/paid`);
    const paid = await fetch(back.headers.get('location')!, { redirect: 'manual' });
    expect(paid.headers.get('location')).toBe(`/my/${link}?payment=failed`);
    const body = await text(await fetch(`${base}${paid.headers.get('location')}&lang=en`));
    expect(body).toContain('The payment did not go through');
    expect(body).toContain('Invoice KOR-1');
  });

  it('when the customer pays in the browser through the provider, then the page shows it paid at once and HubSpot\'s rollup is zero within 30 s', async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });
      const { page: tab } = await openPage(context);
      await tab.goto(`${m.embedded.publicBaseUrl}/my/${link}`);
      await tab.getByRole('link', { name: 'Factuur KOR-1 betalen' }).click();
      await tab.getByRole('button', { name: /online betalen/ }).click();
      await tab.getByRole('button', { name: 'Paid' }).click();
      expect(await tab.getByTestId('banner').textContent()).toBe('Dank u wel — uw betaling is ontvangen.');
      expect(await tab.locator('h2#summary-h').textContent()).toBe('Er staat niets open. Dank u wel!');
      expect((await tab.getByTestId('payments').textContent())!.replace(/\s+/g, ' ')).toContain('1.210,00 voor factuur KOR-1');
      await context.close();
    } finally {
      await browser.close();
    }
    const started = Date.now();
    await m.waitFor(async () => (await m.rollup(company)).open === 0, 30_000);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect((await m.rollup(company)).overdue).toBe(0);
  }, 60_000);

  it('when Mollie calls the webhook again or someone posts a made-up id, then nothing is recorded twice or at all', async () => {
    const mollie = m.embedded.mollie;
    // The failed payment's webhook came first; the paid one is the latest.
    const paidCall = mollie.webhookCalls.at(-1)!;
    expect(paidCall.status).toBe(200);
    expect(await mollie.redeliver(paidCall.id)).toBe(200);
    expect(await mollie.redeliver(paidCall.id)).toBe(200);
    const ledger = (await m.embedded.backend.ledger.getCustomerLedger(m.portalId, company))!;
    expect(ledger.payments.filter((p) => p.externalId.startsWith('mollie-')).map((p) => p.externalId)).toEqual([`mollie-${paidCall.id}-KOR-1`]);
    expect(ledger.invoices.find((i) => i.externalId === 'KOR-1')!.open.minor).toBe(0);
    const hook = (body: string, portal = m.portalId) => fetch(`${m.embedded.publicBaseUrl}/payments/mollie/webhook?portal=${portal}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    expect((await hook('id=tr_madeup1234')).status).toBe(200);
    expect((await hook(`id=${paidCall.id}`, '999')).status).toBe(200);
    expect((await hook('id=<script>')).status).toBe(400);
    expect((await m.embedded.backend.ledger.getCustomerLedger(m.portalId, company))!.payments).toHaveLength(ledger.payments.length);
  });

  it('when the link is older than its validity, then it gets the neutral page', async () => {
    await m.embedded.time.advance({ days: 91 });
    expect((await page(link)).status).toBe(404);
  });
});
