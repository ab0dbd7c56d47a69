import type { CsvField } from './csv-fields';
import type { DateOrder, DecimalSeparator } from './csv-values';
import { normaliseHeader } from './header-names';

/**
 * The exports of the accounting packages people use most in NL/BE and in international SMEs, as data: the header
 * names each package writes per field (read before the general synonyms), the names that tell its export apart
 * (`signature`: all of them in a header selects the preset on its own) and how it writes amounts and dates.
 * Which names were verified against documentation and which are guesses is listed per package in the README
 * (ingest section); a guess costs nothing when wrong — the general synonyms and the refusal with a proposed
 * mapping still apply.
 */
export interface CsvPreset {
  readonly id: string;
  readonly name: string;
  readonly columns: Partial<Record<CsvField, readonly string[]>>;
  /** Empty: only chosen by `?preset=` (a variant that must be asked for, such as QuickBooks US dates). */
  readonly signature: readonly string[];
  readonly decimal?: DecimalSeparator;
  readonly dateOrder?: DateOrder;
}

const DUTCH = { decimal: ',', dateOrder: 'dmy' } as const;

export const CSV_PRESETS: readonly CsvPreset[] = [
  {
    id: 'exact-online', name: 'Exact Online', ...DUTCH,
    // The receivables list as Exact Online names its fields (AccountCode, AccountName, InvoiceNumber…) and its Dutch screen names.
    columns: {
      customerNumber: ['AccountCode', 'Code relatie'], customerName: ['AccountName', 'Naam relatie'], number: ['InvoiceNumber', 'Factuurnummer'],
      issueDate: ['InvoiceDate', 'Factuurdatum'], dueDate: ['DueDate', 'Vervaldatum'], amount: ['Amount', 'Bedrag'], currency: ['CurrencyCode', 'Valuta'],
      openAmount: ['Openstaand', 'Openstaand bedrag'],
    },
    signature: ['AccountCode', 'AccountName', 'InvoiceNumber'],
  },
  {
    id: 'twinfield', name: 'Twinfield', ...DUTCH,
    // Twinfield files its customers under dimension 2 (`Dim2`).
    columns: { customerNumber: ['Dim2', 'Dimensie 2', 'Debiteur'], customerName: ['Naam dim2', 'Naam debiteur'], number: ['Factuurnummer'], issueDate: ['Factuurdatum'], dueDate: ['Vervaldatum'], amount: ['Bedrag'], openAmount: ['Openstaand bedrag', 'Openstaand'], currency: ['Valuta'] },
    signature: ['Dim2', 'Factuurnummer', 'Vervaldatum'],
  },
  {
    id: 'afas', name: 'AFAS Profit', ...DUTCH,
    columns: { customerNumber: ['Verkooprelatie', 'Debiteur'], customerName: ['Naam verkooprelatie', 'Naam debiteur'], number: ['Factuurnummer'], issueDate: ['Factuurdatum'], dueDate: ['Vervaldatum'], amount: ['Factuurbedrag'], openAmount: ['Saldo', 'Openstaand'], currency: ['Valuta'] },
    signature: ['Verkooprelatie', 'Factuurnummer', 'Vervaldatum'],
  },
  {
    id: 'moneybird', name: 'Moneybird', ...DUTCH,
    columns: { number: ['Factuurnummer', 'Factuur ID'], customerName: ['Contact', 'Bedrijfsnaam'], issueDate: ['Factuurdatum'], dueDate: ['Vervaldatum'], amount: ['Totaal incl. btw', 'Totaalbedrag'], openAmount: ['Openstaand', 'Nog te betalen'], status: ['Status'], currency: ['Valuta'] },
    signature: ['Factuurnummer', 'Contact', 'Totaal incl. btw'],
  },
  {
    id: 'e-boekhouden', name: 'e-Boekhouden.nl', ...DUTCH,
    columns: { number: ['Factuurnummer'], customerNumber: ['Relatiecode'], customerName: ['Relatie', 'Bedrijf'], issueDate: ['Datum', 'Factuurdatum'], dueDate: ['Vervaldatum'], amount: ['Bedrag (incl)', 'Bedrag incl. BTW'], openAmount: ['Openstaand'] },
    signature: ['Relatiecode', 'Factuurnummer', 'Bedrag (incl)'],
  },
  {
    id: 'snelstart', name: 'SnelStart', ...DUTCH,
    columns: { number: ['Factuurnummer'], customerNumber: ['Relatiecode'], customerName: ['Relatienaam', 'Naam'], issueDate: ['Factuurdatum'], dueDate: ['Vervaldatum'], amount: ['Factuurbedrag'], openAmount: ['Openstaand saldo', 'Openstaand'] },
    signature: ['Relatienaam', 'Factuurnummer', 'Openstaand saldo'],
  },
  {
    id: 'visma-eaccounting', name: 'Visma eAccounting', decimal: ',',
    columns: { number: ['Invoice number', 'Factuurnummer'], customerNumber: ['Customer number', 'Klantnummer'], customerName: ['Customer name', 'Klantnaam'], issueDate: ['Invoice date', 'Factuurdatum'], dueDate: ['Due date', 'Vervaldatum'], amount: ['Total amount', 'Totaalbedrag'], openAmount: ['Remaining amount', 'Restbedrag'], currency: ['Currency', 'Valuta'] },
    signature: ['Customer number', 'Invoice number', 'Remaining amount'],
  },
  {
    id: 'xero', name: 'Xero', decimal: '.',
    // The invoice export: one row per invoice line, so one invoice repeats (later rows win, the same values).
    columns: { customerName: ['ContactName'], number: ['InvoiceNumber'], issueDate: ['InvoiceDate'], dueDate: ['DueDate'], amount: ['Total'], openAmount: ['InvoiceAmountDue'], currency: ['Currency'], status: ['Status'] },
    signature: ['ContactName', 'InvoiceNumber', 'InvoiceAmountDue'],
  },
  {
    id: 'quickbooks', name: 'QuickBooks Online', decimal: '.',
    columns: { number: ['Num', 'Invoice #'], customerName: ['Customer', 'Customer full name'], issueDate: ['Date', 'Invoice Date'], dueDate: ['Due Date'], amount: ['Amount', 'Total'], openAmount: ['Open Balance'] },
    signature: ['Num', 'Customer', 'Open Balance'],
  },
  {
    id: 'quickbooks-us', name: 'QuickBooks Online (US dates, MM/DD/YYYY)', decimal: '.', dateOrder: 'mdy',
    columns: { number: ['Num', 'Invoice #'], customerName: ['Customer', 'Customer full name'], issueDate: ['Date', 'Invoice Date'], dueDate: ['Due Date'], amount: ['Amount', 'Total'], openAmount: ['Open Balance'] },
    signature: [],
  },
];

export const presetById = (id: string): CsvPreset | undefined => CSV_PRESETS.find((p) => p.id === id);

/**
 * The preset whose signature the header carries in full; of several, the one with the longest signature, and
 * none when two tie (then the general synonyms read it).
 */
export function detectPreset(header: readonly string[]): CsvPreset | undefined {
  const names = new Set(header.map(normaliseHeader));
  const hits = CSV_PRESETS.filter((p) => p.signature.length > 0 && p.signature.every((s) => names.has(normaliseHeader(s))))
    .sort((a, b) => b.signature.length - a.signature.length);
  if (hits.length > 1 && hits[0]!.signature.length === hits[1]!.signature.length) return undefined;
  return hits[0];
}

/** The preset's own names for a normalised header name (rank −1: before every general synonym). */
export function presetFieldOf(preset: CsvPreset, normalised: string): { field: CsvField; rank: number } | undefined {
  for (const [field, names] of Object.entries(preset.columns) as [CsvField, readonly string[]][]) {
    if (names.some((n) => normaliseHeader(n) === normalised)) return { field, rank: -1 };
  }
  return undefined;
}
