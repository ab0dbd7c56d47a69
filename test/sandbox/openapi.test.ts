import { readFileSync, existsSync } from 'node:fs';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxApp } from '../../src/sandbox/app';
import { openApiValidation, specFor } from '../../src/sandbox/openapi/validation';
import { SandboxState } from '../../src/sandbox/state';
import { startFixture, type SandboxFixture } from './support';

let f: SandboxFixture;
beforeAll(async () => { f = await startFixture(); });
afterAll(async () => { await f.sandbox.close(); });

const post = (url: string, token: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('OpenAPI validation against HubSpot\'s documents', () => {
  it('when a request breaks the document, then it is rejected with 400 in HubSpot\'s error shape', async () => {
    const res = await post(`${f.sandbox.url}/crm/v3/objects/companies`, f.token, { properties: { name: 42 } });
    expect(res.status).toBe(400);
    const body = await res.json() as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect(body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(body.errors)).toMatch(/associations|name/);
    const badOperator = await post(`${f.sandbox.url}/crm/v3/objects/deals/search`, f.token, { filterGroups: [{ filters: [{ propertyName: 'amount', operator: 'ABOUT' }] }], sorts: [], properties: [], limit: 10, after: '0' });
    expect(badOperator.status).toBe(400);
  });

  it('when validation is switched off, then the same request reaches the handler', async () => {
    const state = new SandboxState();
    const app = createSandboxApp(state, { validateWithOpenApi: false });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const portal = state.createPortal();
      const token = state.issueAccessToken(portal.hubId);
      const { port } = server.address() as { port: number };
      const res = await post(`http://127.0.0.1:${port}/crm/v3/objects/companies`, token, { properties: { name: 42 } });
      expect(res.status).toBe(201);
      expect(portal.listObjects('companies')[0]?.properties.name).toBe('42');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('when an answer breaks the document, then response validation turns it into a 500', async () => {
    const app = express();
    app.use(express.json());
    app.use(openApiValidation({ validateResponses: true }));
    // A complete SimplePublicObject except for one number where HubSpot's schema allows only strings.
    app.get('/crm/v3/objects/companies/:id', (_req, res) => {
      res.json({ id: '1', properties: { name: 7 }, createdAt: '2026-11-23T10:00:00.000Z', updatedAt: '2026-11-23T10:00:00.000Z', archived: false });
    });
    app.use(((err, _req, res, _next) => { res.status(err.status ?? 500).json({ message: err.message }); }) as express.ErrorRequestHandler);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const { port } = server.address() as { port: number };
      const res = await fetch(`http://127.0.0.1:${port}/crm/v3/objects/companies/1`);
      expect(res.status).toBe(500);
      expect(((await res.json()) as { message: string }).message).toMatch(/\/response\/properties\/name must be string/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('when a path belongs to an object with its own document, then that document is used', () => {
    expect(specFor('/crm/v3/objects/companies/batch/upsert')).toBe('companies');
    expect(specFor('/crm/v3/objects/invoices')).toBe('invoices');
    expect(specFor('/crm/v3/objects/deals/1')).toBe('objects');
    expect(specFor('/crm/v3/objects/0-2/search')).toBe('objects');
    expect(specFor('/crm/v4/objects/tasks/1/associations/companies')).toBe('associations');
    expect(specFor('/crm/v3/owners')).toBe('crmOwners');
    expect(specFor('/oauth/v1/token')).toBeUndefined();
  });

  it('when the vendored documents are compared with ../shared, then they are unchanged copies', () => {
    const shared = new URL('../../../shared/hubspot-openapi/', import.meta.url);
    const vendored = new URL('../../src/sandbox/openapi/specs/', import.meta.url);
    for (const name of ['companies', 'contacts', 'tasks', 'notes', 'calls', 'emails', 'communications', 'invoices', 'objects', 'properties', 'associations', 'crmOwners']) {
      const mine = readFileSync(new URL(`${name}.json`, vendored), 'utf8');
      const source = new URL(`${name}.json`, shared);
      if (existsSync(source)) expect(mine, name).toBe(readFileSync(source, 'utf8'));
      expect(JSON.parse(mine).openapi, name).toMatch(/^3\./);
    }
  });
});
