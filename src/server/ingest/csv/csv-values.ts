import { err, ok, type Result } from '../../../domain/result';
import type { InvoiceInput } from '../../../contracts/ingest';
import { daysInMonth } from '../../../kernel/calendar-date';

/**
 * Reading the values real accounting exports contain. Each parser returns a Result whose error is a
 * reason a person can act on (it ends up in the per-row report).
 */

export type DecimalSeparator = ',' | '.';
/** Day, month, year order of an export's dates (ISO `2026-12-31` is read whatever the order). */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/**
 * `1.234,56`, `-1.234,56`, `1234,56` (decimal comma) or `1,234.56`, `1234.56` (decimal point), with an
 * optional currency sign, a minus in front or behind, or parentheses. When both separators occur the last
 * one is the decimal separator; with only one kind, `decimal` (the export's convention) decides.
 * Returns signed minor units.
 */
export function parseAmount(raw: string, decimal: DecimalSeparator, digits = 2): Result<number, string> {
  // Most amounts are plain digits and separators: only the others need the signs and currency trimmed off.
  const plain = PLAIN_AMOUNT.test(raw);
  let s = plain ? raw : raw.trim().replace(/[\s\u00a0]/g, '').replace(/^(€|EUR|\$|USD|£|GBP)/i, '').replace(/(€|EUR|\$|USD|£|GBP)$/i, '');
  let negative = false;
  if (!plain) {
    if (/^\(.*\)$/.test(s)) { negative = true; s = s.slice(1, -1); }
    if (s.startsWith('-')) { negative = !negative; s = s.slice(1); } else if (s.endsWith('-')) { negative = !negative; s = s.slice(0, -1); }
    if (s.startsWith('+')) s = s.slice(1);
    if (!PLAIN_AMOUNT.test(s)) return notAnAmount(raw);
  }
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  const dec = lastComma >= 0 && lastDot >= 0 ? (lastComma > lastDot ? ',' : '.') : decimal;
  const thousands = dec === ',' ? '.' : ',';
  const [whole = '', fraction = '', ...more] = s.split(dec);
  if (more.length) return notAnAmount(raw);
  // Thousands separators must group by three ("1.234.567"), or "12,34,5" would pass as a number.
  if (whole.includes(thousands) && !GROUPED_BY_THREE[thousands].test(whole)) return notAnAmount(raw);
  const wholeDigits = whole.includes(thousands) ? whole.split(thousands).join('') : whole;
  if (!/^\d+$/.test(wholeDigits) || !/^\d*$/.test(fraction)) return notAnAmount(raw);
  if (fraction.length > digits) return err(`"${raw}" has more than ${digits} decimals`);
  const minor = Number(wholeDigits + fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) return err(`"${raw}" is too large`);
  return ok(negative && minor !== 0 ? -minor : minor);
}

const PLAIN_AMOUNT = /^[\d.,]+$/;
const notAnAmount = (raw: string): Result<number, string> => err(`"${raw}" is not an amount`);
const GROUPED_BY_THREE = { '.': /^\d{1,3}(\.\d{3})+$/, ',': /^\d{1,3}(,\d{3})+$/ } as const;

/**
 * `2026-12-31` always; `31-12-2026`, `31/12/2026`, `31.12.2026`, `1-2-2026` day first — or month first
 * (`12/31/2026`) only when the layout says the export is American (`mdy`).
 */
export function parseDate(raw: string, order: DateOrder = 'dmy'): Result<string, string> {
  // An export repeats a few hundred dates over all its rows: each is read once.
  const seen = DATES_READ[order];
  let result = seen.get(raw);
  if (result) return result;
  result = readDate(raw, order);
  if (seen.size >= MAX_DATES_REMEMBERED) seen.clear();
  seen.set(raw, result);
  return result;
}

const MAX_DATES_REMEMBERED = 10_000;
const DATES_READ: Record<DateOrder, Map<string, Result<string, string>>> = { dmy: new Map(), mdy: new Map(), ymd: new Map() };

