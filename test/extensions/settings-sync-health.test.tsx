import { Queue } from 'bullmq';
import { Alert, Button, Input, Link, Text, hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { settingsEn } from '../../src/extensions/settings/messages-en';
import { settingsNl } from '../../src/extensions/settings/messages-nl';
import { SettingsView } from '../../src/extensions/settings/SettingsView';
import { createDebtorLinkAdmin } from '../../src/server/debtor-page/link-admin';
import { createDebtorLinkStore } from '../../src/server/debtor-page/link-store';
import { createParkedWrites } from '../../src/server/actions/parked-writes';
import { createDeadLetters } from '../../src/server/jobs/dead-letters';
import { createJobQueues } from '../../src/server/jobs/queues';
import { createRedisLedgerStore } from '../../src/server/ledger/redis-ledger-store';
import { createSyncHealth } from '../../src/server/operations/sync-health';
import { createUsageCounters } from '../../src/server/operations/usage';
import { createPortalRegistry } from '../../src/server/portals/portal-registry';
import { createPortalParks } from '../../src/server/rate/portal-park';
import { createSettingsService } from '../../src/server/settings/settings-service';
import { EMPTY_SETTINGS } from '../../src/server/settings/settings-store';
import { benchInvoices } from '../../bench/cards/fixture';
import { deletePrefix, testRedis, uniquePrefix } from '../support/redis';
import { jsonResponse, plain, textOf, withPatientWaitFor } from './fixtures';

/**
 * The settings page's sync health and customer-page links on what the SERVER's own services answer (through
 * JSON, as the API sends it), with their Redis stores and BullMQ queues: the last run, the daily planning, the
 * HubSpot calls against the budget, the dead letters with retry and discard, and a regenerated link — in English
 * and Dutch, and without actions for a user who is no admin.
 */
const PORTAL = '777';
const ADMIN = '55';
const redis = testRedis();
const prefix = uniquePrefix('settings-sync');
const queues = createJobQueues({ connection: redis, prefix });
const webhookQueue = new Queue('webhooks', { connection: redis, prefix });
const deadLetters = createDeadLetters(redis, prefix);
const ledger = createRedisLedgerStore(redis, prefix);
const settings = createSettingsService({ store: { read: async () => EMPTY_SETTINGS, save: async () => ({ ok: false, currentVersion: 0 }), remove: async () => undefined }, now: () => new Date(), initialAdmins: async () => [ADMIN] });
const usage = createUsageCounters(redis, prefix);
const parks = createPortalParks(redis, prefix);
const parkedWrites = createParkedWrites(redis, prefix);
const run = {
  companies: 12, filed: 0, startedAt: '2026-12-02T08:00:00.000Z', began: Date.now() - 60_000, seconds: 3.4,
  sync: { written: 9 }, scheduling: { created: 4, updated: 1, closed: 2, rejected: 1 },
};
const health = createSyncHealth({
  portals: createPortalRegistry(redis, prefix), settings, deadLetters,
  poisoned: { release: async () => undefined }, claims: { releaseRejected: async () => undefined },
  ledger, queues, webhookQueue, refresh: { runsSince: async () => [run as never] }, usage, debounceMs: 60_000,
  parks, parkedWrites,
});
const links = createDebtorLinkAdmin({
  links: createDebtorLinkStore({ redis, prefix, tokenKey: randomBytes(32), now: () => new Date() }), ledger,
  adminsOf: async (p) => (await settings.read(p)).adminUserIds, publicBaseUrl: 'https://rd.example',
});

beforeAll(async () => {
  await createPortalRegistry(redis, prefix).register({ portalId: PORTAL, timeZone: 'Europe/Amsterdam', country: 'NL', tier: 'private-starter', basePath: 'http://127.0.0.1:9' });
  for (let i = 0; i < 3; i++) await usage.hubspotCall(PORTAL, 'Europe/Amsterdam', i === 2);
  await ledger.upsertInvoices(PORTAL, benchInvoices('4242', '2026-12-02', 2));
});
afterAll(async () => {
  await queues.close();
  await webhookQueue.close();
  await deletePrefix(redis, prefix);
  await redis.quit();
});
afterEach(() => vi.restoreAllMocks());

const json = (v: unknown) => jsonResponse(JSON.parse(JSON.stringify(v)));
function backend() {
  const calls: string[] = [];
  vi.spyOn(hubspot, 'fetch').mockImplementation(async (url, init) => {
    const u = new URL(String(url));
    const userId = u.searchParams.get('userId') ?? undefined;
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${u.pathname}`);
    if (u.pathname === '/api/settings') return json(await settings.view(PORTAL, userId));
    if (u.pathname === '/api/admin/api-keys') return jsonResponse({ items: [] });
    if (u.pathname === '/api/admin/sync-health') return json(await health.view(PORTAL, userId));
    const letter = /^\/api\/admin\/dead-letters\/([a-f0-9]{24})(\/retry)?$/.exec(u.pathname);
    if (letter) {
      const r = letter[2] ? await health.retry(PORTAL, userId, letter[1]!) : await health.discard(PORTAL, userId, letter[1]!);
      return r.ok ? json(r.value ?? {}) : jsonResponse({ code: r.error, message: 'refused' }, r.error === 'not_admin' ? 403 : 404);
    }
    const link = /^\/api\/admin\/debtor-links\/(\d+)\/rotate$/.exec(u.pathname);
    if (link) {
      const r = await links.rotate(PORTAL, userId, link[1]!);
      return r.ok ? json(r.value) : jsonResponse({ code: r.error, message: 'refused' }, r.error === 'not_admin' ? 403 : 404);
    }
    return jsonResponse({ code: 'not_found', message: 'no' }, 404);
  });
  return calls;
}

function setup(language: 'en' | 'nl', userId = Number(ADMIN)) {
  const r = withPatientWaitFor(createRenderer('settings'));
  r.mocks.context.portal.id = Number(PORTAL);
  r.mocks.context.portal.timezone = 'Europe/Amsterdam';
  r.mocks.context.user.id = userId;
  r.mocks.context.user.language = language;
  r.mocks.context.user.locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  return r;
}

const addLetter = (reason: string) => deadLetters.add(PORTAL, { kind: 'create-task', ref: `4242:late_payment_call:${reason.length}`, reason, companyId: '4242' });

describe('sync health on the settings page, on what the server answers', () => {
  it.each(['en', 'nl'] as const)('in %s: the last run, the daily planning, the calls against the budget, and a dead letter an admin retries', async (language) => {
    const s = language === 'nl' ? settingsNl : settingsEn;
    await addLetter(`HubSpot rejected the task (400) ${language}`);
    const calls = backend();
    const r = setup(language);
    r.render(<SettingsView />);
    await r.waitFor(() => expect(r.findAll(Text).some((t) => t.props.testId?.startsWith('letter-reason-'))).toBe(true));
    const text = plain(textOf(r.findByTestId(Text, 'hubspot-calls')));
    expect(text).toBe(s.calls('3', language === 'nl' ? '250.000' : '250,000'));
    expect(plain(textOf(r.findByTestId(Text, 'last-run')))).toContain(s.companies(12, '12'));
    expect(plain(textOf(r.getRootNode()))).toContain(s.burst('100', '1'));
    expect(plain(textOf(r.getRootNode()))).toContain(`HubSpot rejected the task (400) ${language}`);
    expect(plain(textOf(r.getRootNode()))).not.toMatch(/Invalid|NaN|undefined|\[object/);

    const retry = r.findAll(Button).find((b) => String(b.props.testId).startsWith('retry-'))!;
    retry.trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'letter-retried').props.title).toBe(s.retried));
    expect(calls).toContain(`POST /api/admin/dead-letters/${String(retry.props.testId).slice('retry-'.length)}/retry`);
    expect(await deadLetters.count(PORTAL)).toBe(0);
    // What the retry did: the company is marked for the next sync.
    expect(await ledger.countDirtyCompanies(PORTAL)).toBeGreaterThan(0);
    await r.waitFor(() => expect(r.findAll(Text).some((t) => t.props.testId?.startsWith('letter-reason-'))).toBe(false));
  });

  it('when an admin discards a dead letter, then it is gone from the list', async () => {
    await addLetter('a letter to discard');
    backend();
    const r = setup('en');
    r.render(<SettingsView />);
    await r.waitFor(() => expect(r.findAll(Button).some((b) => String(b.props.testId).startsWith('discard-'))).toBe(true));
    r.findAll(Button).find((b) => String(b.props.testId).startsWith('discard-'))!.trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'letter-discarded').props.title).toBe(settingsEn.discarded));
    expect(await deadLetters.count(PORTAL)).toBe(0);
  });

  it('when the user is no admin, then the dead letters show without retry or discard, and no link can be regenerated', async () => {
    await addLetter('seen, not touched');
    backend();
    const r = setup('nl', 99);
    r.render(<SettingsView />);
    await r.waitFor(() => expect(textOf(r.getRootNode())).toContain('seen, not touched'));
    const buttons = r.findAll(Button).map((b) => String(b.props.testId));
    expect(buttons.filter((id) => id.startsWith('retry-') || id.startsWith('discard-') || id === 'rotate-link')).toEqual([]);
    expect(await deadLetters.count(PORTAL)).toBe(1);
    await deadLetters.remove(PORTAL, (await deadLetters.list(PORTAL))[0]!.id);
  });
});

describe('HubSpot\'s daily limit on the settings page, on what the server answers', () => {
  it.each(['en', 'nl'] as const)('in %s: a parked portal shows planning paused until the reset and the writes waiting; none once it is resumed', async (language) => {
    const s = language === 'nl' ? settingsNl : settingsEn;
    const parkedKeys = [`${prefix}:p:${PORTAL}:rate:parked`, `${prefix}:parked`, `${prefix}:p:${PORTAL}:parked-writes`];
    await parks.park(PORTAL, 3_600_000);
    await parkedWrites.keep(PORTAL, { kind: 'preferences', companyId: '4242' });
    await parkedWrites.keep(PORTAL, { kind: 'preferences', companyId: '4243' });
    backend();
    const r = setup(language);
    r.render(<SettingsView />);
    await r.waitFor(() => expect(r.findByTestId(Alert, 'daily-limit-pause')).toBeTruthy());
    const line = plain(String(r.findByTestId(Alert, 'daily-limit-pause').props.title));
    const [before, after] = s.dailyLimitPause('TIME', 2, '2').split('TIME');
    expect(line.startsWith(before!)).toBe(true);
    expect(line.endsWith(after!)).toBe(true);
    expect(line).toMatch(/\d{1,2}:\d{2}/);
    expect(line).not.toMatch(/Invalid|NaN|undefined/);

    await redis.del(...parkedKeys);
    vi.restoreAllMocks();
    backend();
    const again = setup(language);
    again.render(<SettingsView />);
    await again.waitFor(() => expect(again.findByTestId(Text, 'hubspot-calls')).toBeTruthy());
    expect(again.maybeFindByTestId(Alert, 'daily-limit-pause')).toBeFalsy();
  });
});

describe('customer page links on the settings page', () => {
  it.each(['en', 'nl'] as const)('in %s: an admin regenerates a customer\'s link and sees the new one; an unknown company is named as such', async (language) => {
    const s = language === 'nl' ? settingsNl : settingsEn;
    backend();
    const r = setup(language);
    r.render(<SettingsView />);
    await r.waitFor(() => expect(r.findByTestId(Button, 'rotate-link')).toBeTruthy());
    r.findByTestId(Input, 'link-company').trigger('onChange', '4242' as never);
    r.findByTestId(Button, 'rotate-link').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Link, 'new-link').props.href).toMatch(/^https:\/\/rd\.example\/my\/.+/));
    expect(String(r.findByTestId(Alert, 'link-rotated').props.title)).toContain(s.linkRotated('').split(' ')[0]!);
    r.findByTestId(Input, 'link-company').trigger('onChange', '999' as never);
    r.findByTestId(Button, 'rotate-link').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'link-not-found').props.title).toBe(s.linkNotFound));
  });
});
