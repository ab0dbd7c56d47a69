import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReceivablesVM } from '../../src/contracts/cards';
import { startMonth, type Month } from './support/month';

/**
 * The first open of a Receivables card, through the composition `npm start` runs: after a change reaches
 * HubSpot, the continuous sync has precomputed the card's first page, and opening the record serves it —
 * but never once the ledger, the day or the portal's policy has moved on since.
 */
let m: Month;
beforeAll(async () => { m = await startMonth({ firstDay: '2027-03-01' }); }, 60_000);
afterAll(async () => { await m?.close(); });

const viewKey = (companyId: string) => `${m.prefix}:p:${m.portalId}:cards:receivables:${companyId}`;
const lines = (n: number, due: string) => Array.from({ length: n }, (_, k) => ({ id: `FO-${k}`, amount: 10_000 + k, issued: '2027-02-01', due }));
const openTotal = (vm: ReceivablesVM) => vm.totals.open.find((t) => t.currency === 'EUR')?.minor;

describe('a card opened after the sync', () => {
  let company = '';
  beforeAll(async () => {
    company = await m.createCompany({ name: 'Snel Open BV', domain: 'snel-open.example' });
    await m.invoices({ domain: 'snel-open.example' }, lines(40, '2027-02-20'));
  }, 60_000);

  it('when the refresh has run, then the first page was precomputed and a first open answers it', async () => {
    const redis = m.embedded.backend.redis;
    const stored = await redis.hget(viewKey(company), 'json');
    expect(stored).not.toBeNull();
    const vm = await m.receivables(company);
    expect(JSON.parse(stored!)).toEqual(vm);
    expect(vm.invoices).toMatchObject({ page: 1, pageSize: 25, total: 40 });
    expect(openTotal(vm)).toBe(40 * 10_000 + (39 * 40) / 2);

    // Served from the store, not recomputed: a marked copy comes back as it is (a test-only edit of Redis).
    const marked = JSON.stringify({ ...vm, companyId: 'served-from-store' });
    await redis.hset(viewKey(company), 'json', marked);
    expect((await m.receivables(company)).companyId).toBe('served-from-store');
    await redis.hset(viewKey(company), 'json', stored!);
  });

  it('when an invoice arrives, then the very next open shows it, before the refresh has run', async () => {
    const report = await m.ingestJson('/invoices', {
      invoices: [{ externalId: 'FO-new', number: 'FO-new', kind: 'invoice', customer: { domain: 'snel-open.example' }, currency: 'EUR',
        amountMinor: 77_700, issueDate: '2027-02-25', dueDate: '2027-03-25' }],
    }, { settle: false });
    expect(report).toMatchObject({ created: 1 });
    const vm = await m.receivables(company);
    expect(vm.invoices.total).toBe(41);
    expect(openTotal(vm)).toBe(40 * 10_000 + (39 * 40) / 2 + 77_700);
    await m.settle();
    expect(JSON.parse((await m.embedded.backend.redis.hget(viewKey(company), 'json'))!)).toEqual(await m.receivables(company));
  });

  it('when the day moves on, then the card counts the days overdue from the new day', async () => {
    const before = await m.receivables(company);
    await m.day(2);
    const after = await m.receivables(company);
    expect(after.asOf).toBe(m.date(2));
    expect(after.asOf).not.toBe(before.asOf);
    expect(after.oldestOverdueDays).toBe((before.oldestOverdueDays ?? 0) + 1);
  });
});
