import type { CallScriptVM } from '../../contracts/actions';
import type { CallScript, CallScriptInput } from '../../domain/call-script/types';
import type { IsoDate } from '../../domain/dates';
import type { CompanyId, CustomerLedger, Language } from '../../domain/ledger';
import { costsFor, policyFor } from '../cards/portal-day';
import type { PortalId } from '../ledger/ledger-store';
import { loadCustomer, type ActionServiceDeps } from './action-deps';
import { openBalances, openInvoices } from './open-balance';

export type BuildCallScript = (input: CallScriptInput) => CallScript;

export interface ScriptRequest {
  readonly language?: Language;
  readonly companyName?: string;
  readonly contactName?: string;
}

/** At most this many invoices travel to the outcome form: the oldest due first, the ones a call is about. */
const MAX_FORM_INVOICES = 200;

/**
 * The script for this customer now (the domain builds it; this only reads the ledger and shapes the answer).
 * Language: the one asked for (the card sends the HubSpot user's), else the customer's.
 */
export function createCallScriptService(deps: ActionServiceDeps & { readonly buildCallScript: BuildCallScript }) {
  return async function callScript(portalId: PortalId, companyId: CompanyId, req: ScriptRequest): Promise<CallScriptVM> {
    const c = await loadCustomer(deps, portalId, companyId);
    const language = req.language ?? c.ledger.profile.language;
    const costs = await costsFor(deps, portalId);
    const script = deps.buildCallScript({
      ledger: c.ledger, asOf: c.asOf, now: c.now.toISOString(), language, policy: await policyFor(deps, portalId), calendar: c.calendar,
      costs,
      ...(req.companyName ? { companyName: req.companyName } : {}),
      ...(req.contactName ? { contactName: req.contactName } : {}),
    });
    return callScriptVM(c.ledger, c.asOf, script);
  };
}

/** The answer for the card: the script plus what the outcome form needs (open balance, open invoices). */
export function callScriptVM(ledger: CustomerLedger, asOf: IsoDate, script: CallScript): CallScriptVM {
  const companyId = ledger.companyId;
  const invoices = openInvoices(ledger)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number))
    .slice(0, MAX_FORM_INVOICES)
    .map((i) => ({ externalId: i.externalId, number: i.number, open: { ...i.open }, dueDate: i.dueDate }));
  return {
    companyId, language: script.language, today: asOf, persona: script.persona, customerType: script.customerType,
    ...(ledger.profile.accountsPayableContactId ? { accountsPayableContactId: ledger.profile.accountsPayableContactId } : {}),
    open: openBalances(ledger).map((m) => ({ ...m })),
    invoices,
    preparation: script.preparation.map((p) => ({ id: p.id, status: p.status, text: p.text })),
    opening: script.opening,
    goals: script.goals.map((g) => ({ id: g.id, text: g.text })),
    excuses: script.excuses.map((e) => ({ id: e.id, excuse: e.excuse, answer: e.answer })),
    closing: [...script.closing],
    followUp: script.followUp.map((f) => ({ id: f.id, text: f.text })),
    ...(script.fourteenDayLetter ? { fourteenDayLetter: {
      costsIfUnpaid: { ...script.fourteenDayLetter.costsIfUnpaid },
      ...(script.fourteenDayLetter.vatBasisPoints ? { vatBasisPoints: script.fourteenDayLetter.vatBasisPoints } : {}),
      ...(script.fourteenDayLetter.payBy ? { payBy: script.fourteenDayLetter.payBy } : {}),
      ...(script.fourteenDayLetter.sentOn ? { sentOn: script.fourteenDayLetter.sentOn } : {}),
    } } : {}),
  };
}
