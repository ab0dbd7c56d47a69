import type { CustomerKeys } from '../../../contracts/ingest';
import { at, childrenNamed, textAt, type XmlElement } from '../xml/xml-records';

/**
 * The buyer's identifiers (BG-7) as matching keys. Electronic address schemes (ISO 6523 ICD / Peppol EAS):
 * 0106 Dutch KvK and 0208 Belgian enterprise number are registry numbers (the company's `rd_coc_number`),
 * 9944 is the Dutch VAT number; a Dutch OIN (0190) that starts with `00000003` carries the KvK number in the
 * next eight digits (Logius' OIN structure); `EM` is an e-mail address, whose domain is a key. GLN (0088) and
 * other schemes identify a delivery point, not a company HubSpot knows, so they decide nothing.
 */
export function buyerKeys(party: XmlElement | undefined): CustomerKeys {
  const keys: { -readonly [K in keyof CustomerKeys]: CustomerKeys[K] } = {};
  const endpoint = at(party, 'EndpointID');
  if (endpoint?.text) placeScheme(keys, endpoint.attrs.schemeID, endpoint.text);
  for (const legal of childrenNamed(party, 'PartyLegalEntity')) {
    const id = at(legal, 'CompanyID');
    if (id?.text) placeScheme(keys, id.attrs.schemeID ?? '0106?', id.text);
  }
  for (const tax of childrenNamed(party, 'PartyTaxScheme')) {
    const id = textAt(tax, 'CompanyID');
    // The VAT scheme only: another tax scheme's id (e.g. a Norwegian "TAX" registration) is not a VAT number.
    if (id && (textAt(tax, 'TaxScheme', 'ID') ?? 'VAT').toUpperCase() === 'VAT') keys.vatNumber ??= id;
  }
  // BT-46, the buyer identifier: in a seller's own invoices, the seller's customer number.
  const customerNumber = textAt(party, 'PartyIdentification', 'ID');
  if (customerNumber) keys.customerNumber = customerNumber;
  const name = textAt(party, 'PartyLegalEntity', 'RegistrationName') ?? textAt(party, 'PartyName', 'Name');
  if (name) keys.name = name;
  const email = textAt(party, 'Contact', 'ElectronicMail');
  if (email && !keys.domain) keys.domain = email;
  return trimToContract(keys);
}

function placeScheme(keys: { -readonly [K in keyof CustomerKeys]: CustomerKeys[K] }, scheme: string | undefined, value: string): void {
  switch (scheme) {
    case '0106': case '0208': keys.cocNumber ??= value; break;
    // A PartyLegalEntity/CompanyID without a scheme: a Dutch KvK number when it looks like one (8 digits).
    case '0106?': if (/^\d{8}$/.test(value.replace(/[\s.]/g, ''))) keys.cocNumber ??= value; break;
    case '9944': keys.vatNumber ??= value; break;
    case '0190': if (/^00000003\d{8}0000$/.test(value)) keys.cocNumber ??= value.slice(8, 16); break;
    case 'EM': keys.domain ??= value; break;
    default: break;
  }
}

/** The contract caps each key's length; an over-long key is dropped rather than refusing the whole invoice. */
function trimToContract(keys: CustomerKeys): CustomerKeys {
  const max: Record<keyof CustomerKeys, number> = { hubspotCompanyId: 20, domain: 253, vatNumber: 32, cocNumber: 32, name: 200, customerNumber: 64 };
  return Object.fromEntries(Object.entries(keys).filter(([k, v]) => typeof v === 'string' && v.length <= max[k as keyof CustomerKeys])) as CustomerKeys;
}
