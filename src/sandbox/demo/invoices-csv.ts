import { createRng, type Rng } from './prng';
import type { DemoCompany, DemoData } from './types';
import { CSV_HEADER, addDays, csvLine, dutchAmount, dutchDate, parseIsoDate } from './csv-format';
import { UNKNOWN_DEBTORS } from './word-lists';

export interface DemoCsvOptions { asOf: string; seed: number; invoices?: number }

type Status = 'open' | 'betaald' | 'gedeeltelijk' | 'creditnota' | 'betwist';
interface Row { date: number; fields: Omit<Record<(typeof CSV_HEADER)[number], string>, 'Factuurnummer'> }

const HISTORY_DAYS = 270;

/**
 * A realistic Dutch accounting export (UTF-8 with BOM, `;`, CRLF) for the demo companies:
 * paid history, open invoices of all ages (incl. 90+ days), partial payments, credit notes, disputes,
 * a few USD/GBP invoices, three broken rows and three debtors that are not in the portal.
 */
export function generateDemoInvoicesCsv(data: DemoData, opts: DemoCsvOptions): string {
  const asOf = parseIsoDate(opts.asOf);
  const target = opts.invoices ?? 300;
  if (!Number.isInteger(target) || target < 20) throw new Error(`invoices must be an integer >= 20, got ${target}`);
  const rng = createRng(opts.seed);
  const companies = data.companies;
  if (companies.length === 0) throw new Error('demo data has no companies');
  const rows: Row[] = [];
  for (let i = 0; i < target - UNKNOWN_DEBTORS.length; i++) {
    rows.push(invoiceRow(rng, companies[i % companies.length] as DemoCompany, asOf));
  }
  UNKNOWN_DEBTORS.forEach((debtor, i) => {
    const date = addDays(asOf, -rng.int(20, 120));
    const amount = rng.int(150, 4000) * 100 + rng.int(0, 99);
    rows.push({ date, fields: {
      Debiteurnummer: String(90001 + i), Debiteur: debtor.name, Domein: debtor.domain, 'BTW-nummer': debtor.vat,
      'KvK-nummer': debtor.coc, Factuurdatum: dutchDate(date), Vervaldatum: dutchDate(addDays(date, 30)), Valuta: 'EUR',
      Bedrag: dutchAmount(amount), Openstaand: dutchAmount(amount), Status: 'open', Incasso: 'nee',
    } });
  });
  rows.sort((a, b) => a.date - b.date);
  const lines = rows.map((row, i) => {
    const year = new Date(row.date).getUTCFullYear();
    return { ...row.fields, Factuurnummer: `${year}-${String(i + 1).padStart(5, '0')}` };
  });
  breakRows(rng, lines);
  const body = [csvLine(CSV_HEADER), ...lines.map((l) => csvLine(CSV_HEADER.map((h) => l[h])))].join('\r\n');
  return `\uFEFF${body}\r\n`;
}

function invoiceRow(rng: Rng, company: DemoCompany, asOf: number): Row {
  const date = addDays(asOf, -rng.int(1, HISTORY_DAYS));
  const due = addDays(date, company.paymentTermDays);
  const overdueDays = Math.round((asOf - due) / 86_400_000);
  const status = pickStatus(rng, overdueDays);
  const base = company.isConsumer ? rng.int(40, 900) : rng.int(150, 12000);
  let amount = base * 100 + rng.int(0, 99);
  let open = amount;
  if (status === 'creditnota') { amount = -Math.round(amount / 4); open = rng.chance(0.5) ? amount : 0; }
  if (status === 'betaald') open = 0;
  if (status === 'gedeeltelijk') open = Math.round(amount * rng.pick([0.25, 0.5, 0.6]));
  return { date, fields: {
    Debiteurnummer: company.debtorNumber,
    Debiteur: rng.chance(0.15) ? company.name.replace(/\s*(Holding )?B\.V\.$/, '') : company.name,
    // Vary the matching keys per row, like real exports that fill some columns only some of the time.
    Domein: rng.chance(0.6) ? company.domain : '',
    'BTW-nummer': rng.chance(0.6) ? company.vatNumber : '',
    'KvK-nummer': rng.chance(0.5) ? company.cocNumber : '',
    Factuurdatum: dutchDate(date), Vervaldatum: dutchDate(due), Valuta: company.currency,
    Bedrag: dutchAmount(amount), Openstaand: dutchAmount(open), Status: status,
    Incasso: company.directDebit ? 'ja' : 'nee',
  } };
}

function pickStatus(rng: Rng, overdueDays: number): Status {
  const roll = rng.next();
  if (roll < 0.06) return 'creditnota';
  if (roll < 0.1) return 'betwist';
  if (overdueDays < 0) return rng.chance(0.25) ? 'betaald' : 'open';
  // Older invoices are mostly paid, but a tail stays open so there are 30/60/90+ day buckets.
  const paidChance = overdueDays > 120 ? 0.85 : overdueDays > 30 ? 0.6 : 0.45;
  if (rng.chance(paidChance)) return 'betaald';
  return rng.chance(0.2) ? 'gedeeltelijk' : 'open';
}

/** Exactly three deliberately broken rows: bad date, bad amount, missing invoice number. */
function breakRows(rng: Rng, lines: Record<(typeof CSV_HEADER)[number], string>[]): void {
  const picks = new Set<number>();
  // Never break an unknown debtor's row: those three must reach the unmatched list intact.
  const candidates = lines.map((l, i) => ({ l, i })).filter(({ l }) => !l.Debiteurnummer.startsWith('9000')).map(({ i }) => i);
  while (picks.size < 3) picks.add(rng.pick(candidates));
  const [badDate, badAmount, missingNumber] = [...picks].map((i) => lines[i]);
  if (badDate) badDate.Factuurdatum = '31-02-2025';
  if (badAmount) badAmount.Bedrag = '12,34,5O';
  if (missingNumber) missingNumber.Factuurnummer = '';
}
