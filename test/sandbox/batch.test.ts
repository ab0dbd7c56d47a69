import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assoc, failure, startFixture, type SandboxFixture } from './support';

let f: SandboxFixture;
beforeAll(async () => {
  f = await startFixture();
  await f.client.crm.properties.coreApi.create('invoices', { name: 'rd_invoice_key', label: 'Receivables Desk key', type: 'string' as never, fieldType: 'text' as never, groupName: 'invoiceinformation', hasUniqueValue: true });
});
afterAll(async () => { await f.sandbox.close(); });

const invoiceInput = (key: string, amount: string) => ({ id: key, idProperty: 'rd_invoice_key', properties: { hs_currency: 'EUR', hs_balance_due: amount } });

describe('CRM batch endpoints through the real api-client', () => {
  it('when companies are batch created, read, updated and archived, then each step answers like HubSpot', async () => {
    const created = await f.client.crm.companies.batchApi.create({ inputs: [
      { properties: { name: 'Alfa BV', city: 'Utrecht' }, associations: [] },
      { properties: { name: 'Beta NV', city: 'Gent' }, associations: [] },
    ] });
    expect(created.status).toBe('COMPLETE');
    const ids = created.results.map((r) => r.id);
    expect(ids).toHaveLength(2);

    const read = await f.client.crm.companies.batchApi.read({ inputs: ids.map((id) => ({ id })), properties: ['city'], propertiesWithHistory: [] });
    expect(read.results.map((r) => r.properties.city).sort()).toEqual(['Gent', 'Utrecht']);

    const updated = await f.client.crm.companies.batchApi.update({ inputs: [{ id: ids[0]!, properties: { city: 'Amersfoort' } }] });
    expect(updated.results[0]?.properties.city).toBe('Amersfoort');

    await f.client.crm.companies.batchApi.archive({ inputs: [{ id: ids[1]! }] });
    expect(f.portal.getObject('companies', ids[1]!)?.archived).toBe(true);
  });

  it('when a batch read names a missing id, then the answer is 207 with an OBJECT_NOT_FOUND error listing it', async () => {
    const c = f.portal.createObject('companies', { name: 'Gamma' });
    const res = await fetch(`${f.sandbox.url}/crm/v3/objects/companies/batch/read`, {
      method: 'POST', headers: { authorization: `Bearer ${f.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ inputs: [{ id: c.id }, { id: '999999999' }], properties: ['name'], propertiesWithHistory: [] }),
    });
    expect(res.status).toBe(207);
    const body = await res.json() as { results: unknown[]; numErrors: number; errors: { category: string; context: { ids: string[] } }[] };
    expect(body.results).toHaveLength(1);
    expect(body.numErrors).toBe(1);
    expect(body.errors[0]).toMatchObject({ category: 'OBJECT_NOT_FOUND', context: { ids: ['999999999'] } });
  });

  it('when a batch has 101 inputs, then HubSpot\'s 400 comes back and nothing is written', async () => {
    const before = f.portal.listObjects('tasks').length;
    const inputs = Array.from({ length: 101 }, (_, i) => ({ properties: { hs_timestamp: '2026-11-23T10:00:00Z', hs_task_subject: `t${i}` }, associations: [] }));
    const e = await failure(f.client.crm.objects.tasks.batchApi.create({ inputs }));
    expect(e.code).toBe(400);
    expect(e.body.category).toBe('VALIDATION_ERROR');
    expect(String(e.body.message)).toContain('limit is 100');
    expect(f.portal.listObjects('tasks').length).toBe(before);
  });

  it('when the same upsert runs twice, then the same ids come back and no duplicates exist', async () => {
    const inputs = [invoiceInput('ext-1', '100'), invoiceInput('ext-2', '200'), invoiceInput('ext-3', '300')];
    const first = await f.client.crm.commerce.invoices.batchApi.upsert({ inputs });
    expect(first.results.every((r) => r.properties.rd_invoice_key !== undefined)).toBe(true);
    expect(first.results.map((r) => r._new)).toEqual([true, true, true]);
    const second = await f.client.crm.commerce.invoices.batchApi.upsert({ inputs: [invoiceInput('ext-1', '100'), invoiceInput('ext-2', '150'), invoiceInput('ext-3', '300')] });
    expect(second.results.map((r) => r._new)).toEqual([false, false, false]);
    expect(second.results.map((r) => r.id).sort()).toEqual(first.results.map((r) => r.id).sort());
    const keys = f.portal.listObjects('invoices').map((r) => r.properties.rd_invoice_key).filter((k) => k?.startsWith('ext-'));
    expect(keys.sort()).toEqual(['ext-1', 'ext-2', 'ext-3']);
    const ext2 = second.results.find((r) => r.properties.rd_invoice_key === 'ext-2' || r.id === first.results[1]!.id);
    expect(f.portal.getObject('invoices', ext2!.id)?.properties.hs_balance_due).toBe('150');
  });

  it('when an upsert repeats an id in one batch or uses a non-unique idProperty, then 400', async () => {
    const dup = await failure(f.client.crm.commerce.invoices.batchApi.upsert({ inputs: [invoiceInput('ext-9', '1'), invoiceInput('ext-9', '2')] }));
    expect(dup.code).toBe(400);
    expect(String(dup.body.message)).toContain('Duplicate IDs');
    const nonUnique = await failure(f.client.crm.commerce.invoices.batchApi.upsert({ inputs: [{ id: 'INV-1', idProperty: 'hs_number', properties: {} }] }));
    expect(nonUnique.code).toBe(400);
    expect(String(nonUnique.body.message)).toContain('non-unique');
  });

  it('when a unique value is reused by create, update or within one batch, then the write is rejected with 409', async () => {
    const existing = f.portal.createObject('invoices', { hs_currency: 'EUR', rd_invoice_key: 'uniq-1' });
    const create = await failure(f.client.crm.commerce.invoices.basicApi.create({ properties: { hs_currency: 'EUR', rd_invoice_key: 'uniq-1' }, associations: [] }));
    expect(create.code).toBe(409);
    expect(create.body).toMatchObject({ category: 'CONFLICT' });
    expect(String(create.body.message)).toContain(`Existing ID: ${existing.id}`);
    const other = f.portal.createObject('invoices', { hs_currency: 'EUR', rd_invoice_key: 'uniq-2' });
    const update = await failure(f.client.crm.commerce.invoices.basicApi.update(other.id, { properties: { rd_invoice_key: 'uniq-1' } }));
    expect(update.code).toBe(409);
    const inBatch = await failure(f.client.crm.commerce.invoices.batchApi.create({ inputs: [
      { properties: { hs_currency: 'EUR', rd_invoice_key: 'uniq-3' }, associations: [] },
      { properties: { hs_currency: 'EUR', rd_invoice_key: 'uniq-3' }, associations: [] },
    ] }));
    expect(inBatch.code).toBe(409);
    expect(f.portal.listObjects('invoices').filter((r) => r.properties.rd_invoice_key === 'uniq-3')).toHaveLength(0);
  });

  it('when every input carries an objectWriteTraceId, then bad inputs come back as 207 errors and good ones are written', async () => {
    const res = await fetch(`${f.sandbox.url}/crm/v3/objects/companies/batch/create`, {
      method: 'POST', headers: { authorization: `Bearer ${f.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ inputs: [
        { objectWriteTraceId: 'a', properties: { name: 'Goed BV' }, associations: [] },
        { objectWriteTraceId: 'b', properties: { name: 'Fout BV', bestaat_niet: 'x' }, associations: [] },
      ] }),
    });
    expect(res.status).toBe(207);
    const body = await res.json() as { results: { objectWriteTraceId: string }[]; errors: { context: { objectWriteTraceId: string[] } }[] };
    expect(body.results.map((r) => r.objectWriteTraceId)).toEqual(['a']);
    expect(body.errors[0]?.context.objectWriteTraceId).toEqual(['b']);
  });

  it('when tasks are batch created with inline associations, then the company sees them with type 191', async () => {
    const company = f.portal.createObject('companies', { name: 'Delta' });
    const created = await f.client.crm.objects.tasks.batchApi.create({ inputs: [1, 2].map((i) => ({
      properties: { hs_task_subject: `Bel ${i}`, hs_timestamp: '2026-12-01T09:00:00Z', hs_task_type: 'CALL', hs_task_priority: 'HIGH', hs_task_status: 'NOT_STARTED' },
      associations: [assoc(company.id, 192)],
    })) });
    const page = await f.client.crm.associations.v4.basicApi.getPage('companies', company.id, 'tasks');
    expect(page.results.map((r) => String(r.toObjectId)).sort()).toEqual(created.results.map((r) => r.id).sort());
    expect(page.results.every((r) => r.associationTypes.some((t) => t.typeId === 191))).toBe(true);
  });
});
