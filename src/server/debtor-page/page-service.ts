import { debtorStanding, type DebtorStanding } from '../../domain/debtor-page/standing';
import { dateInZone } from '../../domain/dates';
import { collectionCostOptions } from '../../domain/legal/collection-costs';
import type { CustomerLedger, Language } from '../../domain/ledger';
import { planActions } from '../../domain/policy/engine';
import type { ReminderPolicy } from '../../domain/policy/policy';
import { policyFor, portalDay, type PortalDayDeps } from '../cards/portal-day';
import type { LedgerStore } from '../ledger/ledger-store';
import type { CreditorDetails, CreditorSource } from './creditor';
import type { InvoicePdfStore } from './invoice-pdfs';
import type { DebtorLinkStore } from './link-store';

export interface DebtorPageDeps extends PortalDayDeps {
  readonly links: DebtorLinkStore;
  readonly ledger: LedgerStore;
  readonly creditor: CreditorSource;
  /** The portal's settings version (creditor, language, policy, calendar): a saved change is a new page at once. */
  readonly settingsVersion?: (portalId: string) => Promise<number>;
  /** Which invoices have their own PDF (a UBL attachment), for the page's download links. */
  readonly pdfs?: Pick<InvoicePdfStore, 'which'>;
}

/** What a link opens: one customer of one portal, as of the portal's today. */
export interface DebtorView {
  readonly portalId: string;
  readonly companyId: string;
  readonly ledger: CustomerLedger;
  readonly standing: DebtorStanding;
  readonly creditor: CreditorDetails;
  readonly policy: ReminderPolicy;
  /** The customer's language (their profile, else the creditor's default). */
  readonly language: Language;
  /** The invoices of this customer whose own PDF can be downloaded. */
  readonly pdfInvoiceIds: ReadonlySet<string>;
}

/**
 * What a link opens: the customer's view; or, while the portal has saved no company details of its own, nothing
 * with payment instructions (no page is ever shown with another creditor's IBAN); or nothing at all.
 */
export type DebtorOpening =
  | { readonly kind: 'open'; readonly view: DebtorView }
  | { readonly kind: 'not_ready'; readonly portalId: string; readonly language: Language }
  | { readonly kind: 'none' };

/**
 * Resolves a link to its customer's view: the same ledger, policy and calendar the cards use, planned with the
 * same engine, so the page, the cards and the letters show the same phase and figures. `undefined` for any link
 * that does not open a customer (the router answers the neutral page), `not_ready` without the creditor's details.
 */
export function createDebtorPageService(deps: DebtorPageDeps) {
  return {
    /**
     * What a page depends on, cheaply: the customer the link opens, its ledger revision (changed by every ledger
     * write) and the portal's day. Equal fingerprints give equal pages, so a page can be reused until one changes.
     */
    async fingerprint(token: string): Promise<{ portalId: string; companyId: string; fingerprint: string } | undefined> {
      const found = await deps.links.resolve(token);
      if (!found) return undefined;
      const [[revision], day, settings] = await Promise.all([
        deps.ledger.getRevisions(found.portalId, [found.companyId]), portalDay(deps, found.portalId), deps.settingsVersion?.(found.portalId),
      ]);
      return { ...found, fingerprint: `${revision ?? '-'}:${day.asOf}:${settings ?? '-'}` };
    },

    async view(token: string): Promise<DebtorOpening> {
      const found = await deps.links.resolve(token);
      if (!found) return { kind: 'none' };
      const { portalId, companyId } = found;
      const [ledger, day, policy, creditor] = await Promise.all([
        deps.ledger.getCustomerLedger(portalId, companyId), portalDay(deps, portalId), policyFor(deps, portalId), deps.creditor(portalId),
      ]);
      if (!ledger) return { kind: 'none' };
      if (!creditor) return { kind: 'not_ready', portalId, language: ledger.profile.language ?? 'nl' };
      const { position } = planActions({ ledger, policy, now: day.now.toISOString(), calendar: day.calendar });
      const nextOn = position.next ? dateInZone(position.next.dueAt, day.calendar.timeZone) : undefined;
      const costs = collectionCostOptions(creditor.vatOnCollectionCosts);
      const standing = debtorStanding({ ledger, asOf: day.asOf, policy, position, costs, ...(nextOn ? { nextOn } : {}) });
      const pdfInvoiceIds = deps.pdfs ? await deps.pdfs.which(portalId, standing.invoices.map((i) => i.externalId)) : new Set<string>();
      return { kind: 'open', view: { portalId, companyId, ledger, standing, creditor, policy, language: ledger.profile.language ?? creditor.defaultLanguage, pdfInvoiceIds } };
    },
  };
}
export type DebtorPageService = ReturnType<typeof createDebtorPageService>;
