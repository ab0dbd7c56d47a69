import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, startFixture, type SandboxFixture } from './support';

let f: SandboxFixture;
beforeAll(async () => { f = await startFixture(); });
afterAll(async () => { await f.sandbox.close(); });

const text = (name: string, extra: Record<string, unknown> = {}) => ({ name, label: name, type: 'string' as never, fieldType: 'text' as never, groupName: 'receivables_desk', ...extra });

describe('Properties v3 through the real api-client', () => {
  it('when a group and properties are created, then they are listed and readable one by one', async () => {
    const group = await f.client.crm.properties.groupsApi.create('companies', { name: 'receivables_desk', label: 'Receivables Desk', displayOrder: 1 });
    expect(group).toMatchObject({ name: 'receivables_desk', archived: false });
    const groups = await f.client.crm.properties.groupsApi.getAll('companies');
    expect(groups.results.map((g) => g.name)).toEqual(expect.arrayContaining(['companyinformation', 'receivables_desk']));

    const created = await f.client.crm.properties.coreApi.create('companies', text('rd_vat_number', { hasUniqueValue: true, description: 'BTW-nummer' }));
    expect(created).toMatchObject({ name: 'rd_vat_number', hasUniqueValue: true, hubspotDefined: false, groupName: 'receivables_desk' });
    const batch = await f.client.crm.properties.batchApi.create('companies', { inputs: [
      { name: 'rd_risk', label: 'Risk', type: 'enumeration' as never, fieldType: 'select' as never, groupName: 'receivables_desk', options: [{ label: 'Low', value: 'low', hidden: false }, { label: 'High', value: 'high', hidden: false }] },
      { name: 'rd_open_amount', label: 'Open amount', type: 'number' as never, fieldType: 'number' as never, groupName: 'receivables_desk' },
    ] });
    expect(batch.results.map((p) => p.name).sort()).toEqual(['rd_open_amount', 'rd_risk']);
    // numberDisplayHint is in the spec (a string enum: currency, duration, …) but not in api-client 13.5's
    // models, whose serializer drops unknown fields: it can only travel as raw JSON.
    const hinted = await f.client.apiRequest({ method: 'POST', path: '/crm/v3/properties/companies', body: {
      name: 'rd_overdue_amount', label: 'Overdue amount', type: 'number', fieldType: 'number', groupName: 'receivables_desk', numberDisplayHint: 'currency',
    } });
    expect(hinted.status).toBe(201);
    const readBack = await f.client.apiRequest({ method: 'GET', path: '/crm/v3/properties/companies/rd_overdue_amount' });
    expect(await readBack.json()).toMatchObject({ name: 'rd_overdue_amount', type: 'number', numberDisplayHint: 'currency' });

    const one = await f.client.crm.properties.coreApi.getByName('companies', 'rd_risk');
    expect(one.options.map((o) => o.value)).toEqual(['low', 'high']);
    const all = await f.client.crm.properties.coreApi.getAll('companies');
    expect(all.results.map((p) => p.name)).toEqual(expect.arrayContaining(['name', 'domain', 'city', 'country', 'phone', 'hubspot_owner_id', 'rd_vat_number', 'rd_risk']));
    const read = await f.client.crm.properties.batchApi.read('companies', { archived: false, inputs: [{ name: 'rd_risk' }, { name: 'domain' }] });
    expect(read.results).toHaveLength(2);
  });

  it('when HubSpot default properties are read, then tasks, notes, calls, contacts and invoices have the app\'s fields', async () => {
    const has = async (type: string, wanted: string[]) => {
      const names = (await f.client.crm.properties.coreApi.getAll(type)).results.map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(wanted));
    };
    await has('tasks', ['hs_timestamp', 'hs_task_subject', 'hs_task_body', 'hs_task_status', 'hs_task_priority', 'hs_task_type', 'hubspot_owner_id']);
    await has('notes', ['hs_note_body', 'hs_timestamp']);
    await has('calls', ['hs_call_body', 'hs_call_title', 'hs_call_status', 'hs_call_direction', 'hs_call_disposition', 'hs_timestamp']);
    await has('contacts', ['firstname', 'lastname', 'email', 'phone', 'jobtitle', 'hs_language']);
    await has('invoices', ['hs_currency', 'hs_invoice_date', 'hs_due_date', 'hs_invoice_status', 'hs_number', 'hs_amount_billed', 'hs_balance_due']);
  });

  it('when a custom enumeration and number are written, then values are validated against the definition', async () => {
    const ok = await f.client.crm.companies.basicApi.create({ properties: { name: 'Zeta', rd_risk: 'high', rd_open_amount: '1500.00' }, associations: [] });
    expect(ok.properties).toMatchObject({ rd_risk: 'high', rd_open_amount: '1500' });
    const bad = await failure(f.client.crm.companies.basicApi.create({ properties: { rd_risk: 'medium' }, associations: [] }));
    expect(bad.body.errors).toEqual([expect.objectContaining({ code: 'INVALID_OPTION', context: { propertyName: ['rd_risk'] } })]);
  });

  it('when a property name is taken or invalid, then 409 or 400', async () => {
    const dup = await failure(f.client.crm.properties.coreApi.create('companies', text('rd_vat_number')));
    expect(dup.code).toBe(409);
    const builtIn = await failure(f.client.crm.properties.coreApi.create('companies', text('name')));
    expect(builtIn.code).toBe(409);
    const badName = await failure(f.client.crm.properties.coreApi.create('companies', text('Bad Name')));
    expect(badName.code).toBe(400);
    const badPair = await failure(f.client.crm.properties.coreApi.create('companies', { ...text('rd_x'), type: 'number' as never, fieldType: 'text' as never }));
    expect(badPair.code).toBe(400);
    const missing = await failure(f.client.crm.properties.coreApi.getByName('companies', 'does_not_exist'));
    expect(missing.code).toBe(404);
  });

  it('when an object already has 10 unique properties, then an 11th is refused', async () => {
    await f.client.crm.properties.groupsApi.create('deals', { name: 'receivables_desk', label: 'RD' });
    for (let i = 0; i < 10; i++) await f.client.crm.properties.coreApi.create('deals', text(`rd_key_${i}`, { hasUniqueValue: true }));
    const e = await failure(f.client.crm.properties.coreApi.create('deals', text('rd_key_10', { hasUniqueValue: true })));
    expect(e.code).toBe(400);
    expect(String(e.body.message)).toContain('10 unique value properties');
  });
});
