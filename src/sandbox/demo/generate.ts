import { createRng, type Rng } from './prng';
import type { ContactRole, DemoCompany, DemoContact, DemoData, DemoDeal, DemoMeeting, DemoOwner, DemoTicket } from './types';
import {
  DEAL_STAGES, DEAL_TOPICS, DUTCH_CITIES, DUTCH_FIRST_NAMES, DUTCH_LEGAL_FORMS, DUTCH_SURNAMES, DUTCH_TRADES,
  FOREIGN_FIRST_NAMES, FOREIGN_SURNAMES, INTERNATIONAL, LANGUAGE_BY_COUNTRY, MEETING_TITLES, ROLE_TITLES, TICKET_SUBJECTS,
} from './word-lists';

export interface DemoOptions { companies?: number }

const OWNER_NAMES = [['Marloes', 'Verbeek'], ['Jasper', 'Kuipers'], ['Linda', 'Hoekstra'], ['Tom', 'Willems'], ['Fatima', 'El Amrani']] as const;

/** Deterministic demo portal content: the same seed always gives the same data. */
export function generateDemoData(seed: number, opts: DemoOptions = {}): DemoData {
  const total = opts.companies ?? 40;
  if (!Number.isInteger(total) || total < 5 || total > 1000) throw new Error(`companies must be an integer 5..1000, got ${total}`);
  const rng = createRng(seed);
  const owners = makeOwners(rng);
  const companies = makeCompanies(rng, total, owners);
  const emails = new Set<string>();
  const contacts = companies.flatMap((c) => makeContacts(rng, c)).map((p) => ({ ...p, email: unique(emails, p.email) }));
  return {
    seed, owners, companies, contacts,
    deals: makeDeals(rng, companies),
    tickets: makeTickets(rng, companies, contacts),
    meetings: makeMeetings(rng, companies, contacts),
  };
}

function makeOwners(rng: Rng): DemoOwner[] {
  const count = rng.int(3, 5);
  return OWNER_NAMES.slice(0, count).map(([firstName, lastName], i) => ({
    key: `owner-${i + 1}`, firstName, lastName,
    email: `${firstName.toLowerCase()}.${lastName.toLowerCase().replace(/\s+/g, '')}@receivables-demo.example`,
    // The first two always do credit control so the team is never empty.
    creditControl: i < 2 || rng.chance(0.3),
  }));
}

function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/&/g, 'en').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function makeCompanies(rng: Rng, total: number, owners: DemoOwner[]): DemoCompany[] {
  const consumers = Math.max(2, Math.round(total / 10));
  const international = Math.max(2, Math.round(total / 5));
  const dutch = total - consumers - international;
  const used = new Set<string>();
  const domains = new Set<string>();
  const out: DemoCompany[] = [];
  const add = (c: Omit<DemoCompany, 'key' | 'debtorNumber' | 'ownerKey'>): void => {
    out.push({ ...c, domain: unique(domains, c.domain), key: `company-${out.length + 1}`, debtorNumber: String(10001 + out.length), ownerKey: rng.pick(owners).key });
  };
  for (let i = 0; i < dutch; i++) {
    const place = rng.pick(DUTCH_CITIES);
    let name = '';
    for (let tries = 0; tries < 50 && (name === '' || used.has(name)); tries++) {
      const form = rng.pick(DUTCH_LEGAL_FORMS);
      name = `${capital(rng.pick(DUTCH_SURNAMES))} ${rng.pick(DUTCH_TRADES)}${form ? ` ${form}` : ''}`;
    }
    if (used.has(name)) name = `${name} ${place.city}`;
    // One debtor name with a semicolon on purpose: the CSV export must quote it.
    if (i === 3) name = `${capital(rng.pick(DUTCH_SURNAMES))}; Bouw & Onderhoud V.O.F.`;
    used.add(name);
    const base = slug(name.replace(/\b(Holding )?B\.V\.|V\.O\.F\./g, ''));
    add({
      name, domain: rng.chance(0.9) ? `${base}.nl` : '', address: `${rng.pick(['Industrieweg', 'Havenstraat', 'Kerkstraat', 'Stationsplein', 'Energieweg'])} ${rng.int(1, 180)}`,
      zip: `${place.zip} ${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))}`,
      city: place.city, country: 'Netherlands', countryCode: 'NL',
      vatNumber: `NL${rng.int(1, 9)}${rng.digits(8)}B${rng.pick(['01', '01', '02'])}`, cocNumber: `${rng.int(1, 9)}${rng.digits(7)}`,
      phone: `+31 ${place.area.slice(1)} ${rng.digits(3)} ${rng.digits(4)}`,
      isConsumer: false, currency: 'EUR', directDebit: rng.chance(0.2), paymentTermDays: rng.pick([14, 30, 30, 30, 60]),
    });
  }
  // Round-robin over countries so even a small portal has EUR, GBP and USD debtors.
  const firms = [0, 1, 2, 3].flatMap((n) => INTERNATIONAL.flatMap((country) => {
    const firm = country.firms[n];
    return firm ? [{ country, firm }] : [];
  }));
  for (let i = 0; i < international; i++) {
    const { country, firm } = firms[i % firms.length] as (typeof firms)[number];
    const name = i < firms.length ? firm : `${firm} (${i})`;
    const vat = country.code === 'US' ? '' : country.code === 'BE' ? `BE0${rng.digits(9)}` : country.code === 'FR' ? `FR${rng.digits(11)}` : `${country.code}${rng.digits(9)}`;
    add({
      name, domain: `${slug(name.replace(/\b(GmbH|KG|NV|BV|Ltd|Inc\.|LLC|SARL|SAS)\b/g, ''))}.${country.tld}`,
      address: `${rng.int(1, 99)} ${rng.pick(['Main Street', 'Hauptstraße', 'Rue de la Gare', 'Kaai'])}`, zip: rng.digits(5),
      city: country.city, country: country.country, countryCode: country.code, vatNumber: vat, cocNumber: '',
      phone: `${country.phone} ${rng.digits(3)} ${rng.digits(4)}`,
      isConsumer: false, currency: country.currency, directDebit: false, paymentTermDays: 30,
    });
  }
  for (let i = 0; i < consumers; i++) {
    const place = rng.pick(DUTCH_CITIES);
    add({
      name: `${rng.pick(DUTCH_FIRST_NAMES)} ${rng.pick(DUTCH_SURNAMES)}`, domain: '', address: `${rng.pick(['Dorpsstraat', 'Lindenlaan', 'Molenweg'])} ${rng.int(1, 120)}`,
      zip: `${place.zip} ${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))}`,
      city: place.city, country: 'Netherlands', countryCode: 'NL', vatNumber: '', cocNumber: '',
      phone: `+31 6 ${rng.digits(8)}`, isConsumer: true, currency: 'EUR', directDebit: rng.chance(0.5), paymentTermDays: 14,
    });
  }
  return out;
}

