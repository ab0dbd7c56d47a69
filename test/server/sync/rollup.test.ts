import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRollupHashStore, rollupHash } from '../../../src/server/sync/rollup-hashes';
import { rollupProperties } from '../../../src/server/hubspot/crm-mapping';
import type { CompanyRollup } from '../../../src/server/hubspot/gateway';
import { testRedis, uniquePrefix } from '../../support/redis';

const rollup = (over: Partial<CompanyRollup> = {}): CompanyRollup => ({
  companyId: '101', currency: 'EUR', openBalance: 1234.56, overdueBalance: 0, openSummary: 'EUR 1.234,56', overdueSummary: '',
  oldestOverdueDays: 0, dunningStage: 'none', nextAction: '', nextActionDate: null, promiseDate: null, riskSegment: 'current',
  preferredChannel: 'email', optOut: false, ...over,
});

describe('rollup values', () => {
  it('when a rollup is mapped to HubSpot properties, then dates are midnight UTC and empty values clear', () => {
    const p = rollupProperties(rollup({ nextActionDate: '2026-11-24' }), '2026-11-23T08:00:00.000Z');
    expect(p.rd_next_action_date).toBe(String(Date.UTC(2026, 10, 24)));
    expect(p.rd_promise_date).toBe('');
    expect(p.rd_preferred_channel).toBe('email');
    expect(p.rd_opt_out).toBe('false');
    expect(p.rd_last_sync).toBe(String(Date.parse('2026-11-23T08:00:00.000Z')));
  });

  it('when any field of a rollup changes, then its hash changes (and key order never matters)', () => {
    fc.assert(fc.property(fc.double({ noNaN: true }), fc.integer({ min: 0, max: 5000 }), (balance, days) => {
      const a = rollup({ openBalance: balance, oldestOverdueDays: days });
      const reordered = Object.fromEntries(Object.entries(a).reverse()) as unknown as CompanyRollup;
      expect(rollupHash(reordered)).toBe(rollupHash(a));
      expect(rollupHash(rollup({ openBalance: balance, oldestOverdueDays: days + 1 }))).not.toBe(rollupHash(a));
    }));
  });

  it('when rollups were remembered, then only changed ones are reported', async () => {
    const redis = testRedis();
    const store = createRollupHashStore(redis, uniquePrefix('hash'));
    const a = rollup({ companyId: '1' });
    const b = rollup({ companyId: '2' });
    expect(await store.changed('9', [a, b])).toHaveLength(2);
    await store.remember('9', [a, b]);
    expect(await store.changed('9', [a, b])).toEqual([]);
    const b2 = { ...b, dunningStage: 'formal_reminder' };
    expect(await store.changed('9', [a, b2])).toEqual([b2]);
    expect(await store.changed('10', [a])).toEqual([a]); // other portals are separate
    await redis.quit();
  });
});
