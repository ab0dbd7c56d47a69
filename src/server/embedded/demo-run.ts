import { Readable } from 'node:stream';
import type { IngestReport } from '../../contracts/ingest';
import { generateDemoInvoicesCsv } from '../../sandbox/demo';
import { requestCounts } from '../../sandbox/inspect';
import type { Backend } from '../compose';
import { waitForJob } from '../jobs/wait-for-job';
import type { SchedulingResult } from '../scheduling/schedule-portal';
import type { SyncResult } from '../sync/sync-portal';
import type { EmbeddedHubSpot } from './embedded-hubspot';

export interface DemoRunResult {
  readonly csvBytes: number;
  readonly report: IngestReport;
  readonly sync: SyncResult;
  readonly scheduling: SchedulingResult;
  readonly hubspotCalls: number;
  readonly seconds: number;
}

/**
 * The main job on the embedded default: the demo accounting export goes through the real CSV import,
 * then the real sync and scheduling jobs run on the workers against the local HubSpot portal.
 */
export async function runDemo(backend: Backend, hubspot: EmbeddedHubSpot, redisUrl: string, now: Date): Promise<DemoRunResult> {
  const started = Date.now();
  const csv = generateDemoInvoicesCsv(hubspot.data, { asOf: now.toISOString().slice(0, 10), seed: 7 });
  const report = await backend.csvImporter.importCsv(Readable.from([Buffer.from(csv, 'utf8')]), { portalId: hubspot.portalId });
  const trigger = `startup-${started}`;
  const syncJob = await backend.queues.enqueueSync({ portalId: hubspot.portalId }, trigger);
  const sync = await waitForJob<SyncResult>(backend.queues.sync, syncJob, redisUrl);
  const scheduleJob = await backend.queues.enqueueScheduling({ portalId: hubspot.portalId }, trigger);
  const scheduling = await waitForJob<SchedulingResult>(backend.queues.scheduling, scheduleJob, redisUrl);
  const portal = hubspot.sandbox.state.portals.get(Number(hubspot.portalId));
  const hubspotCalls = portal
    ? Object.values(requestCounts(portal)).reduce((n, byStatus) => n + Object.values(byStatus).reduce((a, b) => a + b, 0), 0)
    : backend.hubspot.gateway.callCount();
  return { csvBytes: Buffer.byteLength(csv), report, sync, scheduling, hubspotCalls, seconds: (Date.now() - started) / 1000 };
}

/** A readable summary for the terminal. */
export function formatDemoSummary(r: DemoRunResult, limitPer10s: number): string[] {
  const t = r.scheduling.byType;
  const minSeconds = (r.hubspotCalls / limitPer10s) * 10;
  const lines = [
    'Receivables Desk — first run on the local HubSpot sandbox',
    `  Invoices in:          ${r.report.received} rows read, ${r.report.created} new, ${r.report.updated} updated, ${r.report.unchanged} unchanged`,
    `  Companies:            ${r.report.received - r.report.rejected - r.report.unmatched} invoices matched to a company, ${r.report.unmatched} waiting in the unmatched list`,
    `  Rejected rows:        ${r.report.rejected}${r.report.errors.length ? ':' : ''}`,
    ...r.report.errors.slice(0, 10).map((e) => `    line ${e.line ?? e.index}: ${e.reason}`),
    `  CRM sync:             ${r.sync.propertiesCreated} properties created, ${r.sync.written} of ${r.sync.considered} companies written (${r.sync.writeCalls} batch calls)`,
    `  Reminder tasks:       ${r.scheduling.created} created (calls ${t.call}, e-mails ${t.email}, to-dos ${t.todo}), ${r.scheduling.closed} closed, ${r.scheduling.planned} actions planned`,
    `  HubSpot calls:        ${r.hubspotCalls} in ${r.seconds.toFixed(1)} s (budget ${limitPer10s} per 10 s → at least ${minSeconds.toFixed(1)} s)`,
  ];
  return lines;
}
