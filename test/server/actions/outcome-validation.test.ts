import { describe, expect, it } from 'vitest';
import { OutcomeInput, type OutcomeInputRaw } from '../../../src/contracts/actions';
import type { Invoice } from '../../../src/domain/ledger';
import { emptyLedger } from '../../../src/server/ledger/default-profile';
import { validateOutcome } from '../../../src/server/actions/outcome-validation';
import { ValidationFailed } from '../../../src/server/actions/validation-error';

const inv = (id: string, open: number, o: Partial<Invoice> = {}): Invoice => ({
  externalId: id, number: id, kind: 'invoice', companyId: 'c1', amount: { minor: open, currency: 'EUR' }, open: { minor: open, currency: 'EUR' },
  issueDate: '2026-10-01', dueDate: '2026-10-31', paymentTermDays: 30, status: 'open', directDebit: false, sourceVersion: '1', ...o,
});
const ledger = { ...emptyLedger('c1'), invoices: [inv('a', 60_000), inv('b', 40_000), inv('cn', 10_000, { kind: 'credit_note' }), inv('paid', 0, { status: 'paid' })] };
const EUR = (minor: number) => ({ minor, currency: 'EUR' });

function errorsOf(raw: Omit<OutcomeInputRaw, 'outcomeId'>): Record<string, string> {
  try {
    validateOutcome(OutcomeInput.parse({ outcomeId: 'outcome-1', ...raw }), ledger, '2026-11-23');
    return {};
  } catch (e) {
    if (!(e instanceof ValidationFailed)) throw e;
    return Object.fromEntries(Object.entries(e.fieldErrors).map(([k, v]) => [k, v.code]));
  }
}

describe('outcome validation against the ledger', () => {
  it('when a promise covers the balance, then the credit note is netted: 90,000 fits, 90,001 does not', () => {
    expect(errorsOf({ result: 'reached', promise: { date: '2026-11-23', amount: EUR(90_000) } })).toEqual({});
    expect(errorsOf({ result: 'reached', promise: { date: '2026-11-23', amount: EUR(90_001) } })).toEqual({ 'promise.amount': 'amount_above_open' });
  });

  it('when a promise names invoices, then only their open amounts count and a paid one is refused', () => {
    expect(errorsOf({ result: 'reached', promise: { date: '2026-11-24', amount: EUR(40_001), invoiceExternalIds: ['b'] } })).toEqual({ 'promise.amount': 'amount_above_open' });
    expect(errorsOf({ result: 'reached', promise: { date: '2026-11-24', amount: EUR(1), invoiceExternalIds: ['paid'] } })).toMatchObject({ 'promise.invoiceExternalIds.0': 'invoice_not_found' });
  });

  it('when the currency has nothing open, instalments go backwards or a deferral ends today, then each is named', () => {
    expect(errorsOf({ result: 'reached', promise: { date: '2026-11-24', amount: { minor: 1, currency: 'USD' } } })).toEqual({ 'promise.amount': 'currency_not_open' });
    expect(errorsOf({ result: 'reached', arrangement: { instalments: [{ dueDate: '2026-12-20', amount: EUR(1) }, { dueDate: '2026-12-01', amount: EUR(1) }] } }))
      .toEqual({ 'arrangement.instalments': 'instalments_not_in_order' });
    expect(errorsOf({ result: 'reached', deferral: { until: '2026-11-23' } })).toEqual({ 'deferral.until': 'date_in_past' });
  });
});
