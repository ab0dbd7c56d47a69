import type { CustomerLedger, Invoice } from '../../domain/ledger';
import { isOpenReceivable, signedOpen } from '../../domain/measures/aging';
import type { Money } from '../../domain/money';

/** Open invoices (not credit notes) of this company, the ones a promise, dispute or arrangement can name. */
export const openInvoices = (ledger: CustomerLedger): Invoice[] =>
  ledger.invoices.filter((i) => i.kind === 'invoice' && isOpenReceivable(i));

/** The open balance per currency (credit notes netted), only currencies with something owed. */
export function openBalances(ledger: CustomerLedger): Money[] {
  const totals = new Map<string, number>();
  for (const inv of ledger.invoices) {
    if (isOpenReceivable(inv)) totals.set(inv.open.currency, (totals.get(inv.open.currency) ?? 0) + signedOpen(inv).minor);
  }
  return [...totals].filter(([, minor]) => minor > 0).sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => ({ minor, currency }));
}

/**
 * What an agreement in `currency` can cover at most: the named invoices' open amounts, or the whole open
 * balance in that currency when it names none.
 */
export function coverableAmount(ledger: CustomerLedger, invoiceIds: readonly string[], currency: string): number {
  if (invoiceIds.length === 0) return openBalances(ledger).find((m) => m.currency === currency)?.minor ?? 0;
  return openInvoices(ledger)
    .filter((i) => invoiceIds.includes(i.externalId) && i.open.currency === currency)
    .reduce((s, i) => s + i.open.minor, 0);
}
