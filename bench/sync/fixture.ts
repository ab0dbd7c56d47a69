import { addDays, type IsoDate } from '../../src/domain/dates';
import type { Invoice } from '../../src/domain/ledger';
import { money } from '../../src/domain/money';

/** A deterministic PRNG (mulberry32) so every run syncs the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `perCompany` invoices per company: a mix of paid, open, overdue and a few in USD. */
export function invoicesFor(companyId: string, perCompany: number, today: IsoDate, rnd: () => number): Invoice[] {
  const out: Invoice[] = [];
  for (let n = 0; n < perCompany; n++) {
    const issue = addDays(today, -Math.floor(rnd() * 150));
    const due = addDays(issue, 30);
    const currency = rnd() < 0.05 ? 'USD' : 'EUR';
    const amount = money(10_000 + Math.floor(rnd() * 500_000), currency);
    const paid = rnd() < 0.5 && due < today;
    out.push({
      externalId: `b-${companyId}-${n}`, number: `INV-${companyId}-${n}`, kind: 'invoice', companyId, amount,
      open: paid ? money(0, currency) : amount, issueDate: issue, dueDate: due, paymentTermDays: 30,
      status: paid ? 'paid' : 'open', ...(paid ? { paidDate: addDays(due, Math.floor(rnd() * 20) - 5) } : {}),
      directDebit: false, sourceVersion: '1',
    });
  }
  return out;
}
