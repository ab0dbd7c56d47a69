/** Plain demo data: no ids, no clock. Keys link records; the loader turns them into HubSpot ids. */

export type ContactRole = 'accounts_payable' | 'purchaser' | 'decision_maker' | 'consumer';

export interface DemoOwner { key: string; firstName: string; lastName: string; email: string; creditControl: boolean }

export interface DemoCompany {
  key: string;
  /** The number the accounting system knows this debtor by (CSV column Debiteurnummer). */
  debtorNumber: string;
  name: string;
  /** Empty for consumers and for some small firms without a website. */
  domain: string;
  address: string;
  zip: string;
  city: string;
  country: string;
  countryCode: string;
  /** e.g. NL123456789B01; empty for consumers and US firms. */
  vatNumber: string;
  /** 8-digit Dutch chamber-of-commerce (KvK) number; empty for consumers and foreign firms. */
  cocNumber: string;
  phone: string;
  /** A private person (B2C): different legal rules (14-day letter), no VAT/KvK. */
  isConsumer: boolean;
  currency: 'EUR' | 'USD' | 'GBP';
  directDebit: boolean;
  /** Payment term in days. */
  paymentTermDays: number;
  ownerKey: string;
}

export interface DemoContact {
  key: string;
  companyKey: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  role: ContactRole;
  jobTitle: string;
  /** ISO 639-1, as HubSpot's hs_language. */
  language: string;
}

export interface DemoDeal { key: string; companyKey: string; name: string; amount: number; stage: string; closeInDays: number; ownerKey: string }
export interface DemoTicket { key: string; companyKey: string; contactKey: string; subject: string; priority: 'LOW' | 'MEDIUM' | 'HIGH'; stage: string }
/** Meetings are upcoming relative to the load time: the loader turns the offset into a timestamp. */
export interface DemoMeeting { key: string; companyKey: string; contactKey: string; ownerKey: string; title: string; startsInDays: number; startHourUtc: number; durationMinutes: number }

export interface DemoData {
  seed: number;
  owners: DemoOwner[];
  companies: DemoCompany[];
  contacts: DemoContact[];
  deals: DemoDeal[];
  tickets: DemoTicket[];
  meetings: DemoMeeting[];
}
