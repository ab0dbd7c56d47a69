/** Our fields of a CSV row: what a column of an accounting export can mean. */
export const CSV_FIELDS = [
  'number', 'externalId', 'customerNumber', 'customerName', 'domain', 'vatNumber', 'cocNumber', 'hubspotCompanyId',
  'issueDate', 'dueDate', 'currency', 'amount', 'openAmount', 'status', 'directDebit', 'paidDate', 'version',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Without these a row cannot become an invoice; every other field is used when the export has it. */
export const REQUIRED_FIELDS = ['number', 'issueDate', 'dueDate', 'amount'] as const satisfies readonly CsvField[];

/** A row needs at least one of these to be matched to a HubSpot company. */
export const CUSTOMER_FIELDS = ['customerNumber', 'customerName', 'domain', 'vatNumber', 'cocNumber', 'hubspotCompanyId'] as const satisfies readonly CsvField[];

/** How a refusal names a field to a person (the mapping key is in brackets, to copy into `?mapping=`). */
export const FIELD_LABELS: Record<CsvField, string> = {
  number: 'invoice number', externalId: 'external id', customerNumber: 'customer number', customerName: 'customer name',
  domain: 'website domain', vatNumber: 'VAT number', cocNumber: 'chamber of commerce number', hubspotCompanyId: 'HubSpot company id',
  issueDate: 'invoice date', dueDate: 'due date', currency: 'currency', amount: 'invoice amount', openAmount: 'open amount',
  status: 'status', directDebit: 'direct debit (yes/no)', paidDate: 'paid date', version: 'version',
};

/** For each field, its column index in the header. */
export type ColumnIndexes = Partial<Record<CsvField, number>>;
/** For each field, the header name of its column (for messages and the report). */
export type ColumnNames = Partial<Record<CsvField, string>>;
