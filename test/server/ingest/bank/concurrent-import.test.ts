import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBankImporter } from '../../../../src/server/ingest/bank/bank-import';
import { createBankStore } from '../../../../src/server/ingest/bank/bank-store';
import { createDirectDebitFailureService } from '../../../../src/server/ingest/direct-debit/failure-service';
import { createRedisLedgerStore, type RedisLedgerStore } from '../../../../src/server/ledger/redis-ledger-store';
import { deletePrefix, testRedis, uniquePrefix } from '../../../support/redis';
import { anInvoice } from '../../../domain/builders';
import { camtDocument } from './camt-fixtures';

const redis = testRedis();
let prefix: string;
let ledger: RedisLedgerStore;
let importer: ReturnType<typeof createBankImporter>;
let bank: ReturnType<typeof createBankStore>;

beforeEach(() => {
  prefix = uniquePrefix('bank-race');
  ledger = createRedisLedgerStore(redis, prefix);
  bank = createBankStore(redis, prefix);
  importer = createBankImporter({ ledger, bank, failures: createDirectDebitFailureService({ ledger }) });
});
afterEach(() => deletePrefix(redis, prefix));
afterAll(() => redis.quit());

const post = (xml: string, name: string) => importer.importBank((async function* () { yield { name, content: (async function* () { yield xml; })() }; })(), { portalId: '1' });
const paidOn = async (invoiceId: string) => {
  const l = await ledger.getCustomerLedger('1', 'c1');
  return { open: l?.invoices.find((i) => i.externalId === invoiceId)?.open.minor, payments: l?.payments.filter((p) => p.invoiceExternalId === invoiceId) ?? [] };
};

describe('bank statements imported at the same time', () => {
  it('when two statements that each pay the same invoice in full arrive at once, then it is paid once and the second credit waits as unapplied', async () => {
    await ledger.upsertInvoices('1', [anInvoice({ externalId: 'K-1', number: 'K-1', companyId: 'c1', paymentReference: '5000056789012345' })]);
    const a = camtDocument({ id: 'A', entries: [{ amount: 100_000, reference: '5000056789012345', name: 'KLANT BV', acctSvcrRef: 'A-1' }] });
    const b = camtDocument({ id: 'B', entries: [{ amount: 100_000, reference: '5000056789012345', name: 'KLANT BV', acctSvcrRef: 'B-1' }] });
    const reports = await Promise.all([post(a, 'a.xml'), post(b, 'b.xml')]);
    const { open, payments } = await paidOn('K-1');
    expect(open).toBe(0);
    expect(payments.reduce((s, p) => s + p.amount.minor, 0)).toBe(100_000);
    expect(reports.map((r) => r.applied.reference).sort()).toEqual([0, 1]);
    expect((await bank.listUnapplied('1', { offset: 0, limit: 10 })).total).toBe(1);
  });

  it('when the same statement is posted twice at once, then its credit is applied once and one report says unchanged', async () => {
    await ledger.upsertInvoices('1', [anInvoice({ externalId: 'K-2', number: 'K-2', companyId: 'c1', paymentReference: '5000056789012345' })]);
    const xml = camtDocument({ id: 'S', entries: [{ amount: 40_000, reference: '5000056789012345', acctSvcrRef: 'S-1' }] });
    const reports = await Promise.all([post(xml, 'one.xml'), post(xml, 'two.xml')]);
    expect(reports.map((r) => [r.created, r.unchanged]).sort()).toEqual([[0, 1], [1, 0]]);
    expect(await paidOn('K-2')).toMatchObject({ open: 60_000, payments: [{ amount: { minor: 40_000 } }] });
  });

  it('when the lock is held past its wait, then the import answers 503 rather than deciding on stale open items; a held lock expires on its own', async () => {
    await redis.set(`${prefix}:p:1:bank:lock`, 'someone-else', 'PX', 300);
    await expect(bank.exclusive('1', async () => 'ran', { waitMs: 50 })).rejects.toMatchObject({ httpStatus: 503 });
    expect(await bank.exclusive('1', async () => 'ran', { waitMs: 2_000 })).toBe('ran');
  });
});
