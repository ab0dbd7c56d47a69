import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../../src/server/config';
import { runDemo } from '../../../src/server/embedded/demo-run';
import { startEmbeddedWithWorkspace, type EmbeddedWithWorkspace } from '../../../src/server/embedded/embedded-workspace';
import { createLogger } from '../../../src/server/infra/logger';
import { launchBrowser, openPage } from '../../support/browser';
import { deletePrefix, testRedis, testRedisUrl, uniquePrefix } from '../../support/redis';

export interface CompanyRow { id: string; title: string; properties: Record<string, string> }

/**
 * The workspace as `npm start` serves it — the embedded default with the demo import done, /workspace mounted —
 * and the system Chromium to look at it. Everything goes through the page a person would open.
 */
export async function startWorkspace() {
  const prefix = uniquePrefix('workspace');
  const config = loadConfig({ PORT: '0', REDIS_PREFIX: prefix, LOG_LEVEL: 'silent', NODE_ENV: 'test' });
  const embedded: EmbeddedWithWorkspace = await startEmbeddedWithWorkspace({ config, log: createLogger('silent'), redisUrl: testRedisUrl() });
  await runDemo(embedded.backend, embedded.hubspot);
  await embedded.workspaceReady;
  const browser: Browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });

  const { hubspot, portalId } = embedded;
  /** HubSpot's tasks on a company, read from the local HubSpot's state (no API budget spent). */
  const tasks = async (companyId: string): Promise<{ step: string; status: string; subject: string }[]> => {
    const state = (await (await fetch(`${hubspot.sandbox.url}/_sandbox/portals/${portalId}/state`)).json()) as {
      objects: Record<string, { id: string; archived: boolean; properties: Record<string, string | undefined> }[] | undefined>;
      associations: { fromType: string; fromId: string; toType: string; toId: string }[];
    };
    const ids = new Set(state.associations.filter((a) => a.fromType === 'companies' && a.fromId === companyId && a.toType === 'tasks').map((a) => a.toId));
    return (state.objects.tasks ?? []).filter((t) => ids.has(t.id) && !t.archived)
      .map((t) => ({ step: t.properties.rd_step ?? '', status: t.properties.hs_task_status ?? '', subject: t.properties.hs_task_subject ?? '' }));
  };

  const records = async (type: string): Promise<CompanyRow[]> =>
    ((await (await fetch(`${embedded.workspaceUrl}/api/records/${type}`)).json()) as { results: CompanyRow[] }).results;
  const companies = async (): Promise<CompanyRow[]> =>
    ((await (await fetch(`${embedded.workspaceUrl}/api/records/companies`)).json()) as { results: CompanyRow[] }).results;

  return {
    embedded, browser,
    url: embedded.workspaceUrl,
    companies, records, tasks,
    /** A page of the workspace (`#/companies/123`, `?lang=nl&user=support-agent`) with its console errors collected. */
    async open(route: string, query = ''): Promise<{ page: Page; errors: string[] }> {
      const opened = await openPage(context);
      await opened.page.goto(`${embedded.workspaceUrl}${query ? `?${query}` : ''}#/${route}`);
      return opened;
    },
    async close() {
      await browser.close();
      await embedded.close();
      await deletePrefix(testRedis(), prefix);
    },
  };
}

export type WorkspaceHarness = Awaited<ReturnType<typeof startWorkspace>>;

/** The card with this uid on the page, once it has rendered (its loading spinner gone). */
export async function renderedCard(page: Page, uid: string) {
  const card = page.locator(`[data-card="${uid}"]`);
  await card.waitFor();
  await card.locator('.hs-spinner').first().waitFor({ state: 'detached', timeout: 20_000 }).catch(() => undefined);
  return card;
}
