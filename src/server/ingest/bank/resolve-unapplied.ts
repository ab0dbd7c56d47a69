import type { ResolveUnappliedRequest } from '../../../contracts/bank';
import { allocateOldestFirst, type OpenItem } from '../../../domain/cash-application/apply-credit';
import type { Payment } from '../../../domain/ledger';
import { money } from '../../../domain/money';
import { AppError } from '../../errors';
import type { UpsertCounts } from '../../ledger/ledger-store';
import type { RedisLedgerStore } from '../../ledger/redis-ledger-store';
import type { BankStore } from './bank-store';

/**
 * A person applies a waiting credit: to the invoices they name (oldest due first, each at most its open amount,
 * what is left on account of their company) or on account of a company. The credit leaves the list only when
 * its payments are written; any failure puts it back, so it is never lost.
 */
export function createUnappliedResolver(deps: { ledger: Pick<RedisLedgerStore, 'findInvoiceCompanies' | 'getCustomerLedger' | 'upsertPayments'>; bank: BankStore }) {
  return async function resolveUnapplied(portalId: string, id: string, request: ResolveUnappliedRequest): Promise<UpsertCounts> {
    const item = await deps.bank.takeUnapplied(portalId, id);
    if (!item) throw new AppError('not_found', `No unapplied payment ${id}.`, 404);
    try {
      const amount = money(item.amountMinor, item.currency);
      const base = { date: item.date, method: 'bank_transfer' as const };
      if ('companyId' in request) {
        return await deps.ledger.upsertPayments(portalId, [{ ...base, externalId: `bank:${id}:account`, companyId: request.companyId, amount }]);
      }
      const companies = await deps.ledger.findInvoiceCompanies(portalId, request.invoiceExternalIds);
      const unknown = request.invoiceExternalIds.filter((_, i) => !companies[i]);
      if (unknown.length) throw new AppError('unknown_invoice', `No invoice ${unknown.join(', ')} in this portal.`, 422);
      if (new Set(companies).size > 1) throw new AppError('several_companies', 'The invoices belong to different companies: apply the payment per company.', 422);
      const ledger = await deps.ledger.getCustomerLedger(portalId, companies[0]!);
      const items: OpenItem[] = (ledger?.invoices ?? [])
        .filter((inv) => request.invoiceExternalIds.includes(inv.externalId) && inv.open.currency === item.currency)
        .map((inv) => ({ externalId: inv.externalId, companyId: inv.companyId, number: inv.number, open: inv.open, dueDate: inv.dueDate }));
      const { allocations, remainder } = allocateOldestFirst(amount, items);
      const payments: Payment[] = allocations.map((a, n) => ({ ...base, externalId: `bank:${id}:r${n}`, companyId: a.companyId, invoiceExternalId: a.invoiceExternalId, amount: a.amount }));
      if (remainder.minor > 0) payments.push({ ...base, externalId: `bank:${id}:account`, companyId: companies[0]!, amount: remainder });
      return await deps.ledger.upsertPayments(portalId, payments);
    } catch (error) {
      await deps.bank.addUnapplied(portalId, [item], Date.now());
      throw error;
    }
  };
}
