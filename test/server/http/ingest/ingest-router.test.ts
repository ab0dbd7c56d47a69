import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import supertest from 'supertest';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiKeyStore } from '../../../../src/server/api-keys/api-key-store';
import { errorHandler } from '../../../../src/server/http/error-handler';
import { createIngestRouter } from '../../../../src/server/http/ingest/ingest-router';
import { createLogger } from '../../../../src/server/infra/logger';
import { createDirectDebitFailureService } from '../../../../src/server/ingest/direct-debit/failure-service';
import { createIngestService } from '../../../../src/server/ingest/ingest-service';
import { createRedisLedgerStore, type RedisLedgerStore } from '../../../../src/server/ledger/redis-ledger-store';
import { buildCompanyIndex } from '../../../../src/server/matching/company-index';
import { deletePrefix, testRedis, uniquePrefix } from '../../../support/redis';

const redis = testRedis();
let prefix: string;
let ledger: RedisLedgerStore;
let app: Express;
let key: string;
let otherPortalKey: string;

const MAX_JSON = 4096;
const MAX_CSV = 8192;
const companies = [{ id: '201', name: 'Bakkerij Jansen B.V.', domain: 'jansen.nl', vatNumber: 'NL111111111B01', customerNumber: 'D-1001' }];
const invoice = (externalId: string, customer: Record<string, string> = { vatNumber: 'NL111111111B01' }) => ({
  externalId, number: externalId, customer, currency: 'EUR', amountMinor: 10_000, issueDate: '2026-10-01', dueDate: '2026-10-31',
});

beforeEach(async () => {
  prefix = uniquePrefix('router');
  ledger = createRedisLedgerStore(redis, prefix);
  const apiKeys = createApiKeyStore(redis, prefix);
  key = (await apiKeys.createApiKey('1')).key;
  otherPortalKey = (await apiKeys.createApiKey('2')).key;
  const index = buildCompanyIndex(companies);
  const ingest = createIngestService({ ledger, companyIndex: async () => index });
  app = express();
  app.use('/api/ingest', createIngestRouter({ ingest, directDebitFailures: createDirectDebitFailureService({ ledger }), apiKeys, maxBodyBytes: MAX_JSON, maxCsvBytes: MAX_CSV }));
  app.use(errorHandler(createLogger('silent')));
});
afterEach(() => deletePrefix(redis, prefix));
afterAll(() => redis.quit());

