import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { ledgerKeys } from '../../../src/server/ledger/ledger-keys';
import { createRedisLedgerStore } from '../../../src/server/ledger/redis-ledger-store';
import { canonicalJson, contentDigest } from '../../../src/server/ledger/source-version';
import type { LedgerStore } from '../../../src/server/ledger/ledger-store';
import { money } from '../../../src/domain/money';
import { anInvoice, aPayment, aPromise } from '../../domain/builders';
import { deletePrefix, testRedis, uniquePrefix } from '../../support/redis';

const redis: Redis = testRedis();
let prefix: string;
let store: LedgerStore;

beforeEach(() => {
  prefix = uniquePrefix('ledger');
  store = createRedisLedgerStore(redis, prefix);
});
afterEach(() => deletePrefix(redis, prefix));
afterAll(() => redis.quit());

describe('redis ledger store: invoices', () => {
  it('when the same invoices are upserted twice, then the second time nothing changes and nothing is dirty', async () => {
    const invoices = [anInvoice({ externalId: 'a' }), anInvoice({ externalId: 'b', companyId: 'c2' })];
    expect(await store.upsertInvoices('1', invoices)).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(await store.takeDirtyCompanies('1')).toEqual(['c1', 'c2']);
    expect(await store.upsertInvoices('1', invoices)).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await store.takeDirtyCompanies('1')).toEqual([]);
    expect((await store.getCustomerLedger('1', 'c1'))?.invoices).toEqual([invoices[0]]);
  });

  it('when a ledger remembers what the source sent the way earlier versions did, then the same content is still unchanged and other content updates', async () => {
    const { sourceVersion: _v, ...content } = anInvoice({ externalId: 'old-digest' });
    const earlier = { 'old-digest': contentDigest(content), 'old-json': canonicalJson({ ...content, externalId: 'old-json' }) };
    for (const [id, f] of Object.entries(earlier)) {
      await store.upsertInvoices('1', [anInvoice({ externalId: id })]);
      await redis.hset(ledgerKeys(prefix, '1').invoiceSource, id, JSON.stringify({ v: '1', f }));
    }
    expect(await store.upsertInvoices('1', [anInvoice({ externalId: 'old-digest', sourceVersion: '2' }), anInvoice({ externalId: 'old-json', sourceVersion: '2' })])).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await store.upsertInvoices('1', [anInvoice({ externalId: 'old-digest', sourceVersion: '3', number: 'changed' })])).toEqual({ created: 0, updated: 1, unchanged: 0 });
  });

  it('when one batch holds many invoices of one company and of many companies, then every one is written and each company marked once', async () => {
    const invoices = Array.from({ length: 1200 }, (_, i) => anInvoice({ externalId: `m-${i}`, number: `M-${i}`, companyId: i < 700 ? 'big' : `c${i % 300}` }));
    expect(await store.upsertInvoices('1', invoices)).toEqual({ created: 1200, updated: 0, unchanged: 0 });
    expect((await store.getCustomerLedger('1', 'big'))?.invoices).toHaveLength(700);
    expect((await store.takeDirtyCompanies('1'))).toHaveLength(301);
    expect(await store.upsertInvoices('1', invoices)).toEqual({ created: 0, updated: 0, unchanged: 1200 });
  });

  it('when an older version arrives after a newer one, then the newer one stays', async () => {
    await store.upsertInvoices('1', [anInvoice({ sourceVersion: '10', number: 'new' })]);
    expect(await store.upsertInvoices('1', [anInvoice({ sourceVersion: '9', number: 'old' })])).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect((await store.getCustomerLedger('1', 'c1'))?.invoices.map((i) => i.number)).toEqual(['new']);
    expect(await store.upsertInvoices('1', [anInvoice({ sourceVersion: '11', number: 'newer' })])).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect((await store.getCustomerLedger('1', 'c1'))?.invoices.map((i) => i.number)).toEqual(['newer']);
  });

  it('when the same content comes with a newer version, then a later older version with other content still loses', async () => {
    await store.upsertInvoices('1', [anInvoice({ sourceVersion: '5', number: 'v5' })]);
    expect(await store.upsertInvoices('1', [anInvoice({ sourceVersion: '7', number: 'v5' })])).toEqual({ created: 0, updated: 0, unchanged: 1 });
    await store.upsertInvoices('1', [anInvoice({ sourceVersion: '6', number: 'v6' })]);
    expect((await store.getCustomerLedger('1', 'c1'))?.invoices.map((i) => i.number)).toEqual(['v5']);
  });

  it('when an invoice moves to another company, then the old company loses it and both are dirty', async () => {
    await store.upsertInvoices('1', [anInvoice({ companyId: 'c1' })]);
    await store.takeDirtyCompanies('1');
    await store.upsertInvoices('1', [anInvoice({ companyId: 'c2', sourceVersion: '2' })]);
    expect(await store.getCustomerLedger('1', 'c1')).toBeUndefined();
    expect((await store.getCustomerLedger('1', 'c2'))?.invoices).toHaveLength(1);
    expect(await store.listCompanyIds('1')).toEqual(['c2']);
    expect(await store.takeDirtyCompanies('1')).toEqual(['c1', 'c2']);
  });

  it('when one invoice of a batch is invalid, then nothing of the batch is written', async () => {
    await expect(store.upsertInvoices('1', [anInvoice({ externalId: 'ok' }), anInvoice({ externalId: 'bad', companyId: 'x:y' })])).rejects.toThrow(/companyId/);
    expect(await store.listCompanyIds('1')).toEqual([]);
    expect(await redis.keys(`${prefix}:*`)).toEqual([]);
  });

  it('when many writers race on one invoice, then the highest version wins', async () => {
    const versions = Array.from({ length: 20 }, (_, i) => i + 1);
    await Promise.all(versions.map((v) => store.upsertInvoices('1', [anInvoice({ sourceVersion: String(v), number: `n${v}` })])));
    expect((await store.getCustomerLedger('1', 'c1'))?.invoices.map((i) => i.number)).toEqual(['n20']);
  });
});

