import { z } from 'zod';

/**
 * A caller's own column mapping, for an export whose header we cannot read on our own: our fields → the
 * export's header names. `number`, `issueDate`, `dueDate` and `amount` are required (a refused header's
 * answer proposes one to start from).
 */
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
  /** How the export writes dates: `dmy` 31-12-2026, `mdy` 12/31/2026 (US), `ymd` 2026-12-31. Default: read from the file. */
  dateOrder: z.enum(['dmy', 'mdy', 'ymd']).optional(),
  /** For exports without a currency column. */
  defaultCurrency: z.string().regex(/^[A-Z]{3}$/).default('EUR'),
}).strict();
export type CsvMapping = z.infer<typeof CsvMapping>;
