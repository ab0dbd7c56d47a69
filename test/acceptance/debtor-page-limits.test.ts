import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalSettingsVM, SettingsProblems } from '../../src/contracts/settings';
import { startMonth, type Month } from './support/month';

/**
 * What a customer may arrange on their own page is the portal's credit policy: an admin saves tighter limits on
 * the settings API (signed like hubspot.fetch), and the page's hints and decisions follow at once — a deferral
 * the product's defaults would grant becomes a request for the credit controller (a HubSpot task).
 */
let m: Month;
let company: string;
let link: string;
const sub = () => `test-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
const settingsPath = () => `/api/settings?portalId=${m.portalId}&userId=${m.embedded.hubspot.adminUserId!}`;
const text = async (res: Response) => (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replace(/\u00a0/g, ' ');
const page = async () => text(await fetch(`${m.embedded.publicBaseUrl}/my/${link}?lang=en`));
const post = (fields: Record<string, string>) => fetch(`${m.embedded.publicBaseUrl}/my/${link}/arrange?lang=en`, {
  method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(),
});

beforeAll(async () => {
  m = await startMonth({ firstDay: '2027-03-01' });
  company = await m.createCompany({ name: 'Strak Beleid BV', domain: 'strak.example' });
  await m.invoices({ domain: 'strak.example' }, [
    { id: 'SB-1', amount: 90_000, issued: '2027-01-10', due: '2027-02-09' },
    { id: 'SB-2', amount: 40_000, issued: '2027-02-20', due: '2027-03-22' },
  ]);
  link = (await m.embedded.backend.debtorLinks.ensure(m.portalId, company)).token;
}, 60_000);
afterAll(async () => { await m?.close(); });

describe('self-service limits from the policy settings', () => {
  it('when nothing was saved, then the page offers the product\'s defaults', async () => {
    const body = await page();
    expect(body).toContain('Up to 14 days is granted at once');
    expect(body).toContain('up to 6 monthly terms of at least €50.00, the first within 30 days');
  });

  it('when an admin saves limits out of range, then the answer is 400 naming them and nothing changes', async () => {
    const current = (await (await m.signedFetch('GET', settingsPath())).json()) as PortalSettingsVM;
    const res = await m.signedFetch('PATCH', settingsPath(), { version: current.version, policy: { ...current.policy, selfService: { maxDeferralDays: 5, maxTerms: 0, minInstalmentMinor: 2_500, maxFirstTermDays: 10 } } });
    expect(res.status).toBe(400);
    expect(JSON.stringify((await res.json()) as SettingsProblems)).toContain('maxTerms');
    expect(await page()).toContain('Up to 14 days is granted at once');
  });

  it('when an admin saves tighter limits, then the page says so at once and a deferral beyond them becomes a task for the credit controller', async () => {
    const current = (await (await m.signedFetch('GET', settingsPath())).json()) as PortalSettingsVM;
    const saved = await m.signedFetch('PATCH', settingsPath(), {
      version: current.version, policy: { ...current.policy, selfService: { maxDeferralDays: 5, maxTerms: 2, minInstalmentMinor: 2_500, maxFirstTermDays: 10 } },
    });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as PortalSettingsVM).policy.selfService).toEqual({ maxDeferralDays: 5, maxTerms: 2, minInstalmentMinor: 2_500, maxFirstTermDays: 10 });
    await m.settle();
    const body = await page();
    expect(body).toContain('Up to 5 days is granted at once');
    expect(body).toContain('up to 2 monthly terms of at least €25.00, the first within 10 days');

    // Ten days: within the product's default of 14, beyond this portal's 5.
    const res = await post({ kind: 'deferral', submission: sub(), invoice: 'SB-2', until: '2027-04-01' });
    expect(res.headers.get('location')).toBe(`/my/${link}?lang=en&done=deferral_review`);
    await m.settle();
    const task = (await m.openTasks(company)).find((t) => t.step === 'portal_deferral');
    expect(task?.body).toContain('langer dan 5 dagen uitstel');
    expect((await m.embedded.backend.ledger.getCustomerLedger(m.portalId, company))!.promises).toEqual([]);

    const three = await post({ kind: 'arrangement', submission: sub(), terms: '3', firstDate: '2027-03-08' });
    expect(three.headers.get('location')).toBe(`/my/${link}?lang=en&done=arrangement_review`);
    const two = await post({ kind: 'arrangement', submission: sub(), terms: '2', firstDate: '2027-03-08' });
    expect(two.headers.get('location')).toBe(`/my/${link}?lang=en&done=arrangement_approved`);
  });
});
