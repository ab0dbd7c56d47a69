import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { homeEn } from '../../src/extensions/home/messages-en';
import { homeNl } from '../../src/extensions/home/messages-nl';
import { settingsEn } from '../../src/extensions/settings/messages-en';
import { settingsNl } from '../../src/extensions/settings/messages-nl';
import { renderedCard, startWorkspace, type WorkspaceHarness } from './support/workspace';

/**
 * The app home and the settings page as HubSpot's build bundles them, run in the workspace on npm start's demo
 * portal: the credit controller's call list and KPIs, and the settings page's ladder with a preview, in English
 * and Dutch, without console errors or stand-in placeholders.
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
