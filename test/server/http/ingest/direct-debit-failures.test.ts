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

beforeEach(async () => {
  prefix = uniquePrefix('ddfail');
  ledger = createRedisLedgerStore(redis, prefix);
  const apiKeys = createApiKeyStore(redis, prefix);
  key = (await apiKeys.createApiKey('1')).key;
  const index = buildCompanyIndex([{ id: '201', name: 'Bakkerij Jansen B.V.', domain: 'jansen.nl' }]);
  const ingest = createIngestService({ ledger, companyIndex: async () => index });
  app = express();
  app.use('/api/ingest', createIngestRouter({ ingest, directDebitFailures: createDirectDebitFailureService({ ledger }), apiKeys, maxBodyBytes: 65_536 }));
  app.use(errorHandler(createLogger('silent')));
  await ingest.ingestInvoices('1', [{
    externalId: 'F-1', number: 'F-2027-001', customer: { domain: 'jansen.nl' }, currency: 'EUR', amountMinor: 12_100, issueDate: '2027-03-01', dueDate: '2027-03-15', directDebit: true,
  }]);
  await ledger.takeDirtyCompanies('1');
});
afterEach(() => deletePrefix(redis, prefix));
afterAll(() => redis.quit());

const post = (body: unknown) => supertest(app).post('/api/ingest/direct-debit-failures').set('Authorization', `Bearer ${key}`).send(body as object);

describe('POST /api/ingest/direct-debit-failures', () => {
  it('when a provider reports AM04 for an invoice, then the failure is kept with its code and kind, and the company is marked for a refresh', async () => {
    const res = await post({ failures: [{ externalId: 'ret-1', invoiceExternalId: 'F-1', reasonCode: 'AM04', date: '2027-03-16', amountMinor: 12_100, currency: 'EUR' }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 1, created: 1, rejected: 0 });
    expect((await ledger.getCustomerLedger('1', '201'))?.failedCollections).toEqual([
      { id: 'ret-1', companyId: '201', invoiceExternalId: 'F-1', date: '2027-03-16', reason: 'insufficient_funds', code: 'AM04' },
    ]);
    expect(await ledger.takeDirtyCompanies('1')).toEqual(['201']);
  });

  it('when the same return comes twice, then it is unchanged and nothing is marked', async () => {
    const failure = { externalId: 'ret-1', endToEndId: 'F-1', reasonCode: 'MD06', date: '2027-03-16', source: 'pain.002' };
    await post({ failures: [failure] });
    await ledger.takeDirtyCompanies('1');
    expect((await post({ failures: [failure] })).body).toMatchObject({ created: 0, unchanged: 1 });
    expect(await ledger.takeDirtyCompanies('1')).toEqual([]);
  });

  it('when items are bad or name an unknown invoice, then each is rejected by index (schema first, then the ledger) and the good one still goes in', async () => {
    const res = await post({ failures: [
      { externalId: 'ret-2', invoiceExternalId: 'F-1', reasonCode: 'am04', date: '2027-03-16' },
      { externalId: 'ret-3', reasonCode: 'AC04', date: '2027-03-16' },
      { externalId: 'ret-4', invoiceExternalId: 'nope', reasonCode: 'AC04', date: '2027-03-16' },
      { externalId: 'ret-5', invoiceExternalId: 'F-1', reasonCode: 'AC04', date: '2027-03-16', currency: 'USD' },
      { externalId: 'ret-6', invoiceExternalId: 'F-1', reasonCode: 'AC04', date: '2027-02-30' },
      { externalId: 'ret-7', invoiceExternalId: 'F-1', reasonCode: 'AC04', date: '2027-03-17', extra: 1 },
      { externalId: 'ret-8', invoiceExternalId: 'F-1', reasonCode: 'AC04', date: '2027-03-17' },
    ] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 7, created: 1, rejected: 6 });
    expect(res.body.errors.map((e: { index: number; reason: string }) => [e.index, e.reason])).toEqual([
      [0, expect.stringContaining('reasonCode: must be an ISO 20022 reason code')],
      [1, 'invoiceExternalId: needs invoiceExternalId or endToEndId'],
      [4, 'date: is not a calendar date'],
      [5, expect.stringContaining('"extra"')],
      [2, expect.stringContaining('no invoice "nope" is known')],
      [3, 'currency USD differs from invoice F-2027-001\'s EUR'],
    ]);
    expect((await ledger.getCustomerLedger('1', '201'))?.failedCollections.map((f) => [f.id, f.reason, f.code])).toEqual([['ret-8', 'account_closed', 'AC04']]);
  });

  it('when the bank\'s pain.002 comes as application/xml, then its rejected transactions are recorded by end-to-end id; another XML file is a 400', async () => {
    const xml = (ns: string) => `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:${ns}"><CstmrPmtStsRpt><GrpHdr><MsgId>M</MsgId><CreDtTm>2027-03-16T08:00:00</CreDtTm></GrpHdr>
      <OrgnlPmtInfAndSts><OrgnlPmtInfId>B</OrgnlPmtInfId>
        <TxInfAndSts><StsId>S1</StsId><OrgnlEndToEndId>F-1</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AC04</Cd></Rsn></StsRsnInf></TxInfAndSts>
        <TxInfAndSts><StsId>S2</StsId><OrgnlEndToEndId>F-404</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AM04</Cd></Rsn></StsRsnInf></TxInfAndSts>
        <TxInfAndSts><StsId>S3</StsId><OrgnlEndToEndId>F-2</OrgnlEndToEndId><TxSts>ACSC</TxSts></TxInfAndSts>
      </OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>`;
    const res = await supertest(app).post('/api/ingest/direct-debit-failures').set('Authorization', `Bearer ${key}`).set('Content-Type', 'application/xml').send(xml('pain.002.001.03'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 3, created: 1, unchanged: 1, rejected: 1, errors: [{ index: 1, externalId: 'pain002:S2', reason: expect.stringContaining('"F-404"') }] });
    expect((await ledger.getCustomerLedger('1', '201'))?.failedCollections).toEqual([
      { id: 'pain002:S1', companyId: '201', invoiceExternalId: 'F-1', date: '2027-03-16', reason: 'account_closed', code: 'AC04' },
    ]);
    const wrong = await supertest(app).post('/api/ingest/direct-debit-failures').set('Authorization', `Bearer ${key}`).set('Content-Type', 'application/xml').send(xml('camt.053.001.02'));
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'not_pain002' });
  });

  it('when the envelope is empty or not JSON failures, then 400 and nothing is written', async () => {
    expect((await post({ failures: [] })).status).toBe(400);
    expect((await post({ returns: [] })).status).toBe(400);
    expect((await ledger.getCustomerLedger('1', '201'))?.failedCollections).toEqual([]);
  });
});
