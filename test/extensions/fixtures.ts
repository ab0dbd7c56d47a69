import { PaymentStatusVM, ReceivablesVM, type ChargesVM, type InvoiceRowVM } from '../../src/contracts/cards';

/** Contract-valid view models for card tests (parsed, so a fixture can never drift from the contract). */

export const jsonResponse = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export function aRow(over: Partial<InvoiceRowVM> = {}): InvoiceRowVM {
  return {
    externalId: 'inv-1', number: 'F-2026-0001', kind: 'invoice', issueDate: '2026-09-01', dueDate: '2026-10-01',
    amount: { minor: 1_840_000, currency: 'EUR' }, open: { minor: 1_840_000, currency: 'EUR' }, daysOverdue: 53,
    tags: ['overdue', 'promised'], ...over,
  };
}

/** €18,400 overdue for a business: interest to date and the WIK costs. */
export const aChargesVM = (): ChargesVM => ({
  interestKind: 'commercial', principal: [{ minor: 1_840_000, currency: 'EUR' }], interest: [{ minor: 27_120, currency: 'EUR' }],
  collectionCosts: { minor: 65_500, currency: 'EUR' }, costsChargeable: true,
});

export function aReceivablesVM(over: Partial<ReceivablesVM> = {}): ReceivablesVM {
  return ReceivablesVM.parse({
    companyId: '4242',
    asOf: '2026-11-23',
    empty: false,
    totals: { open: [{ minor: 1_840_000, currency: 'EUR' }, { minor: 7_500, currency: 'USD' }], overdue: [{ minor: 1_840_000, currency: 'EUR' }] },
    oldestOverdueDays: 53,
    behaviour: { averageDaysLate: 21.5, weightedAverageDaysLate: 24, onTimeShare: 0.4, trend: 'worsening', habitualLatePayer: true },
    aging: [{ currency: 'EUR', buckets: [
      { id: 'current', minDays: 0, maxDays: 0, amount: { minor: 0, currency: 'EUR' }, count: 0 },
      { id: '31-60', minDays: 31, maxDays: 60, amount: { minor: 1_840_000, currency: 'EUR' }, count: 1 },
      { id: '90+', minDays: 91, maxDays: null, amount: { minor: 0, currency: 'EUR' }, count: 0 },
    ] }],
    invoices: { page: 1, pageSize: 25, total: 30, pageCount: 2, sort: '-daysOverdue', items: [aRow(), aRow({ externalId: 'inv-2', number: 'F-2026-0002', daysOverdue: 0, tags: ['direct_debit'], dueDate: '2026-12-01' })] },
    ladder: {
      currentStepId: 'formal_reminder', lastDone: { stepId: 'late_payment_call', doneAt: '2026-10-05T09:00:00.000Z' },
      next: { stepId: 'final_notice', action: 'letter', dueAt: '2026-11-26T08:00:00.000Z' },
      paused: [{ kind: 'dispute', until: null, invoiceCount: 1 }],
    },
    promises: [{ id: 'p1', promisedDate: '2026-11-12', amount: { minor: 1_840_000, currency: 'EUR' }, status: 'broken' }],
    disputes: [{ id: 'd1', invoiceNumber: 'F-2026-0003', reason: 'quality', openedOn: '2026-11-02' }],
    risk: { score: 120.5, segment: 'at_risk', reasons: [
      { code: 'overdue_money_days', params: { currency: 'EUR', overdueMinor: 1_840_000, moneyDaysMinor: 1, oldestDaysPastDue: 53 } },
      { code: 'broken_promise', params: { count: 1 } },
    ] },
    charges: aChargesVM(),
    ...over,
  });
}

export const anEmptyReceivablesVM = (): ReceivablesVM => aReceivablesVM({
  empty: true, totals: { open: [], overdue: [] }, oldestOverdueDays: null, aging: [], ladder: null, promises: [], disputes: [],
  invoices: { page: 1, pageSize: 25, total: 0, pageCount: 0, sort: '-daysOverdue', items: [] },
  risk: { score: 0, segment: 'current', reasons: [] },
  charges: { interestKind: 'commercial', principal: [], interest: [], collectionCosts: null, costsChargeable: false },
});

export function aPaymentStatusVM(over: Partial<PaymentStatusVM> = {}): PaymentStatusVM {
  return PaymentStatusVM.parse({
    companyId: '4242', asOf: '2026-11-23',
    open: [{ minor: 1_840_000, currency: 'EUR' }], overdue: [{ minor: 1_840_000, currency: 'EUR' }],
    oldestOverdueDays: 46, openPromise: null, openDisputeCount: 0, segment: 'at_risk',
    advice: { code: 'promise_broken', overdue: [{ minor: 1_840_000, currency: 'EUR' }], days: 46, promisedDate: '2026-11-12' },
    charges: aChargesVM(),
    ...over,
  });
}

/** The query of the URL the card fetched (portal, company, paging). */
export function fetchedQuery(url: unknown): Record<string, string> {
  return Object.fromEntries(new URL(String(url)).searchParams);
}

interface NodeLike { readonly nodeType: string; readonly text?: string | null; readonly childNodes?: readonly NodeLike[] }
/** All text under a rendered node (the renderer's `.text` is null for nodes with element children). */
export function textOf(node: NodeLike): string {
  if (node.nodeType === 'text') return node.text ?? '';
  return (node.childNodes ?? []).map(textOf).join(' ');
}

/** Intl puts no-break spaces in money and times; compare with plain spaces. */
export const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

/** The renderer's waitFor defaults to 1 s; the first render of a test file (Intl, zod warm-up) can take longer. */
export function withPatientWaitFor<R extends { waitFor: (check: () => void, o?: { timeoutInMs?: number }) => Promise<void> }>(r: R): R {
  const original = r.waitFor.bind(r);
  r.waitFor = (check, o) => original(check, { timeoutInMs: 5_000, ...o });
  return r;
}
