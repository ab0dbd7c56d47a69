import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, startFixture, type SandboxFixture } from './support';

let f: SandboxFixture;
beforeAll(async () => { f = await startFixture(); });
afterAll(async () => { await f.sandbox.close(); });

describe('CRM objects v3 through the real api-client', () => {
  it('when a company is created, then it reads back with string values, numeric id and HubSpot timestamps', async () => {
    const created = await f.client.crm.companies.basicApi.create({ properties: { name: 'Bakkerij de Vries', domain: 'devries.nl', numberofemployees: '012' }, associations: [] });
    expect(created.id).toMatch(/^\d+$/);
    expect(created.properties).toMatchObject({ name: 'Bakkerij de Vries', domain: 'devries.nl', numberofemployees: '12', hs_object_id: created.id });
    expect(created.properties.createdate).toBe(created.createdAt.toISOString());
    expect(created.properties.hs_lastmodifieddate).toBe(created.updatedAt.toISOString());
    expect(created.archived).toBe(false);

    const defaults = await f.client.crm.companies.basicApi.getById(created.id);
    expect(Object.keys(defaults.properties).sort()).toEqual(['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name']);
    const picked = await f.client.crm.companies.basicApi.getById(created.id, ['numberofemployees']);
    expect(picked.properties.numberofemployees).toBe('12');
    expect(picked.properties.name).toBeUndefined();
  });

  it('when a record is updated, then only changed values move hs_lastmodifieddate and an empty string clears a value', async () => {
    const c = await f.client.crm.contacts.basicApi.create({ properties: { firstname: 'Anna', lastname: 'Jansen', email: 'anna@jansen.nl', jobtitle: 'Crediteuren' }, associations: [] });
    await new Promise((r) => setTimeout(r, 5));
    const u = await f.client.crm.contacts.basicApi.update(c.id, { properties: { jobtitle: '', phone: '+31 20 123 4567' } });
    expect(u.properties.phone).toBe('+31 20 123 4567');
    expect(u.updatedAt.getTime()).toBeGreaterThan(c.updatedAt.getTime());
    const read = await f.client.crm.contacts.basicApi.getById(c.id, ['jobtitle', 'phone', 'lastmodifieddate']);
    expect(read.properties.jobtitle).toBeUndefined();
    expect(read.properties.lastmodifieddate).toBe(u.updatedAt.toISOString());
    const empty = await failure(f.client.crm.contacts.basicApi.update(c.id, { properties: {} }));
    expect(empty.code).toBe(400);
    expect(String(empty.body.message)).toContain('No properties found to update');
  });

  it('when a record is read or updated by a unique idProperty, then the right record answers', async () => {
    const c = await f.client.crm.contacts.basicApi.create({ properties: { email: 'Piet@Example.nl', firstname: 'Piet' }, associations: [] });
    const byEmail = await f.client.crm.contacts.basicApi.getById('piet@example.nl', ['firstname'], undefined, undefined, false, 'email');
    expect(byEmail.id).toBe(c.id);
    const updated = await f.client.crm.contacts.basicApi.update('piet@example.nl', { properties: { firstname: 'Pieter' } }, 'email');
    expect(updated.id).toBe(c.id);
    const byDomain = await failure(f.client.crm.companies.basicApi.getById('x.nl', undefined, undefined, undefined, false, 'domain'));
    expect(byDomain.code).toBe(400);
    expect(String(byDomain.body.message)).toContain('non-unique');
  });

  it('when a record is archived, then reads 404 and it is only listed with archived=true', async () => {
    const n = await f.client.crm.objects.notes.basicApi.create({ properties: { hs_note_body: 'Belafspraak', hs_timestamp: '2026-11-23T10:00:00Z' }, associations: [] });
    await f.client.crm.objects.notes.basicApi.archive(n.id);
    const gone = await failure(f.client.crm.objects.notes.basicApi.getById(n.id));
    expect(gone.code).toBe(404);
    expect(gone.body).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });
    const archived = await f.client.crm.objects.notes.basicApi.getById(n.id, undefined, undefined, undefined, true);
    expect(archived.archived).toBe(true);
    expect(archived.archivedAt).toBeInstanceOf(Date);
    const live = await f.client.crm.objects.notes.basicApi.getPage(100);
    expect(live.results.map((r) => r.id)).not.toContain(n.id);
  });

  it('when 25 tasks are listed 10 at a time, then paging yields each exactly once in creation order', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push(f.portal.createObject('tasks', { hs_task_subject: `T${i}`, hs_timestamp: '2026-12-01T09:00:00Z' }).id);
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await f.client.crm.objects.tasks.basicApi.getPage(10, after, ['hs_task_subject']);
      expect(page.results.length).toBeLessThanOrEqual(10);
      seen.push(...page.results.map((r) => r.id));
      after = page.paging?.next?.after;
    } while (after);
    expect(seen.filter((id) => ids.includes(id))).toEqual(ids);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('when calls, invoices, deals, tickets, meetings, emails and communications are created, then each reads back', async () => {
    const call = await f.client.crm.objects.calls.basicApi.create({ properties: { hs_timestamp: '2026-11-23T10:00:00Z', hs_call_title: 'Herinnering', hs_call_direction: 'OUTBOUND', hs_call_status: 'COMPLETED' }, associations: [] });
    expect(call.properties.hs_call_direction).toBe('OUTBOUND');
    const inv = await f.client.crm.commerce.invoices.basicApi.create({ properties: { hs_currency: 'EUR', hs_number: 'INV-1', hs_amount_billed: '1250.50', hs_due_date: '1767225600000', hs_invoice_status: 'open' }, associations: [] });
    expect(inv.properties).toMatchObject({ hs_amount_billed: '1250.5', hs_due_date: '2026-01-01T00:00:00.000Z', hs_createdate: inv.createdAt.toISOString() });
    const deal = await f.client.crm.deals.basicApi.create({ properties: { dealname: 'Renewal', amount: '900', dealstage: 'closedwon', pipeline: 'default' }, associations: [] });
    expect((await f.client.crm.deals.basicApi.getById(deal.id)).properties.dealstage).toBe('closedwon');
    const ticket = await f.client.crm.tickets.basicApi.create({ properties: { subject: 'Betwiste factuur', hs_pipeline: '0', hs_pipeline_stage: '1', hs_ticket_priority: 'HIGH' }, associations: [] });
    expect(ticket.properties.subject).toBe('Betwiste factuur');
    const meeting = await f.client.crm.objects.meetings.basicApi.create({ properties: { hs_timestamp: '2026-12-02T09:00:00Z', hs_meeting_title: 'Betalingsregeling', hs_meeting_outcome: 'SCHEDULED' }, associations: [] });
    expect(meeting.properties.hs_meeting_title).toBe('Betalingsregeling');
    const email = await f.client.crm.objects.emails.basicApi.create({ properties: { hs_timestamp: '2026-11-23T10:00:00Z', hs_email_subject: 'Aanmaning', hs_email_direction: 'EMAIL' }, associations: [] });
    expect(email.properties.hs_email_subject).toBe('Aanmaning');
    const comm = await f.client.crm.objects.communications.basicApi.create({ properties: { hs_timestamp: '2026-11-23T10:00:00Z', hs_communication_channel_type: 'SMS', hs_communication_logged_from: 'CRM', hs_communication_body: 'Herinnering' }, associations: [] });
    expect(comm.properties.hs_communication_channel_type).toBe('SMS');
  });

  it('when a property does not exist, then HubSpot\'s PROPERTY_DOESNT_EXIST validation error comes back and nothing is stored', async () => {
    const before = f.portal.listObjects('companies').length;
    const e = await failure(f.client.crm.companies.basicApi.create({ properties: { name: 'X', kvk_nummer: '123' }, associations: [] }));
    expect(e.code).toBe(400);
    expect(e.body.category).toBe('VALIDATION_ERROR');
    expect(String(e.body.message)).toMatch(/^Property values were not valid: \[/);
    expect(e.body.errors).toEqual([expect.objectContaining({ code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: ['kvk_nummer'] } })]);
    expect(f.portal.listObjects('companies').length).toBe(before);
  });

  it('when an enumeration, number or date value is invalid, then the write is rejected with the property named', async () => {
    const task = await failure(f.client.crm.objects.tasks.basicApi.create({ properties: { hs_timestamp: '2026-11-23T10:00:00Z', hs_task_status: 'DONE' }, associations: [] }));
    expect(task.body.errors).toEqual([expect.objectContaining({ code: 'INVALID_OPTION', context: { propertyName: ['hs_task_status'] } })]);
    const num = await failure(f.client.crm.companies.basicApi.create({ properties: { annualrevenue: 'veel' }, associations: [] }));
    expect(num.body.errors).toEqual([expect.objectContaining({ code: 'INVALID_DOUBLE' })]);
    const date = await failure(f.client.crm.objects.tasks.basicApi.create({ properties: { hs_timestamp: 'morgen' }, associations: [] }));
    expect(date.body.errors).toEqual([expect.objectContaining({ code: 'INVALID_DATE' })]);
  });

  it('when a contact email already exists, then create answers 409 CONFLICT with the existing id', async () => {
    const first = await f.client.crm.contacts.basicApi.create({ properties: { email: 'dup@example.com' }, associations: [] });
    const e = await failure(f.client.crm.contacts.basicApi.create({ properties: { email: 'DUP@example.com' }, associations: [] }));
    expect(e.code).toBe(409);
    expect(e.body).toMatchObject({ category: 'CONFLICT', message: `Contact already exists. Existing ID: ${first.id}` });
  });

  it('when the bearer token is missing, unknown or revoked, then 401 in HubSpot\'s error shape', async () => {
    const res = await fetch(`${f.sandbox.url}/crm/v3/objects/companies`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
    const token = f.sandbox.state.issueAccessToken(f.portal.hubId);
    f.sandbox.state.revokeAccessToken(token);
    const revoked = await fetch(`${f.sandbox.url}/crm/v3/objects/companies`, { headers: { authorization: `Bearer ${token}` } });
    expect(revoked.status).toBe(401);
    const expired = f.sandbox.state.issueAccessToken(f.portal.hubId, { expiresInSeconds: 0 });
    expect(f.sandbox.state.portalForToken(expired)).toBeUndefined();
  });

  it('when two companies are merged, then the primary keeps its values, gains missing ones and takes the associations', async () => {
    const primary = f.portal.createObject('companies', { name: 'Rho BV', city: 'Delft' });
    const other = f.portal.createObject('companies', { name: 'Rho B.V.', city: 'Leiden', phone: '+31 15 000 0000' });
    const task = f.portal.createObject('tasks', { hs_timestamp: '2026-12-01T09:00:00Z' });
    f.portal.associate('tasks', task.id, 'companies', other.id);
    // api-client 13.5 has a MergeApi model but no discovery entry for it: use its raw request (same auth and basePath).
    const res = await f.client.apiRequest({ method: 'POST', path: '/crm/v3/objects/companies/merge', body: { primaryObjectId: primary.id, objectIdToMerge: other.id } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe(primary.id);
    expect(f.portal.getObject('companies', primary.id)?.properties).toMatchObject({ name: 'Rho BV', city: 'Delft', phone: '+31 15 000 0000' });
    expect(f.portal.getObject('companies', other.id)?.archived).toBe(true);
    const page = await f.client.crm.associations.v4.basicApi.getPage('tasks', task.id, 'companies');
    expect(page.results.map((r) => String(r.toObjectId))).toEqual([primary.id]);
  });

  it('when two portals hold data, then a token only sees its own portal', async () => {
    const other = f.sandbox.state.createPortal();
    const rec = other.createObject('companies', { name: 'Elders BV' });
    const e = await failure(f.client.crm.companies.basicApi.getById(rec.id));
    expect(e.code).toBe(404);
    expect(f.portal.getObject('companies', rec.id)).toBeUndefined();
  });
});
