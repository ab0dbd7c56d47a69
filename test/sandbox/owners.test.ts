import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, startFixture, type SandboxFixture } from './support';

let f: SandboxFixture;
beforeAll(async () => {
  f = await startFixture();
  f.portal.createOwner({ email: 'sanne@example.nl', firstName: 'Sanne', lastName: 'Visser', teams: [{ id: '11', name: 'Credit control' }, { id: '12', name: 'Sales' }] });
  for (let i = 0; i < 4; i++) f.portal.createOwner({ email: `user${i}@example.nl`, firstName: `U${i}`, lastName: 'Test' });
});
afterAll(async () => { await f.sandbox.close(); });

describe('Owners v3 through the real api-client', () => {
  it('when owners are listed with a small limit, then paging returns all of them once', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await f.client.crm.owners.ownersApi.getPage(undefined, after, 2);
      seen.push(...page.results.map((o) => o.email ?? ''));
      after = page.paging?.next?.after;
    } while (after);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('when filtering by email, then only that owner comes back, with teams and the first team primary', async () => {
    const page = await f.client.crm.owners.ownersApi.getPage('SANNE@example.nl');
    expect(page.results).toHaveLength(1);
    const owner = page.results[0]!;
    expect(owner).toMatchObject({ firstName: 'Sanne', lastName: 'Visser', type: 'PERSON', archived: false });
    expect(owner.teams).toEqual([{ id: '11', name: 'Credit control', primary: true }, { id: '12', name: 'Sales', primary: false }]);
    const byId = await f.client.crm.owners.ownersApi.getById(Number(owner.id));
    expect(byId.email).toBe('sanne@example.nl');
    const byUser = await f.client.crm.owners.ownersApi.getById(owner.userId!, 'userId');
    expect(byUser.id).toBe(owner.id);
  });

  it('when an owner id is unknown, then 404', async () => {
    expect((await failure(f.client.crm.owners.ownersApi.getById(424242))).code).toBe(404);
  });
});
