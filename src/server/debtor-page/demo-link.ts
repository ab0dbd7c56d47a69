import { isOverdueInvoice } from '../../domain/measures/aging';
import { dateInZone } from '../../domain/dates';
import type { Backend } from '../compose';

/** For `npm start`'s summary: the link of the demo customer with the most overdue invoices (the most to see). */
export async function demoDebtorLink(backend: Backend, portalId: string): Promise<{ companyId: string; token: string } | undefined> {
  const asOf = dateInZone(backend.clock.now().toISOString(), (await backend.calendarFor(portalId)).timeZone);
  let best: { companyId: string; overdue: number } | undefined;
  for (const companyId of await backend.ledger.listCompanyIds(portalId)) {
    const ledger = await backend.ledger.getCustomerLedger(portalId, companyId);
    const overdue = ledger?.invoices.filter((i) => isOverdueInvoice(i, asOf)).length ?? 0;
    if (overdue > (best?.overdue ?? 0)) best = { companyId, overdue };
  }
  if (!best) return undefined;
  const link = await backend.debtorLinks.ensure(portalId, best.companyId);
  return { companyId: best.companyId, token: link.token };
}
