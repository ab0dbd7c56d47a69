import { normaliseCoc, normaliseCustomerNumber, normaliseDomain, normaliseName, normaliseVat } from './normalise';

/** A HubSpot company as the gateway lists it. */
export interface CompanyRecord {
  readonly id: string;
  readonly properties: Readonly<Record<string, string | null | undefined>>;
}

/** Lists a portal's companies page by page (the gateway's `listCompanies`). */
export type CompanySource = (portalId: string, onPage: (companies: CompanyRecord[]) => Promise<void>) => Promise<void>;

/** The properties matching reads; ask the gateway for these. */
export const MATCHING_PROPERTIES = ['name', 'domain', 'rd_vat_number', 'rd_coc_number', 'rd_customer_number'] as const;

export const MATCH_KEYS = ['vat', 'coc', 'customer_number', 'domain', 'name'] as const;
export type MatchKey = (typeof MATCH_KEYS)[number];

/** Normalised key → company ids (several when HubSpot holds duplicates). Plain JSON, so it can be cached. */
export interface CompanyIndex {
  /** Every company id, as an object's keys: O(1) lookups and plain JSON. */
  readonly ids: Readonly<Record<string, 1>>;
  readonly keys: Readonly<Record<MatchKey, Readonly<Record<string, readonly string[]>>>>;
}

export function companyKeysOf(company: CompanyRecord): Record<MatchKey, string | undefined> {
  const p = company.properties;
  return {
    vat: normaliseVat(p.rd_vat_number),
    coc: normaliseCoc(p.rd_coc_number),
    customer_number: normaliseCustomerNumber(p.rd_customer_number),
    domain: normaliseDomain(p.domain),
    name: normaliseName(p.name),
  };
}

/** Builds the index incrementally, one page at a time, so a large portal never needs its full listing in memory. */
export function createCompanyIndexBuilder() {
  const ids: Record<string, 1> = {};
  const keys = Object.fromEntries(MATCH_KEYS.map((k) => [k, {} as Record<string, string[]>])) as Record<MatchKey, Record<string, string[]>>;
  return {
    add(companies: readonly CompanyRecord[]): void {
      for (const company of companies) {
        ids[company.id] = 1;
        const own = companyKeysOf(company);
        for (const k of MATCH_KEYS) {
          const value = own[k];
          if (value === undefined) continue;
          const list = Object.hasOwn(keys[k], value) ? (keys[k][value] as string[]) : (keys[k][value] = []);
          if (!list.includes(company.id)) list.push(company.id);
        }
      }
    },
    build: (): CompanyIndex => ({ ids, keys }),
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
