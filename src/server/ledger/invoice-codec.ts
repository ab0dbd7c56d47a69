import type { Invoice } from '../../domain/ledger';

/**
 * How an invoice is stored in its company's hash: JSON with short field names and amounts as [minor, currency].
 * Invoices are most of Redis' memory (one per document, kept for years), and the field names were a third of
 * each value. A field without a short name is stored under its own name, and values written before this codec
 * (long names, amount objects) read back the same, so adding a field to Invoice never loses it.
 */
const SHORT = {
  externalId: 'i', number: 'n', kind: 'k', companyId: 'c', contactId: 'ct', amount: 'a', open: 'o', issueDate: 'd',
  dueDate: 'u', paymentTermDays: 't', status: 's', paidDate: 'p', directDebit: 'dd', sourceVersion: 'v',
  paymentReference: 'r', payeeIban: 'b',
} as const satisfies Partial<Record<keyof Invoice, string>>;
const LONG: Record<string, string> = Object.fromEntries(Object.entries(SHORT).map(([long, short]) => [short, long]));
const MONEY = new Set(['amount', 'open']);

/** The fields with a short name in a fixed order (the version last, apart), so equal invoices encode to equal text. */
const CONTENT_FIELDS = (Object.keys(SHORT) as (keyof typeof SHORT)[]).filter((f) => f !== 'sourceVersion');

/**
 * The invoice as stored, and its content: the same JSON without the source version, which is what the source's
 * fingerprint covers (upsert-invoices.ts). Fields come in one fixed order and ones without a short name sorted
 * after them, so the same invoice always gives the same text, however its object was built — one pass per
 * invoice on the import's hot path instead of a canonical JSON of the long form.
 */
export function encodeInvoiceContent(invoice: Invoice): { content: string; stored: string } {
  const record = invoice as unknown as Record<string, unknown>;
  // The JSON is written as text: an object with these keys would only be built to be stringified.
  let content = '';
  for (const field of CONTENT_FIELDS) {
    const value = record[field];
    if (value === undefined) continue;
    const money = MONEY.has(field) ? (value as Invoice['amount']) : undefined;
    content += `,"${SHORT[field]}":${money ? `[${JSON.stringify(money.minor)},${JSON.stringify(money.currency)}]` : JSON.stringify(value)}`;
  }
  let unnamed: string[] | undefined;
  for (const field in record) if (!Object.hasOwn(SHORT, field)) (unnamed ??= []).push(field);
  if (unnamed) for (const field of unnamed.sort()) if (record[field] !== undefined) content += `,${JSON.stringify(field)}:${JSON.stringify(record[field])}`;
  return { content: `{${content.slice(1)}}`, stored: `{${content.slice(1)}${content ? ',' : ''}"${SHORT.sourceVersion}":${JSON.stringify(invoice.sourceVersion)}}` };
}

export const encodeInvoice = (invoice: Invoice): string => encodeInvoiceContent(invoice).stored;

/** The stored record (already parsed from JSON) as an Invoice. */
export function invoiceFromStored(stored: unknown): Invoice {
  // for…in rather than Object.entries: a sync decodes every invoice of every company, and the pairs were garbage.
  const record = stored as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field in record) {
    const value = record[field];
    const name = LONG[field] ?? field;
    out[name] = MONEY.has(name) && Array.isArray(value) ? { minor: value[0], currency: value[1] } : value;
  }
  return out as unknown as Invoice;
}

export const decodeInvoice = (text: string): Invoice => invoiceFromStored(JSON.parse(text));
