import { randomBytes } from 'node:crypto';
import { addDays, type IsoDate } from '../../src/domain/dates';
import type { Invoice } from '../../src/domain/ledger';
import { money } from '../../src/domain/money';
import { createRedis } from '../../src/server/infra/redis';
import { startPrivateRedis } from '../../src/server/infra/redis-server';
import { createHubSpotServices } from '../../src/server/jobs/services';
import { createRedisLedgerStore } from '../../src/server/ledger/redis-ledger-store';
import { startRemoteSandbox } from '../support/remote-sandbox';

/** A deterministic PRNG (mulberry32) so every run syncs the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `perCompany` invoices per company: a mix of paid, open, overdue and a few in USD. */
export function invoicesFor(companyId: string, perCompany: number, today: IsoDate, rnd: () => number): Invoice[] {
  const out: Invoice[] = [];
  for (let n = 0; n < perCompany; n++) {
    const issue = addDays(today, -Math.floor(rnd() * 150));
    const due = addDays(issue, 30);
    const currency = rnd() < 0.05 ? 'USD' : 'EUR';
    const amount = money(10_000 + Math.floor(rnd() * 500_000), currency);
    const paid = rnd() < 0.5 && due < today;
    out.push({
      externalId: `b-${companyId}-${n}`, number: `INV-${companyId}-${n}`, kind: 'invoice', companyId, amount,
      open: paid ? money(0, currency) : amount, issueDate: issue, dueDate: due, paymentTermDays: 30,
      status: paid ? 'paid' : 'open', ...(paid ? { paidDate: addDays(due, Math.floor(rnd() * 20) - 5) } : {}),
      directDebit: false, sourceVersion: '1',
    });
  }
  return out;
}

/** HubSpot's marketplace limit and the true floor of its rolling window: 110 calls may start at once. */
export const WINDOW_CALLS = 110;
export const WINDOW_S = 10;
export const windowFloorSeconds = (calls: number): number => (calls === 0 ? 0 : WINDOW_S * Math.floor((calls - 1) / WINDOW_CALLS));

/**
 * A private Redis, the sandbox (in a process of its own, as HubSpot is not in ours) with one portal at the
 * marketplace limit, and the HubSpot-facing services as production wires them, the portal registered with
 * its token. `failures()` counts calls that went down the error path.
 */
export async function startBenchPortal(label: string) {
  const privateRedis = await startPrivateRedis();
  const redis = createRedis(privateRedis.url, 'worker');
  const hub = await startRemoteSandbox();
  const prefix = `${label}${Date.now()}`;
  const ledger = createRedisLedgerStore(redis, prefix);
  let failures = 0;
  const services = createHubSpotServices({ redis, prefix, ledger, tokenKey: randomBytes(32), log: { warn: () => { failures++; } } });
  const portalId = String(hub.hubId);
  await services.portals.register({ portalId, timeZone: 'Europe/Amsterdam', country: 'NL', tier: 'marketplace', basePath: hub.url });
  await services.tokens.save(portalId, { accessToken: hub.token });
  return {
    hub, ledger, services, portalId,
    failures: () => failures,
    async close() {
      await hub.close();
      await redis.quit();
      await privateRedis.stop();
    },
  };
}

/** CPU seconds this process spent since `from` (user + system): the app's own work, whatever else the machine runs. */
export const cpuSecondsSince = (from: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
};
