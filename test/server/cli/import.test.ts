import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImportCommand } from '../../../src/server/cli/import-command';
import type { CompanySource } from '../../../src/server/matching/company-index';
import { createRedisLedgerStore } from '../../../src/server/ledger/redis-ledger-store';
import { deletePrefix, testRedis, uniquePrefix } from '../../support/redis';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dutch = fileURLToPath(new URL('../../fixtures/csv/dutch-export.csv', import.meta.url));
const redis = testRedis();
let prefix: string;
beforeEach(() => { prefix = uniquePrefix('cli'); });
afterEach(() => deletePrefix(redis, prefix));
afterAll(() => redis.quit());

const companies = [
  { id: '201', name: 'Bakkerij Jansen B.V.', customerNumber: 'D-1001' },
  { id: '202', name: 'Garage De Vries; Zonen', customerNumber: 'D-1002' },
  { id: '203', name: 'Müller & Co GmbH', domain: 'mueller.de' },
];

describe('npm run import', () => {
  it('when a file is imported with a company source, then the report lists counts and bad lines, and a rerun changes nothing', async () => {
    const lines: string[] = [];
    const companySource: CompanySource = async (_p, onPage) => onPage(companies);
    const deps = { redis, prefix, companySource, out: (l: string) => lines.push(l) };
    await runImportCommand([dutch, '--portal', '9'], deps);
    expect(lines[0]).toBe('rows: 13 · new: 6 · updated: 0 · unchanged: 0 · unmatched: 2 · rejected: 5');
    expect(lines).toContain('  line 6 (2026-0005): Factuurdatum: "31-02-2026" is not a calendar date');
    expect(lines).toContain('  line 8: Factuurnummer: is empty');
    expect(lines[1]).toMatch(/^layout \(header\): Factuurnummer → number, Debiteurnummer → customerNumber, /);
    expect(await createRedisLedgerStore(redis, prefix).listCompanyIds('9')).toEqual(['201', '202', '203']);

    lines.length = 0;
    // The rerun has no source but finds the company index the first run cached.
    await runImportCommand([dutch, '--portal', '9'], { redis, prefix, out: (l) => lines.push(l) });
    expect(lines[0]).toBe('rows: 13 · new: 0 · updated: 0 · unchanged: 6 · unmatched: 2 · rejected: 5');
  });

  it('when --no-match is given, then every valid row waits unmatched', async () => {
    const lines: string[] = [];
    const report = await runImportCommand([dutch, '--portal', '9', '--no-match'], { redis, prefix, out: (l) => lines.push(l) });
    expect(report).toMatchObject({ created: 0, unmatched: 8 });
    expect(lines.at(-1)).toBe('8 row(s) wait in the unmatched list (GET /api/ingest/unmatched).');
  });

  it('when run as a command without REDIS_URL, then it imports into a private Redis and says the data will vanish', async () => {
    const env = { ...process.env, REDIS_URL: '', REDIS_PREFIX: prefix };
    const result = await execa(process.execPath, ['--import', 'tsx', 'src/server/cli/import.ts', dutch, '--no-match'], { cwd: root, env, reject: false });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('vanishes when this command exits');
    expect(result.stdout).toContain('rows: 13 · new: 0 · updated: 0 · unchanged: 0 · unmatched: 8 · rejected: 5');

    const usage = await execa(process.execPath, ['--import', 'tsx', 'src/server/cli/import.ts'], { cwd: root, env, reject: false });
    expect(usage.exitCode).toBe(1);
    expect(usage.stderr).toContain('usage: npm run import -- <file.csv>');
  }, 60_000);
});
