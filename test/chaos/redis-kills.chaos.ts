import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreatedApiKeyVM } from '../../src/contracts/api-keys';
import { installLocalPortal } from '../../src/server/embedded/embedded-backend';
import { startPrivateRedis, type PrivateRedis } from '../../src/server/infra/redis-server';
import type { Month } from '../acceptance/support/month';
import { startChaosMonth } from './support/chaos-month';
import { recordFigures } from './support/figures';
import { auditCompanies, objectsByCompany } from './support/hubspot-audit';

/**
 * Redis SIGKILLed while the composition syncs rollups and creates the reminder tasks of a few hundred
 * companies. Its own redis-server (startPrivateRedis: a unix socket in a temporary folder, started again on the
 * same folder when it dies, as `npm start` runs it):
 * - with the persistence `npm start` configures (AOF, appendfsync everysec) nothing may be lost or doubled;
 * - without persistence it comes back empty. What the portal lost is printed as it is, and after the operator's
 *   way back (install again, the accounting system sends its export again) no task may exist twice: the planned
 *   keys are the same, and HubSpot refuses a second task with a write key it holds, which the run reads back.
 */
const COMPANIES = 300;
const euros = (i: number) => 500 + i;
let redis: PrivateRedis | undefined;
let m: Month | undefined;
afterEach(async () => {
  await m?.close();
  await redis?.stop();
  m = undefined;
  redis = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const invoices = (companies: readonly string[]) => ({
  invoices: companies.map((c, i) => ({
    externalId: `RK-${i}`, number: `RK-${i}`, customer: { hubspotCompanyId: c }, currency: 'EUR',
    amountMinor: euros(i) * 100, issueDate: '2027-01-04', dueDate: '2027-02-03',
  })),
});

/** The composition on a Redis of its own, the companies in HubSpot, and their invoices sent: the run is under way. */
async function startRun(persistence: boolean) {
  redis = await startPrivateRedis();
  // A Redis without persistence: AOF switched off before anything is written, so a restart finds nothing.
  if (!persistence) await onRedis(redis.url, (r) => r.config('SET', 'appendonly', 'no'));
  m = await startChaosMonth({ firstDay: '2027-03-01', redisUrl: redis.url });
  const companies = await m.createCompanies(Array.from({ length: COMPANIES }, (_, i) => ({ name: `Redis Kill ${i} BV`, domain: `rk${i}.example` })));
  // The run's first task batch (of 100) lands soon, the others slowly: the run keeps four creates in flight, so
  // with one delay for all every task would exist before the kill.
  await m.fault({ pathPattern: 'tasks/batch/create$', kind: 'delay', ms: 300, count: 1 });
  await m.fault({ pathPattern: 'tasks/batch/create$', kind: 'delay', ms: 4000, count: 100_000 });
  await m.ingestJson('/invoices', invoices(companies), { settle: false });
  const answeredAt = Date.now();
  const created = () => [...objectsByCompany(m!, 'tasks', companies).values()].filter((l) => l.length > 0).length;
  await m.waitFor(async () => created() >= 100, 60_000);
  // appendfsync everysec: an ingest answered more than a second ago is on disk (what the run wrote since may not be).
  await sleep(Math.max(0, answeredAt + 1100 - Date.now()));
  return { m, companies, created };
}

async function onRedis<T>(url: string, fn: (r: Redis) => Promise<T>): Promise<T> {
  const r = new Redis({ path: new URL(url).pathname, maxRetriesPerRequest: 1 });
  try { return await fn(r); } finally { r.disconnect(); }
}

/** SIGKILL; startPrivateRedis starts it again on the same folder. Resolves once the backend is ready again. */
async function killRedis(run: Month): Promise<void> {
  const before = redis!.pid()!;
  process.kill(before, 'SIGKILL');
  await run.waitFor(async () => redis!.pid() !== before && (await fetch(`${run.embedded.publicBaseUrl}/ready`)).status === 200, 15_000);
}

const expectedOpen = (companies: readonly string[]) => new Map(companies.map((c, i) => [c, euros(i)]));

describe('Redis killed in the middle of a run', () => {
  it('when Redis with AOF is SIGKILLed while rollups are synced and tasks created, then it comes back with its data and nothing is lost or doubled', async () => {
    const { m: run, companies, created } = await startRun(true);
    const atKill = created();
    expect(atKill).toBeLessThan(COMPANIES); // really mid-run
    await killRedis(run);
    await run.settle();
    const audit = auditCompanies(run, expectedOpen(companies));
    // The token and the ingest key came back with it: the accounting system's next batch is taken as usual.
    const after = await run.postIngest('/invoices', JSON.stringify({ invoices: invoices(companies).invoices.slice(0, 1) }));
    recordFigures({
      scenario: `Redis (AOF everysec) SIGKILLed mid-run, ${COMPANIES} companies`, tried: COMPANIES,
      survived: audit.survived, lost: audit.lost, doubled: audit.doubled, fiveXX: 0,
      note: `killed with ${atKill}/${COMPANIES} companies' tasks created; after the restart ${audit.tasks} tasks, ${audit.wrongRollups} rollups wrong; ingest key answers ${after.status}`,
    });
    expect(audit).toMatchObject({ lost: 0, doubled: 0, survived: COMPANIES });
    expect(after.status).toBe(200);
    expect(await run.embedded.backend.hubspot.deadLetters.list(run.portalId)).toEqual([]);
  });

  it('when Redis without persistence is SIGKILLed mid-run, then it comes back empty; once installed again and the export sent again, no task exists twice', async () => {
    const { m: run, companies, created } = await startRun(false);
    const { tier } = await run.embedded.backend.hubspot.portals.require(run.portalId);
    const atKill = created();
    expect(atKill).toBeLessThan(COMPANIES); // really mid-run
    await killRedis(run);
    // Whatever the run in flight still does on the empty Redis, it does within a few seconds.
    await sleep(5000);
    const afterKill = created();
    const backend = run.embedded.backend;
    const tokenGone = await backend.hubspot.tokens.getAccessToken(run.portalId).then(() => false, () => true);
    const ledgers = await Promise.all(companies.map((c) => backend.ledger.getCustomerLedger(run.portalId, c)));
    const invoicesGone = ledgers.filter((l) => !l || l.invoices.length === 0).length;
    // A run in flight goes on writing what it did (its task history) into the empty Redis.
    const historyOnly = ledgers.filter((l) => l && l.invoices.length === 0).length;
    const keyStatus = (await run.postIngest('/invoices', JSON.stringify({ invoices: invoices(companies).invoices.slice(0, 1) }))).status;

    // The way back: the app installed again, a new ingest key, the accounting system's export sent again.
    const hub = run.embedded.hubspot;
    await installLocalPortal(backend, {
      portalId: run.portalId, basePath: hub.sandbox.url, accessToken: hub.accessToken, tier,
      ...(hub.creditControllerOwnerId ? { creditControllerOwnerId: hub.creditControllerOwnerId } : {}),
    });
    const made = await run.signedFetch('POST', `/api/admin/api-keys?portalId=${run.portalId}&userId=${hub.adminUserId}`, { label: 'after the loss' });
    expect(made.status).toBe(201);
    const key = ((await made.json()) as CreatedApiKeyVM).key;
    const resentAt = Date.now();
    const resent = await fetch(`${run.embedded.publicBaseUrl}/api/ingest/invoices`, {
      method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify(invoices(companies)),
    });
    expect(resent.status).toBe(200);
    // Claims the run in flight took on the empty Redis (before it failed: no token, no portal) hold their keys
    // until their lease (120 s) runs out; then the run takes them over, looks them up in HubSpot and creates them.
    await backend.loop.settled(run.portalId, { timeoutMs: 200_000 });
    await run.settle();
    const settledS = Math.round((Date.now() - resentAt) / 1000);
    const audit = auditCompanies(run, expectedOpen(companies));
    recordFigures({
      scenario: `Redis without persistence SIGKILLed mid-run, ${COMPANIES} companies`, tried: COMPANIES,
      survived: audit.survived, lost: audit.lost, doubled: audit.doubled, fiveXX: 0,
      note: `killed with ${atKill}/${COMPANIES} companies' tasks created, ${afterKill} after the run in flight met the empty Redis; `
        + `lost with Redis: token ${tokenGone ? 'gone' : 'kept'}, ingest key ${keyStatus === 401 ? 'gone (401)' : `answers ${keyStatus}`}, `
        + `invoices of ${invoicesGone}/${COMPANIES} companies gone (${historyOnly} ledgers came back holding only the task history written after the restart); after install + export sent again: settled in ${settledS} s, ${audit.tasks} tasks, ${audit.wrongRollups} rollups wrong`,
    });
    expect(audit).toMatchObject({ lost: 0, doubled: 0, survived: COMPANIES });
  });
});
