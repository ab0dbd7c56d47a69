import { z } from 'zod';
import { err, ok, type Result } from '../../../domain/result';

/** Our fields → the header names of an export. `number`, `issueDate`, `dueDate` and `amount` are required. */
export const CsvColumns = z.object({
  number: z.string().min(1),
  /** Defaults to the invoice number (accounting systems number invoices uniquely). */
  externalId: z.string().min(1).optional(),
  customerNumber: z.string().min(1).optional(),
  customerName: z.string().min(1).optional(),
  domain: z.string().min(1).optional(),
  vatNumber: z.string().min(1).optional(),
  cocNumber: z.string().min(1).optional(),
  hubspotCompanyId: z.string().min(1).optional(),
  issueDate: z.string().min(1),
  dueDate: z.string().min(1),
  currency: z.string().min(1).optional(),
  amount: z.string().min(1),
  openAmount: z.string().min(1).optional(),
  status: z.string().min(1).optional(),
  directDebit: z.string().min(1).optional(),
  paidDate: z.string().min(1).optional(),
  version: z.string().min(1).optional(),
}).strict();
export type CsvColumns = z.infer<typeof CsvColumns>;

export const CsvMapping = z.object({
  columns: CsvColumns,
  /** The export's decimal separator when an amount has only one kind; default: `,` for `;` files, `.` for `,` files. */
  decimalSeparator: z.enum([',', '.']).optional(),
  /** For exports without a currency column. */
  defaultCurrency: z.string().regex(/^[A-Z]{3}$/).default('EUR'),
}).strict();
export type CsvMapping = z.infer<typeof CsvMapping>;

export const DUTCH_MAPPING: CsvMapping = {
  columns: {
    number: 'Factuurnummer', customerNumber: 'Debiteurnummer', customerName: 'Debiteur', domain: 'Domein',
    vatNumber: 'BTW-nummer', cocNumber: 'KvK-nummer', issueDate: 'Factuurdatum', dueDate: 'Vervaldatum',
    currency: 'Valuta', amount: 'Bedrag', openAmount: 'Openstaand', status: 'Status', directDebit: 'Incasso',
  },
  decimalSeparator: ',',
  defaultCurrency: 'EUR',
};

export const ENGLISH_MAPPING: CsvMapping = {
  columns: {
    number: 'Invoice number', customerNumber: 'Customer number', customerName: 'Customer', domain: 'Domain',
    vatNumber: 'VAT number', cocNumber: 'Chamber of commerce', issueDate: 'Invoice date', dueDate: 'Due date',
    currency: 'Currency', amount: 'Amount', openAmount: 'Open amount', status: 'Status', directDebit: 'Direct debit',
  },
  decimalSeparator: '.',
  defaultCurrency: 'EUR',
};

export const BUILT_IN_MAPPINGS = { nl: DUTCH_MAPPING, en: ENGLISH_MAPPING } as const;

/** Header names compare without case, surrounding spaces or a stray BOM. */
export const headerKey = (h: string): string => h.replace(/^\uFEFF/, '').trim().toLowerCase();

/** For each of our fields, its column index in this header. */
export type ColumnIndexes = Partial<Record<keyof CsvColumns, number>>;

export function resolveColumns(mapping: CsvMapping, header: readonly string[]): Result<ColumnIndexes, string> {
  const positions = new Map(header.map((h, i) => [headerKey(h), i]));
  const indexes: ColumnIndexes = {};
  const missing: string[] = [];
  for (const [field, name] of Object.entries(mapping.columns) as [keyof CsvColumns, string][]) {
    const i = positions.get(headerKey(name));
    if (i === undefined) missing.push(name);
    else indexes[field] = i;
  }
  return missing.length ? err(`the header lacks column(s) ${missing.map((m) => `"${m}"`).join(', ')}`) : ok(indexes);
}

/** The built-in mapping whose required columns all appear in the header (Dutch first). */
export function detectMapping(header: readonly string[]): Result<CsvMapping, string> {
  for (const mapping of Object.values(BUILT_IN_MAPPINGS)) {
    if (resolveColumns(mapping, header).ok) return ok(mapping);
  }
  return err('the header matches neither the Dutch nor the English export layout; pass a column mapping');
}
