import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImportCommand } from '../../../src/server/cli/import-command';
import type { CompanySource } from '../../../src/server/matching/company-index';
import { createRedisLedgerStore } from '../../../src/server/ledger/redis-ledger-store';
import { camtDocument } from '../ingest/bank/camt-fixtures';
import { peppolDocument } from '../ingest/ubl/ubl-fixtures';
import { deletePrefix, testRedis, uniquePrefix } from '../../support/redis';

const redis = testRedis();
const prefix = uniquePrefix('cli-xml');
afterAll(async () => { await deletePrefix(redis, prefix); await redis.quit(); });

describe('npm run import with XML files', () => {
  it('when a Peppol invoice and then a camt.053 paying it are imported, then the invoice is filed and paid', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rd-cli-xml-'));
    try {
      const invoice = join(dir, 'invoice.xml');
      const statement = join(dir, 'statement.xml');
      await writeFile(invoice, peppolDocument({ number: 'CLI-1', paymentId: 'RF18539007547034', buyer: { name: 'Bakkerij Jansen B.V.', kvk: '12345678' } }));
      await writeFile(statement, camtDocument({ entries: [{ amount: 121_000, reference: 'RF18539007547034', acctSvcrRef: 'CLI-B1' }] }));
      const companySource: CompanySource = async (_p, onPage) => onPage([{ id: '301', name: 'Bakkerij Jansen B.V.', cocNumber: '12345678' }]);
      const lines: string[] = [];
      await runImportCommand([invoice, '--portal', '31'], { redis, prefix, companySource, out: (l) => lines.push(l) });
      expect(lines[0]).toBe('rows: 1 · new: 1 · updated: 0 · unchanged: 0 · unmatched: 0 · rejected: 0');
      lines.length = 0;
      await runImportCommand([statement, '--portal', '31'], { redis, prefix, out: (l) => lines.push(l) });
      expect(lines[0]).toBe('rows: 1 · new: 1 · updated: 0 · unchanged: 0 · unmatched: 0 · rejected: 0');
      const ledger = await createRedisLedgerStore(redis, prefix).getCustomerLedger('31', '301');
      expect(ledger?.invoices[0]).toMatchObject({ number: 'CLI-1', status: 'paid', paymentReference: 'RF18539007547034', payeeIban: 'NL91ABNA0417164300' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
