import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { runDemo } from '../../src/server/embedded/demo-run';
import { startEmbeddedBackend, type EmbeddedBackend } from '../../src/server/embedded/embedded-backend';
import { createLogger } from '../../src/server/infra/logger';
import { deletePrefix, testRedis, testRedisUrl, uniquePrefix } from '../support/redis';
import { foreignWords, lazyPlurals } from '../support/one-language';

/**
 * What `npm start` leaves in the demo portal (a Dutch portal, Europe/Amsterdam), read the way a credit
 * controller meets it: the tasks in HubSpot, through the real api-client. Every task is written in the portal's
 * language from its first word to its last — subject, facts, reasons and the call script — with real plurals.
 */
const prefix = uniquePrefix('demo-lang');
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

describe('the demo portal\'s tasks', () => {
  it('when npm start has run, then every task text is Dutch only, with real plurals', async () => {
    const tasks = await all((after) => hs.crm.objects.tasks.basicApi.getPage(100, after, ['hs_task_subject', 'hs_task_body', 'rd_step']));
    const companies = await all((after) => hs.crm.companies.basicApi.getPage(100, after, ['name']));
    const names = ['Receivables Desk', ...companies.map((c) => c.properties.name ?? '')];
    expect(tasks.length).toBeGreaterThan(10);
    const mixed = tasks.flatMap((t) => {
      const text = `${t.properties.hs_task_subject}\n${t.properties.hs_task_body}`;
      const foreign = foreignWords('nl', text, names);
      const lazy = lazyPlurals(text);
      return foreign.length + lazy.length > 0 ? [{ task: t.properties.hs_task_subject, foreign: [...new Set(foreign)], lazy }] : [];
    });
    expect(mixed).toEqual([]);
    // The subjects name the step in Dutch, and the call tasks carry the Dutch script.
    expect(tasks.some((t) => /^Bellen: /.test(t.properties.hs_task_subject ?? '') && /\nBelscript:\n/.test(t.properties.hs_task_body ?? ''))).toBe(true);
  });
});
