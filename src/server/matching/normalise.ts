/**
 * Normalising customer keys so that what an accounting export says and what HubSpot holds compare equal.
 * Each returns undefined when nothing usable is left (an empty or malformed key never matches anything).
 */

/** `https://www.Example.nl/contact`, `info@example.nl`, `WWW.EXAMPLE.NL.` → `example.nl`. */
export function normaliseDomain(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  let s = raw.trim().toLowerCase();
  const at = s.lastIndexOf('@');
  if (at >= 0) s = s.slice(at + 1);
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '').replace(/:\d+$/, '').replace(/\.$/, '');
  s = s.replace(/^www\d?\./, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(s) ? s : undefined;
}

/** `nl 1234.56.789.B01` → `NL123456789B01`. */
export function normaliseVat(raw: string | null | undefined): string | undefined {
  const s = raw?.toUpperCase().replace(/[\s.-]/g, '');
  return s && /^[A-Z0-9]{4,20}$/.test(s) ? s : undefined;
}

/** Dutch chamber-of-commerce (KvK) numbers are 8 digits; exports sometimes drop a leading zero or add dots. */
export function normaliseCoc(raw: string | null | undefined): string | undefined {
  const digits = raw?.replace(/[\s.-]/g, '');
  if (!digits || !/^\d{6,8}$/.test(digits)) return undefined;
  return digits.padStart(8, '0');
}

export function normaliseCustomerNumber(raw: string | null | undefined): string | undefined {
  const s = raw?.trim().toUpperCase().replace(/\s+/g, '');
  return s ? s : undefined;
}

// Legal forms (and "holding", which exports often drop) say nothing about which company is meant.
const LEGAL_WORDS = new Set([
  'bv', 'nv', 'vof', 'cv', 'ltd', 'limited', 'llc', 'llp', 'plc', 'gmbh', 'ag', 'kg', 'inc', 'incorporated',
  'corp', 'corporation', 'sa', 'sarl', 'sas', 'srl', 'bvba', 'holding', 'ie', 'iov', 'io',
]);

/** `Bakkerij Jansen & Zn. B.V.` → `bakkerij jansen zn`. */
export function normaliseName(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const words = raw
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\./g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !LEGAL_WORDS.has(w));
  return words.length ? words.join(' ') : undefined;
}
