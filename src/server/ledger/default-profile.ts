import type { CompanyId, ContactProfile, CustomerLedger } from '../../domain/ledger';

/**
 * The profile of a company nobody has described yet. Phone first, then e-mail, as the practice advises;
 * nothing counts as reachable until an address is known; Dutch, because the product's home market is
 * the Netherlands and the ledger does not know the company's country (the profile card can change it).
 */
export function defaultProfile(companyId: CompanyId): ContactProfile {
  return {
    companyId,
    channels: ['phone', 'email'],
    reachability: { email: false, phone: false, whatsapp: false, post: false },
    callWindows: [],
    language: 'nl',
    customerType: 'business',
    relationshipTier: 'regular',
    pauses: [],
  };
}

/** The ledger of a company nothing is known about yet: no records, the default profile. */
export function emptyLedger(companyId: CompanyId): CustomerLedger {
  return {
    companyId, invoices: [], payments: [], mandates: [], failedCollections: [], disputes: [], promises: [],
    arrangements: [], profile: defaultProfile(companyId), history: [],
  };
}
