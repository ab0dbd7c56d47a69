import { request } from 'node:http';
import { createElement } from 'react';
import { Link, hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RecordPaymentStatusView } from '../../src/extensions/views/RecordPaymentStatusView';
import { jsonResponse, withPatientWaitFor } from '../extensions/fixtures';
import { statutoryInterest } from '../../src/domain/legal/interest';
import { wikCollectionCosts } from '../../src/domain/legal/collection-costs';
import { printedReference } from '../../src/domain/payments/payment-reference';
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

const euroOf = (locale: string, minor: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(minor / 100).replace(/\s/g, ' ');
const text = async (res: Response) => (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const page = (token: string, query = '', headers: Record<string, string> = {}) =>
  fetch(`${m.embedded.publicBaseUrl}/my/${token}${query}`, { headers });
/** A GET from another client: its own loopback address as the connection's source. */
const fromAddress = (localAddress: string, path: string, headers: Record<string, string> = {}) => new Promise<{ status: number; retryAfter: string | undefined }>((resolve, reject) => {
  const url = new URL(path, m.embedded.publicBaseUrl);
  request({ host: '127.0.0.1', port: url.port, path: url.pathname, localAddress, headers }, (res) => {
    res.resume();
    res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined }));
  }).on('error', reject).end();
});

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

  it('when someone keeps guessing links, then after 20 misses their address gets 429, even for a valid link and with a new X-Forwarded-For each time, and others do not', async () => {
    // Two clients on their own loopback addresses; no proxy is trusted (TRUST_PROXY unset), so the header is theirs to make up.
    const guesser = (token: string, n: number) => fromAddress('127.0.0.7', `/my/${token}`, { 'X-Forwarded-For': `198.51.100.${n}` });
    for (let i = 0; i < 20; i++) expect((await guesser(`${m.portalId}.${String(i).padStart(43, 'g')}`, i)).status).toBe(404);
    const blocked = await guesser(link, 99);
    expect(blocked.status).toBe(429);
    expect(blocked.retryAfter).toMatch(/^\d+$/);
    expect((await fromAddress('127.0.0.8', `/my/${link}`)).status).toBe(200);
  });

  it('when a browser opens the page on a phone, then it renders without scripts, in both languages, and axe finds no serious violations', async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });
      const { page: tab, errors } = await openPage(context);
      await tab.goto(`${m.embedded.publicBaseUrl}/my/${link}`);
      expect(await tab.locator('h1').textContent()).toBe('Uw facturen bij Voorbeeld Groothandel B.V.');
      expect(await tab.getByTestId('invoices').locator('li').count()).toBe(1);
      const costs = euroOf('nl-NL', wikCollectionCosts({ minor: 121_000, currency: 'EUR' }).minor);
      const standing = async () => (await tab.getByTestId('standing').textContent())!.replace(/\s+/g, ' ').replace(/\u00a0/g, ' ');
      expect(await standing()).toMatch(/Volgende stap: .+ op \d+ \w+ 2027\./);
      expect(await standing()).toContain(`incassokosten van ${costs}`);
      await tab.getByRole('link', { name: 'English' }).click();
      expect(await tab.locator('html').getAttribute('lang')).toBe('en');
      expect(await tab.locator('h1').textContent()).toBe('Your invoices with Voorbeeld Groothandel B.V.');
      expect(await standing()).toMatch(/Next: .+ on \d+ \w+ 2027\./);
      expect(await standing()).toContain(`collection costs of ${euroOf('en-GB', wikCollectionCosts({ minor: 121_000, currency: 'EUR' }).minor)}`);
      // A tampered link in another tab (its 404 is the console's only message there): the neutral page, naming no one.
      const { page: other } = await openPage(context);
      const flipped = `${link.slice(0, -1)}${link.endsWith('A') ? 'B' : 'A'}`;
      expect((await other.goto(`${m.embedded.publicBaseUrl}/my/${flipped}`))?.status()).toBe(404);
      expect(await other.locator('h1').textContent()).toBe('Deze link werkt niet');
      expect(await other.content()).not.toContain('Voorbeeld Groothandel');
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

  it('when the customer opens "pay" for an invoice, then they get the EPC QR, the IBAN and the invoice\'s payment reference to copy, and the online checkout', async () => {
    const pay = await fetch(`${m.embedded.publicBaseUrl}/my/${link}/pay?invoice=KOR-1&lang=en`);
    expect(pay.status).toBe(200);
    const raw = await pay.text();
    expect(raw).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" width="240" height="240" alt="QR code for your banking app: a transfer of €1,210.00 to Voorbeeld Groothandel B.V."/);
    expect(raw).toContain('value="NL91 ABNA 0417 1643 00"');
    // The invoice's own stored reference (a betalingskenmerk from ingest), not one built from its number.
    const stored = (await m.embedded.backend.ledger.getCustomerLedger(m.portalId, company))!.invoices.find((i) => i.externalId === 'KOR-1')!.paymentReference!;
    expect(raw).toContain(`value="${printedReference(stored)}"`);
    expect(raw).not.toContain(printReference(rfReference('KOR-1')!));
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

  it('when the owner opens the Payment status card, then it shows the customer\'s current link to open or copy', async () => {
    const vm = await m.paymentStatus(company);
    expect(vm.debtorPageUrl).toBe(`${m.embedded.publicBaseUrl}/my/${link}`);
    expect((await fetch(vm.debtorPageUrl!)).status).toBe(200);
    // The card, rendered by HubSpot's test renderer on the view model the server just built.
    const spy = vi.spyOn(hubspot, 'fetch').mockImplementation(async () => jsonResponse(vm));
    try {
      const r = withPatientWaitFor(createRenderer('crm.record.sidebar'));
      r.mocks.context.portal.id = Number(m.portalId);
      r.mocks.context.crm.objectId = Number(company);
      r.mocks.context.crm.objectTypeId = '0-2';
      r.render(createElement(RecordPaymentStatusView));
      await r.waitFor(() => expect(r.findByTestId(Link, 'debtor-page-link').props.href).toEqual({ url: vm.debtorPageUrl, external: true }));
    } finally {
      spy.mockRestore();
    }
  });

  describe('arranging it yourself', () => {
    let a: string; let aLink: string; let b: string; let bLink: string;
    const post = (token: string, fields: Record<string, string>) => fetch(`${m.embedded.publicBaseUrl}/my/${token}/arrange?lang=en`, {
      method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(),
    });
    const sub = () => `test-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
    /** The customer's page in a phone's browser without JavaScript; `act` fills and sends a form, returns what it reads. */
    async function inBrowser<T>(token: string, act: (tab: Awaited<ReturnType<typeof openPage>>['page']) => Promise<T>): Promise<T> {
      const browser = await launchBrowser();
      try {
        const context = await browser.newContext({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });
        const { page: tab, errors } = await openPage(context);
        await tab.goto(`${m.embedded.publicBaseUrl}/my/${token}?lang=en`);
        const result = await act(tab);
        expect(errors).toEqual([]);
        return result;
      } finally {
        await browser.close();
      }
    }

    beforeAll(async () => {
      a = await m.createCompany({ name: 'Drukkerij Zelfregelaar BV', domain: 'zelfregelaar.example' });
      b = await m.createCompany({ name: 'Hoveniers Voorstel BV', domain: 'voorstel.example' });
      await m.invoices({ domain: 'zelfregelaar.example' }, [
        { id: 'ZR-1', amount: 60_000, issued: '2027-01-10', due: '2027-02-09' },
        { id: 'ZR-2', amount: 30_000, issued: '2027-01-15', due: '2027-02-14' },
        { id: 'ZR-3', amount: 45_000, issued: '2027-02-18', due: '2027-03-20' },
      ]);
      await m.invoices({ domain: 'voorstel.example' }, [
        { id: 'HV-1', amount: 80_000, issued: '2027-01-05', due: '2027-02-04' },
        { id: 'HV-2', amount: 20_000, issued: '2027-01-06', due: '2027-02-05' },
      ]);
      aLink = (await m.embedded.backend.debtorLinks.ensure(m.portalId, a)).token;
      bLink = (await m.embedded.backend.debtorLinks.ensure(m.portalId, b)).token;
    }, 60_000);

    it('when the customer asks to defer an invoice within the limit, then it is granted at once, shown as deferred, noted in HubSpot, and a resubmitted form changes nothing', async () => {
      const notesBefore = (await m.engagements(a, 'notes')).length;
      const form = { kind: 'deferral', submission: sub(), invoice: 'ZR-3', until: '2027-03-30' };
      const res = await post(aLink, form);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/my/${aLink}?lang=en&done=deferral_approved`);
      expect((await post(aLink, form)).headers.get('location')).toBe(`/my/${aLink}?lang=en&done=deferral_approved`);
      await m.settle();
      const body = await text(await page(aLink, '?lang=en'));
      expect(body).toMatch(/Invoice ZR-3 .*Deferred \(deferred to 30 March 2027\)/);
      expect((await m.engagements(a, 'notes')).length).toBe(notesBefore + 1);
      expect((await m.openTasks(a)).filter((t) => t.step.startsWith('portal_'))).toEqual([]);
      expect((await m.embedded.backend.ledger.getCustomerLedger(m.portalId, a))!.promises.filter((p) => p.source === 'portal')).toHaveLength(1);
    });

    it('when the customer proposes an arrangement within the limits in the browser, then it is approved at once and the page shows the schedule', async () => {
      const browser = await launchBrowser();
      try {
        const context = await browser.newContext({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });
        const { page: tab } = await openPage(context);
        await tab.goto(`${m.embedded.publicBaseUrl}/my/${aLink}?lang=en`);
        await tab.getByLabel('Number of monthly terms').fill('3');
        await tab.getByLabel('First payment date').fill('2027-03-15');
        await tab.getByRole('button', { name: 'Propose arrangement' }).click();
        expect(await tab.getByTestId('banner').textContent()).toContain('your payment arrangement is agreed');
        const schedule = (await tab.getByTestId('arrangement').textContent())!.replace(/\s+/g, ' ');
        expect(schedule).toContain('Instalment 1: €300.00 — 15 March 2027');
        expect(schedule).toContain('Instalment 2: €300.00 — 15 April 2027');
        expect(schedule).toContain('Instalment 3: €300.00 — 15 May 2027');
        await context.close();
      } finally {
        await browser.close();
      }
      await m.settle();
      const card = await m.receivables(a);
      expect(card.invoices.items.filter((i) => i.tags.includes('in_arrangement')).map((i) => i.number).sort()).toEqual(['ZR-1', 'ZR-2']);
    }, 60_000);

    it('when the customer proposes an arrangement outside the limits in the browser, then nothing is agreed and a HubSpot task asks the credit controller to decide', async () => {
      const banner = await inBrowser(bLink, async (tab) => {
        await tab.locator('#arr-terms').fill('12');
        await tab.locator('#arr-first').fill('2027-03-10');
        await tab.getByRole('button', { name: 'Propose arrangement' }).click();
        return tab.getByTestId('banner').textContent();
      });
      expect(banner).toContain('your proposal goes to our credit controller');
      await m.settle();
      const tasks = (await m.openTasks(b)).filter((t) => t.step === 'portal_arrangement');
      expect(tasks).toHaveLength(1);
      expect(tasks[0]!.subject).toBe('Voorstel betalingsregeling beoordelen');
      expect(tasks[0]!.body).toContain('meer dan 6 termijnen');
      expect(tasks[0]!.ownerId).toBeTruthy();
      expect((await m.embedded.backend.ledger.getCustomerLedger(m.portalId, b))!.arrangements).toEqual([]);
    });

    it('when the customer disputes one invoice in the browser, then only that invoice is on hold — on the page, on the card and in the reminder plan — and a task asks someone to handle it', async () => {
      const shown = await inBrowser(bLink, async (tab) => {
        await tab.locator('#dsp-invoice').selectOption('HV-1');
        await tab.locator('#dsp-reason').selectOption('wrong_amount');
        await tab.locator('#dsp-message').fill('Wij hadden €600 afgesproken.');
        await tab.getByRole('button', { name: 'Send dispute' }).click();
        return { banner: await tab.getByTestId('banner').textContent(), invoices: (await tab.getByTestId('invoices').textContent())!.replace(/\s+/g, ' ') };
      });
      expect(shown.banner).toContain('we put this invoice on hold');
      expect(shown.invoices).toMatch(/Invoice HV-1 .*Disputed — on hold/);
      expect(shown.invoices).toMatch(/Invoice HV-2 .*Overdue/);
      expect(shown.invoices).not.toMatch(/Invoice HV-2 .*Disputed/);
      await m.settle();
      const card = await m.receivables(b);
      expect(card.invoices.items.find((i) => i.number === 'HV-1')!.tags).toContain('disputed');
      expect(card.invoices.items.find((i) => i.number === 'HV-2')!.tags).not.toContain('disputed');
      expect(card.ladder!.paused).toEqual([{ kind: 'dispute', until: null, invoiceCount: 1 }]);
      const task = (await m.openTasks(b)).find((t) => t.step === 'portal_dispute')!;
      expect(task.subject).toBe('Geschil over factuur HV-1 behandelen');
      expect(task.body).toContain('Wij hadden €600 afgesproken.');
    });

    it('when the customer gives a new accounts-payable address, then a task asks to update it; bad input is a 400 that stores nothing', async () => {
      const before = (await m.tasks(b)).length;
      expect((await post(bLink, { kind: 'ap_email', submission: sub(), email: 'not-an-address' })).status).toBe(400);
      expect((await post(bLink, { kind: 'deferral', submission: 'short', invoice: 'HV-2', until: '2027-03-05' })).status).toBe(400);
      expect((await post(bLink, { kind: 'arrangement', submission: sub(), terms: 'many', firstDate: '2027-03-10' })).status).toBe(400);
      expect((await post(bLink, { kind: 'deferral', submission: sub(), invoice: 'ZR-1', until: '2027-03-05' })).status).toBe(422);
      expect((await m.tasks(b)).length).toBe(before);
      const res = await post(bLink, { kind: 'ap_email', submission: sub(), email: 'crediteuren@voorstel.example' });
      expect(res.headers.get('location')).toBe(`/my/${bLink}?lang=en&done=email_received`);
      await m.settle();
      const task = (await m.openTasks(b)).find((t) => t.step === 'portal_ap_email')!;
      expect(task.body).toContain('crediteuren@voorstel.example');
    });
  });

  it('when the link is older than its validity, then it gets the neutral page, also in the browser', async () => {
    await m.embedded.time.advance({ days: 91 });
    expect((await page(link)).status).toBe(404);
    const browser = await launchBrowser();
    try {
      const { page: tab } = await openPage(await browser.newContext({ javaScriptEnabled: false }));
      expect((await tab.goto(`${m.embedded.publicBaseUrl}/my/${link}?lang=en`))?.status()).toBe(404);
      expect(await tab.locator('h1').textContent()).toBe('This link does not work');
      expect(await tab.content()).not.toContain('Bakkerij De Korenaar');
    } finally {
      await browser.close();
    }
  }, 60_000);
});
