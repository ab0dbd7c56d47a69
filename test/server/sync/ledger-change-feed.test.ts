import { afterAll, describe, expect, it } from 'vitest';
import { money } from '../../../src/domain/money';
import type { Invoice } from '../../../src/domain/ledger';
import { createRedisLedgerStore } from '../../../src/server/ledger/redis-ledger-store';
import { LEDGER_WRITES, withChangeFeed } from '../../../src/server/sync/ledger-change-feed';
import { deletePrefix, testRedis, uniquePrefix } from '../../support/redis';

const redis = testRedis();
const prefix = uniquePrefix('feed');
afterAll(async () => { await deletePrefix(redis, prefix); await redis.quit(); });

const invoice = (externalId: string): Invoice => ({
  externalId, number: externalId, kind: 'invoice', companyId: '42', amount: money(10_000, 'EUR'), open: money(10_000, 'EUR'),
  issueDate: '2027-03-01', dueDate: '2027-03-31', paymentTermDays: 30, status: 'open', directDebit: false, sourceVersion: '1',
});

describe('the ledger change feed', () => {
  it('when a write succeeds, then its portal is announced once, and the company is marked dirty in Redis', async () => {
    const announced: string[] = [];
    const ledger = withChangeFeed(createRedisLedgerStore(redis, prefix), async (portalId) => { announced.push(portalId); });
    await ledger.upsertInvoices('7', [invoice('A-1')]);
    expect(announced).toEqual(['7']);
    expect(await ledger.countDirtyCompanies('7')).toBe(1);
    // Reads announce nothing.
    await ledger.getCustomerLedger('7', '42');
    expect(announced).toEqual(['7']);
  });

  it('when the announcement fails, then the write still succeeds (the sweep finds the dirty company)', async () => {
    const ledger = withChangeFeed(createRedisLedgerStore(redis, prefix), async () => { throw new Error('Redis queue unavailable'); });
    await expect(ledger.upsertInvoices('8', [invoice('B-1')])).resolves.toMatchObject({ created: 1 });
    expect(await ledger.countDirtyCompanies('8')).toBe(1);
  });

  it('when the write fails, then nothing is announced', async () => {
    const announced: string[] = [];
    const ledger = withChangeFeed(createRedisLedgerStore(redis, prefix), async (portalId) => { announced.push(portalId); });
    await expect(ledger.upsertInvoices('not a portal id!', [invoice('C-1')])).rejects.toThrow();
    expect(announced).toEqual([]);
  });

  it('covers every store method that changes a ledger', () => {
    const store = createRedisLedgerStore(redis, prefix) as unknown as Record<string, unknown>;
    for (const name of LEDGER_WRITES) expect(typeof store[name], name).toBe('function');
  });
});
