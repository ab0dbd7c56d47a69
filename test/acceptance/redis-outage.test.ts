import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateRedis, type PrivateRedis } from '../../src/server/infra/redis-server';
import { startMonth, type Month } from './support/month';

/**
 * Redis under the test's control — the private Redis `npm start` runs (AOF, restarted when it dies) — while
 * the composition serves. Frozen (SIGSTOP), it is "down" as a hung or unreachable server is: /ready and every
 * API route answer 503 within a second instead of hanging, and the workers carry on by themselves once it is
 * back. Killed (SIGKILL) in the middle of work, it comes back with its data: nothing lost, nothing doubled.
 */
let redis: PrivateRedis;
let m: Month;
beforeAll(async () => {
  redis = await startPrivateRedis();
  m = await startMonth({ firstDay: '2027-03-01', redisUrl: redis.url });
}, 60_000);
afterAll(async () => {
  await m?.close();
  await redis?.stop();
});

const timed = async (request: () => Promise<Response>) => {
  const t0 = performance.now();
  const res = await request();
  await res.text();
  return { status: res.status, ms: performance.now() - t0, retryAfter: res.headers.get('retry-after') };
};
const signal = (sig: NodeJS.Signals) => process.kill(redis.pid()!, sig);

describe('Redis down and back', () => {
  it('when Redis stops answering, then /ready, cards, ingest and webhooks answer 503 within a second, and the work resumes by itself when it is back', async () => {
    const base = m.embedded.publicBaseUrl;
    const company = await m.createCompany({ name: 'Outage BV', domain: 'outage.example' });
    await m.invoices({ hubspotCompanyId: company }, [{ id: 'OUT-1', amount: 10_000, issued: '2027-01-04', due: '2027-02-03' }]);

    signal('SIGSTOP');
    try {
      await new Promise((r) => setTimeout(r, 3000)); // two failed probes in a row close the gate
      const ready = await timed(() => fetch(`${base}/ready`));
      expect(ready).toMatchObject({ status: 503 });
      expect(ready.ms).toBeLessThan(1000);
      for (const call of [
        () => m.signedFetch('GET', `/api/cards/receivables?portalId=${m.portalId}&companyId=${company}`),
        () => fetch(`${base}/api/ingest/invoices`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer x' }, body: '{}' }),
        () => fetch(`${base}/webhooks/hubspot`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[]' }),
      ]) {
        const res = await timed(call);
        expect(res).toMatchObject({ status: 503, retryAfter: '5' });
        expect(res.ms).toBeLessThan(1000);
      }
    } finally {
      signal('SIGCONT');
    }
    await m.waitFor(async () => (await fetch(`${base}/ready`)).status === 200, 10_000);
    // The workers were never told anything: the next change reaches HubSpot as usual.
    await m.invoices({ hubspotCompanyId: company }, [{ id: 'OUT-2', amount: 20_000, issued: '2027-01-04', due: '2027-02-03' }]);
    expect(await m.rollup(company)).toMatchObject({ open: 300 });
  });

  it('when Redis freezes under requests already on their way, then each is answered within 1.5 s, and a retry once it is back counts every invoice once', async () => {
    const base = m.embedded.publicBaseUrl;
    const company = await m.createCompany({ name: 'Freeze BV', domain: 'freeze.example' });
    const invoice = (i: number) => JSON.stringify({ invoices: [{
      externalId: `FREEZE-${i}`, number: `FREEZE-${i}`, customer: { hubspotCompanyId: company }, currency: 'EUR', amountMinor: 10_000, issueDate: '2027-01-04', dueDate: '2027-02-03',
    }] });
    await m.waitFor(async () => (await fetch(`${base}/ready`)).status === 200, 10_000);
    const sends = Array.from({ length: 11 }, (_, i) => i);
    signal('SIGSTOP');
    // Back after four seconds whatever the requests do: without the gate they would wait all of it.
    const back = new Promise((r) => setTimeout(r, 4000)).then(() => signal('SIGCONT'));
    // Sent in the second before the gate closes: they reach handlers that wait on the workers' connection.
    const answers = await Promise.all(sends.map(async (i) => {
      await new Promise((r) => setTimeout(r, i * 100));
      return timed(() => (i % 2 === 0
        ? m.postIngest('/invoices', invoice(i))
        : m.signedFetch('GET', `/api/cards/receivables?portalId=${m.portalId}&companyId=${company}`)));
    }));
    await back;
    for (const a of answers) {
      if (a.status !== 200) expect(a).toMatchObject({ status: 503, retryAfter: '5' });
      expect(a.ms).toBeLessThan(1500);
    }
    await m.waitFor(async () => (await fetch(`${base}/ready`)).status === 200, 10_000);
    // What was answered 503 may still have been written once Redis came back: the retry is safe all the same.
    for (const i of sends.filter((n) => n % 2 === 0)) expect((await m.postIngest('/invoices', invoice(i))).status).toBe(200);
    await m.settle();
    expect(await m.rollup(company)).toMatchObject({ open: 600 });
  });

  it('when Redis is killed in the middle of work, then it comes back with its data and nothing is lost or doubled', async () => {
    const companies = await m.createCompanies(Array.from({ length: 20 }, (_, i) => ({ name: `Kill ${i} BV`, domain: `kill${i}.example` })));
    const created = await m.signedFetch('POST', `/api/admin/api-keys?portalId=${m.portalId}&userId=${m.embedded.hubspot.adminUserId}`, { label: 'kill test' });
    const key = ((await created.json()) as { key: string }).key;
    const send = (body: unknown) => fetch(`${m.embedded.publicBaseUrl}/api/ingest/invoices`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` }, body: JSON.stringify(body),
    });
    // Invoices for twenty companies; Redis dies while the continuous sync plans and writes them.
    const accepted = await send({ invoices: companies.map((c, i) => ({
      externalId: `KILL-${i}`, number: `KILL-${i}`, customer: { hubspotCompanyId: c }, currency: 'EUR', amountMinor: 50_000, issueDate: '2027-01-04', dueDate: '2027-02-03',
    })) });
    expect(accepted.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100)); // appendfsync everysec: what was answered a second ago is on disk
    const pidBefore = redis.pid();
    signal('SIGKILL');
    await m.waitFor(async () => (await fetch(`${m.embedded.publicBaseUrl}/ready`)).status === 200, 15_000);
    expect(redis.pid()).not.toBe(pidBefore);
    await m.settle();
    // The ingest key, the portal's token and the ledger came back with it…
    expect((await send({ invoices: [{ externalId: 'KILL-AFTER', number: 'KILL-AFTER', customer: { hubspotCompanyId: companies[0] }, currency: 'EUR', amountMinor: 10_000, issueDate: '2027-01-04', dueDate: '2027-02-03' }] })).status).toBe(200);
    await m.settle();
    expect(await m.rollup(companies[0]!)).toMatchObject({ open: 600 });
    // …and every company has its rollup and each reminder task once.
    for (const c of companies.slice(1)) {
      expect(await m.rollup(c)).toMatchObject({ open: 500 });
      const keys = (await m.openTasks(c)).map((t) => t.actionKey);
      expect(keys.length).toBeGreaterThan(0);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});
