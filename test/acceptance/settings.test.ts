import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyPreviewVM, PortalSettingsVM, SettingsProblems } from '../../src/contracts/settings';
import { startMonth, type Month } from './support/month';

/**
 * The settings page's API as an admin meets it, through the composition npm start runs and requests signed like
 * hubspot.fetch: the portal's settings read with their defaults, changes by admins only, every problem named at
 * once and nothing stored on a bad change, and a changed reminder step reaching HubSpot's tasks on the next
 * planning run — plus the company details showing on the debtor page.
 */
let m: Month;
let admin: string;

const settingsPath = (userId?: string) => `/api/settings?portalId=${m.portalId}${userId ? `&userId=${userId}` : ''}`;
const read = async (userId = admin): Promise<PortalSettingsVM> => (await (await m.signedFetch('GET', settingsPath(userId))).json()) as PortalSettingsVM;
const patch = (body: unknown, userId: string | null = admin) => m.signedFetch('PATCH', settingsPath(userId ?? undefined), body);

const company = {
  legalName: 'Groothandel Noord B.V.', cocNumber: '87654321', vatNumber: 'NL 8765.43.210.B01', iban: 'NL20 INGB 0001 2345 67',
  bic: 'INGBNL2A', vatOnCollectionCosts: false, brandColour: '#AA3300',
};

beforeAll(async () => {
  m = await startMonth({ firstDay: '2027-03-01' });
  admin = m.embedded.hubspot.adminUserId!;
}, 60_000);
afterAll(async () => { await m?.close(); });

describe('the settings page API', () => {
  it('when an admin opens the settings, then they see the default ladder, Monday to Friday and may edit', async () => {
    const s = await read();
    expect(s).toMatchObject({ portalId: m.portalId, version: 0, company: null, defaultLanguage: 'nl', policyIsDefault: true, canEdit: true });
    expect(s.calendar).toEqual({ workingDays: [1, 2, 3, 4, 5], extraHolidays: [] });
    expect(s.policy.steps.map((st) => st.id)).toContain('formal_reminder');
    expect((await read('12345')).canEdit).toBe(false);
  });

  it('when a user who is no admin saves, then the answer is 403 and nothing changes', async () => {
    const res = await patch({ version: 0, defaultLanguage: 'en' }, '12345');
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'not_admin' });
    expect((await patch({ version: 0, defaultLanguage: 'en' }, null)).status).toBe(403);
    expect((await read()).defaultLanguage).toBe('nl');
  });

  it('when a change is not valid, then every problem is named at once and nothing is stored', async () => {
    const policy = (await read()).policy;
    const res = await patch({
      version: 0, company: { ...company, iban: 'NL20INGB0001234568' },
      policy: { ...policy, brokenPromiseStepId: 'no_such_step', steps: policy.steps.filter((st) => st.id !== 'fourteen_day_letter') },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as SettingsProblems;
    expect(body.code).toBe('invalid_settings');
    expect(body.problems).toEqual(expect.arrayContaining([
      { section: 'company', message: expect.stringContaining('IBAN') },
      { section: 'policy', message: expect.stringContaining('brokenPromiseStepId') },
      { section: 'policy', message: expect.stringContaining('fourteen_day_letter') },
    ]));
    const malformed = await patch({ version: 0, calendar: { workingDays: [1, 1], extraHolidays: ['2027-02-30'] } });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'invalid_request' });
    expect((await read()).version).toBe(0);
  });

  it('when an admin saves the company details, then they are stored normalised and the debtor page shows them', async () => {
    const res = await patch({ version: 0, company, defaultLanguage: 'en' });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as PortalSettingsVM;
    expect(saved.version).toBe(1);
    expect(saved.company).toMatchObject({ vatNumber: 'NL876543210B01', iban: 'NL20INGB0001234567', brandColour: '#aa3300' });
    // A second admin with the old version must reload first.
    const stale = await patch({ version: 0, defaultLanguage: 'nl' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 1 });

    const customer = await m.createCompany({ name: 'Klant Van Noord BV', domain: 'klant-noord.example' });
    await m.invoices({ domain: 'klant-noord.example' }, [{ id: 'NRD-1', amount: 10_000, issued: '2027-02-01', due: '2027-02-15' }]);
    const { token } = await m.embedded.backend.debtorLinks.ensure(m.portalId, customer);
    const page = await (await fetch(`${m.embedded.publicBaseUrl}/my/${token}`)).text();
    expect(page).toContain('Groothandel Noord B.V.');
    expect(page).toContain('--brand:#aa3300');
    expect(page).not.toContain('Voorbeeld Groothandel');
    // A page already shown follows the next change at once.
    const renamed = await patch({ version: 1, company: { ...company, legalName: 'Groothandel Zuid B.V.' } });
    expect(renamed.status).toBe(200);
    expect(await (await fetch(`${m.embedded.publicBaseUrl}/my/${token}`)).text()).toContain('Groothandel Zuid B.V.');
  });

  it('when an admin previews the policy, then the engine\'s dates for an invoice issued today come back, and a broken policy names its problem', async () => {
    const policy = (await read()).policy;
    const res = await m.signedFetch('POST', `/api/settings/preview?portalId=${m.portalId}&userId=${admin}`, { policy, termDays: 30 });
    expect(res.status).toBe(200);
    const vm = (await res.json()) as PolicyPreviewVM;
    expect(vm).toMatchObject({ issueDate: '2027-03-01', dueDate: '2027-03-31' });
    expect(vm.steps.map((st) => st.stepId)).toEqual(expect.arrayContaining(['receipt_check', 'late_payment_call', 'formal_reminder']));
    const bad = await m.signedFetch('POST', `/api/settings/preview?portalId=${m.portalId}`, { policy: { ...policy, brokenPromiseStepId: 'nope' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'invalid_settings', problems: [expect.objectContaining({ section: 'policy' })] });
  });

  it('when an admin brings a reminder step forward, then the next planning run creates that step\'s task in HubSpot', async () => {
    const customer = await m.createCompany({ name: 'Late Betaler BV', domain: 'late-betaler.example' });
    // Ten days overdue on 1 March: the default ladder sends the formal reminder only at 14 days.
    await m.invoices({ domain: 'late-betaler.example' }, [{ id: 'LAT-1', amount: 250_000, issued: '2027-01-18', due: '2027-02-19' }]);
    expect(await m.openSteps(customer)).not.toContain('formal_reminder');

    const before = await read();
    expect(before.version).toBe(2);
    const steps = before.policy.steps.map((st) => (st.id === 'formal_reminder' ? { ...st, offsetDays: 7 } : st));
    const res = await patch({ version: before.version, policy: { ...before.policy, steps } });
    expect(res.status).toBe(200);
    expect((await res.json()) as PortalSettingsVM).toMatchObject({ policyIsDefault: false });
    await m.settle();
    // The cards plan with the same policy at once: the formal reminder is next, the policy's minimum gap (a
    // week) after today's call (steps are climbed one per contact, never two on one day).
    expect((await m.receivables(customer)).ladder?.next).toMatchObject({ stepId: 'formal_reminder', dueAt: '2027-03-08T08:00:00.000Z' });
    await m.day(6);
    expect(await m.openSteps(customer)).toContain('formal_reminder');
  });
});
