import type { AdviceVM, PaymentStatusVM } from '../../contracts/cards';
import { chooseAdvice, type PaymentAdvice } from '../../domain/cards/payment-advice';
import type { IsoDate } from '../../domain/dates';
import { isArrangementOnTrack } from '../../domain/holds';
import type { BusinessCalendar, CustomerLedger } from '../../domain/ledger';
import { agingByCurrency, isOpenReceivable, oldestOverdue } from '../../domain/measures/aging';
import type { CostOptions } from '../../domain/legal/collection-costs';
import type { ReminderPolicy } from '../../domain/policy/policy';
import { chargesVM, moneyVM, openDisputes, relevantPromises, riskVM } from './shared';

/** The wire form of the domain's advice: the same union, money as MoneyVM. */
function adviceVM(a: PaymentAdvice): AdviceVM {
  return 'overdue' in a ? { ...a, overdue: a.overdue.map(moneyVM) } : a;
}

/** The compact owner view (sidebar, preview, help desk). */
export function buildPaymentStatusVM(input: {
  companyId: string; ledger: CustomerLedger; asOf: IsoDate; calendar?: BusinessCalendar; policy?: ReminderPolicy; costs?: CostOptions;
}): PaymentStatusVM {
  const { companyId, ledger, asOf } = input;
  const aging = agingByCurrency(ledger.invoices, asOf);
  const overdue = aging.filter((a) => a.totalOverdue.minor > 0).map((a) => moneyVM(a.totalOverdue));
  const oldestDays = oldestOverdue(ledger.invoices, asOf)?.daysPastDue ?? 0;
  const promises = relevantPromises(ledger, asOf);
  const disputeCount = openDisputes(ledger, asOf).length;
  const segment = riskVM(ledger, asOf).segment;
  const openPromises = promises.filter((p) => p.status === 'open').sort((a, b) => (a.promisedDate < b.promisedDate ? -1 : 1));
  return {
    companyId,
    asOf,
    open: aging.map((a) => moneyVM(a.totalOpen)),
    overdue,
    oldestOverdueDays: overdue.length > 0 ? oldestDays : null,
    openPromise: openPromises[0] ?? null,
    openDisputeCount: disputeCount,
    segment,
    advice: adviceVM(chooseAdvice({
      hasOpen: ledger.invoices.some(isOpenReceivable),
      overdue,
      oldestDays,
      promises,
      disputeCount,
      arrangementOnTrack: ledger.arrangements.some((a) => isArrangementOnTrack(a, ledger, asOf)),
      segment,
    })),
    charges: chargesVM(ledger, asOf, input),
  };
}
