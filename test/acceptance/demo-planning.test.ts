import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { runDemo } from '../../src/server/embedded/demo-run';
import { startEmbeddedBackend, type EmbeddedBackend } from '../../src/server/embedded/embedded-backend';
import { createLogger } from '../../src/server/infra/logger';
import { deletePrefix, testRedis, testRedisUrl, uniquePrefix } from '../support/redis';

/**
 * What `npm start` plans in the demo portal, read from HubSpot's tasks through the real api-client, the way a
 * credit controller meets it: one reminder task per company per day (no receipt-check call next to an
 * escalation), and nobody escalated without the formal reminder (business) or the 14-day letter (consumer)
 * recorded before it.
 */
const prefix = uniquePrefix('demo-plan');
let embedded: EmbeddedBackend;
let hs: Client;

beforeAll(async () => {
  const config = loadConfig({ PORT: '0', REDIS_PREFIX: prefix, LOG_LEVEL: 'silent', NODE_ENV: 'test' });
  embedded = await startEmbeddedBackend({ config, log: createLogger('silent'), redisUrl: testRedisUrl(), loop: { debounceMs: 50, sweepEveryMs: 1000 } });
  await runDemo(embedded.backend, embedded.hubspot);
  hs = new Client({ accessToken: embedded.hubspot.accessToken, basePath: embedded.hubspot.sandbox.url, numberOfApiCallRetries: 3 });
}, 180_000);
afterAll(async () => {
  await embedded?.close();
  await deletePrefix(testRedis(), prefix);
});

async function all<T>(page: (after?: string) => Promise<{ results: T[]; paging?: { next?: { after: string } } }>): Promise<T[]> {
  const out: T[] = [];
  let after: string | undefined;
  do {
    const res = await page(after);
    out.push(...res.results);
    after = res.paging?.next?.after;
  } while (after);
  return out;
}

const ESCALATION_NEEDS = ['formal_reminder', 'final_notice', 'fourteen_day_letter'];

describe("the demo portal's reminder tasks", () => {
  it('when npm start has run, then no company has two open reminder tasks on one day, and nobody is escalated without the step before it', async () => {
    const tasks = await all((after) => hs.crm.objects.tasks.basicApi.getPage(100, after, ['hs_task_subject', 'hs_timestamp', 'hs_task_status', 'rd_step'], undefined, ['companies']));
    const open = tasks.filter((t) => t.properties.hs_task_status !== 'COMPLETED' && t.properties.rd_step);
    expect(open.length).toBeGreaterThan(10);
    const byCompanyDay = new Map<string, string[]>();
    const stepsByCompany = new Map<string, string[]>();
    for (const t of open) {
      const company = t.associations?.companies?.results[0]?.id ?? 'none';
      const day = (t.properties.hs_timestamp ?? '').slice(0, 10);
      byCompanyDay.set(`${company} ${day}`, [...(byCompanyDay.get(`${company} ${day}`) ?? []), t.properties.hs_task_subject ?? '']);
      stepsByCompany.set(company, [...(stepsByCompany.get(company) ?? []), t.properties.rd_step!]);
    }
    const doubled = [...byCompanyDay].filter(([, subjects]) => subjects.length > 1);
    expect(doubled).toEqual([]);
    const companies = await all((after) => hs.crm.companies.basicApi.getPage(100, after, ['name']));
    expect(stepsByCompany.size).toBeGreaterThan(companies.length / 2);
    // Every task HubSpot ever got counts as recorded: an escalation needs one of its prerequisites among them.
    const everStep = new Map<string, Set<string>>();
    for (const t of tasks) {
      const company = t.associations?.companies?.results[0]?.id ?? 'none';
      everStep.set(company, (everStep.get(company) ?? new Set()).add(t.properties.rd_step ?? ''));
    }
    const escalatedTooSoon = [...stepsByCompany].filter(([company, steps]) =>
      steps.includes('escalation') && !ESCALATION_NEEDS.some((s) => everStep.get(company)?.has(s)));
    expect(escalatedTooSoon).toEqual([]);
  });
});
