import { Readable } from 'node:stream';
import type { IngestReport } from '../../contracts/ingest';
import { generateDemoInvoicesCsv } from '../../sandbox/demo';
import { requestCounts } from '../../sandbox/inspect';
import type { Backend } from '../compose';
import type { RefreshResult } from '../sync/refresh-portal';
import type { EmbeddedHubSpot } from './embedded-hubspot';

export interface DemoRunResult {
  readonly csvBytes: number;
  readonly report: IngestReport;
  /** The continuous sync's runs that brought the import into HubSpot. */
  readonly runs: readonly RefreshResult[];
  readonly hubspotCalls: number;
  readonly seconds: number;
}

/**
 * The main job on the embedded default: the demo accounting export goes through the real CSV import, and
 * the continuous sync — the same one every later change goes through — brings it into the local portal.
 */
export async function runDemo(backend: Backend, hubspot: EmbeddedHubSpot): Promise<DemoRunResult> {
  const started = Date.now();
  const asOf = backend.clock.now().toISOString().slice(0, 10);
  const csv = generateDemoInvoicesCsv(hubspot.data, { asOf, seed: 7 });
  const report = await backend.csvImporter.importCsv(Readable.from([Buffer.from(csv, 'utf8')]), { portalId: hubspot.portalId });
  await backend.loop.settled(hubspot.portalId, { timeoutMs: 120_000 });
  const runs = await backend.hubspot.refresh.runsSince(hubspot.portalId, started);
  const portal = hubspot.sandbox.state.portals.get(Number(hubspot.portalId));
  const hubspotCalls = portal
    ? Object.values(requestCounts(portal)).reduce((n, byStatus) => n + Object.values(byStatus).reduce((a, b) => a + b, 0), 0)
    : backend.hubspot.gateway.callCount();
  return { csvBytes: Buffer.byteLength(csv), report, runs, hubspotCalls, seconds: (Date.now() - started) / 1000 };
}

const sum = (runs: readonly RefreshResult[], pick: (r: RefreshResult) => number | undefined) => runs.reduce((n, r) => n + (pick(r) ?? 0), 0);

/** A readable summary for the terminal. */
export function formatDemoSummary(r: DemoRunResult, limitPer10s: number): string[] {
  const minSeconds = (r.hubspotCalls / limitPer10s) * 10;
  const byType = (t: 'call' | 'email' | 'todo') => sum(r.runs, (x) => x.scheduling?.byType[t]);
  return [
    'Receivables Desk — first run on the local HubSpot sandbox',
    `  Invoices in:          ${r.report.received} rows read, ${r.report.created} new, ${r.report.updated} updated, ${r.report.unchanged} unchanged`,
    `  Companies:            ${r.report.received - r.report.rejected - r.report.unmatched} invoices matched to a company, ${r.report.unmatched} waiting in the unmatched list`,
    `  Rejected rows:        ${r.report.rejected}${r.report.errors.length ? ':' : ''}`,
    ...r.report.errors.slice(0, 10).map((e) => `    line ${e.line ?? e.index}: ${e.reason}`),
    `  CRM sync:             ${sum(r.runs, (x) => x.sync?.propertiesCreated)} properties created, ${sum(r.runs, (x) => x.sync?.written)} company rollups written (${sum(r.runs, (x) => x.sync?.writeCalls)} batch calls, ${r.runs.length} sync runs)`,
    `  Reminder tasks:       ${sum(r.runs, (x) => x.scheduling?.created)} created (calls ${byType('call')}, e-mails ${byType('email')}, to-dos ${byType('todo')}), ${sum(r.runs, (x) => x.scheduling?.closed)} closed, ${sum(r.runs, (x) => x.scheduling?.planned)} actions planned`,
    `  HubSpot calls:        ${r.hubspotCalls} in ${r.seconds.toFixed(1)} s (budget ${limitPer10s} per 10 s → at least ${minSeconds.toFixed(1)} s)`,
  ];
}
