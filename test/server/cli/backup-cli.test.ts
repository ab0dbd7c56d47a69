import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { testRedisUrl, uniquePrefix } from '../../support/redis';

/**
 * `npm run backup` and `npm run restore` as an operator runs them: the process, its exit code and what it prints,
 * with the set-up both share (backup-cli.ts).
 */
const run = promisify(execFile);

async function cli(script: 'backup' | 'restore', args: readonly string[], env: Record<string, string | undefined>): Promise<{ code: number; stderr: string }> {
  const { REDIS_URL: _url, REDIS_PREFIX: _prefix, ...rest } = process.env;
  try {
    await run(process.execPath, ['--import', 'tsx', `src/server/cli/${script}.ts`, ...args], { env: { ...rest, ...env }, timeout: 20_000 });
    return { code: 0, stderr: '' };
  } catch (error) {
    const e = error as { code?: number; stderr?: string };
    return { code: e.code ?? -1, stderr: e.stderr ?? '' };
  }
}

describe('the backup and restore commands', () => {
  it.each(['backup', 'restore'] as const)('when REDIS_URL is not set, then %s exits 1 and says so, with the usage', async (script) => {
    const { code, stderr } = await cli(script, [], {});
    expect(code).toBe(1);
    expect(stderr).toMatch(/^REDIS_URL is not set\.\nusage: npm run backup/);
  });

  it('when the portal has no records, then backup refuses with the reason and writes nothing', async () => {
    const prefix = uniquePrefix('cli');
    const { code, stderr } = await cli('backup', ['--portal', '999', '--out', `/tmp/${prefix}.json`], { REDIS_URL: testRedisUrl(), REDIS_PREFIX: prefix });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`portal 999 has no records under prefix "${prefix}"; nothing written`);
    expect(existsSync(`/tmp/${prefix}.json`)).toBe(false);
  });

  it('when the file is missing, then restore exits 1 naming it', async () => {
    const { code, stderr } = await cli('restore', ['/tmp/no-such-backup.json'], { REDIS_URL: testRedisUrl(), REDIS_PREFIX: uniquePrefix('cli') });
    expect(code).toBe(1);
    expect(stderr).toContain('/tmp/no-such-backup.json is not a readable JSON file');
  });
});
