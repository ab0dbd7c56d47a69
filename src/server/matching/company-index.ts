import type { CompanySummary } from '../hubspot/gateway';
import { normaliseCoc, normaliseCustomerNumber, normaliseDomain, normaliseName, normaliseVat } from './normalise';

/** A HubSpot company as the gateway lists it (its `CompanySummary`), as far as matching reads it. */
export type CompanyRecord = Pick<CompanySummary, 'id' | 'name' | 'domain' | 'vatNumber' | 'cocNumber' | 'customerNumber' | 'ownerId'>;

/** Lists a portal's companies page by page: the gateway's `listCompanies` itself. */
export type CompanySource = (portalId: string, onPage: (companies: readonly CompanyRecord[]) => Promise<void> | void) => Promise<unknown>;

export const MATCH_KEYS = ['vat', 'coc', 'customer_number', 'domain', 'name'] as const;
export type MatchKey = (typeof MATCH_KEYS)[number];

/** Normalised key → company ids (several when HubSpot holds duplicates). Plain JSON, so it can be cached. */
export interface CompanyIndex {
  /** Every company id, as an object's keys: O(1) lookups and plain JSON. */
  readonly ids: Readonly<Record<string, 1>>;
  /** The company owner, where HubSpot has one: reminder tasks follow it without asking HubSpot each time. */
  readonly owners?: Readonly<Record<string, string>>;
  /** The company name as HubSpot has it, for lists that show many companies (the app home's call list). */
  readonly names?: Readonly<Record<string, string>>;
  readonly keys: Readonly<Record<MatchKey, Readonly<Record<string, readonly string[]>>>>;
}

export function companyKeysOf(company: CompanyRecord): Record<MatchKey, string | undefined> {
  return {
    vat: normaliseVat(company.vatNumber),
    coc: normaliseCoc(company.cocNumber),
    customer_number: normaliseCustomerNumber(company.customerNumber),
    domain: normaliseDomain(company.domain),
    name: normaliseName(company.name),
  };
}

/** Builds the index incrementally, one page at a time, so a large portal never needs its full listing in memory. */
export function createCompanyIndexBuilder() {
  const ids: Record<string, 1> = {};
  const owners: Record<string, string> = {};
  const names: Record<string, string> = {};
  const keys = Object.fromEntries(MATCH_KEYS.map((k) => [k, {} as Record<string, string[]>])) as Record<MatchKey, Record<string, string[]>>;
  return {
    add(companies: readonly CompanyRecord[]): void {
      for (const company of companies) {
        ids[company.id] = 1;
        if (company.ownerId) owners[company.id] = company.ownerId;
        else delete owners[company.id];
        if (company.name) names[company.id] = company.name;
        else delete names[company.id];
        const own = companyKeysOf(company);
        for (const k of MATCH_KEYS) {
          const value = own[k];
          if (value === undefined) continue;
          const list = Object.hasOwn(keys[k], value) ? (keys[k][value] as string[]) : (keys[k][value] = []);
          if (!list.includes(company.id)) list.push(company.id);
        }
      }
    },
    build: (): CompanyIndex => ({ ids, owners, names, keys }),
  };
}

export function buildCompanyIndex(companies: readonly CompanyRecord[]): CompanyIndex {
  const builder = createCompanyIndexBuilder();
  builder.add(companies);
  return builder.build();
}

/** The companies under a normalised key; `Object.hasOwn` so a name like "constructor" finds nothing inherited. */
export function lookup(index: CompanyIndex, key: MatchKey, value: string): readonly string[] {
  const byValue = index.keys[key];
  return Object.hasOwn(byValue, value) ? (byValue[value] as readonly string[]) : [];
}

export const hasCompany = (index: CompanyIndex, id: string): boolean => Object.hasOwn(index.ids, id);

/** The owner HubSpot gave the company (as last seen by the index). */
export const ownerOf = (index: CompanyIndex, id: string): string | undefined =>
  index.owners && Object.hasOwn(index.owners, id) ? index.owners[id] : undefined;
