import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DebtorLinkVM } from '../../src/contracts/debtor-page';
import { startMonth, type Month } from './support/month';

/**
 * The customer's own page reaches them wherever the credit controller does: the reminder task in HubSpot (the
 * e-mail to send, the call to make) and the call's summary e-mail carry the customer's link, and that link opens
 * exactly that customer's page. Tasks are read through the real api-client, as a HubSpot user's screen reads them.
 */
let m: Month;
let late: string;
let recent: string;

const LINK = /https?:\/\/[^\s]+\/my\/[\w.-]+/;
const pageText = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, text: (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
};
/** The body of a task as HubSpot's API returns it. */
const taskBody = async (taskId: string) => (await m.hs.crm.objects.tasks.basicApi.getById(taskId, ['hs_task_body'])).properties.hs_task_body ?? '';
const linkIn = async (taskId: string) => LINK.exec(await taskBody(taskId))?.[0];

beforeAll(async () => {
  m = await startMonth({ firstDay: '2027-03-01' });
  late = await m.createCompany({ name: 'Drukkerij Laat BV', domain: 'laat.example' });
  recent = await m.createCompany({ name: 'Tuincentrum Net Vervallen BV', domain: 'recent.example' });
  await m.invoices({ domain: 'laat.example' }, [{ id: 'LAAT-1', amount: 242_000, issued: '2027-01-05', due: '2027-02-04' }]);
  await m.invoices({ domain: 'recent.example' }, [{ id: 'RECENT-1', amount: 60_500, issued: '2027-02-15', due: '2027-03-01' }]);
  await m.day(1);
}, 120_000);
afterAll(async () => { await m?.close(); });

describe('the customer\'s link in what the credit controller sends', () => {
  it('when the reminder run drafts the formal reminder e-mail, then the HubSpot task carries the customer\'s page and the link opens it', async () => {
    const email = (await m.openTasks(late)).find((t) => t.type === 'EMAIL');
    expect(email?.step).toBe('formal_reminder');
    const body = await taskBody(email!.id);
    const url = LINK.exec(body)?.[0];
    expect(body).toContain(`Eigen pagina van de klant voor in het bericht, om direct te betalen, een regeling te treffen of bezwaar te maken: ${url}`);
    const page = await pageText(url!);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Factuur LAAT-1');
    expect(page.text).not.toContain('RECENT-1');
  });

  it('when the run plans the call after the due date, then the call task offers that customer\'s own link, not another\'s', async () => {
    await m.day(3);
    const call = (await m.openTasks(recent)).find((t) => t.type === 'CALL');
    expect(call?.step).toBe('late_payment_call');
    const body = await taskBody(call!.id);
    const url = LINK.exec(body)?.[0];
    expect(body).toContain(`Bied aan de klant de eigen pagina te sturen, om direct te betalen of een regeling te treffen: ${url}`);
    expect(url).not.toBe(await linkIn((await m.openTasks(late))[0]!.id));
    const page = await pageText(url!);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Factuur RECENT-1');
    expect(page.text).not.toContain('LAAT-1');
  });

  it('when the call ends in a promise, then the summary e-mail to the customer carries the same link', async () => {
    const call = (await m.openTasks(recent)).find((t) => t.type === 'CALL')!;
    const res = await m.logOutcome(recent, { result: 'reached', promise: { date: m.date(6), amount: { minor: 60_500, currency: 'EUR' } } });
    expect(res.status).toBe(201);
    const mail = (res.body.summaryEmail as { body: string }).body;
    const url = LINK.exec(mail)?.[0];
    expect(mail).toContain(`Op uw eigen pagina ziet u uw openstaande facturen en kunt u ze direct betalen:\n${url}`);
    expect(url).toBe(await linkIn(call.id));
    expect((await pageText(url!)).text).toContain('Factuur RECENT-1');
  });

  it('when an admin regenerates the link on the settings page\'s API, then the old one opens nothing and the open task carries the new one at once', async () => {
    const email = (await m.openTasks(late)).find((t) => t.type === 'EMAIL')!;
    const oldUrl = (await linkIn(email.id))!;
    const rotate = (userId: string, companyId = late) => m.signedFetch('POST', `/api/admin/debtor-links/${companyId}/rotate?portalId=${m.portalId}&userId=${userId}`);
    expect((await rotate('12345')).status).toBe(403);
    expect((await rotate(m.embedded.hubspot.adminUserId!, '999999999')).status).toBe(404);
    const unsigned = await fetch(`${m.embedded.publicBaseUrl}/api/admin/debtor-links/${late}/rotate?portalId=${m.portalId}&userId=${m.embedded.hubspot.adminUserId!}`, { method: 'POST' });
    expect(unsigned.status).toBe(401);
    expect((await pageText(oldUrl)).status).toBe(200);

    const res = await rotate(m.embedded.hubspot.adminUserId!);
    expect(res.status).toBe(200);
    const fresh = (await res.json()) as DebtorLinkVM;
    expect(fresh.companyId).toBe(late);
    expect(fresh.url).not.toBe(oldUrl);
    expect((await pageText(oldUrl)).status).toBe(404);
    expect((await pageText(fresh.url)).text).toContain('Factuur LAAT-1');
    await m.settle();
    expect(await linkIn(email.id)).toBe(fresh.url);
  });
});
