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
export function rowToInvoice(record: readonly string[], ctx: RowContext): Result<InvoiceInput, string> {
  if (record.length !== ctx.headerLength) return err(`expected ${ctx.headerLength} columns, found ${record.length}`);
  const get = (field: CsvField): string => {
    const i = ctx.layout.columns[field];
    return i === undefined ? '' : (record[i] ?? '').trim();
  };
  const name = (field: CsvField): string => ctx.layout.names[field] ?? field;
  const problems: string[] = [];
  const need = <T>(field: CsvField, r: Result<T, string>): T | undefined => {
    if (r.ok) return r.value;
    problems.push(`${name(field)}: ${r.error}`);
    return undefined;
  };

  const number = get('number');
  if (!number) problems.push(`${name('number')}: is empty`);
  const currency = (get('currency') || ctx.layout.defaultCurrency).toUpperCase();
  const digits = currencyExponent(currency);
  const amount = need('amount', get('amount') ? parseAmount(get('amount'), ctx.decimal, digits) : err('is empty'));
  const open = get('openAmount') ? need('openAmount', parseAmount(get('openAmount'), ctx.decimal, digits)) : undefined;
  const issueDate = need('issueDate', parseDate(get('issueDate'), ctx.dateOrder));
  const dueDate = need('dueDate', get('dueDate') ? parseDate(get('dueDate'), ctx.dateOrder) : ok(issueDate ?? ''));
  const status = need('status', parseStatus(get('status')));
  const directDebit = need('directDebit', parseYesNo(get('directDebit')));
  const paidDate = get('paidDate') ? need('paidDate', parseDate(get('paidDate'), ctx.dateOrder)) : undefined;
  if (problems.length || amount === undefined) return err(problems.join('; '));

  const isCredit = status === 'credit_note' || amount < 0;
  const amountMinor = Math.abs(amount);
  const openMinor = status === 'paid' ? 0 : open === undefined ? undefined : Math.abs(open);
  const customer = Object.fromEntries(
    ([['customerNumber', 'customerNumber'], ['name', 'customerName'], ['domain', 'domain'], ['vatNumber', 'vatNumber'], ['cocNumber', 'cocNumber'], ['hubspotCompanyId', 'hubspotCompanyId']] as const)
      .map(([key, field]) => [key, get(field)])
      .filter(([, v]) => v !== ''),
  );
  const candidate = {
    externalId: get('externalId') || number,
    number,
    kind: isCredit ? 'credit_note' : 'invoice',
    customer,
    currency,
    amountMinor,
    ...(openMinor !== undefined ? { openMinor } : {}),
    issueDate,
    dueDate,
    ...(status && status !== 'credit_note' && !(isCredit && status === 'open') ? { status } : {}),
    ...(paidDate ? { paidDate } : {}),
    directDebit,
    ...(get('version') ? { version: get('version') } : {}),
  };
  // The same contract as the JSON API: one definition of a valid invoice.
  const parsed = InvoiceInput.safeParse(candidate);
  return parsed.success ? ok(parsed.data) : err(describeIssues(parsed.error));
}
