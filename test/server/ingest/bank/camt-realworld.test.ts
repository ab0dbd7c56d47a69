import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBankImporter } from '../../../../src/server/ingest/bank/bank-import';
import { createBankStore } from '../../../../src/server/ingest/bank/bank-store';
import { createDirectDebitFailureService } from '../../../../src/server/ingest/direct-debit/failure-service';
import { createRedisLedgerStore } from '../../../../src/server/ledger/redis-ledger-store';
import { realworldDir } from '../../../support/realworld';
import { deletePrefix, testRedis, uniquePrefix } from '../../../support/redis';

/**
 * Every public camt.053 / camt.054 sample in ../shared/realworld/camt (genkgo/camt, OCA bank-statement-import,
 * viafintech/camt_parser; origins in SOURCES.md), read by path through the real import on a real Redis —
 * never copied into the repository. These portals have no invoices, so every credit waits as unapplied.
 */
const dir = realworldDir();
const camt = dir ? join(dir, 'camt') : undefined;
const files = camt && existsSync(camt) ? readdirSync(camt).filter((f) => f.endsWith('.xml')) : [];
const redis = testRedis();
const prefix = uniquePrefix('camt-real');
afterAll(async () => { await deletePrefix(redis, prefix); await redis.quit(); });

const ledger = createRedisLedgerStore(redis, prefix);
const importer = createBankImporter({ ledger, bank: createBankStore(redis, prefix), failures: createDirectDebitFailureService({ ledger }) });
const run = (file: string, portalId: string) => importer.importBank((async function* () { yield { name: file, content: createReadStream(join(camt!, file)) }; })(), { portalId });

describe.runIf(files.length > 0)(`the real camt files in ${camt}`, () => {
  it.each(files.filter((f) => !f.includes('invalid')))('when %s is imported, then every entry is read, credits wait as unapplied, and a second import changes nothing', async (file) => {
    const portalId = String(files.indexOf(file) + 1);
    const report = await run(file, portalId);
    expect(report.errors.filter((e) => !e.reason.startsWith('direct-debit return'))).toEqual([]);
    expect(report.statements.length).toBeGreaterThan(0);
    for (const s of report.statements) expect(s.message).toMatch(/^camt\.05[34]$/);
    const credits = report.unmatched;
    const again = await run(file, portalId);
    expect(again).toMatchObject({ created: 0, unmatched: 0, unchanged: credits });
  });

  it('when the OCA camt.053 is imported, then its balances are checked — they do not add up, which is reported, not fatal — and its two AC06 returns are found', async () => {
    const report = await run('oca-test-camt053.xml', '900');
    // 15,568.27 − 754.25 − 664.05 + 1,405.31 = 15,555.28, while the closing balance says 15,121.12.
    expect(report.statements).toEqual([expect.objectContaining({ version: '001.02', reconciled: false, differenceMinor: 43_416, currency: 'EUR' })]);
    // No invoice of this portal has those end-to-end ids, so the failure records refuse them, by name.
    expect(report.errors.filter((e) => e.reason.startsWith('direct-debit return'))).toHaveLength(2);
  });

  it('when a file is not camt (the "invalid" sample: another message type), then it is refused whole', async () => {
    await expect(run('oca-test-sepa-camt-unpaid-invalid.xml', '901')).rejects.toMatchObject({ httpStatus: 422 });
  });
});

describe.runIf(files.length === 0)('the real camt files', () => {
  it('are not here: ../shared/realworld/camt is missing, so no real bank file was read (CI has it)', () => {
    console.warn('realworld camt samples not found: only the project\'s own fixtures were tested');
    expect(files).toEqual([]);
  });
});
