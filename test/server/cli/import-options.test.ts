import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseImportArgs, runImportCommand, UsageError } from '../../../src/server/cli/import-command';
import type { CompanySource } from '../../../src/server/matching/company-index';
import { createRedisLedgerStore } from '../../../src/server/ledger/redis-ledger-store';
import { deletePrefix, testRedis, uniquePrefix } from '../../support/redis';

const redis = testRedis();
let prefix: string;
let dir: string;
beforeEach(async () => { prefix = uniquePrefix('cli-opts'); dir = await mkdtemp(join(tmpdir(), 'rd-cli-')); });
afterEach(async () => { await deletePrefix(redis, prefix); await rm(dir, { recursive: true, force: true }); });
afterAll(() => redis.quit());

const companySource: CompanySource = async (_p, onPage) => onPage([{ id: '601', name: 'Harbour Supplies Ltd', domain: 'harbour.example' }]);

describe('npm run import: --date-format and --preset', () => {
  it('when a file with ambiguous slash dates is imported, then it is refused; with --date-format mdy it goes in month first', async () => {
    const file = join(dir, 'export.csv');
    await writeFile(file, 'Invoice number,Customer,Invoice date,Due date,Amount\nH-1,Harbour Supplies Ltd,03/02/2027,04/01/2027,250.00\n');
    const out: string[] = [];
    await expect(runImportCommand([file, '--portal', '7'], { redis, prefix, companySource, out: (l) => out.push(l) })).rejects.toMatchObject({ code: 'ambiguous_csv_dates' });
    const report = await runImportCommand([file, '--portal', '7', '--date-format', 'mdy'], { redis, prefix, companySource, out: (l) => out.push(l) });
    expect(report).toMatchObject({ created: 1 });
    expect((await createRedisLedgerStore(redis, prefix).getCustomerLedger('7', '601'))?.invoices[0]).toMatchObject({ issueDate: '2027-03-02', dueDate: '2027-04-01' });
  });

  it('when --date-format or --preset is not one we know the shape of, then it is a usage error naming the flag', () => {
    expect(() => parseImportArgs(['x.csv', '--date-format', 'dd-mm'])).toThrow(UsageError);
    expect(() => parseImportArgs(['x.csv', '--date-format', 'dd-mm'])).toThrow(/--date-format/);
    expect(() => parseImportArgs(['x.csv', '--preset', 'Not A Preset!'])).toThrow(/--preset/);
    expect(parseImportArgs(['x.csv', '--preset', 'xero', '--date-format', 'dmy'])).toMatchObject({ preset: 'xero', dateOrder: 'dmy' });
  });
});
