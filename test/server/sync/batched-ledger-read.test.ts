import { afterAll, describe, expect, it } from 'vitest';
import { PROMISE_SOURCES } from '../../../src/domain/ledger';
import { money } from '../../../src/domain/money';
import { createRedisLedgerStore } from '../../../src/server/ledger/redis-ledger-store';
import { createSyncService } from '../../../src/server/sync/sync-portal';
import { invoiceFor, NOW, startHarness } from '../hubspot/harness';
import { testRedis, uniquePrefix } from '../../support/redis';

const redis = testRedis();
const portalId = '4242';
const ledger = createRedisLedgerStore(redis, uniquePrefix('batched-read'));
afterAll(async () => {
  await ledger.deletePortal(portalId);
  await redis.quit();
});

const SOURCE = PROMISE_SOURCES[0];

describe('batched ledger read used by the sync', () => {
  it('when many companies are read at once, then each ledger equals its single read, in the order asked, and unknown ones are undefined', async () => {
    await ledger.upsertInvoices(portalId, [
      invoiceFor('c1', 2, '2026-10-01'), invoiceFor('c1', 1, '2026-11-01', 5_000, 'USD'), invoiceFor('c2', 1, '2026-12-01'),
    ]);
    await ledger.addPromise(portalId, {
      id: 'p1', companyId: 'c2', madeOn: '2026-11-20', promisedDate: '2026-11-30', amount: money(1_000, 'EUR'), invoiceExternalIds: [], source: SOURCE,
    });
    const many = await ledger.getCustomerLedgers(portalId, ['c2', 'none', 'c1']);
    const single = await Promise.all(['c2', 'none', 'c1'].map((id) => ledger.getCustomerLedger(portalId, id)));
    expect(many).toEqual(single);
    expect(many[1]).toBeUndefined();
    expect(many[2]!.invoices).toHaveLength(2);
    expect(many[0]!.promises).toHaveLength(1);
    expect(await ledger.getCustomerLedgers(portalId, [])).toEqual([]);
  });
});

describe('sync with a ledger store that has no batched read', () => {
  it('when a store reads one company at a time, then the sync writes the same rollups and a rerun with the batched store writes nothing', async () => {
    const h = await startHarness({ companies: 3 });
    try {
      await h.ledger.upsertInvoices(h.portalId, h.companyIds.map((id, n) => invoiceFor(id, 1, '2026-11-0' + (n + 1), 10_000 * (n + 1))));
      const { getCustomerLedgers: _batched, ...perCompany } = h.ledger;
      const s = h.services;
      const sync = createSyncService({ redis: h.redis, prefix: h.prefix, gateway: s.gateway, ledger: perCompany, portals: s.portals, planner: s.planner, poisoned: s.poisoned, now: () => NOW });
      expect(await sync.syncPortal(h.portalId)).toMatchObject({ considered: 3, changed: 3, written: 3, writeCalls: 1 });
      expect(h.hub.getObject('companies', h.companyIds[2]!)!.properties.rd_open_balance).toBe('300');
      expect(await s.sync.syncPortal(h.portalId)).toMatchObject({ considered: 3, changed: 0, written: 0 });
    } finally {
      await h.close();
    }
  });
});
