import type { CsvHeaderRefusal } from '../../../contracts/ingest';
import { err, ok, type Result } from '../../../domain/result';
import { CSV_FIELDS, CUSTOMER_FIELDS, FIELD_LABELS, REQUIRED_FIELDS, type ColumnIndexes, type ColumnNames, type CsvField } from './csv-fields';
import type { CsvMapping } from './csv-mapping';
import type { DateOrder, DecimalSeparator } from './csv-values';
import { presetFieldOf, type CsvPreset } from './csv-presets';
import { fieldOf, normaliseHeader, SYNONYMS } from './header-names';

/** How one file's header is read: the column of each field, and what the layout says about its values. */
export interface CsvLayout {
  /** `mapping` (the caller's), `header` (synonyms) or `preset:<id>`. */
  readonly recognisedBy: string;
  readonly columns: ColumnIndexes;
  readonly names: ColumnNames;
  /** Columns no field uses (`Omschrijving`): listed in the report, never an error. */
  readonly ignored: readonly string[];
  /** Absent: the export's convention decides (`,` for `;` files, `.` for `,` files). */
  readonly decimal?: DecimalSeparator;
  /** Absent: read from the file's own dates (see csv-dates.ts). */
  readonly dateOrder?: DateOrder;
  readonly defaultCurrency: string;
}

export interface LayoutRefusal {
  readonly code: 'unknown_csv_layout' | 'csv_mapping_mismatch';
  readonly message: string;
  readonly details: CsvHeaderRefusal;
}

/** Dutch and German date column names: such an export writes the day first (`31-12-2026`) and a decimal comma. */
const DAY_FIRST_NAMES = new Set(
  [...SYNONYMS.issueDate, ...SYNONYMS.dueDate].filter((n) => /datum|verval|dag|falligkeit|faellig/.test(n)).map(normaliseHeader),
);

/** The caller's mapping: every column it names must be in the header (compared as normalised names). */
export function layoutFromMapping(mapping: CsvMapping, header: readonly string[]): Result<CsvLayout, LayoutRefusal> {
  const positions = new Map(header.map((h, i) => [normaliseHeader(h), i] as const).reverse());
  const columns: ColumnIndexes = {};
  const names: ColumnNames = {};
  const missing: string[] = [];
  for (const [field, name] of Object.entries(mapping.columns) as [CsvField, string][]) {
    const i = positions.get(normaliseHeader(name));
    if (i === undefined) missing.push(name);
    else { columns[field] = i; names[field] = header[i]!.replace(/^\uFEFF/, '').trim(); }
  }
  const layout = finish('mapping', header, columns, names, { decimal: mapping.decimalSeparator, dateOrder: mapping.dateOrder, defaultCurrency: mapping.defaultCurrency });
  if (!missing.length) return ok(layout);
  return err({
    code: 'csv_mapping_mismatch',
    message: `Line 1: the mapping names column(s) ${quoteList(missing)} that the header does not have. Columns found: ${quoteList(cleanHeader(header))}.`,
    details: refusalDetails(header, columns, [], []),
  });
}

/**
 * Reads the header by its names alone (synonyms, normalised). Only the required fields and one customer key
 * are needed; a header where a field is missing, or where two columns could hold the same field, is refused
 * with what was found and a mapping to start from — never guessed.
 */
