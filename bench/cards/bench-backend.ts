/**
 * What both server children of `npm run bench:cards` share: the backend exactly as `npm start` and production
 * compose it (composeBackend) with one registered portal, the anchor (a bare Express 5 app answering recorded
 * bytes: what Express itself costs, with no signature check, no Redis, no view), the stdin commands and the
 * shutdown. Env: REDIS_URL, REDIS_PREFIX, CLIENT_SECRET, PUBLIC_BASE_URL.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import express, { type Express } from 'express';
import { composeBackend } from '../../src/server/compose';
import { loadConfig } from '../../src/server/config';
import { createLogger } from '../../src/server/infra/logger';
import { PORTAL_ID } from './fixture';

export const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
};

/** The production composition with the bench portal registered (HubSpot unreachable: nothing here calls it). */
export async function benchBackend() {
  const config = loadConfig({ PORT: '0', REDIS_PREFIX: env('REDIS_PREFIX'), LOG_LEVEL: 'warn', NODE_ENV: 'production' });
  const backend = composeBackend({
    config, log: createLogger('warn'), redisUrl: env('REDIS_URL'),
    clientId: 'bench', clientSecret: env('CLIENT_SECRET'), hubspotBasePath: 'http://127.0.0.1:9',
    publicBaseUrl: env('PUBLIC_BASE_URL'), tokenKey: randomBytes(32),
  });
  await backend.hubspot.portals.register({ portalId: PORTAL_ID, timeZone: 'Europe/Amsterdam', country: 'NL', tier: 'marketplace', basePath: 'http://127.0.0.1:9' });
  return { backend, prefix: config.REDIS_PREFIX, portalId: PORTAL_ID, today: new Date().toISOString().slice(0, 10) };
}
type Backend = Awaited<ReturnType<typeof benchBackend>>['backend'];

async function listen(app: Express): Promise<{ server: Server; port: number }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { server, port: (server.address() as AddressInfo).port };
}

/**
 * Serves the backend and the anchor; prints `info` plus both ports as the first stdout line. Then reads JSON
 * lines on stdin: {record: {path: body}} for the anchor to serve, anything else for `onCommand`; answers each
 * with "done". SIGTERM deletes the portal's keys and stops.
 */
export async function serve(backend: Backend, info: object, onCommand?: (command: Record<string, unknown>) => Promise<void>): Promise<void> {
  const app = await listen(backend.app);
  const recorded = new Map<string, string>();
  const anchorApp = express();
  anchorApp.use((req, res) => {
    const body = recorded.get(req.url);
    if (body === undefined) return void res.status(404).end();
    res.type('application/json').send(body);
  });
  const anchor = await listen(anchorApp);
  createInterface({ input: process.stdin }).on('line', (line) => {
    const command = JSON.parse(line) as { record?: Record<string, string> } & Record<string, unknown>;
    void (async () => {
      for (const [path, body] of Object.entries(command.record ?? {})) recorded.set(path, body);
      if (!command.record) await onCommand?.(command);
      process.stdout.write('done\n');
    })();
  });
  process.stdout.write(`${JSON.stringify({ ...info, port: app.port, anchorPort: anchor.port })}\n`);
  process.on('SIGTERM', () => {
    app.server.close();
    anchor.server.close();
    void backend.ledger.deletePortal(PORTAL_ID).finally(() => backend.close().then(() => process.exit(0)));
  });
}
