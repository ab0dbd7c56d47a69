/** Word lists for the demo portal. Fictional names; any likeness to real firms is accidental. */

export const DUTCH_CITIES = [
  { city: 'Amsterdam', zip: '1012', area: '020' }, { city: 'Rotterdam', zip: '3011', area: '010' },
  { city: 'Utrecht', zip: '3511', area: '030' }, { city: 'Eindhoven', zip: '5611', area: '040' },
  { city: 'Groningen', zip: '9711', area: '050' }, { city: 'Zwolle', zip: '8011', area: '038' },
  { city: 'Breda', zip: '4811', area: '076' }, { city: 'Arnhem', zip: '6811', area: '026' },
  { city: 'Den Haag', zip: '2511', area: '070' }, { city: 'Tilburg', zip: '5038', area: '013' },
  { city: 'Leeuwarden', zip: '8911', area: '058' }, { city: 'Maastricht', zip: '6211', area: '043' },
] as const;

export const DUTCH_SURNAMES = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer',
  'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer',
  'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'Kok', 'Jacobs', 'Vermeulen', 'van Beek',
] as const;

export const DUTCH_FIRST_NAMES = [
  'Anouk', 'Sanne', 'Lotte', 'Femke', 'Eva', 'Iris', 'Marieke', 'Joyce', 'Noor', 'Esther',
  'Daan', 'Sem', 'Bram', 'Joris', 'Thijs', 'Ruben', 'Pieter', 'Jeroen', 'Wouter', 'Mark',
] as const;

export const DUTCH_TRADES = [
  'Installatietechniek', 'Bouw', 'Transport', 'Metaalbewerking', 'Groothandel', 'Schilderwerken',
  'Logistiek', 'Hoveniers', 'Elektrotechniek', 'Drukkerij', 'Catering', 'Autobedrijf', 'Kozijnen',
  'Verpakkingen', 'Zonnepanelen', 'Accountants', 'Interieurbouw', 'Tegelhandel',
] as const;

export const DUTCH_LEGAL_FORMS = ['B.V.', 'B.V.', 'B.V.', 'V.O.F.', 'Holding B.V.', ''] as const;

export const INTERNATIONAL = [
  { country: 'Germany', code: 'DE', city: 'Düsseldorf', tld: 'de', phone: '+49 211', currency: 'EUR',
    firms: ['Rheinland Maschinenbau GmbH', 'Schäfer Logistik GmbH', 'Weber & Söhne KG', 'Nordlicht Handels GmbH'] },
  { country: 'Belgium', code: 'BE', city: 'Antwerpen', tld: 'be', phone: '+32 3', currency: 'EUR',
    firms: ['Scheldebouw NV', 'Vlaamse Verpakking BV', 'Peeters Trading NV'] },
  { country: 'United Kingdom', code: 'GB', city: 'Manchester', tld: 'co.uk', phone: '+44 161', currency: 'GBP',
    firms: ['Northern Fixtures Ltd', 'Pennine Freight Ltd', 'Harrow & Finch Ltd'] },
  { country: 'United States', code: 'US', city: 'Chicago', tld: 'com', phone: '+1 312', currency: 'USD',
    firms: ['Lakeshore Components Inc.', 'Midwest Packaging LLC'] },
  { country: 'France', code: 'FR', city: 'Lille', tld: 'fr', phone: '+33 3', currency: 'EUR',
    firms: ['Atelier Dumont SARL', 'Transports Lefèvre SAS'] },
] as const;

export const FOREIGN_FIRST_NAMES: Record<string, readonly string[]> = {
  DE: ['Lukas', 'Anna', 'Jonas', 'Katrin'], BE: ['Wout', 'Elke', 'Lies', 'Koen'],
  GB: ['Oliver', 'Emma', 'Harry', 'Sophie'], US: ['Michael', 'Jessica', 'Brian', 'Ashley'],
  FR: ['Julien', 'Camille', 'Nicolas', 'Claire'],
};
export const FOREIGN_SURNAMES: Record<string, readonly string[]> = {
  DE: ['Müller', 'Schmidt', 'Fischer'], BE: ['Peeters', 'Janssens', 'Maes'], GB: ['Smith', 'Taylor', 'Walker'],
  US: ['Johnson', 'Miller', 'Davis'], FR: ['Martin', 'Bernard', 'Dubois'],
};
export const LANGUAGE_BY_COUNTRY: Record<string, string> = { NL: 'nl', DE: 'de', BE: 'nl', GB: 'en', US: 'en', FR: 'fr' };

export const ROLE_TITLES = {
  accounts_payable: { nl: 'Crediteurenadministratie', en: 'Accounts payable' },
  purchaser: { nl: 'Inkoper', en: 'Purchasing manager' },
  decision_maker: { nl: 'Directeur', en: 'Managing director' },
} as const;

export const DEAL_STAGES = ['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'contractsent', 'closedwon', 'closedwon', 'closedlost'] as const;
export const DEAL_TOPICS = ['Onderhoudscontract', 'Jaarorder', 'Uitbreiding', 'Servicepakket', 'Raamovereenkomst'] as const;
export const TICKET_SUBJECTS = [
  'Vraag over factuur', 'Factuur niet ontvangen', 'Creditnota gevraagd', 'Betalingsregeling aangevraagd',
  'Adreswijziging facturatie', 'Dubbele factuur', 'Levering onvolledig',
] as const;
export const MEETING_TITLES = ['Betalingsafspraak bespreken', 'Kwartaaloverleg', 'Openstaande posten doornemen', 'Contractverlenging'] as const;

/** Companies that are deliberately NOT in the portal: their invoices must end up unmatched. */
export const UNKNOWN_DEBTORS = [
  { name: 'Zeeuwse Mosselhandel B.V.', domain: 'zeeuwsemossel.nl', vat: 'NL861234567B01', coc: '22334455' },
  { name: 'Alpen Holzbau GmbH', domain: 'alpen-holzbau.de', vat: 'DE298765432', coc: '' },
  { name: 'Fietsenmakerij Oost', domain: '', vat: '', coc: '61728394' },
] as const;