describe('redis ledger store: payments', () => {
  it('when a payment arrives, then it reduces the open amount once, even if sent twice', async () => {
    await store.upsertInvoices('1', [anInvoice({ amount: money(100_000, 'EUR') })]);
    const partial = aPayment({ externalId: 'p1', amount: money(40_000, 'EUR'), date: '2026-02-01' });
    expect(await store.upsertPayments('1', [partial])).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await store.upsertPayments('1', [partial])).toEqual({ created: 0, updated: 0, unchanged: 1 });
    let inv = (await store.getCustomerLedger('1', 'c1'))?.invoices[0];
    expect(inv).toMatchObject({ open: { minor: 60_000 }, status: 'partially_paid' });
    expect(inv?.paidDate).toBeUndefined();

    await store.upsertPayments('1', [aPayment({ externalId: 'p2', amount: money(60_000, 'EUR'), date: '2026-02-10' })]);
    inv = (await store.getCustomerLedger('1', 'c1'))?.invoices[0];
    expect(inv).toMatchObject({ open: { minor: 0 }, status: 'paid', paidDate: '2026-02-10' });
    expect((await store.getCustomerLedger('1', 'c1'))?.payments.map((p) => p.externalId)).toEqual(['p1', 'p2']);
  });

  it('when a payment is corrected, then its earlier application is reversed first', async () => {
    await store.upsertInvoices('1', [anInvoice({ amount: money(100_000, 'EUR') })]);
    await store.upsertPayments('1', [aPayment({ amount: money(100_000, 'EUR') })]);
    expect(await store.upsertPayments('1', [aPayment({ amount: money(30_000, 'EUR') })])).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const inv = (await store.getCustomerLedger('1', 'c1'))?.invoices[0];
    expect(inv).toMatchObject({ open: { minor: 70_000 }, status: 'partially_paid' });
    expect(inv?.paidDate).toBeUndefined();
  });

  it('when the same invoice export is re-imported after a payment, then the payment still counts', async () => {
    const invoice = anInvoice({ sourceVersion: '2026-11-01T00:00:00.000Z' });
    await store.upsertInvoices('1', [invoice]);
    await store.upsertPayments('1', [aPayment({ amount: money(25_000, 'EUR') })]);
    await store.upsertInvoices('1', [{ ...invoice, sourceVersion: '2026-11-02T00:00:00.000Z' }]);
    expect((await store.getCustomerLedger('1', 'c1'))?.invoices[0]?.open.minor).toBe(75_000);
  });

  it('when a payment is in another currency, then it is recorded but not applied', async () => {
    await store.upsertInvoices('1', [anInvoice()]);
    await store.upsertPayments('1', [aPayment({ amount: money(100_000, 'USD') })]);
    const ledger = await store.getCustomerLedger('1', 'c1');
    expect(ledger?.payments).toHaveLength(1);
    expect(ledger?.invoices[0]?.status).toBe('open');
  });
});

