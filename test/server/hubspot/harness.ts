import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Invoice } from '../../../src/domain/ledger';
import { money } from '../../../src/domain/money';
import { createHubSpotServices, type HubSpotServices } from '../../../src/server/jobs/services';
import { createRedisLedgerStore } from '../../../src/server/ledger/redis-ledger-store';
import type { RateBudgetOptions } from '../../../src/server/rate/rate-budget';
import { startSandbox, type StartedSandbox } from '../../../src/sandbox/server';
import type { Portal as SandboxPortal, RateLimitTier } from '../../../src/sandbox/state';
import { testRedis, uniquePrefix } from '../../support/redis';

/** Monday 23 Nov 2026, 09:00 in Amsterdam: a business day inside the call windows. */
export const NOW = new Date('2026-11-23T08:00:00.000Z');

export interface Harness {
  readonly sandbox: StartedSandbox;
  readonly hub: SandboxPortal;
  readonly portalId: string;
  readonly ownerId: string;
  readonly companyIds: string[];
  readonly redis: Redis;
  readonly prefix: string;
  readonly tokenKey: Buffer;
  readonly services: HubSpotServices;
  readonly ledger: ReturnType<typeof createRedisLedgerStore>;
  /** Requests the sandbox answered for this portal, by templated route and status. */
  calls(route?: RegExp, status?: number): number;
  close(): Promise<void>;
}

export async function startHarness(opts: {
  companies?: number; tier?: RateLimitTier; validate?: boolean; rate?: RateBudgetOptions; claimLeaseMs?: number; now?: () => Date;
} = {}): Promise<Harness> {
  const sandbox = await startSandbox({ validateWithOpenApi: opts.validate ?? true });
  const hub = sandbox.state.createPortal({ settings: { rateLimitTier: opts.tier ?? 'off' } });
  const token = sandbox.state.issueAccessToken(hub.hubId, { expiresInSeconds: 24 * 3600 });
  const owner = hub.createOwner({ email: 'owner@example.test', firstName: 'Olga', lastName: 'Owner' });
  const companyIds: string[] = [];
  for (let i = 0; i < (opts.companies ?? 3); i++) {
    // Every other company has an owner, so tasks test both the company owner and the credit controller.
    const props: Record<string, string> = { name: `Company ${i}`, domain: `company${i}.example` };
    if (i % 2 === 0) props.hubspot_owner_id = owner.id;
    companyIds.push(hub.createObject('companies', props).id);
  }
  const redis = testRedis();
  const prefix = uniquePrefix('hs');
  const tokenKey = randomBytes(32);
  const ledger = createRedisLedgerStore(redis, prefix);
  const services = createHubSpotServices({
    redis, prefix, ledger, tokenKey, now: opts.now ?? (() => NOW),
    rate: opts.rate ?? { headroom: 0, marginMs: 0 },
    ...(opts.claimLeaseMs ? { claimLeaseMs: opts.claimLeaseMs } : {}),
  });
  const portalId = String(hub.hubId);
  const controller = hub.createOwner({ email: 'cc@example.test', firstName: 'Cees', lastName: 'Controller' });
  await services.portals.register({
    portalId, timeZone: 'Europe/Amsterdam', country: 'NL', tier: 'marketplace', basePath: sandbox.url, creditControllerOwnerId: controller.id,
  });
  await services.tokens.save(portalId, { accessToken: token });
  return {
    sandbox, hub, portalId, ownerId: owner.id, companyIds, redis, prefix, tokenKey, services, ledger,
    calls(route, status) {
      return hub.requestLog.filter((e) => (!route || route.test(`${e.method} ${e.path}`)) && (status === undefined || e.status === status)).length;
    },
    async close() {
      await sandbox.close();
      await redis.quit();
    },
  };
}

/** An open EUR invoice of a HubSpot company, due `dueDate`. */
export function invoiceFor(companyId: string, n: number, dueDate: string, minor = 125_000, currency = 'EUR'): Invoice {
  const amount = money(minor, currency);
  return {
    externalId: `inv-${companyId}-${n}`, number: `F-${companyId}-${n}`, kind: 'invoice', companyId, amount, open: amount,
    issueDate: '2026-09-01', dueDate, paymentTermDays: 30, status: 'open', directDebit: false, sourceVersion: '1',
  };
}
