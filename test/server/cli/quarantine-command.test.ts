import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuarantineUsageError, runQuarantineCommand } from '../../../src/server/cli/quarantine-command';
import { createQuarantine } from '../../../src/server/install/quarantine';
import { createUninstaller } from '../../../src/server/install/uninstall';
import { createJobQueues, type JobQueues } from '../../../src/server/jobs/queues';
import { createRedisLedgerStore } from '../../../src/server/ledger/redis-ledger-store';
import { createCompanyIndexCache } from '../../../src/server/matching/company-index-cache';
import { createPortalRegistry } from '../../../src/server/portals/portal-registry';
import { createTokenStore } from '../../../src/server/portals/token-store';
import { invoiceFor } from '../hubspot/harness';
import { deletePrefix, testRedis, uniquePrefix } from '../../support/redis';

describe('npm run quarantine', () => {
  let redis: Redis;
  let queues: JobQueues;
  const prefix = uniquePrefix('quarantine-cli');
  beforeAll(() => { redis = testRedis(); queues = createJobQueues({ connection: redis, prefix }); });
  afterAll(async () => {
    await queues.close();
    await deletePrefix(redis, prefix);
    await redis.quit();
  });

  it('when an admin lists and purges, then the quarantined portal is shown with its deletion date and deleted at once; others are refused', async () => {
    const portals = createPortalRegistry(redis, prefix);
    const tokens = createTokenStore({ redis, prefix, key: randomBytes(32) });
    const ledger = createRedisLedgerStore(redis, prefix);
    const uninstall = createUninstaller({ portals, tokens, queues, ledger, companyIndex: createCompanyIndexCache({ redis, prefix }) });
    const quarantine = createQuarantine({ redis, prefix, portals, tokens, queues, uninstall, now: () => new Date('2027-03-01T08:00:00.000Z'), retentionDays: 30 });
    for (const portalId of ['8001', '8002']) {
      await portals.register({ portalId, timeZone: 'Europe/Amsterdam', country: 'NL', tier: 'marketplace', basePath: 'http://127.0.0.1:1' });
      await ledger.upsertInvoices(portalId, [invoiceFor('101', 1, '2027-01-04')]);
    }
    await quarantine.quarantine('8001');
    const said: string[] = [];

    await runQuarantineCommand(['list'], quarantine, (l) => said.push(l));
    expect(said).toEqual(['8001  quarantined 2027-03-01T08:00:00.000Z  deleted after 2027-03-31T08:00:00.000Z']);

    await expect(runQuarantineCommand(['purge', '--portal', '8002'], quarantine, () => undefined)).rejects.toBeInstanceOf(QuarantineUsageError);
    expect(await ledger.listCompanyIds('8002')).toEqual(['101']);
    await runQuarantineCommand(['purge', '--portal', '8001'], quarantine, (l) => said.push(l));
    expect(said.at(-1)).toBe('Deleted portal 8001 and all its data.');
    expect(await ledger.listCompanyIds('8001')).toEqual([]);
    expect(await quarantine.list()).toEqual([]);
  });
});
