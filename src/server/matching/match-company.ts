import type { CustomerKeys } from '../../contracts/ingest';
import { hasCompany, lookup, type CompanyIndex, type MatchKey } from './company-index';
import { normaliseCoc, normaliseCustomerNumber, normaliseDomain, normaliseName, normaliseVat } from './normalise';

export type MatchedBy = 'hubspot_id' | MatchKey;
export type MatchResult = { readonly companyId: string; readonly matchedBy: MatchedBy } | { readonly unmatched: true; readonly reason: string };

/** Strongest evidence first: an explicit id, then registry numbers, then our own number, then web domain, then name. */
const PRECEDENCE: ReadonlyArray<{ key: MatchKey; from: (c: CustomerKeys) => string | undefined; label: string }> = [
  { key: 'vat', from: (c) => normaliseVat(c.vatNumber), label: 'VAT number' },
  { key: 'coc', from: (c) => normaliseCoc(c.cocNumber), label: 'chamber of commerce number' },
  { key: 'customer_number', from: (c) => normaliseCustomerNumber(c.customerNumber), label: 'customer number' },
  { key: 'domain', from: (c) => normaliseDomain(c.domain), label: 'domain' },
  { key: 'name', from: (c) => normaliseName(c.name), label: 'name' },
];

/**
 * Finds the HubSpot company for a document's customer keys. A key shared by several companies
 * (duplicates in the CRM) decides nothing: the next key is tried, and if none decides, the document stays
 * unmatched with a reason a person can act on. Never guesses.
 */
export function matchCompany(index: CompanyIndex, customer: CustomerKeys): MatchResult {
  const notes: string[] = [];
  if (customer.hubspotCompanyId) {
    if (hasCompany(index, customer.hubspotCompanyId)) return { companyId: customer.hubspotCompanyId, matchedBy: 'hubspot_id' };
    notes.push(`HubSpot company ${customer.hubspotCompanyId} does not exist`);
  }
  for (const { key, from, label } of PRECEDENCE) {
    const value = from(customer);
    if (value === undefined) continue;
    const found = lookup(index, key, value);
    if (found.length === 1) return { companyId: found[0] as string, matchedBy: key };
    notes.push(found.length === 0 ? `no company with this ${label}` : `${found.length} companies share this ${label}`);
  }
  return { unmatched: true, reason: notes.length ? notes.join('; ') : 'no usable customer keys (all empty or malformed)' };
}