export function recogniseHeader(header: readonly string[], preset?: CsvPreset): Result<CsvLayout, LayoutRefusal> {
  const best = new Map<CsvField, { rank: number; columns: number[] }>();
  header.forEach((h, i) => {
    const name = normaliseHeader(h);
    const hit = (preset && presetFieldOf(preset, name)) ?? fieldOf(name);
    if (!hit) return;
    const seen = best.get(hit.field);
    if (!seen || hit.rank < seen.rank) best.set(hit.field, { rank: hit.rank, columns: [i] });
    else if (hit.rank === seen.rank) seen.columns.push(i);
  });
  const columns: ColumnIndexes = {};
  const names: ColumnNames = {};
  const ambiguous: { field: CsvField; columns: number[] }[] = [];
  for (const [field, { columns: found }] of best) {
    if (found.length > 1) ambiguous.push({ field, columns: found });
    else { columns[field] = found[0]!; names[field] = cleanHeader(header)[found[0]!]!; }
  }
  const unplaced: string[] = REQUIRED_FIELDS.filter((f) => columns[f] === undefined && !ambiguous.some((a) => a.field === f));
  if (!CUSTOMER_FIELDS.some((f) => columns[f] !== undefined)) unplaced.push('customer');
  const dayFirst = names.dueDate !== undefined && DAY_FIRST_NAMES.has(normaliseHeader(names.dueDate));
  const values = preset ? { decimal: preset.decimal, dateOrder: preset.dateOrder } : dayFirst ? { decimal: ',' as const, dateOrder: 'dmy' as const } : {};
  const layout = finish(preset ? `preset:${preset.id}` : 'header', header, columns, names, values);
  if (!unplaced.length && !ambiguous.length) return ok(layout);
  const problems = [
    ...(unplaced.length ? [`no column for ${unplaced.map(describeField).join(', ')}`] : []),
    ...ambiguous.map((a) => `both ${quoteList(a.columns.map((i) => cleanHeader(header)[i]!))} could be ${describeField(a.field)}`),
  ];
  return err({
    code: 'unknown_csv_layout',
    message: `Line 1: the header is not an export layout we can read on our own${preset ? ` (read as ${preset.name})` : ''}: ${problems.join('; ')}. Columns found: ${quoteList(cleanHeader(header))}. Pass a column mapping (?mapping=<JSON>); the answer's details propose one.`,
    details: refusalDetails(header, columns, unplaced, ambiguous),
  });
}

function finish(recognisedBy: string, header: readonly string[], columns: ColumnIndexes, names: ColumnNames, values: { decimal?: DecimalSeparator | undefined; dateOrder?: DateOrder | undefined; defaultCurrency?: string }): CsvLayout {
  const used = new Set(Object.values(columns));
  return {
    recognisedBy, columns, names,
    ignored: cleanHeader(header).filter((h, i) => !used.has(i) && h !== ''),
    ...(values.decimal ? { decimal: values.decimal } : {}),
    ...(values.dateOrder ? { dateOrder: values.dateOrder } : {}),
    defaultCurrency: values.defaultCurrency ?? 'EUR',
  };
}

function refusalDetails(header: readonly string[], columns: ColumnIndexes, unplaced: readonly string[], ambiguous: readonly { field: CsvField; columns: number[] }[]): CsvHeaderRefusal {
  const clean = cleanHeader(header);
  const placed = Object.fromEntries(CSV_FIELDS.filter((f) => columns[f] !== undefined).map((f) => [f, clean[columns[f]!]!]));
  const proposal: Record<string, string> = { ...placed };
  for (const a of ambiguous) proposal[a.field] = `<one of ${a.columns.map((i) => clean[i]).join(' / ')}>`;
  for (const field of unplaced) {
    if (field === 'customer') proposal.customerName = '<the column with the customer\'s name (or customerNumber, vatNumber, cocNumber, domain)>';
    else proposal[field] = `<the column with the ${FIELD_LABELS[field as CsvField]}>`;
  }
  return {
    columnsFound: clean,
    placed,
    unplaced: [...unplaced],
    ambiguous: ambiguous.map((a) => ({ field: a.field, columns: a.columns.map((i) => clean[i]!) })),
    proposedMapping: { columns: proposal },
  };
}

const cleanHeader = (header: readonly string[]): string[] => header.map((h) => h.replace(/^\uFEFF/, '').trim());
const quoteList = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');
const describeField = (field: string): string =>
  field === 'customer' ? 'the customer (a name, customer number, VAT or KvK number, or domain)' : `the ${FIELD_LABELS[field as CsvField]} (${field})`;
