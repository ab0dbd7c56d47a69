import { randomBytes } from 'node:crypto';
import { Client } from '@hubspot/api-client';
import type { Express } from 'express';
import type { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import request from 'supertest';
import type { CallScriptInput, CallScript } from '../../../../src/domain/call-script/types';
import type { Invoice } from '../../../../src/domain/ledger';
import { DEFAULT_POLICY } from '../../../../src/domain/policy/policy';
import { startSandbox, type StartedSandbox } from '../../../../src/sandbox/server';
import { createEngagements } from '../../../../src/server/hubspot/engagements';
import { createHubSpotGateway } from '../../../../src/server/hubspot/hubspot-gateway';
import { createActionsRouter } from '../../../../src/server/http/actions/router';
import { createApp } from '../../../../src/server/http/app';
import { createLogger } from '../../../../src/server/infra/logger';
import { createRedisLedgerStore, type RedisLedgerStore } from '../../../../src/server/ledger/redis-ledger-store';
import { createPortalRegistry } from '../../../../src/server/portals/portal-registry';
import { createTokenStore } from '../../../../src/server/portals/token-store';
import { createRateBudget } from '../../../../src/server/rate/rate-budget';
import { uniquePrefix } from '../../../support/redis';
import { hubspotHeaders } from '../sign-request';

export const SECRET = 'actions-test-secret';
export const PUBLIC_BASE_URL = 'https://rd.example.com';
/** Monday 2026-11-23, 11:00 in Amsterdam. */
export const NOW = new Date('2026-11-23T10:00:00Z');
export const CALENDAR = { timeZone: 'Europe/Amsterdam', holidays: new Set<string>() };

export interface ActionsFixture {
  app: Express;
  sandbox: StartedSandbox;
  client: Client;
  ledger: RedisLedgerStore;
  portalId: string;
  companyId: string;
  contactId: string;
  otherCompanyId: string;
  prefix: string;
  close(): Promise<void>;
}

/** An invoice of the fixture's company (EUR 1,000.00 open, due 2026-10-31: 23 days overdue on NOW). */
export const invoice = (companyId: string, o: Partial<Invoice> = {}): Invoice => ({
  externalId: 'inv-1', number: 'F-1001', kind: 'invoice', companyId, amount: { minor: 100_000, currency: 'EUR' },
  open: { minor: 100_000, currency: 'EUR' }, issueDate: '2026-10-01', dueDate: '2026-10-31', paymentTermDays: 30,
  status: 'open', directDebit: false, sourceVersion: '1', ...o,
});

/**
 * The real thing end to end: the in-process HubSpot sandbox, the real api-client through the portal caller
 * (rate budget and token store in the run's Redis), the Redis ledger, and the lead's app shell.
 */
export async function startActionsFixture(redis: Redis, buildCallScript: (i: CallScriptInput) => CallScript): Promise<ActionsFixture> {
  const sandbox = await startSandbox();
  const portal = sandbox.state.createPortal();
  const token = sandbox.state.issueAccessToken(portal.hubId);
  const portalId = String(portal.hubId);
  const prefix = uniquePrefix('actions');
  const portals = createPortalRegistry(redis, prefix);
  await portals.register({ portalId, timeZone: 'Europe/Amsterdam', country: 'NL', tier: 'marketplace', basePath: sandbox.url });
  const tokens = createTokenStore({ redis, prefix, key: randomBytes(32) });
  await tokens.save(portalId, { accessToken: token });
  const callerDeps = { portals, tokens, budget: createRateBudget(redis, prefix), maxAttempts: 2 };
  const gateway = createHubSpotGateway(callerDeps);
  const engagements = createEngagements(callerDeps);
  await gateway.ensureSchema(portalId, { dunningStages: DEFAULT_POLICY.steps.map((s) => s.id) });

  const client = new Client({ accessToken: token, basePath: sandbox.url });
  const company = await client.crm.companies.basicApi.create({ properties: { name: 'Bakkerij De Vries' }, associations: [] });
  const other = await client.crm.companies.basicApi.create({ properties: { name: 'Other BV' }, associations: [] });
  const contact = await client.crm.contacts.basicApi.create({
    properties: { firstname: 'Anna', lastname: 'de Vries', email: 'anna@example.com' },
    associations: [{ to: { id: company.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 279 }] }],
  });

  const ledger = createRedisLedgerStore(redis, prefix);
  const actions = createActionsRouter({
    ledger, gateway, engagements, redis, prefix, now: () => NOW, calendarFor: () => CALENDAR, policy: DEFAULT_POLICY,
    clientSecret: SECRET, publicBaseUrl: PUBLIC_BASE_URL, buildCallScript,
  });
  const app = createApp({ log: createLogger('silent'), metrics: new Registry(), routers: { cards: actions }, ready: async () => ({ ready: true }) });
  return {
    app, sandbox, client, ledger, portalId, prefix, companyId: company.id, contactId: contact.id, otherCompanyId: other.id,
    close: () => sandbox.close(),
  };
}

/** A request signed like HubSpot signs hubspot.fetch (real api-client Signature helper, timestamp = real time, as HubSpot signs whatever the business clock says). */
export function signed(app: Express, method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown) {
  const raw = body === undefined ? '' : JSON.stringify(body);
  const headers = hubspotHeaders({ secret: SECRET, method, publicUri: `${PUBLIC_BASE_URL}${path}`, body: raw });
  const r = method === 'GET' ? request(app).get(path) : method === 'PUT' ? request(app).put(path) : request(app).post(path);
  r.set(headers);
  if (raw) r.set('content-type', 'application/json').send(raw);
  return r;
}