describe('redis ledger store: portals, profiles, unmatched', () => {
  it('when two portals hold the same ids, then each sees only its own data and deleting one keeps the other', async () => {
    await store.upsertInvoices('1', [anInvoice({ number: 'portal-1' })]);
    await store.upsertInvoices('12', [anInvoice({ number: 'portal-12' })]);
    expect((await store.getCustomerLedger('1', 'c1'))?.invoices[0]?.number).toBe('portal-1');
    expect((await store.getCustomerLedger('12', 'c1'))?.invoices[0]?.number).toBe('portal-12');
    await store.deletePortal('1');
    expect(await store.getCustomerLedger('1', 'c1')).toBeUndefined();
    expect(await store.listCompanyIds('1')).toEqual([]);
    expect(await redis.keys(`${prefix}:p:1:*`)).toEqual([]);
    expect((await store.getCustomerLedger('12', 'c1'))?.invoices[0]?.number).toBe('portal-12');
  });

  it('when a portal id could act as a pattern, then it is refused', async () => {
    await expect(store.deletePortal('*')).rejects.toThrow(/portalId/);
  });

  it('when no profile was saved, then the default profile is returned; a saved one replaces it', async () => {
    await store.upsertInvoices('1', [anInvoice()]);
    const ledger = await store.getCustomerLedger('1', 'c1');
    expect(ledger?.profile).toMatchObject({ channels: ['phone', 'email'], language: 'nl', customerType: 'business', relationshipTier: 'regular' });
    await store.saveProfile('1', { ...ledger!.profile, language: 'en', channels: ['whatsapp'] });
    expect((await store.getCustomerLedger('1', 'c1'))?.profile).toMatchObject({ language: 'en', channels: ['whatsapp'] });
  });

  it('when promises and actions are recorded twice, then one of each is kept and the first action wins', async () => {
    await store.addPromise('1', aPromise());
    await store.addPromise('1', aPromise());
    const action = { key: 'k1', companyId: 'c1', kind: 'call' as const, doneAt: '2026-02-01T09:00:00.000Z', invoiceExternalIds: [] };
    await store.recordActions('1', [action]);
    await store.recordActions('1', [{ ...action, outcome: 'reached' as const }]);
    const ledger = await store.getCustomerLedger('1', 'c1');
    expect(ledger?.promises).toHaveLength(1);
    expect(ledger?.history).toEqual([action]);
  });

  it('when documents wait unmatched, then they are listed oldest first, paged, and taken exactly once', async () => {
    const doc = (externalId: string, receivedAt: string) => ({ externalId, kind: 'invoice' as const, customer: { name: 'X' }, payload: { externalId }, receivedAt });
    await store.addUnmatched('1', [doc('late', '2026-11-23T10:00:00.000Z'), doc('early', '2026-11-23T09:00:00.000Z')]);
    await store.addUnmatched('1', [doc('late', '2026-11-23T10:00:00.000Z')]);
    expect(await store.listUnmatched('1')).toMatchObject({ total: 2, items: [{ externalId: 'early' }, { externalId: 'late' }] });
    expect(await store.listUnmatched('1', { offset: 1, limit: 1 })).toMatchObject({ total: 2, items: [{ externalId: 'late' }] });
    expect((await store.takeUnmatched('1', 'early'))?.payload).toEqual({ externalId: 'early' });
    expect(await store.takeUnmatched('1', 'early')).toBeUndefined();
    expect((await store.listUnmatched('1')).total).toBe(1);
    expect((await store.listUnmatched('2')).total).toBe(0);
  });
});

describe('redis ledger store: cached reads', () => {
  it('when another process writes, then a cached read sees the change at once', async () => {
    const reader = createRedisLedgerStore(redis, prefix, { cacheCompanies: 10 });
    const writer = createRedisLedgerStore(redis, prefix, { cacheCompanies: 0 });
    await writer.upsertInvoices('1', [anInvoice()]);
    expect((await reader.getCustomerLedger('1', 'c1'))?.invoices[0]?.status).toBe('open');
    expect(await reader.getCustomerLedger('1', 'c1')).toBe(await reader.getCustomerLedger('1', 'c1'));

    await writer.upsertPayments('1', [aPayment()]);
    expect((await reader.getCustomerLedger('1', 'c1'))?.invoices[0]?.status).toBe('paid');
    await writer.addPromise('1', aPromise());
    expect((await reader.getCustomerLedger('1', 'c1'))?.promises).toHaveLength(1);
    const profile = (await reader.getCustomerLedger('1', 'c1'))!.profile;
    await writer.saveProfile('1', { ...profile, language: 'en' });
    expect((await reader.getCustomerLedger('1', 'c1'))?.profile.language).toBe('en');
  });

  it('when a portal is deleted and rebuilt with other data, then the cache never serves the old ledger', async () => {
    const reader = createRedisLedgerStore(redis, prefix, { cacheCompanies: 10 });
    await reader.upsertInvoices('1', [anInvoice({ number: 'before' })]);
    expect((await reader.getCustomerLedger('1', 'c1'))?.invoices[0]?.number).toBe('before');
    await reader.deletePortal('1');
    expect(await reader.getCustomerLedger('1', 'c1')).toBeUndefined();
    await createRedisLedgerStore(redis, prefix).upsertInvoices('1', [anInvoice({ number: 'after' })]);
    expect((await reader.getCustomerLedger('1', 'c1'))?.invoices[0]?.number).toBe('after');
  });

  it('when a caller tries to change a cached ledger, then it fails loudly instead of corrupting other readers', async () => {
    await store.upsertInvoices('1', [anInvoice()]);
    const ledger = await store.getCustomerLedger('1', 'c1');
    expect(() => (ledger!.invoices as unknown as unknown[]).push(anInvoice())).toThrow(TypeError);
  });
});
