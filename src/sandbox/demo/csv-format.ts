/** Formatting the way a Dutch accounting package exports: dd-mm-yyyy, 1.234,56, `;` separator. */
import { isIsoDate } from '../../domain/dates';
import { formatDecimal } from '../../domain/i18n/format';
import { money } from '../../domain/money';

export const CSV_HEADER = [
  'Factuurnummer', 'Debiteurnummer', 'Debiteur', 'Domein', 'BTW-nummer', 'KvK-nummer', 'Factuurdatum',
  'Vervaldatum', 'Valuta', 'Bedrag', 'Openstaand', 'Status', 'Incasso',
] as const;

const DAY_MS = 86_400_000;

/** Epoch milliseconds of a calendar date (the domain's `isIsoDate` decides what a calendar date is). */
export function parseIsoDate(isoDate: string): number {
  if (!isIsoDate(isoDate)) throw new Error(`asOf must be a calendar date YYYY-MM-DD, got "${isoDate}"`);
  return Date.parse(`${isoDate}T00:00:00Z`);
}

export function addDays(epochMs: number, days: number): number {
  return epochMs + days * DAY_MS;
}

export function dutchDate(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
}

/** Minor units to Dutch notation, as a Dutch accounting export writes them: -123456 -> "-1.234,56". */
export const dutchAmount = (minor: number): string => formatDecimal(money(minor, 'EUR'), 'nl');

export function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(';');
}
