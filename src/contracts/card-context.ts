import { z } from 'zod';

/**
 * What a card sends in the query of a `hubspot.fetch` call. The portal and record come from the card's
 * context and travel in the signed URL, so the backend can trust them once the signature checks out.
 * Numeric ids only: HubSpot portal and record ids are numbers; anything else is a bad request.
 */
const NumericId = z.string().regex(/^\d{1,20}$/, { error: 'must be a numeric HubSpot id' });

export const CompanyCardQuery = z.object({
  portalId: NumericId,
  companyId: NumericId,
});
export type CompanyCardQuery = z.infer<typeof CompanyCardQuery>;

export const INVOICE_SORT_FIELDS = ['number', 'issueDate', 'dueDate', 'open', 'daysOverdue'] as const;
export type InvoiceSortField = (typeof INVOICE_SORT_FIELDS)[number];

/** `field` sorts ascending, `-field` descending (a minus needs no URL encoding, unlike a colon). */
export const InvoiceSort = z.enum([
  'number', '-number', 'issueDate', '-issueDate', 'dueDate', '-dueDate', 'open', '-open', 'daysOverdue', '-daysOverdue',
], { error: `must be one of ${INVOICE_SORT_FIELDS.join(', ')}, optionally prefixed with -` });
export type InvoiceSort = z.infer<typeof InvoiceSort>;

export const DEFAULT_INVOICE_SORT: InvoiceSort = '-daysOverdue';
export const DEFAULT_PAGE_SIZE = 25;
/** A page of 100 invoice rows stays around 40 KB, far under hubspot.fetch's 1 MB response limit. */
export const MAX_PAGE_SIZE = 100;

export const ReceivablesQuery = CompanyCardQuery.extend({
  page: z.coerce.number({ error: 'must be a whole number from 1' }).int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number({ error: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
    .int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  sort: InvoiceSort.default(DEFAULT_INVOICE_SORT),
});
export type ReceivablesQuery = z.infer<typeof ReceivablesQuery>;

export const sortField = (s: InvoiceSort): InvoiceSortField => s.replace(/^-/, '') as InvoiceSortField;
export const sortDescending = (s: InvoiceSort): boolean => s.startsWith('-');

/** Card API paths, relative to the backend origin. */
export const CARD_API_PATHS = {
  receivables: '/api/cards/receivables',
  paymentStatus: '/api/cards/payment-status',
} as const;