/** Appends -2, -3… to the local part / first label until the value is unused (emails and domains must not collide). */
function unique(used: Set<string>, value: string): string {
  if (value === '') return value;
  let candidate = value;
  for (let n = 2; used.has(candidate); n++) candidate = value.replace(/^([^@.]+)/, `$1-${n}`);
  used.add(candidate);
  return candidate;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function makeContacts(rng: Rng, company: DemoCompany): DemoContact[] {
  const language = LANGUAGE_BY_COUNTRY[company.countryCode] ?? 'en';
  if (company.isConsumer) {
    const [firstName = '', ...rest] = company.name.split(' ');
    return [{
      key: `${company.key}-person`, companyKey: company.key, firstName, lastName: rest.join(' '),
      email: `${slug(company.name).replace(/-/g, '.')}@mail-demo.example`, phone: company.phone,
      role: 'consumer', jobTitle: '', language,
    }];
  }
  const roles: Exclude<ContactRole, 'consumer'>[] = ['accounts_payable', 'decision_maker'];
  if (rng.chance(0.6)) roles.push('purchaser');
  const firstNames = FOREIGN_FIRST_NAMES[company.countryCode] ?? DUTCH_FIRST_NAMES;
  const lastNames = FOREIGN_SURNAMES[company.countryCode] ?? DUTCH_SURNAMES;
  const mailDomain = company.domain || `${slug(company.name)}.example`;
  return roles.map((role) => {
    const firstName = rng.pick(firstNames);
    // Dutch particles stay lower-case after a first name ("Sanne van Dijk").
    const lastName = rng.pick(lastNames);
    const local = role === 'accounts_payable' && rng.chance(0.4) ? (language === 'nl' ? 'crediteuren' : 'accounts.payable')
      : `${slug(firstName)}.${slug(lastName).replace(/-/g, '')}`;
    return {
      key: `${company.key}-${role}`, companyKey: company.key, firstName, lastName, email: `${local}@${mailDomain}`,
      phone: `${company.phone.slice(0, -4)}${rng.digits(4)}`, role,
      jobTitle: ROLE_TITLES[role][language === 'nl' ? 'nl' : 'en'], language,
    };
  });
}

function makeDeals(rng: Rng, companies: DemoCompany[]): DemoDeal[] {
  return companies.filter((c) => !c.isConsumer).flatMap((c) => Array.from({ length: rng.int(0, 2) }, (_, i) => ({
    key: `${c.key}-deal-${i + 1}`, companyKey: c.key, name: `${rng.pick(DEAL_TOPICS)} ${c.name}`,
    amount: rng.int(20, 600) * 100, stage: rng.pick(DEAL_STAGES), closeInDays: rng.int(-120, 90), ownerKey: c.ownerKey,
  })));
}

function contactFor(rng: Rng, contacts: DemoContact[], company: DemoCompany): DemoContact {
  return rng.pick(contacts.filter((p) => p.companyKey === company.key));
}

function makeTickets(rng: Rng, companies: DemoCompany[], contacts: DemoContact[]): DemoTicket[] {
  return Array.from({ length: Math.max(3, Math.round(companies.length / 4)) }, (_, i) => {
    const company = rng.pick(companies);
    return {
      key: `ticket-${i + 1}`, companyKey: company.key, contactKey: contactFor(rng, contacts, company).key,
      subject: rng.pick(TICKET_SUBJECTS), priority: rng.pick(['LOW', 'MEDIUM', 'HIGH'] as const), stage: rng.pick(['1', '2', '3']),
    };
  });
}

function makeMeetings(rng: Rng, companies: DemoCompany[], contacts: DemoContact[]): DemoMeeting[] {
  return Array.from({ length: Math.max(3, Math.round(companies.length / 3)) }, (_, i) => {
    const company = rng.pick(companies.filter((c) => !c.isConsumer));
    return {
      key: `meeting-${i + 1}`, companyKey: company.key, contactKey: contactFor(rng, contacts, company).key, ownerKey: company.ownerKey,
      title: rng.pick(MEETING_TITLES), startsInDays: rng.int(1, 21), startHourUtc: rng.int(7, 15), durationMinutes: rng.pick([30, 45, 60]),
    };
  });
}
