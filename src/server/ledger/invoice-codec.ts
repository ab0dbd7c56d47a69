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

export function encodeInvoice(invoice: Invoice): string {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(invoice)) {
    if (value === undefined) continue;
    const money = MONEY.has(field) ? value as Invoice['amount'] : undefined;
    out[(SHORT as Record<string, string>)[field] ?? field] = money ? [money.minor, money.currency] : value;
  }
  return JSON.stringify(out);
}

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
