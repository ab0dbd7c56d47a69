import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpState, requestCounts, routeTemplate } from '../../src/sandbox/inspect';
import type { ChangeEvent } from '../../src/sandbox/state';
import { failure, startFixture, type SandboxFixture } from './support';

let f: SandboxFixture;
beforeAll(async () => { f = await startFixture(); });
afterAll(async () => { await f.sandbox.close(); });

describe('inspection and change events', () => {
  it('when requests are made, then counts group them by templated route and status', async () => {
    const c = await f.client.crm.companies.basicApi.create({ properties: { name: 'Mu' }, associations: [] });
    await f.client.crm.companies.basicApi.getById(c.id);
    await failure(f.client.crm.companies.basicApi.getById('123456789'));
    await f.client.crm.companies.batchApi.create({ inputs: [{ properties: { name: 'Nu' }, associations: [] }] });
    const counts = requestCounts(f.portal);
    expect(counts['POST /crm/v3/objects/{type}']).toEqual({ '201': 1 });
    expect(counts['GET /crm/v3/objects/{type}/{id}']).toEqual({ '200': 1, '404': 1 });
    expect(counts['POST /crm/v3/objects/{type}/batch/create']).toEqual({ '201': 1 });
  });

  it('when OAuth paths carry a token, then the route template hides it', () => {
    expect(routeTemplate('GET', '/oauth/v1/access-tokens/secret-token')).toBe('GET /oauth/v1/access-tokens/{token}');
    expect(routeTemplate('PUT', '/crm/v4/objects/tasks/1/associations/default/companies/2')).toBe('PUT /crm/v4/objects/{type}/{id}/associations/default/{toType}/{toId}');
  });

  it('when the state is dumped, then records, associations and custom properties are plain JSON', () => {
    const co = f.portal.createObject('companies', { name: 'Xi' });
    const task = f.portal.createObject('tasks', { hs_timestamp: '2026-12-01T09:00:00Z' });
    f.portal.associate('tasks', task.id, 'companies', co.id);
    const dump = JSON.parse(JSON.stringify(dumpState(f.portal))) as { hubId: number; objects: Record<string, { id: string }[]>; associations: { fromId: string; toId: string; typeIds: number[] }[] };
    expect(dump.hubId).toBe(f.portal.hubId);
    expect(dump.objects.companies?.map((r) => r.id)).toContain(co.id);
    expect(dump.associations).toContainEqual(expect.objectContaining({ fromId: task.id, toId: co.id, typeIds: [192] }));
  });

  it('when records change through the API or in-process, then change events describe each change', async () => {
    const events: ChangeEvent[] = [];
    f.portal.changes.on('change', (e: ChangeEvent) => events.push(e));
    const imported = f.portal.createObject('contacts', { email: 'omicron@example.com' }, { source: 'IMPORT', now: 1_700_000_000_000 });
    expect(events.at(-1)).toMatchObject({ kind: 'creation', objectType: 'contacts', objectId: imported.id, changeSource: 'IMPORT', occurredAt: 1_700_000_000_000, portalId: f.portal.hubId });
    await f.client.crm.contacts.basicApi.update(imported.id, { properties: { firstname: 'Olga', lastname: 'Peeters' } });
    const changes = events.filter((e) => e.kind === 'propertyChange' && e.objectId === imported.id);
    expect(changes.map((e) => [e.propertyName, e.propertyValue, e.changeSource]).sort()).toEqual([['firstname', 'Olga', 'API'], ['lastname', 'Peeters', 'API']]);
    const company = f.portal.createObject('companies', { name: 'Pi' });
    await f.client.crm.associations.v4.basicApi.createDefault('contacts', imported.id, 'companies', company.id);
    expect(events.some((e) => e.kind === 'associationChange' && e.objectId === imported.id)).toBe(true);
    await f.client.crm.contacts.basicApi.archive(imported.id);
    expect(events.at(-1)).toMatchObject({ kind: 'deletion', objectId: imported.id });
  });
});
