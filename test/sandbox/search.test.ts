import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Filter } from '@hubspot/api-client/lib/codegen/crm/companies';
import { failure, startFixture, type SandboxFixture } from './support';

let f: SandboxFixture;
const search = (body: { filterGroups?: { filters: Partial<Filter>[] }[]; sorts?: string[]; query?: string; properties?: string[]; limit?: number; after?: string }) =>
  f.client.crm.companies.searchApi.doSearch({ filterGroups: [], sorts: [], properties: ['name'], limit: 100, after: '0', ...body } as never);
const eq = (propertyName: string, operator: string, extra: Partial<Filter> = {}) => ({ filters: [{ propertyName, operator: operator as never, ...extra }] });
const names = async (body: Parameters<typeof search>[0]) => (await search(body)).results.map((r) => r.properties.name).sort();

beforeAll(async () => {
  f = await startFixture();
  const rows: [string, string, string, string][] = [
    ['Aalders Bouw', 'Amsterdam', '50', 'aalders.nl'], ['Brouwer Transport', 'Rotterdam', '120', 'brouwer-transport.nl'],
    ['Claes Logistics', 'Antwerpen', '8', ''], ['De Groot Installatie', 'Amsterdam', '300', 'degroot.nl'],
  ];
  for (const [name, city, employees, domain] of rows) f.portal.createObject('companies', { name, city, numberofemployees: employees, ...(domain ? { domain } : {}) });
});
afterAll(async () => { await f.sandbox.close(); });

