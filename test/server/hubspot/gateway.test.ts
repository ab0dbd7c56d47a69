import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthorizationCode, registerApp } from '../../../src/sandbox/oauth';
import { GROUP, preferenceProperties } from '../../../src/server/hubspot/crm-schema';
import { createUninstallAwareRefresher } from '../../../src/server/hubspot/oauth-install';
import { createTokenStore } from '../../../src/server/portals/token-store';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => { h = await startHarness({ companies: 230 }); });
afterAll(async () => h.close());

describe('HubSpot gateway against the sandbox', () => {
  it('when listing companies, then every page of 100 arrives with the matching properties', async () => {
    await h.services.gateway.ensureSchema(h.portalId, { dunningStages: [] });
    h.hub.updateObject('companies', h.companyIds[7]!, { rd_vat_number: 'NL123456789B01', rd_coc_number: '12345678' });
    const pages: number[] = [];
    const seen = new Map<string, unknown>();
    const total = await h.services.gateway.listCompanies(h.portalId, (page) => {
      pages.push(page.length);
      for (const c of page) seen.set(c.id, c);
    });
    expect(total).toBe(230);
    expect(pages).toEqual([100, 100, 30]);
    expect(seen.get(h.companyIds[0]!)).toEqual({ id: h.companyIds[0], name: 'Company 0', domain: 'company0.example', ownerId: h.ownerId });
    expect(seen.get(h.companyIds[7]!)).toMatchObject({ vatNumber: 'NL123456789B01', cocNumber: '12345678' });
  });

  it('when the schema is ensured, then the Contact preferences properties exist in the app group too, and a second run creates nothing', async () => {
    await h.services.gateway.ensureSchema(h.portalId, { dunningStages: [] });
    const again = await h.services.gateway.ensureSchema(h.portalId, { dunningStages: [] });
    expect(again).toEqual({ groupsCreated: [], propertiesCreated: [], propertiesUpdated: [] });
    const client = new Client({ accessToken: await h.services.tokens.getAccessToken(h.portalId), basePath: h.sandbox.url });
    const byName = new Map((await client.crm.properties.coreApi.getAll('companies')).results.map((p) => [p.name, p]));
    for (const def of preferenceProperties()) {
      expect(byName.get(def.name), def.name).toMatchObject({ groupName: GROUP.name, type: def.type, fieldType: def.fieldType });
    }
  });

  it('when a task exists with an action key, then it is found by that key', async () => {
    const { created } = await h.services.gateway.createTasks(h.portalId, [{
      actionKey: 'rk-find-me', companyId: h.companyIds[0]!, type: 'todo', subject: 's', body: 'b', dueAt: '2026-11-24T09:00:00.000Z', priority: 'low',
    }]);
    const found = await h.services.gateway.findTasksByActionKey(h.portalId, ['rk-find-me', 'rk-missing']);
    expect([...found]).toEqual([['rk-find-me', created[0]!.taskId]]);
  });

  it('when a note is logged, then it is associated with the company', async () => {
    const id = await h.services.gateway.createNote(h.portalId, { key: 'note-1', companyId: h.companyIds[1]!, body: 'Promise: pays Friday', at: '2026-11-23T10:00:00.000Z' });
    expect(h.hub.associations.list('notes', id, 'companies').map((a) => a.toObjectId)).toEqual([h.companyIds[1]]);
  });

  it('when an OAuth access token nears expiry, then it is refreshed through /oauth/v3/token', async () => {
    registerApp(h.sandbox.state, { clientId: 'cid', clientSecret: 'csecret', redirectUri: 'https://rd.example/callback' });
    const code = createAuthorizationCode(h.sandbox.state, { clientId: 'cid', hubId: h.hub.hubId, redirectUri: 'https://rd.example/callback' });
    const res = await fetch(`${h.sandbox.url}/oauth/v3/token`, {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: 'https://rd.example/callback', client_id: 'cid', client_secret: 'csecret' }),
    });
    const first = await res.json() as { access_token: string; refresh_token: string };
    const tokens = createTokenStore({
      redis: h.redis, prefix: h.prefix, key: h.tokenKey,
      refresh: createUninstallAwareRefresher({
        clientId: 'cid', clientSecret: 'csecret', portals: h.services.portals, onRevoked: async () => { throw new Error('must not uninstall'); },
      }),
    });
    await tokens.save(h.portalId, { accessToken: first.access_token, refreshToken: first.refresh_token, expiresAt: Date.now() + 60_000 });
    const fresh = await tokens.getAccessToken(h.portalId);
    expect(fresh).not.toBe(first.access_token);
    expect(h.sandbox.state.portalForToken(fresh)?.hubId).toBe(h.hub.hubId);
  });
});