function readDate(raw: string, order: DateOrder): Result<string, string> {
  const s = raw.trim();
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  const other = order === 'ymd' ? null : /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : other ? (order === 'mdy' ? [other[3], other[1], other[2]] : [other[3], other[2], other[1]]) : [];
  if (!y || !m || !d) return err(`"${raw}" is not a date (expected ${order === 'mdy' ? 'MM/DD/YYYY' : order === 'ymd' ? 'YYYY-MM-DD' : 'DD-MM-YYYY, DD/MM/YYYY'} or YYYY-MM-DD)`);
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(Number(y), month)) return err(`"${raw}" is not a calendar date`);
  return ok(`${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
}

export type CsvStatus = NonNullable<InvoiceInput['status']> | 'credit_note';

/**
 * The status words of Dutch and English exports (lower case, `-` and runs of spaces as one space). A bare
 * "incasso" is deliberately absent: in Dutch exports it means direct debit as often as debt collection.
 */
const STATUS_WORDS: Record<string, CsvStatus> = {
  open: 'open', openstaand: 'open', onbetaald: 'open', unpaid: 'open', outstanding: 'open', overdue: 'open', vervallen: 'open',
  'te laat': 'open', late: 'open', herinnerd: 'open', aangemaand: 'open', verzonden: 'open', sent: 'open',
  'awaiting payment': 'open', authorised: 'open', authorized: 'open', due: 'open',
  betaald: 'paid', voldaan: 'paid', paid: 'paid', 'fully paid': 'paid', closed: 'paid', gesloten: 'paid',
  gedeeltelijk: 'partially_paid', 'gedeeltelijk betaald': 'partially_paid', deelbetaling: 'partially_paid', 'deels betaald': 'partially_paid',
  partial: 'partially_paid', 'partially paid': 'partially_paid', partially_paid: 'partially_paid', 'partly paid': 'partially_paid',
  creditnota: 'credit_note', credit: 'credit_note', 'credit note': 'credit_note', creditnote: 'credit_note', credit_note: 'credit_note', creditfactuur: 'credit_note',
  betwist: 'disputed', dispuut: 'disputed', geschil: 'disputed', 'in geschil': 'disputed', disputed: 'disputed', 'in dispute': 'disputed', dispute: 'disputed',
  incassobureau: 'in_collection', 'bij incassobureau': 'in_collection', 'uit handen gegeven': 'in_collection', 'uit handen': 'in_collection',
  'overgedragen aan incassobureau': 'in_collection', deurwaarder: 'in_collection', 'bij deurwaarder': 'in_collection', 'in incasso': 'in_collection',
  'in collection': 'in_collection', in_collection: 'in_collection', 'in collections': 'in_collection', collections: 'in_collection',
  'sent to collections': 'in_collection', 'debt collection': 'in_collection', 'collection agency': 'in_collection',
  afgeboekt: 'written_off', oninbaar: 'written_off', 'oninbaar verklaard': 'written_off', afgeschreven: 'written_off',
  'written off': 'written_off', written_off: 'written_off', 'write off': 'written_off', writeoff: 'written_off', 'bad debt': 'written_off', uncollectible: 'written_off',
  gecrediteerd: 'credited', credited: 'credited', 'fully credited': 'credited',
};

/** Dutch and English status words; empty means "derive it from the open amount". */
export function parseStatus(raw: string): Result<CsvStatus | undefined, string> {
  const s = raw.trim().toLowerCase().replace(/[-\s]+/g, ' ').replace(/[.!]+$/, '');
  if (!s) return ok(undefined);
  const status = STATUS_WORDS[s];
  return status && Object.hasOwn(STATUS_WORDS, s) ? ok(status) : err(`"${raw}" is not a known status (open, betaald, gedeeltelijk, creditnota, betwist, incassobureau, afgeboekt, gecrediteerd, paid, partially paid, credit note, disputed, in collection, written off, credited…)`);
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', '1', 'waar']);
const NO = new Set(['nee', 'n', 'no', 'false', '0', 'onwaar', '']);

export function parseYesNo(raw: string): Result<boolean, string> {
  const s = raw.trim().toLowerCase();
  if (YES.has(s)) return ok(true);
  if (NO.has(s)) return ok(false);
  return err(`"${raw}" is not ja/nee or yes/no`);
}
