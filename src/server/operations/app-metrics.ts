import type { Queue } from 'bullmq';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { QueueDepthVM } from '../../contracts/operations';
import type { ParkedWrites } from '../actions/parked-writes';
import type { DeadLetters } from '../jobs/dead-letters';
import type { PortalParks } from '../rate/portal-park';
import type { PortalRegistry } from '../portals/portal-registry';
import { queueDepth } from './queue-depth';
import type { Figure, UsageCounters } from './usage';

export interface AppMetricsDeps {
  readonly usage: Pick<UsageCounters, 'totals'>;
  readonly portals: Pick<PortalRegistry, 'list'>;
  readonly deadLetters: Pick<DeadLetters, 'count'>;
  readonly parks: Pick<PortalParks, 'parked'>;
  readonly parkedWrites: Pick<ParkedWrites, 'count'>;
  readonly queues: Readonly<Record<QueueDepthVM['name'], Queue>>;
}

/** The counted figures as Prometheus counters: name and help. */
const COUNTERS: Record<Figure, readonly [string, string]> = {
  ingest_rows: ['rd_ingest_rows_total', 'Invoice and payment rows taken in (ingest API, CSV, UBL)'],
  rollups_written: ['rd_sync_writes_total', 'Company rollups written to HubSpot'],
  tasks_created: ['rd_tasks_created_total', 'Reminder tasks created in HubSpot'],
  tasks_closed: ['rd_tasks_closed_total', 'Reminder tasks completed in HubSpot because they were no longer needed'],
  hubspot_calls: ['rd_hubspot_calls_total', 'HubSpot API calls made'],
  hubspot_429: ['rd_hubspot_rate_limited_total', 'HubSpot API calls answered 429 (rate limited)'],
};

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * The app's own figures on /metrics, next to Node's defaults. The counts live in Redis (every process adds to
 * them), so each scrape reads them there: counters per portal, jobs and lag per queue, dead letters per portal.
 */
export function registerAppMetrics(registry: Registry, deps: AppMetricsDeps): void {
  for (const [figure, [name, help]] of Object.entries(COUNTERS) as [Figure, readonly [string, string]][]) {
    new Counter({
      name, help, labelNames: ['portal'], registers: [registry],
      async collect() {
        const totals = await deps.usage.totals();
        this.reset();
        for (const t of totals) if (t.figure === figure) this.inc({ portal: t.portalId }, t.value);
      },
    });
  }
  const depths = () => {
    const now = Date.now();
    return Promise.all((Object.entries(deps.queues) as [QueueDepthVM['name'], Queue][]).map(([n, q]) => queueDepth(n, q, now)));
  };
  new Gauge({
    name: 'rd_queue_jobs', help: 'Jobs in the app\'s queues by state', labelNames: ['queue', 'state'], registers: [registry],
    async collect() {
      for (const d of await depths()) for (const state of STATES) this.set({ queue: d.name, state }, d[state]);
    },
  });
  new Gauge({
    name: 'rd_queue_lag_seconds', help: 'How long the oldest waiting job of the queue has waited', labelNames: ['queue'], registers: [registry],
    async collect() {
      for (const d of await depths()) this.set({ queue: d.name }, d.lagSeconds);
    },
  });
  new Gauge({
    name: 'rd_dead_letters', help: 'Dead letters (work that failed for good) waiting for an admin, per portal', labelNames: ['portal'], registers: [registry],
    async collect() {
      this.reset();
      for (const p of await deps.portals.list()) this.set({ portal: p.portalId }, await deps.deadLetters.count(p.portalId));
    },
  });
  new Gauge({
    name: 'rd_hubspot_parked_portals', help: 'Portals whose HubSpot daily API limit is spent: syncing and planning wait for the reset', registers: [registry],
    async collect() {
      this.set((await deps.parks.parked()).length);
    },
  });
  new Gauge({
    name: 'rd_parked_writes', help: 'Card writes saved while HubSpot\'s daily limit was spent, waiting to be sent to HubSpot, per portal', labelNames: ['portal'], registers: [registry],
    async collect() {
      this.reset();
      for (const p of await deps.portals.list()) this.set({ portal: p.portalId }, await deps.parkedWrites.count(p.portalId));
    },
  });
}
