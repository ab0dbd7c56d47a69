import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceFor } from '../server/hubspot/harness';
import { startMonth, type Month } from './support/month';

/**
 * /metrics as an operator's Prometheus scrapes it from the composition npm start runs: the app's own figures
 * (ingest rows, rollups written, tasks created and closed, HubSpot calls and 429s per portal, queue depth and
 * lag, dead letters), read from the counts every process adds to — and they move when the app works.
 */
let m: Month;
beforeAll(async () => { m = await startMonth({ firstDay: '2027-03-01' }); }, 60_000);
afterAll(async () => { await m?.close(); });

/** Every sample of the scrape: `name{labels}` → value. */
async function scrape(): Promise<Map<string, number>> {
  const res = await fetch(`${m.embedded.publicBaseUrl}/metrics`);
  expect(res.status).toBe(200);
  const samples = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}
const of = (s: Map<string, number>, name: string, labels: string) => s.get(`${name}{${labels}}`) ?? 0;

describe('/metrics', () => {
  it('when invoices come in and are synced and planned, then the app\'s own figures move', async () => {
    const portal = `portal="${m.portalId}"`;
    const before = await scrape();
    const company = await m.createCompany({ name: 'Meetbaar BV', domain: 'meetbaar.example' });
    await m.invoices({ domain: 'meetbaar.example' }, [
      { id: 'MT-1', amount: 40_000, issued: '2027-01-04', due: '2027-02-03' },
      { id: 'MT-2', amount: 10_000, issued: '2027-01-11', due: '2027-02-10' },
    ]);
    const tasks = await m.openTasks(company);
    expect(tasks.length).toBeGreaterThan(0);
    const mid = await scrape();
    expect(of(mid, 'rd_ingest_rows_total', portal) - of(before, 'rd_ingest_rows_total', portal)).toBe(2);
    expect(of(mid, 'rd_sync_writes_total', portal) - of(before, 'rd_sync_writes_total', portal)).toBeGreaterThanOrEqual(1);
    expect(of(mid, 'rd_tasks_created_total', portal) - of(before, 'rd_tasks_created_total', portal)).toBe(tasks.length);
    expect(of(mid, 'rd_hubspot_calls_total', portal)).toBeGreaterThan(of(before, 'rd_hubspot_calls_total', portal));

    // Everything is paid: the open tasks are no longer needed and are completed in HubSpot.
    await m.payments([{ invoiceId: 'MT-1', amountMinor: 40_000, date: '2027-03-01' }, { invoiceId: 'MT-2', amountMinor: 10_000, date: '2027-03-01' }]);
    expect(await m.openTasks(company)).toEqual([]);
    const after = await scrape();
    expect(of(after, 'rd_tasks_closed_total', portal) - of(mid, 'rd_tasks_closed_total', portal)).toBe(tasks.length);
    expect(of(after, 'rd_ingest_rows_total', portal) - of(mid, 'rd_ingest_rows_total', portal)).toBe(2);
  });

  it('when a company cannot be processed, then its dead letters are counted, and every queue reports its jobs and lag', async () => {
    const portal = `portal="${m.portalId}"`;
    expect(of(await scrape(), 'rd_dead_letters', portal)).toBe(0);

    // A record no pass can process (as an older release stored it): set aside, reported twice (sync and planning).
    const bad = await m.createCompany({ name: 'Onleesbaar BV', domain: 'onleesbaar.example' });
    await m.embedded.backend.ledger.upsertInvoices(m.portalId, [{ ...invoiceFor(bad, 2, '2027-02-30', 20_000), externalId: 'ONL-1', sourceVersion: '0' }]);
    await m.settle();
    const after = await scrape();
    expect(of(after, 'rd_dead_letters', portal)).toBe(2);
    // 429s are counted where the gateway sees them; in this test process the api-client's process-wide retry
    // decorator (the test's own client asks for retries) would answer them first, so only the series is checked.
    expect([...after.keys()].some((k) => k.startsWith('rd_hubspot_calls_total{'))).toBe(true);
    for (const queue of ['sync', 'scheduling', 'refresh', 'webhooks']) {
      expect(after.has(`rd_queue_lag_seconds{queue="${queue}"}`), queue).toBe(true);
      expect(after.has(`rd_queue_jobs{queue="${queue}",state="failed"}`), queue).toBe(true);
    }
    expect(after.has('process_cpu_user_seconds_total')).toBe(true);
  });
});
