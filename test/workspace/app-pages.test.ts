import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { homeEn } from '../../src/extensions/home/messages-en';
import { homeNl } from '../../src/extensions/home/messages-nl';
import { settingsEn } from '../../src/extensions/settings/messages-en';
import { settingsNl } from '../../src/extensions/settings/messages-nl';
import { renderedCard, startWorkspace, type WorkspaceHarness } from './support/workspace';

/**
 * The app home and the settings page as HubSpot's build bundles them, run in the workspace on npm start's demo
 * portal: the credit controller's call list and KPIs, and the settings page's ladder with a preview, in English
 * and Dutch, without console errors or stand-in placeholders; and a dead letter retried from the settings page's
 * sync health landing in HubSpot.
 */
let ws: WorkspaceHarness;

beforeAll(async () => { ws = await startWorkspace(); }, 240_000);
afterAll(async () => { await ws?.close(); });

const LANGS = [{ lang: 'en', h: homeEn, s: settingsEn }, { lang: 'nl', h: homeNl, s: settingsNl }] as const;

describe.each(LANGS)('the app pages in $lang', ({ lang, h, s }) => {
  it('when the credit controller opens the app home, then the call list shows ranked customers with their record links and the KPIs', async () => {
    const { page, errors } = await ws.open('home', `lang=${lang}`);
    const home = await renderedCard(page, 'receivables_home');
    await expect.poll(() => home.textContent(), { timeout: 30_000 }).toContain(h.progressTitle);
    expect(await home.textContent()).toContain(h.kpiDso);
    expect(await home.locator('a[href*="/record/0-2/"]').count()).toBeGreaterThan(0);
    expect(await home.locator('[data-placeholder]').count()).toBe(0);
    expect(await home.locator('.ws-card-failure').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('when the admin opens the settings and asks for a preview, then the ladder and its dates show', async () => {
    const { page, errors } = await ws.open('settings', `lang=${lang}`);
    const settings = await renderedCard(page, 'receivables_settings');
    await expect.poll(() => settings.textContent(), { timeout: 30_000 }).toContain(s.preview);
    await settings.locator('[data-testid="preview"]').click();
    await expect.poll(() => settings.locator('[data-testid="preview-result"]').count(), { timeout: 20_000 }).toBe(1);
    expect(await settings.locator('[data-testid="policy-save"]').count()).toBe(1);
    expect(await settings.locator('[data-placeholder]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the settings page\'s sync health', () => {
  it('when HubSpot refused a task for good and the admin retries the dead letter from the page, then the task lands in HubSpot', async () => {
    const { embedded } = ws;
    const { portalId } = embedded;
    const hs = new Client({ accessToken: embedded.hubspot.accessToken, basePath: embedded.hubspot.sandbox.url });
    const company = (await hs.crm.companies.basicApi.create({ properties: { name: 'Herkansing BV', domain: 'herkansing.example' }, associations: [] })).id;
    const fault = await fetch(`${embedded.hubspot.sandbox.url}/_sandbox/faults`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ hubId: Number(portalId), pathPattern: '^/crm/v3/objects/tasks/batch/create$', method: 'POST', kind: 'status', status: 400, count: 1 }),
    });
    expect(fault.status).toBe(201);
    const { key } = await embedded.backend.apiKeys.createApiKey(portalId, 'workspace test');
    const day = (offset: number) => new Date(embedded.backend.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const ingested = await fetch(`${embedded.publicBaseUrl}/api/ingest/invoices`, {
      method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ invoices: [{ externalId: 'HK-1', number: 'HK-1', kind: 'invoice', customer: { domain: 'herkansing.example' }, currency: 'EUR', amountMinor: 80_000, issueDate: day(-56), dueDate: day(-26) }] }),
    });
    expect(ingested.status).toBe(200);
    await expect.poll(async () => (await embedded.backend.hubspot.deadLetters.list(portalId)).some((l) => l.reason.includes('400')), { timeout: 30_000 }).toBe(true);
    expect(await ws.tasks(company)).toEqual([]);

    const { page, errors } = await ws.open('settings', 'lang=en');
    const settings = await renderedCard(page, 'receivables_settings');
    await settings.getByRole('tab', { name: settingsEn.tabSync }).click();
    const retry = settings.locator('[data-testid^="retry-"]').first();
    await retry.waitFor({ timeout: 20_000 });
    await retry.click();
    await expect.poll(() => settings.locator('[data-testid="letter-retried"]').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(async () => (await ws.tasks(company)).length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
