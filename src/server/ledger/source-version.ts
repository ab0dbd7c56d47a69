import { createHash } from 'node:crypto';

/**
 * Orders two source versions. Versions are opaque strings from the source: when both are plain integers
 * they compare numerically ("10" > "9"); otherwise as strings, which orders ISO-8601 timestamps correctly.
 */
export function compareSourceVersions(a: string, b: string): number {
  const intA = /^\d+$/.test(a);
  const intB = /^\d+$/.test(b);
  if (intA && intB) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with sorted object keys: the same content always gives the same text (used as a fingerprint). */
export function canonicalJson(value: unknown): string {
  // Hand-rolled rather than a JSON.stringify replacer: no intermediate sorted copy of every object (the import's hot path).
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.keys(value).sort().flatMap((k) => {
    const v = (value as Record<string, unknown>)[k];
    return v === undefined || typeof v === 'function' ? [] : [`${JSON.stringify(k)}:${canonicalJson(v)}`];
  });
  return `{${entries.join(',')}}`;
}

/** sha1 of the canonical JSON: the fingerprint of what a source last sent in ledgers written before invoice-codec's encodeInvoiceContent (read back by upsert-invoices.ts). */
export function contentDigest(value: unknown): string {
  return createHash('sha1').update(canonicalJson(value)).digest('base64url');
}
