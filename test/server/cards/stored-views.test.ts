import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../src/domain/policy/policy';
import { createReceivablesViews } from '../../../src/server/cards/receivables-views';
import { createStoredViews, viewVariant } from '../../../src/server/cards/stored-views';
import { createRedisLedgerStore } from '../../../src/server/ledger/redis-ledger-store';
import { money } from '../../../src/domain/money';
import type { Invoice } from '../../../src/domain/ledger';
import { deletePrefix, testRedis, uniquePrefix } from '../../support/redis';

const redis = testRedis();
const prefix = uniquePrefix('views');
afterAll(async () => { await deletePrefix(redis, prefix); await redis.quit(); });

const invoice = (id: string, companyId: string, due: string, minor = 10_000): Invoice => ({
  externalId: id, number: id, kind: 'invoice', companyId, amount: money(minor, 'EUR'), open: money(minor, 'EUR'),
  issueDate: '2027-01-01', dueDate: due, paymentTermDays: 30, status: 'open', directDebit: false, sourceVersion: '1',
});

function setup(now: { at: Date }, policy: object = DEFAULT_POLICY) {
  const ledger = createRedisLedgerStore(redis, prefix, { cacheCompanies: 0 });
  const stored = createStoredViews(redis, prefix);
  const views = createReceivablesViews({
    ledger, stored, viewCacheTtlMs: 0, now: () => now.at,
    calendarFor: () => ({ timeZone: 'Europe/Amsterdam', holidays: new Set<string>() }), policy: policy as typeof DEFAULT_POLICY,
  });
  return { ledger, stored, views };
}
const FIRST = { portalId: '71', page: 1, pageSize: 25, sort: '-daysOverdue' } as const;
const variant = viewVariant(DEFAULT_POLICY, 'Europe/Amsterdam');

describe('stored card views', () => {
  it('when a company is warmed, then its stored first page is what a computation gives, and only for that revision, day and policy', async () => {
    const now = { at: new Date('2027-03-10T09:00:00Z') };
    const { ledger, stored, views } = setup(now);
    await ledger.upsertInvoices('71', [invoice('A-1', '5001', '2027-03-01'), invoice('A-2', '5001', '2027-04-01')]);
    await views.warm('71', ['5001', '5002']);
    const hit = await stored.read('71', '5001', '2027-03-10', variant);
    expect(hit).toBeDefined();
    expect(await stored.read('71', '5002', '2027-03-10', variant)).toBeUndefined(); // no ledger, nothing stored
    expect(await stored.read('71', '5001', '2027-03-11', variant)).toBeUndefined();
    expect(await stored.read('71', '5001', '2027-03-10', viewVariant({ ...DEFAULT_POLICY, steps: [] }, 'Europe/Amsterdam'))).toBeUndefined();
    expect(await stored.read('71', '5001', '2027-03-10', viewVariant(DEFAULT_POLICY, 'Europe/Brussels'))).toBeUndefined();

    const computed = await setup(now).views.pageJson({ ...FIRST, companyId: '5001' });
    expect(JSON.parse(hit!)).toEqual(JSON.parse(computed!));

    await ledger.upsertInvoices('71', [invoice('A-3', '5001', '2027-03-05', 5_000)]);
    expect(await stored.read('71', '5001', '2027-03-10', variant)).toBeUndefined();
    const fresh = JSON.parse((await views.pageJson({ ...FIRST, companyId: '5001' }))!);
    expect(fresh.invoices.total).toBe(3);
    // The miss stored the new view for the next open.
    await new Promise((r) => setTimeout(r, 20));
    expect(JSON.parse((await stored.read('71', '5001', '2027-03-10', variant))!)).toEqual(fresh);
  });

  it('when a page other than the first is asked, then nothing is stored for it and it is computed', async () => {
    const now = { at: new Date('2027-03-10T09:00:00Z') };
    const { ledger, stored, views } = setup(now);
    await ledger.upsertInvoices('71', Array.from({ length: 30 }, (_, k) => invoice(`B-${k}`, '5003', '2027-03-01')));
    const second = JSON.parse((await views.pageJson({ ...FIRST, companyId: '5003', page: 2 }))!);
    expect(second.invoices).toMatchObject({ page: 2, total: 30 });
    expect(second.invoices.items).toHaveLength(5);
    expect(await stored.read('71', '5003', '2027-03-10', variant)).toBeUndefined();
  });

  it('when the policy differs, then its fingerprint differs, and the same policy object gives the same one', () => {
    expect(viewVariant(DEFAULT_POLICY, 'Europe/Amsterdam')).toBe(variant);
    expect(viewVariant({ ...DEFAULT_POLICY, steps: [] }, 'Europe/Amsterdam')).not.toBe(variant);
  });
});
