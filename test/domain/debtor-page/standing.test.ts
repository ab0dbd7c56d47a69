import { describe, expect, it } from 'vitest';
import { paySelection } from '../../../src/domain/debtor-page/pay-selection';
import { debtorStanding } from '../../../src/domain/debtor-page/standing';
import { claimCharges } from '../../../src/domain/legal/claim-charges';
import { collectionCostOptions, wikCollectionCosts } from '../../../src/domain/legal/collection-costs';
import { statutoryInterest } from '../../../src/domain/legal/interest';
import { money } from '../../../src/domain/money';
import { DEFAULT_POLICY } from '../../../src/domain/policy/policy';
import { aDispute, aLedger, anArrangement, anInvoice, aPayment, aProfile, aPromise } from '../builders';

const position = { paused: [] };

describe('the debtor standing', () => {
  it('when invoices are overdue, due soon, disputed, deferred or arranged, then each carries its own status and only undisputed overdue ones accrue interest', () => {
    const ledger = aLedger({
      invoices: [
        anInvoice({ externalId: 'late', number: 'A', dueDate: '2026-02-01' }),
        anInvoice({ externalId: 'soon', number: 'B', dueDate: '2026-03-05' }),
        anInvoice({ externalId: 'later', number: 'C', dueDate: '2026-04-30' }),
        anInvoice({ externalId: 'disputed', number: 'D', dueDate: '2026-02-01' }),
        anInvoice({ externalId: 'deferred', number: 'E', dueDate: '2026-02-10' }),
        anInvoice({ externalId: 'arranged', number: 'F', dueDate: '2026-02-10' }),
      ],
      disputes: [aDispute({ invoiceExternalId: 'disputed', openedOn: '2026-02-20' })],
      promises: [aPromise({ invoiceExternalIds: ['deferred'], promisedDate: '2026-03-15', madeOn: '2026-02-25' })],
      arrangements: [anArrangement({ invoiceExternalIds: ['arranged'], agreedOn: '2026-02-25', instalments: [{ dueDate: '2026-03-20', amount: money(100_000, 'EUR') }] })],
    });
    const s = debtorStanding({ ledger, asOf: '2026-03-01', policy: DEFAULT_POLICY, position });
    expect(Object.fromEntries(s.invoices.map((i) => [i.externalId, i.status]))).toEqual({
      late: 'overdue', disputed: 'disputed', deferred: 'deferred', arranged: 'in_arrangement', soon: 'due_soon', later: 'open',
    });
    const late = s.invoices.find((i) => i.externalId === 'late')!;
    expect(late.daysOverdue).toBe(28);
    expect(late.interest).toEqual(statutoryInterest({ principal: money(100_000, 'EUR'), from: '2026-02-01', to: '2026-03-01', kind: 'commercial' }));
    expect(s.invoices.find((i) => i.externalId === 'disputed')!.interest.minor).toBe(0);
    expect(s.invoices.find((i) => i.externalId === 'deferred')!.deferredTo).toBe('2026-03-15');
    // WIK on the overdue principal that is not disputed: late + deferred + arranged.
    expect(s.collectionCosts).toEqual(wikCollectionCosts(money(300_000, 'EUR')));
    expect(s.arrangements).toHaveLength(1);
  });

  it('when an invoice is at the collection agency, then it says so, accrues no interest of ours and is neither payable on its own nor part of "everything overdue"', () => {
    const ledger = aLedger({
      invoices: [
        anInvoice({ externalId: 'agency', number: 'A', dueDate: '2026-01-01', status: 'in_collection' }),
        anInvoice({ externalId: 'late', number: 'B', dueDate: '2026-02-01' }),
      ],
    });
    const s = debtorStanding({ ledger, asOf: '2026-03-01', policy: DEFAULT_POLICY, position });
    const agency = s.invoices.find((i) => i.externalId === 'agency')!;
    expect(agency.status).toBe('in_collection');
    expect(agency.interest.minor).toBe(0);
    expect(paySelection(s, 'agency')).toEqual({ kind: 'nothing', reason: 'not_payable' });
    expect(paySelection(s)).toMatchObject({ kind: 'overdue', lines: [{ invoiceExternalId: 'late' }], total: money(100_000, 'EUR') });
  });

  it('when the customer is a consumer, then interest is the consumer rate and the ladder has the 14-day letter instead of the final notice', () => {
    const ledger = aLedger({ invoices: [anInvoice({ dueDate: '2026-02-01' })], profile: aProfile({ customerType: 'consumer' }) });
    const s = debtorStanding({ ledger, asOf: '2026-03-01', policy: DEFAULT_POLICY, position: { currentStepId: 'formal_reminder', paused: [], next: { stepId: 'fourteen_day_letter', action: 'letter', dueAt: '2026-03-02T08:00:00.000Z' } }, nextOn: '2026-03-02' });
    expect(s.invoices[0]!.interest).toEqual(statutoryInterest({ principal: money(100_000, 'EUR'), from: '2026-02-01', to: '2026-03-01', kind: 'consumer' }));
    expect(s.steps.map((st) => st.stepId)).toContain('fourteen_day_letter');
    expect(s.steps.map((st) => st.stepId)).not.toContain('final_notice');
    expect(s.steps.find((st) => st.stepId === 'formal_reminder')!.state).toBe('current');
    expect(s.steps.find((st) => st.stepId === 'late_payment_call')!.state).toBe('done');
    expect(s.steps.find((st) => st.stepId === 'fourteen_day_letter')).toMatchObject({ state: 'next', on: '2026-03-02', chargesCosts: true });
    expect(s.next).toEqual({ stepId: 'fourteen_day_letter', on: '2026-03-02' });
  });

  it('when a credit note is open and payments came in, then the credit counts against the open total and payments are listed newest first', () => {
    const ledger = aLedger({
      invoices: [anInvoice({ externalId: 'i', number: 'F1', dueDate: '2026-03-31' }), anInvoice({ externalId: 'cn', number: 'C1', kind: 'credit_note', amount: money(20_000, 'EUR'), dueDate: '2026-03-31' })],
      payments: [aPayment({ externalId: 'p1', date: '2026-02-01', invoiceExternalId: 'i' }), aPayment({ externalId: 'p2', date: '2026-02-10', invoiceExternalId: 'x' }), aPayment({ externalId: 'p3', date: '2026-04-01' })],
    });
    const s = debtorStanding({ ledger, asOf: '2026-03-01', policy: DEFAULT_POLICY, position });
    expect(s.totals.open).toEqual([money(80_000, 'EUR')]);
    expect(s.totals.overdue).toEqual([]);
    expect(s.collectionCosts).toBeUndefined();
    expect(s.payments).toEqual([{ date: '2026-02-10', amount: money(100_000, 'EUR') }, { date: '2026-02-01', amount: money(100_000, 'EUR'), invoiceNumber: 'F1' }]);
  });

  it('when the creditor charges VAT on collection costs, then the page\'s costs are the letters\' (claimCharges): the scale with VAT on top, or €40 per business invoice without', () => {
    const invoice = (id: string, minor: number) => anInvoice({ externalId: id, number: id.toUpperCase(), dueDate: '2026-02-01', amount: money(minor, 'EUR'), open: money(minor, 'EUR') });
    const cases = [
      // WIK on €1,000 is €150; 21% VAT on top: €181.50.
      { ledger: aLedger({ invoices: [invoice('a', 100_000)] }), plain: 15_000, withVat: 18_150, vatShown: 2_100 },
      // WIK on €300 is €45 (€54.45 with VAT), but a business owes €40 for each of the three invoices: €120, no VAT in it.
      { ledger: aLedger({ invoices: ['a', 'b', 'c'].map((id) => invoice(id, 10_000)) }), plain: 12_000, withVat: 12_000, vatShown: undefined },
    ];
    for (const c of cases) for (const vat of [false, true]) {
      const costs = collectionCostOptions(vat);
      const s = debtorStanding({ ledger: c.ledger, asOf: '2026-03-01', policy: DEFAULT_POLICY, position, costs });
      expect(s.collectionCosts).toEqual(claimCharges({ ledger: c.ledger, asOf: '2026-03-01', costs }).collectionCosts);
      expect(s.collectionCosts).toEqual(money(vat ? c.withVat : c.plain, 'EUR'));
      expect(s.collectionCostsVatBasisPoints).toBe(vat ? c.vatShown : undefined);
    }
  });
});
