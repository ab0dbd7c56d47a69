import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createUninstallAwareRefresher, OAuthInstallError } from '../../../src/server/hubspot/oauth-install';
import { createQuarantine } from '../../../src/server/install/quarantine';
import { createUninstaller } from '../../../src/server/install/uninstall';
import { createJobQueues, dailySchedulerId, type JobQueues } from '../../../src/server/jobs/queues';
import { createRedisLedgerStore } from '../../../src/server/ledger/redis-ledger-store';
import { createCompanyIndexCache } from '../../../src/server/matching/company-index-cache';
import { createPortalRegistry } from '../../../src/server/portals/portal-registry';
import { createTokenStore } from '../../../src/server/portals/token-store';
import { registerApp } from '../../../src/sandbox/oauth';
import { startSandbox, type StartedSandbox } from '../../../src/sandbox/server';
import { invoiceFor } from '../hubspot/harness';
import { keysMatching } from '../../../src/server/infra/redis-scan';
import { deletePrefix, testRedis, uniquePrefix } from '../../support/redis';


describe('uninstallPortal', () => {
  let redis: Redis;
  let sandbox: StartedSandbox;
  let queues: JobQueues;
  const prefix = uniquePrefix('uninstall');
  const app = { clientId: 'rd-uninstall-client', clientSecret: 'rd-uninstall-secret' };

  beforeAll(async () => {
    redis = testRedis();
    sandbox = await startSandbox();
    registerApp(sandbox.state, { ...app, redirectUri: 'http://127.0.0.1:1/oauth/callback' });
    queues = createJobQueues({ connection: redis, prefix });
  });
  afterAll(async () => {
    await queues.close();
    await sandbox.close();
    await deletePrefix(redis, prefix);
    await redis.quit();
  });

  const wire = () => {
    const portals = createPortalRegistry(redis, prefix);
    const ledger = createRedisLedgerStore(redis, prefix);
    const companyIndex = createCompanyIndexCache({ redis, prefix, source: async (_p, onPage) => onPage([{ id: '1', name: 'Acme' }]) });
    const key = randomBytes(32);
    let revoked: (id: string) => Promise<void> = async () => undefined;
    const refresh = createUninstallAwareRefresher({ ...app, portals, onRevoked: (id) => revoked(id) });
    const tokens = createTokenStore({ redis, prefix, key, refresh });
    const uninstall = createUninstaller({ portals, tokens, queues, ledger, companyIndex });
    const quarantine = createQuarantine({ redis, prefix, portals, tokens, queues, uninstall, now: () => new Date(), retentionDays: 30 });
    revoked = quarantine.quarantine;
    const install = async (portalId: string) => {
      const portal = await portals.register({ portalId, timeZone: 'Europe/Amsterdam', country: 'NL', tier: 'marketplace', basePath: sandbox.url });
      await tokens.save(portalId, { accessToken: `at-${portalId}`, refreshToken: `rt-${portalId}`, expiresAt: Date.now() + 3_600_000 });
      await queues.upsertDailyScheduling(portal);
      await ledger.upsertInvoices(portalId, [invoiceFor('101', 1, '2026-10-01')]);
      await companyIndex.get(portalId);
    };
    return { portals, ledger, tokens, companyIndex, quarantine, install, uninstall };
  };

  it('when one portal is uninstalled, then its tokens, daily run, ledger, index and registry entry are gone and the other portal keeps everything', async () => {
    const w = wire();
    await w.install('5001');
    await w.install('5002');
    const otherKeysBefore = await keysMatching(redis, `${prefix}:p:5002:*`);
    expect(otherKeysBefore.length).toBeGreaterThan(3);

    await w.uninstall('5001');

    expect(await keysMatching(redis, `${prefix}:p:5001:*`)).toEqual([]);
    expect(await w.portals.get('5001')).toBeUndefined();
    expect((await w.portals.list()).map((p) => p.portalId)).toEqual(['5002']);
    const schedulers = (await queues.scheduling.getJobSchedulers()).map((s) => s.key);
    expect(schedulers).not.toContain(dailySchedulerId('5001'));
    expect(schedulers).toContain(dailySchedulerId('5002'));

    expect(await keysMatching(redis, `${prefix}:p:5002:*`)).toEqual(otherKeysBefore);
    expect(await w.tokens.getAccessToken('5002')).toBe('at-5002');
    expect(await w.ledger.listCompanyIds('5002')).toEqual(['101']);
    await w.uninstall('5001'); // twice is harmless
  });

  it('when HubSpot answers a token refresh with invalid_grant (app uninstalled), then the portal is quarantined with its data kept and the call fails', async () => {
    const w = wire();
    await w.install('6001');
    await w.install('6002');
    // An expired access token whose refresh token HubSpot (the sandbox) does not know: what an uninstall looks like.
    await w.tokens.save('6001', { accessToken: 'old', refreshToken: 'revoked-refresh-token', expiresAt: Date.now() - 1000 });

    await expect(w.tokens.getAccessToken('6001')).rejects.toBeInstanceOf(OAuthInstallError);

    expect(await w.portals.get('6001')).toBeUndefined();
    expect(await w.quarantine.get('6001')).toMatchObject({ reason: 'invalid_grant', portal: { portalId: '6001' } });
    expect(await w.ledger.listCompanyIds('6001')).toEqual(['101']);
    expect(await keysMatching(redis, `${prefix}:p:6001:oauth`)).toEqual([]);
    expect(await w.portals.get('6002')).toBeDefined();

    expect(await w.quarantine.purge('6001')).toBe(true);
    expect(await keysMatching(redis, `${prefix}:p:6001:*`)).toEqual([]);
  });

  it('when a refresh fails for another reason (wrong client secret), then the portal stays installed', async () => {
    const portals = createPortalRegistry(redis, prefix);
    const refresh = createUninstallAwareRefresher({ clientId: app.clientId, clientSecret: 'wrong', portals, onRevoked: async () => { throw new Error('must not uninstall'); } });
    const w = wire();
    await w.install('7001');
    await expect(refresh('7001', 'rt-7001')).rejects.toMatchObject({ failure: { code: 'oauth_failed', status: 400 } });
    expect(await w.portals.get('7001')).toBeDefined();
  });
});
