import type { Redis } from 'ioredis';
import type { CustomerLedger } from '../../domain/ledger';
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
 * Batches computed ahead of the writes: a window's worth at HubSpot's marketplace limit (110 calls per 10 s), so
 * while the writers wait for the next window the rest of the portal is computed, and that window's calls go out
 * the moment it opens. Bounds memory on large portals (120 × 100 rollups, a few MB).
 */
const BATCHES_AHEAD = 120;
/** Companies computed between yields to the event loop, so an admitted write is sent at once, not after a batch. */
const COMPUTE_SLICE = 20;

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Wakes everyone waiting; each re-checks what it waits for. */
function signal() {
  let waiting: (() => void)[] = [];
  return {
    wait: () => new Promise<void>((resolve) => waiting.push(resolve)),
    notify() {
      const woken = waiting;
      waiting = [];
      for (const w of woken) w();
    },
  };
}

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
    const rollupOf = (l: CustomerLedger) => computeRollup(l, {
      now: at, timeZone: portal.timeZone, portalCurrency: portal.currency, plan: planner.plan(l, at), toleranceMinor: policy.toleranceMinor,
    });
    let changedCount = 0;
    let written = 0;
    let writeCalls = 0;
    let failure: { error: unknown } | undefined;
    const fail = (error: unknown) => { failure ??= { error }; };

    // Computing and writing run apart: the computing loop fills `ready` (up to BATCHES_AHEAD) and the writers take
    // from it, so computing never waits for the rate budget and a write never waits for the next batch's computation.
    const ready: CompanyRollup[][] = [];
    let computing = true;
    const batchReady = signal();
    const roomFreed = signal();
    const offer = async (batch: CompanyRollup[]) => {
      while (ready.length >= BATCHES_AHEAD && !failure) await roomFreed.wait();
      ready.push(batch);
      batchReady.notify();
    };

    const write = async (batch: CompanyRollup[]) => {
      const { refused } = await deps.gateway.updateCompanyRollups(portalId, batch, at);
      writeCalls++;
      // A refused company is reported and not remembered as written, so the next pass tries it again.
      const no = new Set(refused.map((r) => r.companyId));
      const done = batch.filter((r) => !no.has(r.companyId));
      await hashes.remember(portalId, done);
      await deps.poisoned.clear(portalId, 'write', done.map((r) => r.companyId));
      await deps.poisoned.setAside(portalId, 'write', refused);
      written += done.length;
    };
    const writer = async () => {
      while (!failure) {
        const batch = ready.shift();
        if (batch === undefined) {
          if (!computing) return;
          await batchReady.wait();
          continue;
        }
        roomFreed.notify();
        try {
          await schema;
          await write(batch);
        } catch (err) {
          fail(err);
          roomFreed.notify();
        }
      }
    };

    let ids: readonly string[] = [];
    const compute = async () => {
      ids = opts.companyIds ?? await deps.ledger.listCompanyIds(portalId);
      const read = (i: number) => {
        const p = readLedgers(deps.ledger, portalId, ids.slice(i, i + BATCH));
        p.catch(() => undefined); // awaited in its turn; a failure must not go "unhandled" while the batch before it computes
        return p;
      };
      // Batch n+1 is read from Redis while batch n is computed.
      let next = ids.length > 0 ? read(0) : undefined;
      let pending: CompanyRollup[] = [];
      for (let i = 0; i < ids.length && !failure; i += BATCH) {
        const ledgers = await next!;
        next = i + BATCH < ids.length ? read(i + BATCH) : undefined;
        // A company whose ledger cannot be computed is set aside and reported; the rest of the portal goes on.
        const rollups: CompanyRollup[] = [];
        for (let k = 0; k < ledgers.length; k += COMPUTE_SLICE) {
          if (k > 0) await yieldToIo();
          rollups.push(...(await deps.poisoned.screen(portalId, 'sync', ledgers.slice(k, k + COMPUTE_SLICE), rollupOf)).map((r) => r.result));
        }
        const changed = await hashes.changed(portalId, rollups);
        changedCount += changed.length;
        pending.push(...changed);
        while (pending.length >= BATCH) {
          await offer(pending.slice(0, BATCH));
          pending = pending.slice(BATCH);
        }
      }
      if (pending.length > 0 && !failure) await offer(pending);
    };

    const writers = Array.from({ length: concurrency }, writer);
    await compute().catch(fail);
    computing = false;
    batchReady.notify();
    // Let every started write settle (and remember its hashes) before reporting success or failure.
    await Promise.all(writers);
    await schema.catch(fail); // the schema calls too, when the reads failed first
    if (failure) throw failure.error;
    const result = { considered: ids.length, changed: changedCount, written, writeCalls, propertiesCreated: await schema };
    await deps.redis.set(`${deps.prefix}:p:${portalId}:sync:last`, JSON.stringify({ at, ...result }));
    return result;
  }

  return { syncPortal };
}
export type SyncService = ReturnType<typeof createSyncService>;
