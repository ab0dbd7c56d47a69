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

export function rowToInvoice(record: readonly string[], ctx: RowContext): Result<InvoiceInput, string> {
  if (record.length !== ctx.headerLength) return err(`expected ${ctx.headerLength} columns, found ${record.length}`);
  const { columns } = ctx.layout;
  // Each field is read (and trimmed) once: this runs for every row of the file.
  const get = (field: CsvField): string => {
    const i = columns[field];
    return i === undefined ? '' : (record[i] ?? '').trim();
  };
  let problems: string[] | undefined;
  const need = <T>(field: CsvField, r: Result<T, string>): T | undefined => {
    if (r.ok) return r.value;
    (problems ??= []).push(`${ctx.layout.names[field] ?? field}: ${r.error}`);
    return undefined;
  };

  const number = get('number');
  if (!number) (problems ??= []).push(`${ctx.layout.names.number ?? 'number'}: is empty`);
  const currency = (get('currency') || ctx.layout.defaultCurrency).toUpperCase();
  const digits = currencyExponent(currency);
  const amountText = get('amount');
  const amount = need('amount', amountText ? parseAmount(amountText, ctx.decimal, digits) : err('is empty'));
  const openText = get('openAmount');
  const open = openText ? need('openAmount', parseAmount(openText, ctx.decimal, digits)) : undefined;
  const issueDate = need('issueDate', parseDate(get('issueDate'), ctx.dateOrder));
  const dueText = get('dueDate');
  const dueDate = need('dueDate', dueText ? parseDate(dueText, ctx.dateOrder) : ok(issueDate ?? ''));
  const status = need('status', parseStatus(get('status')));
  const directDebit = need('directDebit', parseYesNo(get('directDebit')));
  const paidText = get('paidDate');
  const paidDate = paidText ? need('paidDate', parseDate(paidText, ctx.dateOrder)) : undefined;
  if (problems || amount === undefined) return err((problems ?? []).join('; '));

  const isCredit = status === 'credit_note' || amount < 0;
  const openMinor = status === 'paid' ? 0 : open === undefined ? undefined : Math.abs(open);
  const customer: Record<string, string> = {};
  for (const [key, field] of CUSTOMER_COLUMNS) {
    const value = get(field);
    if (value !== '') customer[key] = value;
  }
  const candidate: Record<string, unknown> = {
    externalId: get('externalId') || number, number, kind: isCredit ? 'credit_note' : 'invoice', customer, currency, amountMinor: Math.abs(amount),
    issueDate, dueDate, directDebit,
  };
  if (openMinor !== undefined) candidate.openMinor = openMinor;
  if (status && status !== 'credit_note' && !(isCredit && status === 'open')) candidate.status = status;
  if (paidDate) candidate.paidDate = paidDate;
  const version = get('version');
  if (version) candidate.version = version;
  // The same contract as the JSON API: one definition of a valid invoice.
  const parsed = InvoiceInput.safeParse(candidate);
  return parsed.success ? ok(parsed.data) : err(describeIssues(parsed.error));
}
