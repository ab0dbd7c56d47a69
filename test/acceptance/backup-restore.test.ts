import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreferencesVM } from '../../src/contracts/actions';
import { runBackupCommand, runRestoreCommand } from '../../src/server/cli/backup-command';
import { testRedis } from '../support/redis';
import { startMonth, type Month } from './support/month';
import { keysMatching } from '../../src/server/infra/redis-scan';

/**
 * Promises, disputes, arrangements, call outcomes, preferences, settings and API keys exist only in Redis. With
 * `npm run backup` they survive losing it: the backend's Redis is emptied (every key of the prefix, the queues
 * included) and `npm run restore` brings the cards, the ingest key and the planning back, without doubling a task.
 */
let m: Month;
let redis: Redis;
let dir: string;
beforeAll(async () => {
  m = await startMonth({ firstDay: '2027-03-01' });
  redis = testRedis();
  dir = await mkdtemp(join(tmpdir(), 'rd-backup-'));
}, 60_000);
afterAll(async () => {
  await m?.close();
  await rm(dir, { recursive: true, force: true });
});

const EUR = (minor: number) => ({ minor, currency: 'EUR' });
const preferences = async (c: string) => (await (await m.signedFetch('GET', `/api/cards/preferences?portalId=${m.portalId}&companyId=${c}`)).json()) as PreferencesVM;
const allKeys = () => keysMatching(redis, `${m.prefix}:*`);

describe('backup and restore', () => {
  it('when Redis loses everything, then a restore of the backup brings the cards, keys and planning back', async () => {
    const c = await m.createCompany({ name: 'Backup Bouw BV', domain: 'backup-bouw.example' });
    await m.invoices({ domain: 'backup-bouw.example' }, [
      { id: 'B-1', amount: 100_000, issued: '2027-01-04', due: '2027-02-01' },
      { id: 'B-2', amount: 40_000, issued: '2027-01-11', due: '2027-02-08' },
      { id: 'B-3', amount: 90_000, issued: '2027-01-18', due: '2027-02-15' },
    ]);
    expect((await m.logOutcome(c, { result: 'reached', promise: { date: m.date(5), amount: EUR(100_000), invoiceExternalIds: ['B-1'] } })).status).toBe(201);
    expect((await m.logOutcome(c, { result: 'reached', dispute: { invoiceExternalId: 'B-2', reason: 'wrong_amount' } })).status).toBe(201);
    expect((await m.logOutcome(c, { result: 'reached', arrangement: { invoiceExternalIds: ['B-3'], instalments: [10, 20].map((d) => ({ dueDate: m.date(d), amount: EUR(45_000) })) } })).status).toBe(201);
    expect(await m.savePreferences(c, { channels: ['email', 'phone'], callWindows: [], language: 'en', customerType: 'business', pauses: [] })).toBe(200);
    await m.day(2);
    const before = { card: await m.receivables(c), prefs: await preferences(c), keys: await m.apiKeys(), tasks: await m.tasks(c) };
    expect(before.card.promises).toHaveLength(1);
    expect(before.card.disputes).toHaveLength(1);
    expect(before.card.invoices.items.some((r) => r.tags.includes('in_arrangement'))).toBe(true);

    const file = join(dir, 'portal.json');
    const deps = { redis, prefix: m.prefix, queues: m.embedded.backend.queues };
    const said: string[] = [];
    await runBackupCommand(['--portal', m.portalId, '--out', file], deps, (l) => said.push(l));
    expect(said.join('\n')).toContain(`Backed up portal ${m.portalId}`);
    expect(JSON.stringify(JSON.parse(await readFile(file, 'utf8')))).not.toContain(m.embedded.hubspot.accessToken);

    const lost = await allKeys();
    await redis.del(...lost);
    expect((await m.signedFetch('GET', `/api/cards/receivables?portalId=${m.portalId}&companyId=${c}`)).status).not.toBe(200);

    await runRestoreCommand([file], deps, (l) => said.push(l));
    expect(said.at(-1)).toContain('daily run is scheduled again');
    await m.settle();

    const card = await m.receivables(c);
    expect(card.promises).toEqual(before.card.promises);
    expect(card.disputes).toEqual(before.card.disputes);
    expect(card.invoices.items.map((r) => [r.number, r.tags])).toEqual(before.card.invoices.items.map((r) => [r.number, r.tags]));
    const prefs = await preferences(c);
    expect(prefs.preferences).toEqual(before.prefs.preferences);
    expect(prefs.responses).toEqual(before.prefs.responses);
    expect((await m.apiKeys()).items.map((k) => k.id)).toEqual(before.keys.items.map((k) => k.id));
    // The accounting system's key still works, and the next daily pass plans without creating a task twice.
    await m.payment('B-3', 45_000, m.date(3));
    await m.day(3);
    const tasks = await m.tasks(c);
    const keys = tasks.map((t) => t.actionKey).filter((k) => k !== undefined);
    expect(new Set(keys).size).toBe(keys.length);
    expect(tasks.length).toBeGreaterThanOrEqual(before.tasks.length);
  }, 90_000);

  it('when the file is not a valid backup, then nothing is written and the reason names the field', async () => {
    const file = join(dir, 'bad.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, JSON.stringify({ format: 'receivables-desk-portal-backup', version: 1, portalId: '9', createdAt: 'yesterday', keys: [] })));
    await expect(runRestoreCommand([file], { redis, prefix: m.prefix, queues: m.embedded.backend.queues }, () => undefined)).rejects.toThrow(/createdAt/);
    expect(await redis.exists(`${m.prefix}:p:9:portal`)).toBe(0);
  });
});
