import type { Redis } from 'ioredis';
import type { CompanyRollup, HubSpotGateway } from '../hubspot/gateway';
import type { LedgerStore } from '../ledger/ledger-store';
import type { PortalRegistry } from '../portals/portal-registry';
import type { createPlanner } from '../scheduling/planner';
import { computeRollup } from './compute-rollup';
import type { PoisonedCompanies } from './poisoned-companies';
import { readLedgers } from './read-ledgers';
import { createRollupHashStore } from './rollup-hashes';
import { createSchemaGuard } from './schema-guard';

export interface SyncDeps {
  readonly redis: Redis;
  readonly prefix: string;
  readonly gateway: HubSpotGateway;
  readonly ledger: LedgerStore;
  readonly portals: PortalRegistry;
  readonly planner: ReturnType<typeof createPlanner>;
  readonly poisoned: PoisonedCompanies;
  readonly now?: () => Date;
  /** HubSpot batch writes in flight at once; the rate budget, not this, sets the pace. */
  readonly writeConcurrency?: number;
}

export interface SyncResult {
  readonly considered: number;
  readonly changed: number;
  readonly written: number;
  readonly writeCalls: number;
  readonly propertiesCreated: number;
}

const BATCH = 100;

/**
 * Rollups to HubSpot: ensure the schema (at most daily), compute each company's rollup from the ledger,
 * and batch-update only those whose rollup changed since the last successful write. Idempotent: a rerun
 * after a crash writes only what the crashed run had not confirmed.
 */
export function createSyncService(deps: SyncDeps) {
  const hashes = createRollupHashStore(deps.redis, deps.prefix);
  const now = deps.now ?? (() => new Date());
  const concurrency = deps.writeConcurrency ?? 4;

  const ensureSchema = createSchemaGuard(deps);

  async function syncPortal(portalId: string, opts: { companyIds?: readonly string[] } = {}): Promise<SyncResult> {
    const portal = await deps.portals.require(portalId);
    const planner = await deps.planner.forPortal(portal);
    const { policy } = planner;
    // The schema calls run while the first ledgers are read and computed; no rollup is written before they succeed.
    const schema = ensureSchema(portal, policy);
    schema.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled" meanwhile
    const at = now().toISOString();
    let changedCount = 0;
    let written = 0;
    let writeCalls = 0;
    let pending: CompanyRollup[] = [];
    const inFlight = new Set<Promise<void>>();

    const write = (batch: CompanyRollup[]) => {
      const p = (async () => {
        const { refused } = await deps.gateway.updateCompanyRollups(portalId, batch, at);
        writeCalls++;
        // A refused company is reported and not remembered as written, so the next pass tries it again.
        const no = new Set(refused.map((r) => r.companyId));
        const done = batch.filter((r) => !no.has(r.companyId));
        await hashes.remember(portalId, done);
        await deps.poisoned.clear(portalId, 'write', done.map((r) => r.companyId));
        await deps.poisoned.setAside(portalId, 'write', refused);
        written += done.length;
      })();
      inFlight.add(p);
      // Failures surface through Promise.allSettled below; this only drops settled promises from the set.
      p.then(() => inFlight.delete(p), () => inFlight.delete(p));
      return p;
    };
    const all: Promise<void>[] = [];

    let failure: unknown;
    let ids: readonly string[] = [];
    try {
      ids = opts.companyIds ?? await deps.ledger.listCompanyIds(portalId);
      const read = (i: number) => {
        const p = readLedgers(deps.ledger, portalId, ids.slice(i, i + BATCH));
        p.catch(() => undefined); // awaited in its turn; a failure must not go "unhandled" while the batch before it computes
        return p;
      };
      // Batch n+1 is read from Redis while batch n is computed, and writes of earlier batches stay in flight meanwhile.
      let next = ids.length > 0 ? read(0) : undefined;
      for (let i = 0; i < ids.length; i += BATCH) {
        const ledgers = await next!;
        next = i + BATCH < ids.length ? read(i + BATCH) : undefined;
        // A company whose ledger cannot be computed is set aside and reported; the rest of the portal goes on.
        const rollups = (await deps.poisoned.screen(portalId, 'sync', ledgers, (l) => computeRollup(l, {
          now: at, timeZone: portal.timeZone, portalCurrency: portal.currency, plan: planner.plan(l, at), toleranceMinor: policy.toleranceMinor,
        }))).map((r) => r.result);
        const changed = await hashes.changed(portalId, rollups);
        changedCount += changed.length;
        pending.push(...changed);
        while (pending.length >= BATCH) {
          await schema;
          all.push(write(pending.slice(0, BATCH)));
          pending = pending.slice(BATCH);
          if (inFlight.size >= concurrency) await Promise.race(inFlight);
        }
      }
      await schema;
      if (pending.length > 0) all.push(write(pending));
    } catch (err) {
      failure = err;
    }
    // Let every started write settle (and remember its hashes) before reporting success or failure.
    const [, ...settled] = await Promise.allSettled([schema, ...all]); // the schema calls too, when the reads failed first
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure !== undefined || failed) throw failure ?? failed!.reason;
    const result = { considered: ids.length, changed: changedCount, written, writeCalls, propertiesCreated: await schema };
    await deps.redis.set(`${deps.prefix}:p:${portalId}:sync:last`, JSON.stringify({ at, ...result }));
    return result;
  }

  return { syncPortal };
}
export type SyncService = ReturnType<typeof createSyncService>;
