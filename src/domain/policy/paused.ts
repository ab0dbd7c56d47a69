import type { CustomerLedger } from '../ledger';
import { isOpenInvoice } from '../measures/aging';
import { pausedInvoiceIds, pausesFor, type ActivePause } from '../pauses';
import type { PauseSummary, Reason } from './plan';

const untilOf = (p: ActivePause): string | undefined => ('until' in p ? p.until : undefined);

/** The stacked pauses as the cards show them: what holds, for which invoices, until when. */
export const pauseSummaries = (pauses: readonly ActivePause[]): PauseSummary[] =>
  pauses
    .map((p) => {
      const until = untilOf(p);
      return { kind: p.kind, invoiceExternalIds: [...pausedInvoiceIds(p)].sort(), ...(until !== undefined ? { until } : {}) };
    })
    .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));

const sortKey = (p: PauseSummary): string => `${p.kind}|${p.invoiceExternalIds.join(',')}|${p.until ?? ''}`;

function reasonFor(p: ActivePause): Reason {
  const until = untilOf(p);
  if (p.kind === 'opt_out') return { code: 'opted_out', params: until !== undefined ? { until } : {} };
  return {
    code: 'paused',
    params: { kind: p.kind, ...(until !== undefined ? { until } : {}), ...(p.kind === 'below_tolerance' ? { currency: p.currency } : {}) },
  };
}

/** Every open invoice held by a pause, grouped by the pause's reason (an invoice may be held for several). */
export function skippedByPause(ledger: CustomerLedger, pauses: readonly ActivePause[]): { reason: Reason; invoiceExternalIds: string[] }[] {
  const groups = new Map<string, { reason: Reason; ids: Set<string> }>();
  for (const inv of ledger.invoices) {
    if (!isOpenInvoice(inv)) continue;
    for (const p of pausesFor(inv, pauses)) {
      const reason = reasonFor(p);
      const id = JSON.stringify(reason);
      const group = groups.get(id) ?? { reason, ids: new Set<string>() };
      group.ids.add(inv.externalId);
      groups.set(id, group);
    }
  }
  return [...groups.keys()].sort().map((id) => ({ reason: groups.get(id)!.reason, invoiceExternalIds: [...groups.get(id)!.ids].sort() }));
}
