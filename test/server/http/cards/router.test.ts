import type { Redis } from 'ioredis';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/contracts/api-error';
import { PaymentStatusVM, ReceivablesVM } from '../../../../src/contracts/cards';
import { money } from '../../../../src/domain/money';
import { aDispute, anInvoice, aPromise } from '../../../domain/builders';
import { testRedis } from '../../../support/redis';
import { hubspotHeaders, signedGet } from '../sign-request';
import { cardsApp, PUBLIC_BASE_URL, SECRET } from './fixture';

let redis: Redis;
let app: ReturnType<typeof cardsApp>['app'];
const get = (path: string, timestamp?: number) => signedGet(app, path, { secret: SECRET, publicBaseUrl: PUBLIC_BASE_URL, timestamp });
const RECEIVABLES = '/api/cards/receivables?portalId=1&companyId=101';

beforeAll(async () => {
  redis = testRedis();
  const built = cardsApp(redis);
  app = built.app;
  const { ledger } = built;
  // Portal 1, company 101: three open invoices (two overdue), one disputed, a promise on the third.
  await ledger.upsertInvoices('1', [
    anInvoice({ externalId: 'a', number: 'F-1', companyId: '101', issueDate: '2026-08-01', dueDate: '2026-08-31', amount: money(120_000, 'EUR') }),
    anInvoice({ externalId: 'b', number: 'F-2', companyId: '101', issueDate: '2026-10-01', dueDate: '2026-10-31', amount: money(50_000, 'EUR') }),
    anInvoice({ externalId: 'c', number: 'F-3', companyId: '101', issueDate: '2026-11-20', dueDate: '2099-12-20', amount: money(7_500, 'USD') }),
  ]);
  await ledger.addDispute('1', aDispute({ id: 'd1', companyId: '101', invoiceExternalId: 'b', openedOn: '2026-11-02' }));
  await ledger.addPromise('1', aPromise({ id: 'p1', companyId: '101', invoiceExternalIds: ['a'], madeOn: '2026-11-01', promisedDate: '2099-01-01', amount: money(120_000, 'EUR') }));
  // Portal 2 owns company 202.
  await ledger.upsertInvoices('2', [anInvoice({ externalId: 'z', number: 'Z-1', companyId: '202', amount: money(999_900, 'EUR') })]);
});

afterAll(async () => {
  await redis.quit();
});

describe('card API: signature', () => {
  it('when the request is signed by HubSpot, then the receivables view model comes back, valid by the contract', async () => {
    const res = await get(RECEIVABLES);
    expect(res.status).toBe(200);
    const vm = ReceivablesVM.parse(res.body);
    expect(vm.companyId).toBe('101');
    expect(vm.invoices.total).toBe(3);
    expect(vm.totals.open).toEqual([{ minor: 170_000, currency: 'EUR' }, { minor: 7_500, currency: 'USD' }]);
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('when the query was changed after signing, then 401', async () => {
    const headers = hubspotHeaders({ secret: SECRET, method: 'GET', publicUri: `${PUBLIC_BASE_URL}${RECEIVABLES}` });
    const res = await request(app).get(RECEIVABLES.replace('companyId=101', 'companyId=102')).set(headers);
    expect(res.status).toBe(401);
    expect(ApiError.parse(res.body).code).toBe('signature_invalid');
  });

  it('when the body was changed after signing, then 401', async () => {
    const headers = hubspotHeaders({ secret: SECRET, method: 'GET', publicUri: `${PUBLIC_BASE_URL}${RECEIVABLES}`, body: '{"x":1}' });
    const res = await request(app).get(RECEIVABLES).set(headers).set('Content-Type', 'application/json').send('{"x":2}');
    expect(res.status).toBe(401);
  });

  it('when signed with another secret, then 401', async () => {
    const res = await signedGet(app, RECEIVABLES, { secret: 'not-the-secret', publicBaseUrl: PUBLIC_BASE_URL });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('signature_invalid');
  });

  it('when the signed timestamp is older than 5 minutes, then 401 signature_expired', async () => {
    const res = await get(RECEIVABLES, Date.now() - 5 * 60_000 - 1_000);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('signature_expired');
  });

  it('when signed for another host, then 401 (the URI is the public one)', async () => {
    const res = await signedGet(app, RECEIVABLES, { secret: SECRET, publicBaseUrl: 'https://evil.example.com' });
    expect(res.status).toBe(401);
  });

  it('when unsigned, then 401 signature_missing and no data', async () => {
    const res = await request(app).get(RECEIVABLES);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'signature_missing', message: expect.any(String) });
  });

  it('when the body is over the limit, then 413 before anything is verified', async () => {
    const big = 'x'.repeat(17 * 1024);
    const headers = hubspotHeaders({ secret: SECRET, method: 'POST', publicUri: `${PUBLIC_BASE_URL}${RECEIVABLES}`, body: big });
    const res = await request(app).post(RECEIVABLES).set(headers).set('Content-Type', 'application/json').send(big);
    expect(res.status).toBe(413);
    expect(ApiError.parse(res.body).code).toBe('payload_too_large');
  });
});

