import path from 'node:path';
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import type { Portal } from '../../sandbox/state';
import { readUiComponents } from './app-components';
import { createBundles } from './bundles';
import { appColumns, crmAssociations, crmProperties, listRecords, readRecord, recordTypeOf } from './crm-reads';
import { ProxyRequest, proxyFetch } from './fetch-proxy';
import { workspacePage } from './page';
import { pickUsers } from './users';

export const WORKSPACE_PATH = '/workspace';

/** The few controls the workspace has over the embedded backend: business time. */
export interface WorkspaceClock {
  now(): Date;
  advance(step: { businessDays?: number; days?: number }): Promise<Date>;
  /** Back to real time. */
  reset(): Promise<Date>;
}

export interface WorkspaceDeps {
  readonly srcDir: string;
  readonly cacheDir: string;
  readonly portal: Portal;
  readonly appId: number;
  readonly clientSecret: string;
  /** Where the backend listens: hubspot.fetch calls to the profile's BACKEND_ORIGIN go here. */
  readonly backendUrl: string;
  readonly creditControllerOwnerId?: string;
  /** The HubSpot profile the cards are built with (src/hsprofile.local.json's variables). */
  readonly profileVariables: Record<string, string>;
  readonly permittedFetchUrls: readonly string[];
  readonly clock: WorkspaceClock;
}

const Step = z.object({ step: z.enum(['today', 'business-day', 'week']) });
const PropertiesQuery = z.object({ objectTypeId: z.string(), objectId: z.string().regex(/^\d{1,20}$/), properties: z.union([z.literal('*'), z.array(z.string().max(200)).max(500)]) });
const AssociationsQuery = PropertiesQuery.omit({ properties: true }).extend({
  toObjectType: z.string().max(50), properties: z.array(z.string().max(200)).max(500).default([]),
  pageLength: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0),
});

const bad = (res: Response, message: string) => res.status(400).json({ code: 'bad_request', message });

/**
 * The local HubSpot UI: one page (host) that shows the portal's records and runs each card's HubSpot-built
 * bundle in a Web Worker, and the few endpoints that page uses. Served under /workspace by the embedded default.
 */
export interface Workspace {
  readonly handler: express.Express;
  /** Resolves when the cards and the browser code are built (they build in the background from the start). */
  readonly ready: Promise<void>;
}

export function createWorkspace(deps: WorkspaceDeps): Workspace {
  const components = readUiComponents(deps.srcDir);
  const bundles = createBundles({ srcDir: deps.srcDir, cacheDir: deps.cacheDir, components, variables: deps.profileVariables });
  const users = () => pickUsers(deps.portal, deps.creditControllerOwnerId);
  const app = express();
  const r = express.Router();
  app.use(WORKSPACE_PATH, r);
  r.use(express.json({ limit: '2mb' }));

  r.get('/', (_req, res) => { res.type('html').send(workspacePage(WORKSPACE_PATH)); });
  r.get('/assets/:name', async (req, res) => {
    const name = req.params.name;
    if (name !== 'host.js' && name !== 'worker.js' && name !== 'workspace.css') return void res.status(404).end();
    res.type(name.endsWith('.css') ? 'css' : 'js').send(await bundles.asset(name));
  });
  r.get('/cards/:uid.js', async (req, res) => {
    if (!components.some((c) => c.uid === req.params.uid)) return void res.status(404).end();
    res.type('js').send(await bundles.card(req.params.uid));
  });
  r.get('/api/setup', (_req, res) => {
    res.json({
      portal: { id: deps.portal.hubId, timezone: deps.portal.settings.timeZone },
      appId: deps.appId, variables: deps.profileVariables, users: users(),
      components: components.map(({ entryFile: _entry, ...c }) => ({ ...c, file: path.relative(deps.srcDir, _entry) })),
      columns: { companies: appColumns(deps.portal, 'companies') },
      now: deps.clock.now().toISOString(),
    });
  });
  r.get('/api/records/:type', (req, res) => {
    const type = recordTypeOf(req.params.type);
    if (!type) return void bad(res, 'unknown object type');
    res.json({ results: listRecords(deps.portal, type), columns: appColumns(deps.portal, type) });
  });
  r.get('/api/records/:type/:id', (req, res) => {
    const type = recordTypeOf(req.params.type);
    const record = type && readRecord(deps.portal, type, req.params.id);
    if (!record) return void res.status(404).json({ code: 'not_found', message: 'no such record' });
    res.json(record);
  });
  r.post('/api/crm/properties', (req, res) => {
    const q = PropertiesQuery.safeParse(req.body);
    const type = q.success ? recordTypeOf(q.data.objectTypeId) : undefined;
    if (!q.success || !type) return void bad(res, 'objectTypeId, objectId and properties are needed');
    res.json({ data: crmProperties(deps.portal, type, q.data.objectId, q.data.properties) });
  });
  r.post('/api/crm/associations', (req, res) => {
    const q = AssociationsQuery.safeParse(req.body);
    const type = q.success ? recordTypeOf(q.data.objectTypeId) : undefined;
    if (!q.success || !type) return void bad(res, 'objectTypeId, objectId and toObjectType are needed');
    res.json({ data: crmAssociations(deps.portal, type, q.data.objectId, q.data) });
  });
  r.post('/api/fetch', async (req, res) => {
    const q = ProxyRequest.safeParse(req.body);
    if (!q.success) return void bad(res, 'url and method are needed');
    const origin = new URL(deps.backendUrl).origin;
    const cardOrigins = Object.fromEntries(deps.permittedFetchUrls.map((u) => [safeOrigin(u), origin]));
    res.json(await proxyFetch(q.data, { permittedUrls: deps.permittedFetchUrls, localOrigins: cardOrigins, clientSecret: deps.clientSecret, appId: deps.appId }));
  });
  r.get('/api/clock', (_req, res) => { res.json({ now: deps.clock.now().toISOString() }); });
  r.post('/api/clock', async (req, res) => {
    const q = Step.safeParse(req.body);
    if (!q.success) return void bad(res, 'step must be today, business-day or week');
    const now = q.data.step === 'today' ? await deps.clock.reset()
      : await deps.clock.advance(q.data.step === 'week' ? { days: 7 } : { businessDays: 1 });
    res.json({ now: now.toISOString() });
  });
  r.use((error: unknown, _req: Request, res: Response, _next: express.NextFunction) => {
    res.status(500).type('text').send(`workspace: ${error instanceof Error ? error.message : String(error)}`);
  });
  const ready = bundles.warm();
  // A failed build shows on the page that asks for it (the build is retried then); it must not crash the process.
  ready.catch(() => undefined);
  return { handler: app, ready };
}

function safeOrigin(u: string): string {
  try { return new URL(u).origin; } catch { return u; }
}