describe('ingest API', () => {
  it.each([
    ['no header', undefined],
    ['a wrong key', 'Bearer rdk_1_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a non-bearer scheme', 'Basic dXNlcjpwYXNz'],
  ])('when the request has %s, then it gets 401 with a JSON error and nothing is written', async (_what, authorization) => {
    const req = supertest(app).post('/api/ingest/invoices');
    if (authorization) req.set('Authorization', authorization);
    const res = await req.send({ invoices: [invoice('a')] });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'unauthorized', message: expect.stringContaining('API key') });
    expect(res.headers['www-authenticate']).toContain('Bearer');
    expect(await ledger.listCompanyIds('1')).toEqual([]);
  });

  it('when invoices are posted, then the report counts them and bad items are listed by index', async () => {
    const res = await supertest(app).post('/api/ingest/invoices').set('Authorization', `Bearer ${key}`)
      .send({ invoices: [invoice('a'), { ...invoice('b'), currency: 'euro' }, invoice('c', { name: 'Onbekend' })] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 3, created: 1, unmatched: 1, rejected: 1, errors: [{ index: 1, externalId: 'b', reason: expect.stringContaining('currency') }] });
    const again = await supertest(app).post('/api/ingest/invoices').set('Authorization', `Bearer ${key}`).send({ invoices: [invoice('a')] });
    expect(again.body).toMatchObject({ created: 0, unchanged: 1 });
  });

  it('when the envelope has unknown fields or too many items, then it gets 400 and nothing is written', async () => {
    const extra = await supertest(app).post('/api/ingest/invoices').set('Authorization', `Bearer ${key}`).send({ invoices: [invoice('a')], portalId: '2' });
    expect(extra.status).toBe(400);
    expect(extra.body.code).toBe('invalid_request');
    const many = await supertest(app).post('/api/ingest/payments').set('Authorization', `Bearer ${key}`).send({ payments: Array.from({ length: 1001 }, () => 1) });
    expect(many.status).toBe(400);
    expect(await ledger.listCompanyIds('1')).toEqual([]);
  });

  it('when a JSON body is larger than the limit, then it gets 413', async () => {
    const invoices = Array.from({ length: 40 }, (_, i) => invoice(`big-${i}`));
    const res = await supertest(app).post('/api/ingest/invoices').set('Authorization', `Bearer ${key}`).send({ invoices });
    expect(JSON.stringify({ invoices }).length).toBeGreaterThan(MAX_JSON);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
    expect(await ledger.listCompanyIds('1')).toEqual([]);
  });

  it('when a CSV is uploaded, then it is imported with a per-line report', async () => {
    const csv = await readFile(fileURLToPath(new URL('../../../fixtures/csv/english-export.csv', import.meta.url)));
    // Its 01/09/2026 fits both orders: refused until the caller says which (?dateFormat=).
    const refused = await supertest(app).post('/api/ingest/csv').set('Authorization', `Bearer ${key}`).set('Content-Type', 'text/csv').send(csv);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'ambiguous_csv_dates', details: { column: 'Invoice date' } });
    expect((await supertest(app).post('/api/ingest/csv?dateFormat=dd-mm').set('Authorization', `Bearer ${key}`).set('Content-Type', 'text/csv').send(csv)).status).toBe(400);
    const res = await supertest(app).post('/api/ingest/csv?dateFormat=dmy').set('Authorization', `Bearer ${key}`).set('Content-Type', 'text/csv').send(csv);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 4, created: 1, unmatched: 2, rejected: 1, errors: [{ line: 5 }] });
  });

  it('when a CSV is larger than the limit, then it gets 413 and no row is imported (with or without Content-Length)', async () => {
    const row = 'INV-%,D-1001,Bakkerij Jansen,jansen.nl,,,2026-09-01,2026-10-01,EUR,10.00,10.00,open,no\n';
    const header = 'Invoice number,Customer number,Customer,Domain,VAT number,Chamber of commerce,Invoice date,Due date,Currency,Amount,Open amount,Status,Direct debit\n';
    const body = header + Array.from({ length: 200 }, (_, i) => row.replace('%', String(i))).join('');
    const res = await supertest(app).post('/api/ingest/csv').set('Authorization', `Bearer ${key}`).set('Content-Type', 'text/csv').send(body);
    expect(res.status).toBe(413);

    const server = app.listen(0);
    try {
      const { port } = server.address() as AddressInfo;
      const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest({ port, method: 'POST', path: '/api/ingest/csv', headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv', 'transfer-encoding': 'chunked' } }, (r) => {
          let text = '';
          r.on('data', (c) => (text += c));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
        for (let i = 0; i < body.length; i += 1000) req.write(body.slice(i, i + 1000));
        req.end();
      });
      expect(chunked.status).toBe(413);
      expect(JSON.parse(chunked.body).code).toBe('payload_too_large');
    } finally {
      server.close();
    }
    expect(await ledger.listCompanyIds('1')).toEqual([]);
  });

  it('when documents are unmatched, then the portal lists and resolves them, and another portal cannot see them', async () => {
    await supertest(app).post('/api/ingest/invoices').set('Authorization', `Bearer ${key}`).send({ invoices: [invoice('x', { name: 'Onbekend' })] });
    const list = await supertest(app).get('/api/ingest/unmatched?limit=10').set('Authorization', `Bearer ${key}`);
    expect(list.body).toMatchObject({ total: 1, items: [{ externalId: 'x', reason: 'no company with this name' }] });
    const other = await supertest(app).get('/api/ingest/unmatched').set('Authorization', `Bearer ${otherPortalKey}`);
    expect(other.body).toEqual({ total: 0, items: [] });
    const foreign = await supertest(app).post('/api/ingest/unmatched/x/resolve').set('Authorization', `Bearer ${otherPortalKey}`).send({ companyId: '201' });
    expect(foreign.status).toBe(404);

    const bad = await supertest(app).post('/api/ingest/unmatched/x/resolve').set('Authorization', `Bearer ${key}`).send({ companyId: '201', force: true });
    expect(bad.status).toBe(400);
    const ok = await supertest(app).post('/api/ingest/unmatched/x/resolve').set('Authorization', `Bearer ${key}`).send({ companyId: '201' });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect((await ledger.getCustomerLedger('1', '201'))?.invoices.map((i) => i.externalId)).toEqual(['x']);
  });
});