describe('card API: portals and records', () => {
  it("when a portal asks for another portal's company, then 404, exactly as for a company that exists nowhere", async () => {
    const foreign = await get('/api/cards/receivables?portalId=1&companyId=202');
    const nowhere = await get('/api/cards/receivables?portalId=1&companyId=909090');
    expect(foreign.status).toBe(404);
    expect(nowhere.status).toBe(404);
    expect(foreign.body).toEqual(nowhere.body);
    expect(ApiError.parse(foreign.body).code).toBe('not_found');
    expect(JSON.stringify(foreign.body)).not.toContain('Z-1');
    const status = await get('/api/cards/payment-status?portalId=1&companyId=202');
    const statusNowhere = await get('/api/cards/payment-status?portalId=1&companyId=909090');
    expect(status.status).toBe(404);
    expect(status.body).toEqual(statusNowhere.body);
  });

  it('when the portal is not installed, then the same 404', async () => {
    const res = await get('/api/cards/receivables?portalId=999999&companyId=202');
    expect(res.status).toBe(404);
    expect(ApiError.parse(res.body).code).toBe('not_found');
  });

  it('when the ledger changes, then the card shows it once the short view cache has expired', async () => {
    const { app: fresh, ledger } = cardsApp(redis, { viewCacheTtlMs: 50 });
    const ask = () => signedGet(fresh, '/api/cards/payment-status?portalId=3&companyId=303', { secret: SECRET, publicBaseUrl: PUBLIC_BASE_URL });
    expect((await ask()).status).toBe(404);
    await ledger.upsertInvoices('3', [anInvoice({ externalId: 'n', companyId: '303', dueDate: '2026-01-01' })]);
    await new Promise((r) => setTimeout(r, 60));
    expect(PaymentStatusVM.parse((await ask()).body).overdue).toEqual([{ minor: 100_000, currency: 'EUR' }]);
  });

  it('when the owning portal asks, then it sees its data', async () => {
    const res = await get('/api/cards/receivables?portalId=2&companyId=202');
    expect(ReceivablesVM.parse(res.body).invoices.items.map((i) => i.number)).toEqual(['Z-1']);
  });

  it('when the ids are not numeric or a parameter repeats, then 400 with a clear code', async () => {
    const bad = await get('/api/cards/receivables?portalId=1&companyId=abc');
    expect(bad.status).toBe(400);
    expect(ApiError.parse(bad.body).code).toBe('invalid_request');
    const twice = await get('/api/cards/receivables?portalId=1&portalId=2&companyId=101');
    expect(twice.status).toBe(400);
    const size = await get('/api/cards/receivables?portalId=1&companyId=101&pageSize=1000');
    expect(size.status).toBe(400);
  });

  it('when paging and sorting, then the page holds the right invoices in order', async () => {
    const p1 = ReceivablesVM.parse((await get(`${RECEIVABLES}&pageSize=2&page=1&sort=-number`)).body).invoices;
    const p2 = ReceivablesVM.parse((await get(`${RECEIVABLES}&pageSize=2&page=2&sort=-number`)).body).invoices;
    expect(p1.items.map((i) => i.number)).toEqual(['F-3', 'F-2']);
    expect(p2.items.map((i) => i.number)).toEqual(['F-1']);
    expect([p1.pageCount, p1.total, p2.page]).toEqual([2, 3, 2]);
  });

  it('when the company has a dispute and a promise, then the tags, disputes, promises and advice show them', async () => {
    const vm = ReceivablesVM.parse((await get(`${RECEIVABLES}&sort=number`)).body);
    expect(vm.invoices.items.map((i) => [i.number, i.tags])).toEqual([
      ['F-1', ['overdue', 'promised']],
      ['F-2', ['overdue', 'disputed']],
      ['F-3', []],
    ]);
    expect(vm.disputes).toEqual([{ id: 'd1', invoiceNumber: 'F-2', reason: 'quality', openedOn: '2026-11-02' }]);
    expect(vm.promises.map((p) => [p.id, p.status])).toEqual([['p1', 'open']]);
    expect(vm.ladder?.paused.map((p) => p.kind).sort()).toEqual(['dispute', 'promise']);
    const status = PaymentStatusVM.parse((await get('/api/cards/payment-status?portalId=1&companyId=101')).body);
    expect(status.openDisputeCount).toBe(1);
    expect(status.advice.code).toBe('dispute_open');
    expect(status.openPromise?.id).toBe('p1');
  });

});
