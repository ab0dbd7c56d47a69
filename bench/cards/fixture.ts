import { addDays, type IsoDate } from '../../src/domain/dates';
import type { Invoice } from '../../src/domain/ledger';
import { money } from '../../src/domain/money';

/** The measured company: 500 open invoices, due between 400 days ago and 100 days ahead, EUR, varied amounts. */
export const OPEN_INVOICES = 500;
export const PORTAL_ID = '14000001';

export function benchInvoices(companyId: string, today: IsoDate, n = OPEN_INVOICES): Invoice[] {
  return Array.from({ length: n }, (_, k) => {
    const due = addDays(today, 100 - k);
    const amount = money(25_000 + ((k * 7919) % 400_000), 'EUR');
    return {
      externalId: `bench-${k}`, number: `F-2026-${String(k).padStart(5, '0')}`, kind: 'invoice', companyId,
      amount, open: amount, issueDate: addDays(due, -30), dueDate: due, paymentTermDays: 30, status: 'open',
      directDebit: k % 10 === 0, sourceVersion: '1',
    } satisfies Invoice;
  });
}
