// `npm run screenshots`: every card of the app in English and Dutch, as the workspace shows it on the demo
// portal, written to docs/screenshots/<card>-<lang>.png (plus the company index). Boots what `npm start` boots
// (a private Redis, the embedded default with the demo import, /workspace) and drives the system Chromium.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { loadConfig } from '../../src/server/config';
import { runDemo } from '../../src/server/embedded/demo-run';
import { startEmbeddedWithWorkspace } from '../../src/server/embedded/embedded-workspace';
import { createLogger } from '../../src/server/infra/logger';
import { startPrivateRedis } from '../../src/server/infra/redis-server';
import { launchBrowser, openPage } from '../../test/support/browser';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');
type Row = { id: string; properties: Record<string, string> };
type RecordJson = { associations: Record<string, { id: string }[] | undefined> };

const redis = await startPrivateRedis();
const embedded = await startEmbeddedWithWorkspace({ config: loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }), log: createLogger('silent'), redisUrl: redis.url });
const browser = await launchBrowser();
try {
  await runDemo(embedded.backend, embedded.hubspot);
  await embedded.workspaceReady;
  await mkdir(OUT, { recursive: true });
  const api = async <T>(p: string): Promise<T> => (await (await fetch(`${embedded.workspaceUrl}/api${p}`)).json()) as T;
  const companies = (await api<{ results: Row[] }>('/records/companies')).results
    .sort((a, b) => Number(b.properties.rd_overdue_balance ?? 0) - Number(a.properties.rd_overdue_balance ?? 0));
  const company = companies[0]!;
  const companyRecord = await api<RecordJson>(`/records/companies/${company.id}`);
  const contactId = companyRecord.associations.contacts?.[0]?.id;
  const overdueIds = new Set(companies.filter((c) => Number(c.properties.rd_overdue_balance ?? 0) > 0).map((c) => c.id));
  let ticketId: string | undefined;
  for (const t of (await api<{ results: Row[] }>('/records/tickets')).results) {
    if ((await api<RecordJson>(`/records/tickets/${t.id}`)).associations.companies?.some((c) => overdueIds.has(c.id))) { ticketId = t.id; break; }
  }

  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
  const shoot = async (name: string, route: string, lang: string, act: (page: Page) => Promise<string>) => {
    const { page, errors } = await openPage(context);
    await page.goto(`${embedded.workspaceUrl}?lang=${lang}#/${route}`);
    const selector = await act(page);
    await page.waitForTimeout(500);
    await page.locator(selector).screenshot({ path: path.join(OUT, `${name}-${lang}.png`) });
    console.log(`docs/screenshots/${name}-${lang}.png${errors.length ? `  (console: ${errors.join(' | ')})` : ''}`);
    await page.close();
  };
  const card = (uid: string, tab?: string, preview?: string) => async (page: Page) => {
    if (tab) await page.click(`[data-tab="${tab}"]`);
    if (preview) await page.click(`[data-preview="${preview}"]`);
    const sel = `[data-card="${uid}"]`;
    await page.locator(sel).waitFor();
    await page.waitForFunction((s) => !document.querySelector(`${s} .hs-spinner`), sel, { timeout: 20_000 });
    return sel;
  };

  for (const lang of ['en', 'nl']) {
    await shoot('company-index', 'companies', lang, async (page) => { await page.locator('.ws-index tbody tr').first().waitFor(); return '.ws-shell'; });
    await shoot('receivables', `companies/${company.id}`, lang, card('receivables_card', 'receivables_card'));
    await shoot('call-script', `companies/${company.id}`, lang, card('call_script_card', 'call_script_card'));
    await shoot('contact-preferences', `companies/${company.id}`, lang, card('contact_preferences_card', 'contact_preferences_card'));
    await shoot('payment-status', `companies/${company.id}`, lang, card('payment_status_card'));
    if (contactId) await shoot('payment-status-preview', `contacts/${contactId}`, lang, card('payment_status_preview_card', undefined, `companies/${company.id}`));
    if (ticketId) await shoot('helpdesk', `tickets/${ticketId}`, lang, card('helpdesk_payment_status_card'));
    for (const location of ['home', 'settings']) {
      const uid = (await api<{ components: { uid: string; location: string }[] }>('/setup')).components.find((c) => c.location === location)?.uid;
      if (uid) await shoot(location === 'home' ? 'app-home' : 'settings', location, lang, card(uid));
    }
  }
} finally {
  await browser.close();
  await embedded.close();
  await redis.stop();
}
