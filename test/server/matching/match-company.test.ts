import { afterAll, describe, expect, it } from 'vitest';
import { buildCompanyIndex, type CompanyRecord } from '../../../src/server/matching/company-index';
import { matchCompany } from '../../../src/server/matching/match-company';
import { createCompanyIndexCache } from '../../../src/server/matching/company-index-cache';
import { companySourceFromGateway } from '../../../src/server/matching/gateway-company-source';
import { deletePrefix, testRedis, uniquePrefix } from '../../support/redis';

const company = (id: string, c: Omit<CompanyRecord, 'id'>): CompanyRecord => ({ id, ...c });
const companies = [
  company('101', { name: 'Bakkerij Jansen B.V.', domain: 'www.jansen.nl', vatNumber: 'NL111111111B01', cocNumber: '11111111', customerNumber: 'D-1' }),
  company('102', { name: 'Garage De Vries', domain: 'devries.nl', vatNumber: 'NL222222222B01', customerNumber: 'D-2' }),
  // Two companies with the same name (a duplicate in the CRM): the name alone must not decide.
  company('103', { name: 'Twin Trading B.V.', domain: 'twin-a.nl' }),
  company('104', { name: 'Twin Trading BV', domain: 'twin-b.nl' }),
];
const index = buildCompanyIndex(companies);

describe('matching a document to a HubSpot company', () => {
  it.each([
    [{ hubspotCompanyId: '102', vatNumber: 'NL111111111B01' }, { companyId: '102', matchedBy: 'hubspot_id' }],
    [{ vatNumber: 'nl 1111.11.111 b01', domain: 'devries.nl' }, { companyId: '101', matchedBy: 'vat' }],
    [{ cocNumber: '1111 1111', name: 'Garage De Vries' }, { companyId: '101', matchedBy: 'coc' }],
    [{ customerNumber: 'd-2', name: 'Bakkerij Jansen' }, { companyId: '102', matchedBy: 'customer_number' }],
    [{ domain: 'https://jansen.nl/', name: 'Garage De Vries' }, { companyId: '101', matchedBy: 'domain' }],
    [{ domain: 'boekhouding@devries.nl' }, { companyId: '102', matchedBy: 'domain' }],
    [{ name: 'bakkerij jansen' }, { companyId: '101', matchedBy: 'name' }],
    [{ hubspotCompanyId: '999', name: 'Garage de Vries B.V.' }, { companyId: '102', matchedBy: 'name' }],
    [{ name: 'Twin Trading', domain: 'twin-b.nl' }, { companyId: '104', matchedBy: 'domain' }],
  ])('when the keys are %j, then it matches %j', (keys, expected) => {
    expect(matchCompany(index, keys)).toEqual(expected);
  });

  it('when only an ambiguous name is known, then it stays unmatched with the reason', () => {
    expect(matchCompany(index, { name: 'Twin Trading' })).toEqual({ unmatched: true, reason: '2 companies share this name' });
  });

  it('when no key finds a company, then every key tried is named in the reason', () => {
    const result = matchCompany(index, { hubspotCompanyId: '999', vatNumber: 'NL999999999B01', name: 'Unknown' });
    expect(result).toEqual({ unmatched: true, reason: 'HubSpot company 999 does not exist; no company with this VAT number; no company with this name' });
  });

  it('when a name equals an inherited object property, then nothing is found', () => {
    expect(matchCompany(index, { name: 'Constructor' })).toMatchObject({ unmatched: true });
  });
});

describe('company index cache', () => {
  const redis = testRedis();
  const prefix = uniquePrefix('match');
  afterAll(async () => {
    await deletePrefix(redis, prefix);
    await redis.quit();
  });

  it('when the index is listed once, then it is kept current by upserts and removals without listing again', async () => {
    let listings = 0;
    let pages = [companies.slice(0, 2), companies.slice(2)];
    const source = async (_portal: string, onPage: (c: readonly CompanyRecord[]) => Promise<void> | void) => {
      listings++;
      for (const page of pages) await onPage(page);
    };
    const cache = createCompanyIndexCache({ redis, prefix, source });
    expect(matchCompany((await cache.get('7'))!, { name: 'Twin Trading', domain: 'twin-a.nl' })).toMatchObject({ companyId: '103' });
    await cache.get('7');
    expect(listings).toBe(1);

    await cache.upsert('7', [company('106', { name: 'Later B.V.', domain: 'later.nl' })]);
    expect(matchCompany((await cache.get('7'))!, { domain: 'www.later.nl' })).toEqual({ companyId: '106', matchedBy: 'domain' });
    await cache.upsert('7', [company('106', { name: 'Later B.V.', domain: 'anders.nl' })]);
    expect(matchCompany((await cache.get('7'))!, { domain: 'later.nl' })).toMatchObject({ unmatched: true });
    await cache.remove('7', ['106']);
    expect((await cache.get('7'))!.ids).not.toHaveProperty('106');
    expect(listings).toBe(1);

    pages = [[company('105', { name: 'Nieuw B.V.' })]];
    const rebuilt = await cache.rebuild('7');
    expect(matchCompany(rebuilt, { name: 'Nieuw' })).toEqual({ companyId: '105', matchedBy: 'name' });
    expect(Object.keys(rebuilt.ids)).toEqual(['105']);
    expect(listings).toBe(2);

    const withoutSource = createCompanyIndexCache({ redis, prefix });
    expect(await withoutSource.get('7')).toBeDefined();
    expect(await withoutSource.get('8')).toBeUndefined();
  });
});

describe('the gateway as the company source', () => {
  it('when the gateway lists companies, then its summaries are indexed as they are (no HubSpot property names in between)', async () => {
    const summaries = [{ id: '301', name: 'Acme B.V.', ownerId: '9', vatNumber: 'NL333333333B01', customerNumber: 'D-3' }];
    const source = companySourceFromGateway({ listCompanies: async (_portal, onPage) => { await onPage(summaries); return summaries.length; } });
    const pages: (readonly CompanyRecord[])[] = [];
    await source('7', (page) => { pages.push(page); });
    expect(pages).toEqual([summaries]);
    const index = buildCompanyIndex(pages.flat());
    expect(matchCompany(index, { vatNumber: 'NL333333333B01' })).toEqual({ companyId: '301', matchedBy: 'vat' });
    expect(matchCompany(index, { customerNumber: 'd-3' })).toEqual({ companyId: '301', matchedBy: 'customer_number' });
  });
});
