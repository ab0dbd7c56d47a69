import { spawn } from 'node:child_process';
import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type StartedSandbox } from '../../src/sandbox/server';
import { hubspotHeaders } from '../server/http/sign-request';
import { deletePrefix, testRedis, testRedisUrl, uniquePrefix } from '../support/redis';
import { freePort } from '../support/free-port';

const PUBLIC = 'https://desk.example';
const SECRET = 'private-app-client-secret';
// A private app has no install to name its first admin: the operator names them (ADMIN_USER_IDS).
const ADMIN = '7001';
let sandbox: StartedSandbox;
const prefix = uniquePrefix('private');
beforeAll(async () => { sandbox = await startSandbox(); });
afterAll(async () => {
  await sandbox.close();
  const redis = testRedis();
  await deletePrefix(redis, prefix);
  await redis.quit();
});

describe('private-app mode (HUBSPOT_ACCESS_TOKEN and one portal id, no OAuth)', () => {
  it('when npm start runs with a private app\'s token, then invoices sent to its ingest API reach that portal\'s companies, and SIGTERM stops it cleanly', async () => {
    const portal = sandbox.state.createPortal({ settings: { rateLimitTier: 'marketplace' } });
    const token = sandbox.state.issueAccessToken(portal.hubId, { expiresInSeconds: 3600 });
    const port = await freePort();
    const child = spawn('npm', ['start'], {
      env: {
        ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', PORT: String(port), PUBLIC_BASE_URL: PUBLIC,
        REDIS_URL: testRedisUrl(), REDIS_PREFIX: prefix, HUBSPOT_BASE_PATH: sandbox.url, HUBSPOT_ACCESS_TOKEN: token,
        HUBSPOT_PORTAL_ID: String(portal.hubId), HUBSPOT_CLIENT_SECRET: SECRET, HUBSPOT_CLIENT_ID: '', TOKEN_ENCRYPTION_KEY: '', ADMIN_USER_IDS: ADMIN,
      },
      detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 60_000;
      while (!out.includes('Ctrl-C stops everything.')) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`npm start did not come up:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(out).toContain(`Private app:          portal ${portal.hubId}`);
      expect(out).not.toContain(token);

      // The settings page's signed admin call, as HubSpot signs it for the public origin.
      const path = `/api/admin/api-keys?portalId=${portal.hubId}&userId=${ADMIN}`;
      const body = JSON.stringify({ label: 'accounting' });
      const res = await fetch(`http://127.0.0.1:${port}${path}`, {
        method: 'POST', body,
        headers: { 'Content-Type': 'application/json', ...hubspotHeaders({ secret: SECRET, method: 'POST', publicUri: `${PUBLIC}${path}`, body }) },
      });
      expect(res.status).toBe(201);
      const { key } = (await res.json()) as { key: string };

      const hs = new Client({ accessToken: token, basePath: sandbox.url });
      const company = await hs.crm.companies.basicApi.create({ properties: { name: 'Privé BV', domain: 'prive.example' }, associations: [] });
      const ingested = await fetch(`http://127.0.0.1:${port}/api/ingest/invoices`, {
        method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ invoices: [{ externalId: 'P-1', number: 'P-1', customer: { domain: 'prive.example' }, currency: 'EUR', amountMinor: 75_000, issueDate: '2026-01-05', dueDate: '2026-02-04' }] }),
      });
      expect(await ingested.json()).toMatchObject({ created: 1, unmatched: 0 });
      const until = Date.now() + 30_000;
      const state = () => ({
        open: portal.getObject('companies', company.id)?.properties.rd_open_balance,
        tasks: portal.associations.list('companies', company.id, 'tasks').length,
      });
      while (Date.now() < until && (state().open !== '750' || state().tasks === 0)) await new Promise((r) => setTimeout(r, 250));
      expect(state()).toEqual({ open: '750', tasks: 1 });
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 120_000);
});
