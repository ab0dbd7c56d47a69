import { nextBusinessDay } from '../calendar';
import type { FailedCollection, Invoice } from '../ledger';
import { actionKey } from './action-key';
import type { ActionDraft, PlanContext } from './context';
import { findDone, touches } from './history';
import type { Reason } from './plan';

/**
 * A failed direct debit gets a follow-up the same (or next) business day: the customer usually meant to pay,
 * so the message names the reason and offers another way to pay. Followed up = the follow-up was recorded, or
 * any contact about that invoice happened on or after the failure day.
 */
export function planFailedDirectDebit(ctx: PlanContext, currency: string, unpaused: readonly Invoice[]): ActionDraft | undefined {
  const rule = ctx.policy.failedDirectDebit;
  const byId = new Map(unpaused.filter((i) => i.open.currency === currency).map((i) => [i.externalId, i]));
  const open: { failure: FailedCollection; invoice: Invoice }[] = [];
  const failures = [...ctx.ledger.failedCollections].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  for (const failure of failures) {
    const invoice = byId.get(failure.invoiceExternalId);
    if (!invoice || failure.date > ctx.asOf) continue;
    const ids = new Set([invoice.externalId]);
    const keyOf = () => actionKey({ companyId: ctx.ledger.companyId, currency, stepId: rule.id, cycleAnchorDate: failure.date });
    const handled =
      findDone(ctx.history, { stepId: rule.id, keyOf, invoiceIds: ids, since: failure.date }) ??
      ctx.history.find((r) => touches(r, ids) && r.localDate >= failure.date);
    if (!handled) open.push({ failure, invoice });
  }
  const first = open[0];
  if (!first) return undefined;
  const invoices = [...new Map(open.map((o) => [o.invoice.externalId, o.invoice])).values()];
  const reasons: Reason[] = open.map(({ failure }) => ({
    code: 'failed_direct_debit',
    params: { reason: failure.reason, failedOn: failure.date, invoiceExternalId: failure.invoiceExternalId, ...(failure.code ? { code: failure.code } : {}) },
  }));
  return {
    step: rule,
    currency,
    cycleAnchorDate: first.failure.date,
    invoices,
    dueFrom: nextBusinessDay(first.failure.date, ctx.cal),
    reasons,
  };
}
