import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assoc, failure, startFixture, type SandboxFixture } from './support';

let f: SandboxFixture;
beforeAll(async () => { f = await startFixture(); });
afterAll(async () => { await f.sandbox.close(); });

const typeIds = async (from: string, id: string, to: string) =>
  (await f.client.crm.associations.v4.basicApi.getPage(from, id, to)).results.flatMap((r) => r.associationTypes.map((t) => `${r.toObjectId}:${t.typeId}`)).sort();

describe('Associations v4 through the real api-client', () => {
  it('when records are associated by default, then HubSpot\'s type ids show in both directions', async () => {
    const company = f.portal.createObject('companies', { name: 'Eta' });
    const contact = f.portal.createObject('contacts', { email: 'eta@example.com' });
    const task = f.portal.createObject('tasks', { hs_timestamp: '2026-12-01T09:00:00Z' });
    const note = f.portal.createObject('notes', { hs_timestamp: '2026-12-01T09:00:00Z' });
    const call = f.portal.createObject('calls', { hs_timestamp: '2026-12-01T09:00:00Z' });
    const invoice = f.portal.createObject('invoices', { hs_currency: 'EUR' });
    const def = f.client.crm.associations.v4.basicApi;
    await def.createDefault('tasks', task.id, 'companies', company.id);
    await def.createDefault('tasks', task.id, 'contacts', contact.id);
    await def.createDefault('notes', note.id, 'companies', company.id);
    await def.createDefault('calls', call.id, 'contacts', contact.id);
    await def.createDefault('invoices', invoice.id, 'companies', company.id);
    await def.createDefault('contacts', contact.id, 'companies', company.id);
    expect(await typeIds('tasks', task.id, 'companies')).toEqual([`${company.id}:192`]);
    expect(await typeIds('companies', company.id, 'tasks')).toEqual([`${task.id}:191`]);
    expect(await typeIds('tasks', task.id, 'contacts')).toEqual([`${contact.id}:204`]);
    expect(await typeIds('contacts', contact.id, 'tasks')).toEqual([`${task.id}:203`]);
    expect(await typeIds('notes', note.id, 'companies')).toEqual([`${company.id}:190`]);
    expect(await typeIds('calls', call.id, 'contacts')).toEqual([`${contact.id}:194`]);
    expect(await typeIds('invoices', invoice.id, 'companies')).toEqual([`${company.id}:179`]);
    expect(await typeIds('companies', company.id, 'invoices')).toEqual([`${invoice.id}:180`]);
    expect(await typeIds('contacts', contact.id, 'companies')).toEqual([`${company.id}:279`]);
    expect(await typeIds('companies', company.id, 'contacts')).toEqual([`${contact.id}:280`]);
  });

  it('when a labelled (primary) association is made, then it carries the label and the default type too', async () => {
    const company = f.portal.createObject('companies', { name: 'Theta' });
    const contact = f.portal.createObject('contacts', { email: 'theta@example.com' });
    const res = await f.client.crm.associations.v4.basicApi.create('contacts', contact.id, 'companies', company.id, [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 1 }]);
    expect(res).toMatchObject({ fromObjectTypeId: '0-1', toObjectTypeId: '0-2', labels: ['Primary'] });
    expect(await typeIds('contacts', contact.id, 'companies')).toEqual([`${company.id}:1`, `${company.id}:279`]);
    expect(await typeIds('companies', company.id, 'contacts')).toEqual([`${contact.id}:2`, `${contact.id}:280`]);
    const wrong = await failure(f.client.crm.associations.v4.basicApi.create('contacts', contact.id, 'companies', company.id, [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 192 }]));
    expect(wrong.code).toBe(400);
  });

  it('when an association is deleted, then neither side lists it', async () => {
    const company = f.portal.createObject('companies', { name: 'Iota' });
    const deal = f.portal.createObject('deals', { dealname: 'Iota deal' });
    await f.client.crm.associations.v4.basicApi.createDefault('deals', deal.id, 'companies', company.id);
    expect(await typeIds('deals', deal.id, 'companies')).toEqual([`${company.id}:341`]);
    await f.client.crm.associations.v4.basicApi.archive('deals', deal.id, 'companies', company.id);
    expect(await typeIds('deals', deal.id, 'companies')).toEqual([]);
    expect(await typeIds('companies', company.id, 'deals')).toEqual([]);
  });

  it('when associations are made and read in batch, then batch read returns them per record', async () => {
    const company = f.portal.createObject('companies', { name: 'Kappa' });
    const tickets = [0, 1, 2].map((i) => f.portal.createObject('tickets', { subject: `T${i}` }));
    const batch = f.client.crm.associations.v4.batchApi;
    await batch.createDefault('tickets', 'companies', { inputs: tickets.slice(0, 2).map((t) => ({ _from: { id: t.id }, to: { id: company.id } })) });
    await batch.create('tickets', 'companies', { inputs: [{ _from: { id: tickets[2]!.id }, to: { id: company.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 339 }] }] });
    const read = await batch.getPage('companies', 'tickets', { inputs: [{ id: company.id }] });
    expect(read.results[0]?.to.map((t) => String(t.toObjectId)).sort()).toEqual(tickets.map((t) => t.id).sort());
    expect(read.results[0]?.to.every((t) => t.associationTypes.some((a) => a.typeId === 340))).toBe(true);
    await batch.archive('companies', 'tickets', { inputs: [{ _from: { id: company.id }, to: [{ id: tickets[0]!.id }] }] });
    expect(await typeIds('tickets', tickets[0]!.id, 'companies')).toEqual([]);
  });

  it('when a record is created with inline associations, then they exist; a missing target fails the create', async () => {
    const company = f.portal.createObject('companies', { name: 'Lambda' });
    const contact = f.portal.createObject('contacts', { email: 'lambda@example.com' });
    const note = await f.client.crm.objects.notes.basicApi.create({ properties: { hs_note_body: 'Afspraak', hs_timestamp: '2026-12-01T09:00:00Z' }, associations: [assoc(company.id, 190), assoc(contact.id, 202)] });
    expect(await typeIds('notes', note.id, 'companies')).toEqual([`${company.id}:190`]);
    expect(await typeIds('contacts', contact.id, 'notes')).toEqual([`${note.id}:201`]);
    const withAssoc = await f.client.crm.objects.notes.basicApi.getById(note.id, undefined, undefined, ['companies']);
    expect(withAssoc.associations?.companies?.results).toEqual([expect.objectContaining({ id: company.id, type: 'note_to_company' })]);
    const before = f.portal.listObjects('notes').length;
    const e = await failure(f.client.crm.objects.notes.basicApi.create({ properties: { hs_timestamp: '2026-12-01T09:00:00Z' }, associations: [assoc('987654321', 190)] }));
    expect(e.code).toBe(400);
    expect(f.portal.listObjects('notes').length).toBe(before);
  });
});