describe('CRM search through the real api-client', () => {
  it('when filtering with each operator, then the matching companies come back', async () => {
    expect(await names({ filterGroups: [eq('city', 'EQ', { value: 'amsterdam' })] })).toEqual(['Aalders Bouw', 'De Groot Installatie']);
    expect(await names({ filterGroups: [eq('city', 'NEQ', { value: 'Amsterdam' })] })).toEqual(['Brouwer Transport', 'Claes Logistics']);
    expect(await names({ filterGroups: [eq('numberofemployees', 'LT', { value: '50' })] })).toEqual(['Claes Logistics']);
    expect(await names({ filterGroups: [eq('numberofemployees', 'LTE', { value: '50' })] })).toEqual(['Aalders Bouw', 'Claes Logistics']);
    // numeric, not string, comparison: '300' > '120' > '50' > '8'
    expect(await names({ filterGroups: [eq('numberofemployees', 'GT', { value: '100' })] })).toEqual(['Brouwer Transport', 'De Groot Installatie']);
    expect(await names({ filterGroups: [eq('numberofemployees', 'GTE', { value: '120' })] })).toEqual(['Brouwer Transport', 'De Groot Installatie']);
    expect(await names({ filterGroups: [eq('numberofemployees', 'BETWEEN', { value: '10', highValue: '200' })] })).toEqual(['Aalders Bouw', 'Brouwer Transport']);
    expect(await names({ filterGroups: [eq('city', 'IN', { values: ['gent', 'antwerpen'] })] })).toEqual(['Claes Logistics']);
    expect(await names({ filterGroups: [eq('city', 'NOT_IN', { values: ['Amsterdam', 'Antwerpen'] })] })).toEqual(['Brouwer Transport']);
    expect(await names({ filterGroups: [eq('domain', 'NOT_HAS_PROPERTY')] })).toEqual(['Claes Logistics']);
    expect((await names({ filterGroups: [eq('domain', 'HAS_PROPERTY')] }))).toHaveLength(3);
    expect(await names({ filterGroups: [eq('name', 'CONTAINS_TOKEN', { value: 'transport' })] })).toEqual(['Brouwer Transport']);
    expect(await names({ filterGroups: [eq('domain', 'CONTAINS_TOKEN', { value: '*.nl' })] })).toHaveLength(3);
    expect(await names({ filterGroups: [eq('name', 'NOT_CONTAINS_TOKEN', { value: 'bouw' })] })).toEqual(['Brouwer Transport', 'Claes Logistics', 'De Groot Installatie']);
  });

  it('when filter groups are combined, then groups OR and filters inside a group AND', async () => {
    const amsterdamSmall = { filters: [{ propertyName: 'city', operator: 'EQ' as never, value: 'Amsterdam' }, { propertyName: 'numberofemployees', operator: 'LT' as never, value: '100' }] };
    expect(await names({ filterGroups: [amsterdamSmall, eq('city', 'EQ', { value: 'Antwerpen' })] })).toEqual(['Aalders Bouw', 'Claes Logistics']);
  });

  it('when sorting and querying, then one sort orders the results and query matches searchable text', async () => {
    const desc = await search({ sorts: ['-numberofemployees'], properties: ['name'] });
    expect(desc.results.map((r) => r.properties.name)).toEqual(['De Groot Installatie', 'Brouwer Transport', 'Aalders Bouw', 'Claes Logistics']);
    const asc = await search({ sorts: [JSON.stringify({ propertyName: 'numberofemployees', direction: 'ASCENDING' })], properties: ['name'] });
    expect(asc.results.map((r) => r.properties.name)).toEqual(['Claes Logistics', 'Aalders Bouw', 'Brouwer Transport', 'De Groot Installatie']);
    expect(await names({ query: 'groot' })).toEqual(['De Groot Installatie']);
    const twoSorts = await failure(search({ sorts: ['name', 'city'] }));
    expect(twoSorts.code).toBe(400);
  });

  it('when HubSpot\'s filter limits are exceeded, then the search is rejected with 400', async () => {
    const group = eq('city', 'EQ', { value: 'x' });
    expect((await failure(search({ filterGroups: Array(6).fill(group) }))).code).toBe(400);
    const seven = { filters: Array(7).fill({ propertyName: 'city', operator: 'EQ', value: 'x' }) };
    expect((await failure(search({ filterGroups: [seven] }))).code).toBe(400);
    const sixEach = { filters: Array(6).fill({ propertyName: 'city', operator: 'EQ', value: 'x' }) };
    const tooMany = await failure(search({ filterGroups: [sixEach, sixEach, sixEach, group] }));
    expect(String(tooMany.body.message)).toContain('18');
    expect((await failure(search({ limit: 201 }))).code).toBe(400);
    expect((await failure(search({ filterGroups: [eq('nope', 'EQ', { value: 'x' })] }))).code).toBe(400);
  });

  it('when a search matches more than 200 records, then `after` pages through all of them without gaps', async () => {
    for (let i = 0; i < 450; i++) f.portal.createObject('tasks', { hs_task_subject: `Herinnering ${i}`, hs_timestamp: '2026-12-01T09:00:00Z', hs_task_status: i % 3 === 0 ? 'COMPLETED' : 'NOT_STARTED' });
    const seen: string[] = [];
    let after: string | undefined = '0';
    let pages = 0;
    let total = 0;
    do {
      const page = await f.client.crm.objects.tasks.searchApi.doSearch({
        filterGroups: [{ filters: [{ propertyName: 'hs_task_status', operator: 'EQ' as never, value: 'NOT_STARTED' }] }], sorts: [], properties: ['hs_task_subject'], limit: 200, after,
      });
      total = page.total;
      seen.push(...page.results.map((r) => r.id));
      after = page.paging?.next?.after;
      pages++;
    } while (after);
    expect(total).toBe(300);
    expect(pages).toBe(2);
    expect(new Set(seen).size).toBe(300);
  });

  it('when a query matches more than 10,000 records, then paging stops at 10,000 with a 400', async () => {
    for (let i = 0; i < 10_050; i++) f.portal.createObject('notes', { hs_note_body: `n${i}`, hs_timestamp: '2026-11-01T00:00:00Z' });
    const body = { filterGroups: [], sorts: [], properties: ['hs_note_body'], limit: 200 };
    const last = await f.client.crm.objects.notes.searchApi.doSearch({ ...body, after: '9900' });
    expect(last.total).toBe(10_050);
    expect(last.results).toHaveLength(100);
    expect(last.paging?.next?.after).toBe('10000');
    const past = await failure(f.client.crm.objects.notes.searchApi.doSearch({ ...body, after: '10000' }));
    expect(past.code).toBe(400);
    expect(past.body.category).toBe('VALIDATION_ERROR');
  });

  it('when searching tasks by associations.company, then only that company\'s tasks match', async () => {
    const company = f.portal.createObject('companies', { name: 'Epsilon' });
    const mine = f.portal.createObject('tasks', { hs_task_subject: 'Mine', hs_timestamp: '2026-12-01T09:00:00Z' });
    f.portal.associate('tasks', mine.id, 'companies', company.id);
    const page = await f.client.crm.objects.tasks.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: 'associations.company', operator: 'EQ' as never, value: company.id }] }], sorts: [], properties: ['hs_task_subject'], limit: 10, after: '0',
    });
    expect(page.results.map((r) => r.id)).toEqual([mine.id]);
  });
});
