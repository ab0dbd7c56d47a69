import { InvoiceInput } from '../../../contracts/ingest';
import { err, ok, type Result } from '../../../domain/result';
import { describeIssues } from '../ingest-report';
import { currencyExponent } from '../../../domain/money';
import type { CsvField } from './csv-fields';
import type { CsvLayout } from './csv-layout';
import { parseAmount, parseDate, parseStatus, parseYesNo, type DateOrder, type DecimalSeparator } from './csv-values';

export interface RowContext {
  readonly layout: CsvLayout;
  readonly decimal: DecimalSeparator;
  readonly dateOrder: DateOrder;
  readonly headerLength: number;
}

/**
 * One CSV record as an InvoiceInput, or every reason it is not one. A negative amount or the status
 * "creditnota" makes it a credit note (stored with positive amounts); "betaald"/"paid" means nothing is open.
 */
/** Our customer keys and the CSV fields they are read from. */
const CUSTOMER_COLUMNS = [['customerNumber', 'customerNumber'], ['name', 'customerName'], ['domain', 'domain'], ['vatNumber', 'vatNumber'], ['cocNumber', 'cocNumber'], ['hubspotCompanyId', 'hubspotCompanyId']] as const;

/** A field's trimmed text ('' when the layout has no column for it). */
function fieldOf(record: readonly string[], ctx: RowContext, field: CsvField): string {
  const i = ctx.layout.columns[field];
  return i === undefined ? '' : (record[i] ?? '').trim();
}

/** The value, or undefined with the reason added to `problems` under the column's name. */
function valueOf<T>(r: Result<T, string>, field: CsvField, ctx: RowContext, problems: string[]): T | undefined {
  if (r.ok) return r.value;
  problems.push(`${ctx.layout.names[field] ?? field}: ${r.error}`);
  return undefined;
}

// Module-level helpers rather than closures: this runs for every row of the file, and each field is read once.
export function rowToInvoice(record: readonly string[], ctx: RowContext): Result<InvoiceInput, string> {
  if (record.length !== ctx.headerLength) return err(`expected ${ctx.headerLength} columns, found ${record.length}`);
  const problems: string[] = [];
  const number = fieldOf(record, ctx, 'number');
  if (!number) problems.push(`${ctx.layout.names.number ?? 'number'}: is empty`);
  const currency = (fieldOf(record, ctx, 'currency') || ctx.layout.defaultCurrency).toUpperCase();
  const digits = currencyExponent(currency);
  const amountText = fieldOf(record, ctx, 'amount');
  const amount = valueOf(amountText ? parseAmount(amountText, ctx.decimal, digits) : err('is empty'), 'amount', ctx, problems);
  const openText = fieldOf(record, ctx, 'openAmount');
  const open = openText ? valueOf(parseAmount(openText, ctx.decimal, digits), 'openAmount', ctx, problems) : undefined;
  const issueDate = valueOf(parseDate(fieldOf(record, ctx, 'issueDate'), ctx.dateOrder), 'issueDate', ctx, problems);
  const dueText = fieldOf(record, ctx, 'dueDate');
  const dueDate = valueOf(dueText ? parseDate(dueText, ctx.dateOrder) : ok(issueDate ?? ''), 'dueDate', ctx, problems);
  const status = valueOf(parseStatus(fieldOf(record, ctx, 'status')), 'status', ctx, problems);
  const directDebit = valueOf(parseYesNo(fieldOf(record, ctx, 'directDebit')), 'directDebit', ctx, problems);
  const paidText = fieldOf(record, ctx, 'paidDate');
  const paidDate = paidText ? valueOf(parseDate(paidText, ctx.dateOrder), 'paidDate', ctx, problems) : undefined;
  if (problems.length || amount === undefined) return err(problems.join('; '));

  const isCredit = status === 'credit_note' || amount < 0;
  const openMinor = status === 'paid' ? 0 : open === undefined ? undefined : Math.abs(open);
  const customer: Record<string, string> = {};
  for (const [key, field] of CUSTOMER_COLUMNS) {
    const value = fieldOf(record, ctx, field);
    if (value !== '') customer[key] = value;
  }
  const candidate: Record<string, unknown> = {
    externalId: fieldOf(record, ctx, 'externalId') || number, number, kind: isCredit ? 'credit_note' : 'invoice', customer, currency,
    amountMinor: Math.abs(amount), issueDate, dueDate, directDebit,
  };
  if (openMinor !== undefined) candidate.openMinor = openMinor;
  if (status && status !== 'credit_note' && !(isCredit && status === 'open')) candidate.status = status;
  if (paidDate) candidate.paidDate = paidDate;
  const version = fieldOf(record, ctx, 'version');
  if (version) candidate.version = version;
  // The same contract as the JSON API: one definition of a valid invoice.
  const parsed = InvoiceInput.safeParse(candidate);
  return parsed.success ? ok(parsed.data) : err(describeIssues(parsed.error));
}
